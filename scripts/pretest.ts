/**
 * `npm test` runs this first: it finds what the suite needs from the system (Chromium,
 * and the programs the export tests read exports with) and,
 * when something is missing, installs it from Debian's packages (as root on
 * Debian) or stops at once with one message naming the package and the command,
 * instead of letting every browser test fail on its own. Then it says whether the
 * PostgreSQL suites run or are skipped.
 */
import { spawnSync } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { probePostgres } from './postgres-probe';
import { probeRedis } from './redis-probe';
import {
  planDatabaseSuites,
  planRedisSuites,
  prepare,
  type SystemFacts,
  testDatabaseUrl,
  testRedisUrl,
} from './test-requirements';

function isExecutable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function hasCommand(name: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${name}`], { stdio: 'ignore' }).status === 0;
}

function run(command: string, args: readonly string[]): void {
  const result = spawnSync(command, args, {
    stdio: 'inherit',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  if (result.status !== 0) {
    process.stderr.write(`\n${command} ${args.join(' ')} failed (exit ${result.status}).\n`);
    process.exit(1);
  }
}

const facts: SystemFacts = {
  chromiumPathSetting: process.env.CHROMIUM_PATH,
  isExecutable,
  isRoot: process.getuid?.() === 0,
  hasApt: hasCommand('apt-get'),
  hasCommand,
};

const first = prepare(facts);
if (first.kind === 'install') {
  process.stdout.write(`Installing from Debian's packages: ${first.packages.join(' ')}\n`);
  run('apt-get', ['update', '-qq']);
  run('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...first.packages]);
}
const outcome = first.kind === 'install' ? prepare(facts) : first;
if (outcome.kind === 'install') {
  process.stderr.write(`Still missing after installing them: ${outcome.packages.join(' ')}.\n`);
  process.exit(1);
}
if (outcome.kind === 'stop') {
  process.stderr.write(`${outcome.message}\n`);
  process.exit(1);
}

// The PostgreSQL suites are optional: without a database they are skipped, and this
// one line says which and how to run them.
const databaseUrlSetting = process.env.DATABASE_URL;
const plan = planDatabaseSuites({
  databaseUrlSetting,
  problem: await probePostgres(testDatabaseUrl(databaseUrlSetting)),
});
if (plan.kind === 'skip') process.stdout.write(`${plan.message}\n`);
if (plan.kind === 'stop') {
  process.stderr.write(`${plan.message}\n`);
  process.exit(1);
}

// The scale-out suites need Redis as well as PostgreSQL; said the same way.
if (plan.kind === 'run') {
  const redisUrlSetting = process.env.REDIS_URL;
  const redisPlan = planRedisSuites({
    redisUrlSetting,
    problem: await probeRedis(testRedisUrl(redisUrlSetting)),
  });
  if (redisPlan.kind === 'skip') process.stdout.write(`${redisPlan.message}\n`);
  if (redisPlan.kind === 'stop') {
    process.stderr.write(`${redisPlan.message}\n`);
    process.exit(1);
  }
}
