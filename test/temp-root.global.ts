/**
 * Vitest global setup: every temp folder the tests make (theirs, and those of the processes they
 * start with the environment passed on) goes under one folder of this run, removed when the run
 * ends — so a test that fails, times out or kills a process half-way leaves nothing in the
 * system's temp directory. Runs before the test workers start, so they inherit TMPDIR.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export default function setup(): () => void {
  const previous = process.env.TMPDIR;
  const root = mkdtempSync(path.join(tmpdir(), 'pilcrow-test-run-'));
  process.env.TMPDIR = root;
  return () => {
    if (previous === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = previous;
    rmSync(root, { recursive: true, force: true });
  };
}
