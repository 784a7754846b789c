/**
 * What the built server loads before it listens: the modules of `dist/server/main.js` and
 * of the chunks it imports statically, read from esbuild's metafile of the same build
 * (`serverBuildOptions`, built in memory). Code needed only by a request that may never
 * come, or by a configuration this start does not have, is imported with `import()` and
 * must stay out of that set; each is checked to be in the bundle at all, so a renamed file
 * cannot make the check pass by matching nothing.
 */
import os from 'node:os';
import path from 'node:path';
import { build, type Metafile } from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../../scripts/build-freshness.js';
import { SERVER_EXTERNALS, serverBuildOptions } from '../../scripts/server-build';

/** Loaded on first use only; the reason is what would otherwise be paid at every start. */
const LOADED_ON_FIRST_USE: Record<string, RegExp> = {
  // CSV is not among them: its field quoting serves the survey and portfolio downloads too.
  'the renderers of exports (pdf, docx, slides, poster, markdown, html)':
    /^server\/export\/render-(pdf|docx|slides|poster|markdown|html)\./,
  'the tar writer of backups': /^node_modules\/tar-stream\//,
  "the demo lab's content, made with the first administrator": /^server\/demo\//,
  'PowerPoint slides': /^node_modules\/pptxgenjs\//,
  'mail (nodemailer), only when SMTP is set': /^node_modules\/nodemailer\//,
  'Redis (ioredis), only when REDIS_URL is set': /^node_modules\/ioredis\//,
  // Not `remote-access.ts`: what other processes' changes close here is assembled with the
  // rest of the app, and it imports nothing of Redis.
  'scale-out, only when REDIS_URL is set':
    /^server\/scale\/(redis-|scale-out|shared-|bus-messages)/,
  // Not `database-address.ts`: the configuration names the address, without the driver.
  'PostgreSQL (pg and its stores), only when DATABASE_URL is set':
    /^(node_modules\/pg\/|server\/store\/postgres\/(?!database-address\.))/,
  'single sign-on (openid-client), only when OIDC_ISSUER is set': /^node_modules\/openid-client\//,
};

/**
 * Bytes of JavaScript Node reads and compiles before listening: about 1.11 MB when this was
 * written. Reading and compiling take about a fifth of start to listening, so the budget
 * leaves room to grow without letting a large library in unnoticed.
 */
const START_BYTES_BUDGET = 1_350_000;

interface StartSet {
  /** Source files (relative to the root) in the outputs main.js loads before listening. */
  readonly atStart: Set<string>;
  /** Every source file of the bundle. */
  readonly all: Set<string>;
  readonly atStartBytes: number;
  /** Packages left outside the bundle that main.js imports statically. */
  readonly externalAtStart: Set<string>;
}

function startSet(metafile: Metafile): StartSet {
  const outputs = metafile.outputs;
  const main = Object.keys(outputs).find((file) => file.endsWith('/main.js'));
  if (main === undefined) throw new Error('the build has no main.js');
  const seen = new Set<string>();
  const externalAtStart = new Set<string>();
  const queue = [main];
  for (let file = queue.pop(); file !== undefined; file = queue.pop()) {
    if (seen.has(file)) continue;
    seen.add(file);
    for (const imported of outputs[file]?.imports ?? []) {
      if (imported.kind !== 'import-statement') continue;
      if (imported.external) externalAtStart.add(imported.path);
      else queue.push(imported.path);
    }
  }
  const atStart = new Set<string>();
  let atStartBytes = 0;
  for (const file of seen) {
    const output = outputs[file];
    if (output === undefined) continue;
    atStartBytes += output.bytes;
    for (const input of Object.keys(output.inputs)) atStart.add(input);
  }
  return { atStart, all: new Set(Object.keys(metafile.inputs)), atStartBytes, externalAtStart };
}

describe('the modules the built server loads before it listens', () => {
  let set: StartSet;

  beforeAll(async () => {
    // Built in memory (write: false): the output folder is only where names would go.
    const result = await build({
      ...serverBuildOptions(ROOT, path.join(os.tmpdir(), 'server-start-modules')),
      write: false,
      logLevel: 'silent',
    });
    set = startSet(result.metafile);
  }, 60_000);

  it.each(Object.entries(LOADED_ON_FIRST_USE))('leave out %s', (_reason, pattern) => {
    expect([...set.all].some((file) => pattern.test(file))).toBe(true);
    expect([...set.atStart].filter((file) => pattern.test(file))).toEqual([]);
  });

  it('import no package left outside the bundle (the export libraries) at start', () => {
    const externals = [...set.externalAtStart].filter((name) =>
      SERVER_EXTERNALS.some((external) =>
        external.endsWith('/*') ? name.startsWith(external.slice(0, -1)) : name === external,
      ),
    );
    expect(externals).toEqual([]);
  });

  it(`stay within ${START_BYTES_BUDGET.toLocaleString('en-GB')} bytes of JavaScript`, () => {
    expect(set.atStartBytes).toBeGreaterThan(0);
    expect(set.atStartBytes).toBeLessThanOrEqual(START_BYTES_BUDGET);
  });
});
