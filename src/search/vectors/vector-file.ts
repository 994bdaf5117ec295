/**
 * The compact on-disk form of a word-vector table: int8-quantised rows (one scale per row) in
 * frequency order, the words, and a SHA-256 of everything before it. Loading is a read and a few
 * typed-array views; a truncated or altered file is detected and refused (null), never trusted.
 *
 * Layout (little-endian):
 *   0   8 bytes  magic "PLCRWV01"
 *   8   uint32   dimensions
 *   12  uint32   word count N
 *   16  uint32   byte length of the words blob
 *   20  uint32   reserved (0)
 *   24  float32  × N      scale of each row (value = int8 × scale)
 *   …   int8     × N × D  the rows, most frequent word first
 *   …   UTF-8    words joined by "\n", row order
 *   …   32 bytes SHA-256 of all the bytes above
 */
import { createHash } from 'node:crypto';

const MAGIC = 'PLCRWV01';
const HEADER_BYTES = 24;
const HASH_BYTES = 32;

/** A decoded table: row i belongs to words[i]; rows are int8 with one float scale each. */
export interface VectorTable {
  dimensions: number;
  words: string[];
  scales: Float32Array;
  rows: Int8Array;
}

/** Quantises one float row into `out` (int8) and returns its scale (max |value| / 127). */
export function quantiseRow(values: ArrayLike<number>, out: Int8Array, offset: number): number {
  let max = 0;
  for (let i = 0; i < values.length; i++) max = Math.max(max, Math.abs(values[i]!));
  const scale = max > 0 ? max / 127 : 1;
  for (let i = 0; i < values.length; i++) out[offset + i] = Math.round(values[i]! / scale);
  return scale;
}

/** The file bytes of a table. Words must not contain "\n" (the converter drops such words). */
export function encodeVectorFile(table: VectorTable): Buffer {
  const { dimensions, words, scales, rows } = table;
  const count = words.length;
  if (scales.length !== count || rows.length !== count * dimensions) throw new Error('word vectors: table parts disagree');
  const wordBytes = Buffer.from(words.join('\n'), 'utf8');
  const size = HEADER_BYTES + 4 * count + count * dimensions + wordBytes.length;
  const out = Buffer.alloc(size + HASH_BYTES);
  out.write(MAGIC, 0, 'latin1');
  out.writeUInt32LE(dimensions, 8);
  out.writeUInt32LE(count, 12);
  out.writeUInt32LE(wordBytes.length, 16);
  out.writeUInt32LE(0, 20);
  Buffer.from(scales.buffer, scales.byteOffset, scales.byteLength).copy(out, HEADER_BYTES);
  Buffer.from(rows.buffer, rows.byteOffset, rows.byteLength).copy(out, HEADER_BYTES + 4 * count);
  wordBytes.copy(out, HEADER_BYTES + 4 * count + count * dimensions);
  createHash('sha256').update(out.subarray(0, size)).digest().copy(out, size);
  return out;
}

/** The table in `bytes`, or null when they are not a complete, unaltered vector file. */
export function decodeVectorFile(bytes: Uint8Array): VectorTable | null {
  if (bytes.length < HEADER_BYTES + HASH_BYTES) return null;
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buf.toString('latin1', 0, 8) !== MAGIC) return null;
  const dimensions = buf.readUInt32LE(8);
  const count = buf.readUInt32LE(12);
  const wordLength = buf.readUInt32LE(16);
  if (dimensions === 0 || dimensions > 4096 || count === 0) return null;
  const size = HEADER_BYTES + 4 * count + count * dimensions + wordLength;
  if (buf.length !== size + HASH_BYTES) return null;
  const digest = createHash('sha256').update(buf.subarray(0, size)).digest();
  if (!digest.equals(buf.subarray(size))) return null;
  const words = buf.toString('utf8', size - wordLength, size).split('\n');
  if (words.length !== count) return null;
  const rowsAt = HEADER_BYTES + 4 * count;
  // Views into the file's bytes when the floats are aligned (a whole-file read is), else copies.
  const aligned = (buf.byteOffset + HEADER_BYTES) % 4 === 0;
  const scales = aligned ? new Float32Array(buf.buffer, buf.byteOffset + HEADER_BYTES, count) : new Float32Array(count);
  if (!aligned) new Uint8Array(scales.buffer).set(buf.subarray(HEADER_BYTES, rowsAt));
  const rows = new Int8Array(buf.buffer, buf.byteOffset + rowsAt, count * dimensions);
  return { dimensions, words, scales, rows };
}
