import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

describe('temp folders of a test run', () => {
  it('GIVEN a test making a temp folder THEN it is inside the run folder the global setup removes at the end', async () => {
    expect(path.basename(tmpdir())).toMatch(/^pilcrow-test-run-/);
    expect(path.dirname(await mkdtemp(path.join(tmpdir(), 'pilcrow-x-')))).toBe(tmpdir());
  });
});
