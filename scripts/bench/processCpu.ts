// CPU seconds used by Chromium's processes (Linux /proc), by process type: where a benchmark's work really runs.
import { readdirSync, readFileSync } from 'node:fs';

export type CpuByType = Record<string, number>;

/** user + system CPU seconds of every running Chromium process, summed by its --type (the browser has none). */
export function chromiumCpu(): CpuByType | null {
  let pids: string[];
  try {
    pids = readdirSync('/proc').filter((name) => /^\d+$/.test(name));
  } catch {
    return null; // not Linux
  }
  const ticks = 100; // USER_HZ on Linux
  const out: CpuByType = {};
  for (const pid of pids) {
    try {
      const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      if (!/chrom/i.test(cmdline.split('\0')[0] ?? '')) continue;
      // Fields after the command name in parentheses: utime is the 14th field of the line, stime the 15th.
      const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
      const seconds = (Number(fields[11]) + Number(fields[12])) / ticks;
      const type = /--type=([a-z-]+)/.exec(cmdline)?.[1] ?? 'browser';
      out[`${pid}:${type}`] = seconds;
    } catch {
      // the process ended meanwhile
    }
  }
  return out;
}

/** CPU seconds used between two snapshots, summed by process type (processes that started meanwhile count whole). */
export function cpuBetween(before: CpuByType | null, after: CpuByType | null): CpuByType | null {
  if (!before || !after) return null;
  const out: CpuByType = {};
  for (const [key, seconds] of Object.entries(after)) {
    const type = key.slice(key.indexOf(':') + 1);
    out[type] = Math.round(((out[type] ?? 0) + seconds - (before[key] ?? 0)) * 100) / 100;
  }
  return out;
}
