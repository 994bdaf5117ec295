/**
 * Vitest global setup: the build of the project's code that the processes tests start run
 * (`node bin/pilcrow.mjs <entry>`, test/support/spawn-entry.ts), made or found current once before
 * the test files run, rather than by the first processes started at once.
 */
import { spawnSync } from 'node:child_process';
import { LAUNCHER, REPO_ROOT } from './support/spawn-entry.ts';

export default function setup(): void {
  const run = spawnSync(process.execPath, [LAUNCHER, '--build'], { cwd: REPO_ROOT, encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`bin/pilcrow.mjs --build failed (exit ${run.status}): ${run.stderr}`);
}
