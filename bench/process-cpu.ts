import { readFileSync } from 'node:fs';

/** CPU time (user + system, all threads) a process has used, ms, from /proc (clock ticks of 1/100 s, Linux's USER_HZ); null elsewhere or once it has exited. */
export function cpuMsOf(pid: number | undefined): number | null {
  if (pid === undefined) return null;
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return null;
  }
}
