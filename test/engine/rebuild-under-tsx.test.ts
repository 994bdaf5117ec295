import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const TSX_CLI = createRequire(import.meta.url).resolve('tsx/cli');
const SCRIPT = fileURLToPath(new URL('./support/rebuild-once.ts', import.meta.url));

describe('the rebuild worker under tsx (npm start)', () => {
  it('GIVEN a store opened by a tsx process WHEN an article is added THEN the worker rebuilds it, and the process exits after close', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'pilcrow-data-'));
    const cacheDir = mkdtempSync(path.join(tmpdir(), 'pilcrow-cache-'));
    const { stdout } = await promisify(execFile)(process.execPath, [TSX_CLI, SCRIPT, dataDir, cacheDir], { timeout: 60_000 });
    expect(JSON.parse(stdout)).toMatchObject({
      answer: { quotes: [{ article: 'floods', speaker: expect.stringContaining('Tom Reyes'), paragraph: 2 }] },
    });
  }, 60_000);
});
