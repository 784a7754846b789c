/**
 * The `node` flags `npm start` runs the server with: those of `package.json`'s `start`
 * script, which owns them. The benchmark starts our server with them, so it measures
 * the server as it runs, and a test holds the README's command for running the build
 * on a server to the same flags.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

/** The flags between `node` and the script in `package.json`'s `start` script. */
export function startNodeFlags(repoRoot: string): string[] {
  const manifest = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as {
    scripts?: Record<string, string>;
  };
  const start = manifest.scripts?.start;
  if (start === undefined) throw new Error('package.json has no start script');
  return nodeFlagsOf(start);
}

/** The flags of a `node [flags] script` command line; throws on any other shape. */
export function nodeFlagsOf(command: string): string[] {
  const [program, ...rest] = command.trim().split(/\s+/);
  if (program !== 'node') throw new Error(`not a node command: ${command}`);
  const flags: string[] = [];
  for (const word of rest) {
    if (!word.startsWith('--')) return flags;
    flags.push(word);
  }
  throw new Error(`no script in: ${command}`);
}
