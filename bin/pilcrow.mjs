#!/usr/bin/env node
// `node bin/pilcrow.mjs <entry> [arguments…]`: runs one of Pilcrow's entries (src/main.ts,
// src/cli.ts …; what the npm scripts start) from an esbuild build of the project's code, rebuilt
// first when a source changed (src/launch/current-build.mjs), so the process loads plain
// JavaScript without tsx: about a third less CPU per start. `node bin/pilcrow.mjs --build` only
// builds (the Docker image does it, its code being read-only at run time).
//
// The entry runs as if started itself: process.argv[1] is its source path (its "am I the entry"
// check holds), and PILCROW_BUNDLE names the build's folder, for the workers and child processes
// it starts (rebuild worker, word-vector conversion, shards) to run the same build.
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { builtFile, PROCESS_ENTRIES, PROJECT_ENTRIES } from '../src/launch/build-bundle.mjs';
import { ensureBuild, markInUse } from '../src/launch/current-build.mjs';

const ROOT = path.resolve(import.meta.dirname, '..');
/** Beside the other tools' caches: git-ignored, and not copied into the Docker image from the host. */
const CACHE_DIR = path.join(ROOT, 'node_modules', '.cache', 'pilcrow', 'build');
const USAGE = `usage: node bin/pilcrow.mjs <entry> [arguments…]   (entries: ${PROCESS_ENTRIES.join(', ')})
       node bin/pilcrow.mjs --build`;
/** File system errors that mean the build cannot be written here (a read-only install). */
const UNWRITABLE = new Set(['EACCES', 'EPERM', 'EROFS']);

/** esbuild's errors in one line: the first, where it is, and how many more. */
function buildErrorLine(err) {
  const errors = Array.isArray(err?.errors) ? err.errors : [];
  if (errors.length === 0) return err instanceof Error ? err.message : String(err);
  const [first] = errors;
  const where = first.location ? `${first.location.file}:${first.location.line}:${first.location.column + 1}: ` : '';
  const more = errors.length > 1 ? ` (and ${errors.length - 1} more error${errors.length > 2 ? 's' : ''})` : '';
  return `${where}${first.text}${more}`;
}

/** The build's folder, or null when it cannot be written here (the caller then runs from source). */
async function currentBuild() {
  try {
    return (await ensureBuild({ root: ROOT, cacheDir: CACHE_DIR, entries: PROJECT_ENTRIES })).dir;
  } catch (err) {
    if (UNWRITABLE.has(err?.code)) {
      process.stderr.write(`pilcrow: cannot write the build in ${CACHE_DIR} (${err.code}): running from source under tsx\n`);
      return null;
    }
    process.stderr.write(`pilcrow: the code does not build: ${buildErrorLine(err)}\n`);
    process.exit(1);
  }
}

const [first, ...args] = process.argv.slice(2);
if (first === undefined || first === '--help') {
  process.stderr.write(`${USAGE}\n`);
  process.exit(first === undefined ? 2 : 0);
}
if (first === '--build') {
  const dir = await currentBuild();
  if (dir === null) process.exit(1);
  process.stdout.write(`${dir}\n`);
  process.exit(0);
}
const source = path.resolve(first);
const entry = path.relative(ROOT, source).split(path.sep).join('/');
if (!PROCESS_ENTRIES.includes(entry)) {
  process.stderr.write(`pilcrow: ${first} is not one of the entries\n${USAGE}\n`);
  process.exit(2);
}
// A worker or child of a process started from a build runs that same build.
const dir = process.env.PILCROW_BUNDLE || (await currentBuild());
process.argv.splice(1, 2, source);
if (dir === null) {
  const { register } = await import('tsx/esm/api');
  register();
  await import(pathToFileURL(source).href);
} else {
  process.env.PILCROW_BUNDLE = dir;
  markInUse(dir);
  // Stack traces name the build's lines; NODE_OPTIONS=--enable-source-maps makes them the
  // sources' (the build has its source maps), at ~0.2 s of CPU per start, so not by default.
  await import(pathToFileURL(path.join(dir, builtFile(entry))).href);
}
