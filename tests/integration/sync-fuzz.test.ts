/**
 * The seeded protocol fuzz suite (issue 12): thousands of random and damaged sync and
 * awareness frames from an editor and a read-only observer. The server stays up,
 * bystanders keep syncing, no stock client fails to apply what it is sent, and every
 * stored document reopens as it was after a restart. `npm run fuzz -- --seed N
 * --count M` runs longer; a seed that once failed stays below as a named test.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CloseCode } from '../../shared/close-codes';
import { runProtocolFuzz } from '../helpers/protocol-fuzz';
import { startTestWorkspace, type TestWorkspace } from '../helpers/workspace';

describe('protocol fuzz', () => {
  let workspace: TestWorkspace;

  beforeEach(async () => {
    // Warnings only: thousands of refused frames would otherwise fill the memory log.
    workspace = await startTestWorkspace({ config: { logLevel: 'warn' } });
  });
  afterEach(async () => {
    await workspace.stop();
  });

  it('3,000 seeded frames leave the server up, bystanders syncing and documents reopening', async () => {
    const report = await runProtocolFuzz(workspace, { seed: 20261202, count: 3000 });
    expect(report.problems.join('\n')).toBe('');
    // The run reached every kind of frame and every way of refusing one.
    expect(Object.keys(report.kinds).length).toBeGreaterThanOrEqual(8);
    expect(report.closes[CloseCode.MalformedMessage]).toBeGreaterThan(100);
  }, 60_000);
});
