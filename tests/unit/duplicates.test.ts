/**
 * The duplicate check `npm test` runs (`npm run duplicates`: jscpd with `.jscpd.json`)
 * fails on code copied from one file to another: a probe pair of copies in
 * `tests/fixtures/duplicates` is reported, with both files named, and exits non-zero.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const config = JSON.parse(readFileSync('.jscpd.json', 'utf8')) as { minTokens: number };

describe('the duplicate check', () => {
  it('fails on a function copied into another file, naming both', () => {
    const result = spawnSync(
      'node_modules/.bin/jscpd',
      [
        '--min-tokens',
        String(config.minTokens),
        '--format',
        'typescript',
        '--reporters',
        'console',
        '--exitCode',
        '1',
        'tests/fixtures/duplicates',
      ],
      { encoding: 'utf8' },
    );
    expect(result.status).toBe(1);
    expect(result.stdout).toContain('tests/fixtures/duplicates/first.ts');
    expect(result.stdout).toContain('tests/fixtures/duplicates/second.ts');
  });
});
