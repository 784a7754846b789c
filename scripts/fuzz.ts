/**
 * `npm run fuzz -- [--seed N] [--count M] [--docs D]`: the protocol fuzz suite of
 * `tests/integration/sync-fuzz.test.ts`, for as long as wanted. It starts a server in
 * this process on a free port with a temporary data directory, sends M seeded frames
 * (default 20,000; seed 1), restarts it, and prints a JSON report. Exit code 0 when no
 * problem was found, 1 otherwise (the report lists them; keep the seed as a named
 * test), 2 for a bad command line.
 */
import { parseArgs } from 'node:util';
import * as z from 'zod';
import { runProtocolFuzz } from '../tests/helpers/protocol-fuzz';
import { startTestWorkspace } from '../tests/helpers/workspace';

const ArgsSchema = z.object({
  seed: z.coerce.number().int().min(0).default(1),
  count: z.coerce.number().int().min(1).default(20_000),
  docs: z.coerce.number().int().min(1).max(20).default(2),
});

async function main(): Promise<number> {
  let args: z.infer<typeof ArgsSchema>;
  try {
    const { values } = parseArgs({
      options: { seed: { type: 'string' }, count: { type: 'string' }, docs: { type: 'string' } },
    });
    args = ArgsSchema.parse(values);
  } catch (error) {
    process.stderr.write(
      `${String(error)}\nusage: npm run fuzz -- [--seed N] [--count M] [--docs D]\n`,
    );
    return 2;
  }
  const workspace = await startTestWorkspace({ config: { logLevel: 'warn' } });
  const started = performance.now();
  try {
    const report = await runProtocolFuzz(workspace, { ...args, batch: 500 });
    const seconds = (performance.now() - started) / 1000;
    process.stdout.write(`${JSON.stringify({ ...args, seconds, ...report }, null, 2)}\n`);
    return report.problems.length === 0 ? 0 : 1;
  } finally {
    await workspace.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`fuzz run failed: ${String(error)}\n`);
    process.exit(1);
  },
);
