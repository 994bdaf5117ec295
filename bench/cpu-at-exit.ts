/**
 * Preloaded (`node --import tsx --import ./bench/cpu-at-exit.ts …`) by bench/start.ts into a
 * process that exits by itself: writes the CPU time it used (user + system of all its threads,
 * from the start of the process, ms) to file descriptor 3 as it exits.
 */
import { writeSync } from 'node:fs';

process.once('exit', () => {
  const used = process.cpuUsage();
  writeSync(3, `${Math.round((used.user + used.system) / 1000)}\n`);
});
