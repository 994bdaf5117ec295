import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { readStateFile, readStateFileSync, type ReadStateFileOptions } from '../../src/files/read-state-file.ts';

const schema = z.object({ version: z.literal(1), ids: z.array(z.string()).default([]) });
const limit: ReadStateFileOptions = { limit: { bytes: 40, problem: 'too large' } };

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'pilcrow-state-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Puts `content` at `state.json` (a string is the file's text; 'directory' makes a folder there); undefined leaves it missing. */
async function placeState(content: string | { directory: true } | undefined): Promise<string> {
  const file = join(dir, 'state.json');
  if (typeof content === 'string') await writeFile(file, content);
  else if (content) await mkdir(file);
  return file;
}

const cases: Array<[string, string | { directory: true } | undefined, ReadStateFileOptions, unknown]> = [
  ['no file', undefined, {}, { kind: 'missing' }],
  ['a valid file', '{"version":1,"ids":["a"]}', {}, { kind: 'valid', data: { version: 1, ids: ['a'] } }],
  ['a valid file the schema fills a default in', '{"version":1}', {}, { kind: 'valid', data: { version: 1, ids: [] } }],
  ['a file that is not JSON', '{"version":1,', {}, { kind: 'invalid', problem: 'not JSON' }],
  ['an empty file', '', {}, { kind: 'invalid', problem: 'not JSON' }],
  ['a field of the wrong type', '{"version":1,"ids":[3]}', {}, { kind: 'invalid', problem: expect.stringMatching(/^ids\.0: /) }],
  ['JSON that is not an object', '[]', {}, { kind: 'invalid', problem: expect.stringMatching(/^the top level: /) }],
  ['a file over the size limit', `{"version":1,"ids":["${'x'.repeat(40)}"]}`, limit, { kind: 'invalid', problem: 'too large' }],
  ['a file within the size limit', '{"version":1}', limit, { kind: 'valid', data: { version: 1, ids: [] } }],
  [
    'a directory where the file should be',
    { directory: true },
    {},
    { kind: 'unreadable', problem: expect.stringContaining('EISDIR'), code: 'EISDIR' },
  ],
];

describe('readStateFile', () => {
  it.each(cases)('GIVEN %s THEN reading it finds what is there', async (_name, content, options, expected) => {
    const file = await placeState(content);
    expect(await readStateFile(file, schema, options)).toEqual(expected);
  });

  it.each(cases)('GIVEN %s THEN the synchronous read finds the same', async (_name, content, options, expected) => {
    const file = await placeState(content);
    expect(readStateFileSync(file, schema, options)).toEqual(expected);
  });
});
