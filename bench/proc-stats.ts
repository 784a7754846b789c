/**
 * What a server process costs, read from Linux `/proc`: CPU time (user + system,
 * `/proc/<pid>/stat` utime + stime in clock ticks) between two points, and peak
 * resident memory (`VmHWM` in `/proc/<pid>/status`). Reading from outside the
 * process measures both servers the same way, whatever they run on.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

/** `getconf CLK_TCK`: the unit of utime and stime (normally 100 per second). */
export function clockTicksPerSecond(): number {
  const ticks = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim());
  if (!Number.isInteger(ticks) || ticks <= 0) throw new Error(`getconf CLK_TCK gave "${ticks}"`);
  return ticks;
}

/** utime + stime of `pid`, in clock ticks. */
export function readCpuTicks(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // The command name (field 2) is in parentheses and may hold spaces: count fields after it.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // Field 3 (state) is fields[0], so utime (field 14) and stime (field 15) are at 11 and 12.
  const utime = Number(fields[11]);
  const stime = Number(fields[12]);
  if (!Number.isFinite(utime) || !Number.isFinite(stime)) {
    throw new Error(`cannot read utime/stime from /proc/${pid}/stat`);
  }
  return utime + stime;
}

/** Peak resident set size (`VmHWM`) of `pid`, in bytes. */
export function readPeakRssBytes(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const match = /^VmHWM:\s+(\d+)\s+kB$/m.exec(status);
  if (!match?.[1]) throw new Error(`no VmHWM in /proc/${pid}/status`);
  return Number(match[1]) * 1024;
}

/** CPU time a process spends between `start` and the returned `stop`, in milliseconds. */
export function startCpuMeter(pid: number, ticksPerSecond: number): () => number {
  const before = readCpuTicks(pid);
  return () => ((readCpuTicks(pid) - before) * 1000) / ticksPerSecond;
}

/** The same for this (the benchmark's own) process, to show it is not the bottleneck. */
export function startOwnCpuMeter(): () => number {
  const before = process.cpuUsage();
  return () => {
    const used = process.cpuUsage(before);
    return (used.user + used.system) / 1000;
  };
}
