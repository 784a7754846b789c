/**
 * `npm test`'s checks before the tests: the type check (`tsc -b`, most of the time
 * and on one core) runs beside the others, which run one after another as before.
 * The others print as they go; the type check's output is held and printed whole
 * once they are done, so no two checks' lines mix. Stops at the first failing
 * check of the others, and exits 1 if any check failed.
 */
import { spawn } from 'node:child_process';

const SERIAL = ['lint', 'format:check', 'boundaries', 'unused', 'duplicates'] as const;

function run(script: string, held: boolean): Promise<{ ok: boolean; output: string }> {
  return new Promise((resolve) => {
    const child = spawn('npm', ['run', script], {
      stdio: held ? ['ignore', 'pipe', 'pipe'] : 'inherit',
    });
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.stderr?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.on('error', (error) => resolve({ ok: false, output: `${output}${String(error)}\n` }));
    child.on('close', (code) => resolve({ ok: code === 0, output }));
  });
}

const typecheck = run('typecheck', true);
let serialOk = true;
for (const script of SERIAL) {
  if (!(await run(script, false)).ok) {
    serialOk = false;
    break;
  }
}
const typed = await typecheck;
process.stdout.write(typed.output);
if (!serialOk || !typed.ok) process.exit(1);
