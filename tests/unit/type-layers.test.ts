/**
 * The type check bites per layer: files checked with shared/'s settings cannot use the DOM or
 * Node, the client's cannot use Node, the server's cannot use the DOM. Each probe folder in
 * tests/fixtures/type-layers extends the layer's own tsconfig.json.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));

function typeErrors(layer: 'shared' | 'client' | 'server'): string[] {
  const run = spawnSync(
    `${root}node_modules/.bin/tsc`,
    ['-p', `tests/fixtures/type-layers/${layer}/tsconfig.json`, '--pretty', 'false'],
    { cwd: root, encoding: 'utf8' },
  );
  if (run.error) throw run.error;
  expect(run.status).not.toBe(0);
  return run.stdout
    .split('\n')
    .filter((line) => line.includes('error TS'))
    .map((line) =>
      line.replace(/^.*probe\.ts\(\d+,\d+\): error (TS\d+): .*?'([^']+)'.*$/, '$1 $2'),
    );
}

describe('type layers', () => {
  it('shared/ has neither Node nor the DOM', () => {
    expect(typeErrors('shared')).toEqual(
      expect.arrayContaining(['TS2591 node:fs', 'TS2584 document', 'TS2591 Buffer']),
    );
  });

  it('the client has no Node', () => {
    expect(typeErrors('client')).toEqual(
      expect.arrayContaining(['TS2591 Buffer', 'TS2591 process']),
    );
  });

  it('the server has no DOM', () => {
    expect(typeErrors('server')).toEqual(['TS2584 document']);
  });
});
