/**
 * The route contracts bite at compile time. The probes in tests/fixtures/api-calls
 * are type-checked with the client's and the server's settings, and exactly the
 * line after each `// refused:` comment fails: on the client a wrong body, a
 * misnamed or missing path parameter, a body where the route takes none, a field
 * the answer does not have; on the server an answer of another shape than the
 * route's. Their right calls pass.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));

/** Lines of the probe that fail the check, and the lines that should. */
function check(side: 'client' | 'server'): { failing: number[]; refused: number[] } {
  const folder = `tests/fixtures/api-calls/${side}`;
  const probe = `${folder}/probe.ts`;
  const refused = readFileSync(`${root}${probe}`, 'utf8')
    .split('\n')
    .flatMap((line, index) => (line.includes('// refused:') ? [index + 2] : []));
  const run = spawnSync(
    `${root}node_modules/.bin/tsc`,
    ['-p', `${folder}/tsconfig.json`, '--pretty', 'false'],
    { cwd: root, encoding: 'utf8' },
  );
  if (run.error) throw run.error;
  expect(run.status).not.toBe(0);
  const errors = run.stdout.split('\n').filter((line) => line.includes('error TS'));
  // Every error is in the probe: the contracts, the client and the server check clean.
  expect(errors.filter((line) => !line.startsWith(probe))).toEqual([]);
  const failing = new Set(errors.map((line) => Number(/^[^(]+\((\d+),/.exec(line)?.[1])));
  return { failing: [...failing].sort((a, b) => a - b), refused };
}

it('a client call that breaks its route contract fails the type check, and only such a call', () => {
  const { failing, refused } = check('client');
  expect(refused.length).toBe(8);
  expect(failing).toEqual(refused);
});

it('a handler answering in another shape than its route contract fails the type check', () => {
  const { failing, refused } = check('server');
  expect(refused.length).toBe(3);
  expect(failing).toEqual(refused);
});
