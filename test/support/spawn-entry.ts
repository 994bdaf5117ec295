/**
 * How tests start the project's entries (src/main.ts, src/cli.ts, src/add.ts …) as real
 * processes: `node bin/pilcrow.mjs <entry>`, what the npm scripts run — the entry from the build
 * of the project's code, made once for the run by test/build.global.ts (a start only checks it is
 * current), no tsx in the process. The development way, `tsx <entry>` from source (the tsx command:
 * a node process of its own starting the program as its child and relaying signals to it), stays
 * tested: `fromSource` starts an entry like that, and each entry has a test using it.
 *
 * The environment of a child is the one given plus PATH, HOME and TMPDIR. TMPDIR sends its temp
 * files, and tsx's cache of compiled files, to this run's folder (test/temp-root.global.ts):
 * removed at the end of the run, and shared by every process the run starts.
 */
import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import path from 'node:path';
import { LAUNCHER } from '../../src/launch/running-build.ts';

/** The repository (the working directory of the processes started). */
export const REPO_ROOT = path.resolve(import.meta.dirname, '..', '..');

const TSX_COMMAND = path.join(REPO_ROOT, 'node_modules', '.bin', 'tsx');
/** What the npm scripts run: `node bin/pilcrow.mjs <entry>` (the product's own path to it). */
export { LAUNCHER };

/** The environment a started process gets: `env` over PATH, HOME and TMPDIR of this one. */
export function childEnv(env: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const base: NodeJS.ProcessEnv = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '' };
  if (process.env.TMPDIR) base.TMPDIR = process.env.TMPDIR;
  return { ...base, ...env };
}

/** The command and arguments that run `entry` (a path from the repository) with `args`. */
export function entryCommand(entry: string, args: readonly string[] = [], options: { fromSource?: boolean } = {}): [string, string[]] {
  return options.fromSource ? [TSX_COMMAND, [entry, ...args]] : [process.execPath, [LAUNCHER, entry, ...args]];
}

/** Starts `entry` in the repository with `childEnv(env)`; other options as for `spawn`. */
export function spawnEntry(
  entry: string,
  args: readonly string[],
  options: Omit<SpawnOptions, 'env'> & { env?: NodeJS.ProcessEnv; fromSource?: boolean } = {},
): ChildProcess {
  const { env, fromSource, ...spawnOptions } = options;
  const [command, commandArgs] = entryCommand(entry, args, { fromSource });
  return spawn(command, commandArgs, { cwd: REPO_ROOT, ...spawnOptions, env: childEnv(env) });
}
