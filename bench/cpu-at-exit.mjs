/**
 * Preloaded (`node --import ./bench/cpu-at-exit.mjs …`) by bench/start.ts into a process that
 * exits by itself: writes the CPU time it used (user + system of all its threads, from the start
 * of the process, ms) to file descriptor 3 as it exits. Plain JavaScript: the processes measured
 * run without tsx (bin/pilcrow.mjs), unless the bench is asked to start them from source.
 */
import { writeSync } from 'node:fs';

process.once('exit', () => {
  const used = process.cpuUsage();
  writeSync(3, `${Math.round((used.user + used.system) / 1000)}\n`);
});
