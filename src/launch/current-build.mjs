// The build a start runs: the last one when none of its inputs changed (a stat of each, a few ms),
// else a new one. Each build is a folder named by its contents, written under a temporary name and
// renamed into place, then named in current.json (also renamed into place): processes starting
// at once (four bots, shards) may each build, and each sees a complete build, never a half-written one.
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  unlinkSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { createHash, randomBytes } from 'node:crypto';
import path from 'node:path';
import { createRequire } from 'node:module';
import { buildBundle, listCommandFiles, PROJECT_COMMANDS, stamp } from './build-bundle.mjs';

/** esbuild's version, read without loading esbuild (a start that reuses the last build does not need it). */
const esbuildVersion = createRequire(import.meta.url)('esbuild/package.json').version;
/** Changes when what a build records does. */
const RECORD_FORMAT = 1;
/** The launcher's own code: a change to how builds are made makes a new one. */
const LAUNCHER_FILES = ['build-bundle.mjs', 'current-build.mjs'].map((name) => path.join(import.meta.dirname, name));
/** Files of the project esbuild reads besides the sources. */
const PROJECT_SETTINGS = ['package.json', 'tsconfig.json'];
/**
 * How long a build no longer current is kept after it was replaced, when no running process has
 * marked it in use (markInUse): a day, so that a day of edits (~1.6 MB a build) does not pile up.
 * A build a live process runs is never removed: its workers and shards load it later (a bot runs
 * for weeks; its rebuild worker starts at every corpus change).
 */
const KEEP_REPLACED_MS = 24 * 3600_000;
/** How old an abandoned temporary folder or record (a build killed while writing) must be to be removed. */
const KEEP_TEMPORARY_MS = 3600_000;
const BUILD_NAME = /^[0-9a-f]{16}$/;

/** A file's stamp, or null when it does not exist. */
function stampOrNull(file) {
  try {
    return stamp(file);
  } catch {
    return null;
  }
}

/** What a build depends on besides the sources it read: settings, the launcher, the commands listed. */
function surroundings(root, commands) {
  return {
    settings: Object.fromEntries(PROJECT_SETTINGS.map((name) => [name, stampOrNull(path.join(root, name))])),
    launcher: Object.fromEntries(LAUNCHER_FILES.map((file) => [file, stampOrNull(file)])),
    commands: listCommandFiles(path.join(root, commands.folder)),
  };
}

const same = (a, b) => JSON.stringify(a) === JSON.stringify(b);

function readRecord(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

/** Whether `record` is a build of these entries from the files as they are now. */
function isCurrent(record, { root, cacheDir, entries, commands }) {
  if (!record || record.format !== RECORD_FORMAT || record.esbuild !== esbuildVersion) return false;
  if (record.root !== root || !same(record.entries, entries) || !BUILD_NAME.test(record.build ?? '')) return false;
  if (!existsSync(path.join(cacheDir, record.build))) return false;
  if (!same(record.surroundings, surroundings(root, commands))) return false;
  return Object.entries(record.inputs).every(([file, was]) => same(stampOrNull(path.join(root, file)), was));
}

/** Writes `text` to `file` through a temporary file renamed over it. */
function writeAtomically(file, text) {
  const temporary = `${file}.${process.pid}-${randomBytes(4).toString('hex')}`;
  writeFileSync(temporary, text);
  renameSync(temporary, file);
}

/** Writes the build's files to a temporary folder renamed to `dir` (kept if another process was first). */
function writeBuild(cacheDir, dir, files) {
  if (existsSync(dir)) return;
  const temporary = path.join(cacheDir, `tmp-${process.pid}-${randomBytes(4).toString('hex')}`);
  for (const file of files) {
    mkdirSync(path.dirname(path.join(temporary, file.path)), { recursive: true });
    writeFileSync(path.join(temporary, file.path), file.contents);
  }
  try {
    renameSync(temporary, dir);
  } catch (err) {
    rmSync(temporary, { recursive: true, force: true });
    if (!existsSync(dir)) throw err;
  }
}

/** The folder in a build where each process running it leaves a file named by its pid. */
const IN_USE = '.in-use';

/** Whether process `pid` is alive (EPERM: it is, another user's). */
function isAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return err?.code === 'EPERM';
  }
}

