/**
 * An exclusive lock file, so only one process (and one store within it) writes a
 * data file: two writers would each replace the other's changes wholesale.
 *
 * The lock holds its owner's pid and process start time. A lock whose process is gone
 * is stale and taken over, so a crash never blocks the next start. The start time
 * matters in containers, where a restarted server often gets the same pid as the
 * crashed one: same pid with another start time is a previous life, not this process.
 */
import { randomUUID } from 'node:crypto';
import { link, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import type { Logger } from '../logger';

export interface FileLock {
  /** Removes the lock file if it is still this lock's. */
  release(): Promise<void>;
}

interface LockOwner {
  readonly pid: number;
  /** `performance.timeOrigin` of the owning process. */
  readonly processStartedAt: number;
  /** Tells two locks of one process apart (only the acquirer releases). */
  readonly nonce: string;
  readonly hostname: string;
  readonly lockedAt: string;
}

function errorCode(error: unknown): string | undefined {
  return error instanceof Error && 'code' in error && typeof error.code === 'string'
    ? error.code
    : undefined;
}

async function readOwner(lockFile: string): Promise<Partial<LockOwner> | null> {
  try {
    const value: unknown = JSON.parse(await readFile(lockFile, 'utf8'));
    return typeof value === 'object' && value !== null ? (value as Partial<LockOwner>) : null;
  } catch {
    return null; // Gone meanwhile, or not a lock this code wrote: stale either way.
  }
}

function isRunning(owner: Partial<LockOwner>): boolean {
  const { pid } = owner;
  if (typeof pid !== 'number' || !Number.isInteger(pid) || pid <= 0) return false;
  if (pid === process.pid) return owner.processStartedAt === performance.timeOrigin;
  try {
    process.kill(pid, 0); // Signal 0 only asks whether the process exists.
    return true;
  } catch (error) {
    return errorCode(error) === 'EPERM'; // It exists but belongs to another user.
  }
}

/**
 * Creates `lockFile` with its content in one step: written to a private name first,
 * then hard-linked into place, which fails if the lock exists. So no other process
 * can ever see an empty lock and mistake it for a stale one. Returns false if taken.
 */
async function tryCreate(lockFile: string, content: string): Promise<boolean> {
  const draft = `${lockFile}.${process.pid}.${randomUUID()}`;
  await writeFile(draft, content, { flag: 'wx' });
  try {
    await link(draft, lockFile);
    return true;
  } catch (error) {
    if (errorCode(error) === 'EEXIST') return false;
    // No hard links on this file system: exclusive create, with a short empty moment.
    try {
      await writeFile(lockFile, content, { flag: 'wx' });
      return true;
    } catch (fallbackError) {
      if (errorCode(fallbackError) === 'EEXIST') return false;
      throw fallbackError;
    }
  } finally {
    await rm(draft, { force: true });
  }
}

/** Takes `lockFile` for the data file `target`, or throws if a live process holds it. */
export async function acquireFileLock(
  lockFile: string,
  target: string,
  logger: Logger,
): Promise<FileLock> {
  const owner: LockOwner = {
    pid: process.pid,
    processStartedAt: performance.timeOrigin,
    nonce: randomUUID(),
    hostname: os.hostname(),
    lockedAt: new Date().toISOString(),
  };
  const content = `${JSON.stringify(owner)}\n`;
  for (let attempt = 0; attempt < 3; attempt++) {
    if (await tryCreate(lockFile, content)) return { release: () => release(lockFile, owner) };
    const holder = await readOwner(lockFile);
    if (holder !== null && isRunning(holder)) {
      throw new Error(
        `another Improvement Lab process is using ${target} (pid ${holder.pid}, lock file ` +
          `${lockFile}); stop it, or point this one at another data directory`,
      );
    }
    logger.warn('taking over a stale lock file: the process that held it is gone', {
      lockFile,
      stalePid: holder?.pid ?? null,
    });
    await rm(lockFile, { force: true });
  }
  throw new Error(`could not take the lock file ${lockFile}: other processes keep taking it`);
}

async function release(lockFile: string, owner: LockOwner): Promise<void> {
  const holder = await readOwner(lockFile);
  if (holder?.nonce === owner.nonce) await rm(lockFile, { force: true });
}
