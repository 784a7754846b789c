/**
 * Runs `npm run chart` as a real child process (node --import tsx scripts/chart.ts), for the CLI
 * tests: exit code and both streams, and the stdout JSON checked against chartJsonSchema.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { type ChartJson, chartJsonSchema } from '../../shared/charts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

export interface Outcome {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function chart(...args: string[]): Promise<Outcome> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/chart.ts', ...args], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

export async function chartJsonFor(...args: string[]): Promise<ChartJson> {
  const outcome = await chart(...args);
  expect(outcome.stderr).toBe('');
  expect(outcome.code).toBe(0);
  return chartJsonSchema.parse(JSON.parse(outcome.stdout));
}

export const fixture = (name: string) => `tests/fixtures/charts/${name}`;