/**
 * Marks the build in `dir` as run by this process until it exits, so no prune removes it under
 * the workers and shards it starts later. Best effort: a build that cannot be marked (read-only,
 * as in the Docker image, where no later build replaces it) runs all the same.
 */
export function markInUse(dir) {
  const mark = path.join(dir, IN_USE, String(process.pid));
  try {
    mkdirSync(path.dirname(mark), { recursive: true });
    writeFileSync(mark, '');
  } catch {
    return;
  }
  process.once('exit', () => {
    try {
      unlinkSync(mark);
    } catch {
      // Removed already.
    }
  });
}

/** Whether a live process has marked the build in `dir` in use (marks of processes gone are removed). */
function inUse(dir) {
  let pids;
  try {
    pids = readdirSync(path.join(dir, IN_USE));
  } catch {
    return false;
  }
  let used = false;
  for (const name of pids) {
    if (/^\d+$/.test(name) && isAlive(Number(name))) used = true;
    else rmSync(path.join(dir, IN_USE, name), { force: true });
  }
  return used;
}

/** Removes builds replaced more than KEEP_REPLACED_MS ago that no live process runs, and abandoned temporary files. */
function prune(cacheDir, current) {
  const now = Date.now();
  for (const name of readdirSync(cacheDir)) {
    const full = path.join(cacheDir, name);
    const temporary = name.startsWith('tmp-') || name.startsWith('current.json.');
    const keep = temporary ? KEEP_TEMPORARY_MS : BUILD_NAME.test(name) && name !== current ? KEEP_REPLACED_MS : null;
    if (keep === null) continue;
    try {
      if (now - statSync(full).mtimeMs > keep && (temporary || !inUse(full))) rmSync(full, { recursive: true, force: true });
    } catch {
      // Removed meanwhile by another process's prune.
    }
  }
}

/**
 * The folder of a build of `entries` (paths from `root`) from the files as they are now, under
 * `cacheDir`: the last build when none of its inputs changed, else a new one (`built: true`).
 * Rejects with esbuild's error when the code does not build, or a file system error.
 */
export async function ensureBuild({ root, cacheDir, entries, commands = PROJECT_COMMANDS }) {
  const recordFile = path.join(cacheDir, 'current.json');
  const previous = readRecord(recordFile);
  const options = { root, cacheDir, entries, commands };
  if (isCurrent(previous, options)) return { dir: path.join(cacheDir, previous.build), built: false };

  mkdirSync(cacheDir, { recursive: true });
  const around = surroundings(root, commands); // before building: a change during the build is seen next time
  // The output folder's depth is that of the build folders: the source maps' relative paths hold there.
  const { files, inputs } = await buildBundle({ root, entries, commands, outdir: path.join(cacheDir, 'out') });
  const hash = createHash('sha256');
  for (const file of files) hash.update(`${file.path}\0${file.hash}\0`);
  const build = hash.digest('hex').slice(0, 16);
  const dir = path.join(cacheDir, build);
  writeBuild(cacheDir, dir, files);
  const record = { format: RECORD_FORMAT, esbuild: esbuildVersion, root, entries, build, surroundings: around, inputs };
  writeAtomically(recordFile, `${JSON.stringify(record)}\n`);
  // The build replaced starts its KEEP_REPLACED_MS now (processes started from it may still run).
  if (previous?.build && previous.build !== build && BUILD_NAME.test(previous.build)) {
    const now = new Date();
    try {
      utimesSync(path.join(cacheDir, previous.build), now, now);
    } catch {
      // Already removed.
    }
  }
  prune(cacheDir, build);
  return { dir, built: true };
}
