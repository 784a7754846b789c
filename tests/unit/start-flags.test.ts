/**
 * `npm start`'s node flags are owned by its script in package.json; the benchmark reads
 * them from there, and the README's command for running the build on a server must
 * carry the same ones, or a server started by hand would run unlike the one measured.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { nodeFlagsOf, startNodeFlags } from '../../scripts/start-flags';

const repoRoot = path.resolve(import.meta.dirname, '../..');

describe('the node flags npm start runs the server with', () => {
  it('are read from the start script', () => {
    expect(nodeFlagsOf('node --a=1 --b scripts/start.js')).toEqual(['--a=1', '--b']);
    expect(nodeFlagsOf('node scripts/start.js')).toEqual([]);
    expect(() => nodeFlagsOf('tsx scripts/start.js')).toThrow(/not a node command/);
    expect(() => nodeFlagsOf('node --a')).toThrow(/no script/);
    expect(startNodeFlags(repoRoot)).toContain('--max-semi-space-size=64');
  });

  it('are the ones the README gives for running the build on a server', () => {
    const readme = readFileSync(path.join(repoRoot, 'README.md'), 'utf8');
    const commands = readme
      .split('\n')
      .map((line) => line.replace(/#.*$/, '').trim())
      .filter((line) => /^node .*dist\/server\/main\.js$/.test(line));
    expect(commands.length).toBeGreaterThan(0);
    for (const command of commands) {
      expect(nodeFlagsOf(command)).toEqual(startNodeFlags(repoRoot));
    }
  });
});
