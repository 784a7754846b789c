/**
 * What a server process costs, read from Linux `/proc`: CPU time (user + system,
 * `/proc/<pid>/stat` utime + stime in clock ticks) between two points, and peak
 * resident memory (`VmHWM` in `/proc/<pid>/status`). Reading from outside the
 * process measures both servers the same way, whatever they run on.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';

/** `getconf CLK_TCK`: the unit of utime and stime (normally 100 per second). */
export function clockTicksPerSecond(): number {
  const ticks = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim());
  if (!Number.isInteger(ticks) || ticks <= 0) throw new Error(`getconf CLK_TCK gave "${ticks}"`);
  return ticks;
}

export interface CpuTicks {
  readonly user: number;
  readonly system: number;
}

/** utime and stime of `pid`, in clock ticks (of every thread, those that exited included). */
export function readCpuTicks(pid: number): CpuTicks {
  return readStatTicks(`/proc/${pid}/stat`);
}

/**
 * utime and stime of `pid`'s main thread alone (`/proc/<pid>/task/<pid>/stat`): in
 * Node, the event loop, where every request and message is handled; V8's helper
 * threads (optimising compilation, parts of garbage collection) and libuv's pool are
 * the rest of the process's time.
 */
export function readMainThreadTicks(pid: number): CpuTicks {
  return readStatTicks(`/proc/${pid}/task/${pid}/stat`);
}

function readStatTicks(file: string): CpuTicks {
  const stat = readFileSync(file, 'utf8');
  // The command name (field 2) is in parentheses and may hold spaces: count fields after it.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // Field 3 (state) is fields[0], so utime (field 14) and stime (field 15) are at 11 and 12.
  const utime = Number(fields[11]);
  const stime = Number(fields[12]);
  if (!Number.isFinite(utime) || !Number.isFinite(stime)) {
    throw new Error(`cannot read utime/stime from ${file}`);
  }
  return { user: utime, system: stime };
}

function readStatusBytes(pid: number, field: 'VmHWM' | 'VmRSS'): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const match = new RegExp(`^${field}:\\s+(\\d+)\\s+kB$`, 'm').exec(status);
  if (!match?.[1]) throw new Error(`no ${field} in /proc/${pid}/status`);
  return Number(match[1]) * 1024;
}

/** Peak resident set size (`VmHWM`) of `pid` since it started, in bytes. */
export function readPeakRssBytes(pid: number): number {
  return readStatusBytes(pid, 'VmHWM');
}

/**
 * Resets `pid`'s peak resident set size (`VmHWM`) to what it holds now (Linux:
 * `5` written to `/proc/<pid>/clear_refs`), so the peak read after a workload is the
 * workload's own, not start-up's or set-up's: signing in hashes a password with
 * scrypt at 128 MiB, which set-up does before the scenarios.
 */
export function resetPeakRss(pid: number): void {
  writeFileSync(`/proc/${pid}/clear_refs`, '5');
}

/** Resident set size (`VmRSS`) of `pid` now, in bytes. */
export function readRssBytes(pid: number): number {
  return readStatusBytes(pid, 'VmRSS');
}

export interface CpuTime {
  /** User + system. */
  readonly totalMs: number;
  readonly systemMs: number;
  /** User + system of the main thread (the event loop) alone. */
  readonly mainThreadMs: number;
}

/** Starts measuring the CPU time of `pid`; call the returned function to read it. */
export function startCpuMeter(pid: number, ticksPerSecond: number): () => CpuTime {
  const before = readCpuTicks(pid);
  const mainBefore = readMainThreadTicks(pid);
  const toMs = (ticks: number) => (ticks * 1000) / ticksPerSecond;
  return () => {
    const after = readCpuTicks(pid);
    const mainAfter = readMainThreadTicks(pid);
    const systemMs = toMs(after.system - before.system);
    return {
      totalMs: toMs(after.user - before.user) + systemMs,
      systemMs,
      mainThreadMs: toMs(mainAfter.user - mainBefore.user + (mainAfter.system - mainBefore.system)),
    };
  };
}

/**
 * Starts measuring the CPU time of several processes together (ms, user + system);
 * one that exits meanwhile counts up to its last reading before that.
 */
export function startCpuMeters(pids: readonly number[], ticksPerSecond: number): () => number {
  const before = new Map<number, number>();
  for (const pid of pids) {
    try {
      const ticks = readCpuTicks(pid);
      before.set(pid, ticks.user + ticks.system);
    } catch {
      // gone already
    }
  }
  return () => {
    let ticks = 0;
    for (const [pid, start] of before) {
      try {
        const now = readCpuTicks(pid);
        ticks += now.user + now.system - start;
      } catch {
        // exited during the measurement
      }
    }
    return (ticks * 1000) / ticksPerSecond;
  };
}

/** The ids of every process whose command name is one of `names` (`/proc/<pid>/comm`). */
export function pidsNamed(names: readonly string[]): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const comm = readFileSync(`/proc/${entry}/comm`, 'utf8').trim();
      if (names.includes(comm)) pids.push(Number(entry));
    } catch {
      // exited while listed
    }
  }
  return pids;
}

/** CPU time (ms) of this, the benchmark's own, process: to show it is not the bottleneck. */
export function startOwnCpuMeter(): () => number {
  const before = process.cpuUsage();
  return () => {
    const used = process.cpuUsage(before);
    return (used.user + used.system) / 1000;
  };
}
