/** CPU time of a process (user + system, seconds) from /proc, and the machine's load. */
import { readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';

const TICKS = 100; // USER_HZ on Linux

/** User + system CPU seconds of `pid` (children not included); NaN when /proc is unavailable. */
export function cpuSeconds(pid: number | null | undefined): number {
  if (!pid) return NaN;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // fields[0] is field 3 (state): utime is field 14, stime field 15.
    return (Number(fields[11]) + Number(fields[12])) / TICKS;
  } catch {
    return NaN;
  }
}

/** 1-minute load average divided by the number of cores: > 1 means processes were waiting for CPU. */
export function loadPerCore(): number {
  return loadavg()[0]! / Math.max(1, cpus().length);
}
