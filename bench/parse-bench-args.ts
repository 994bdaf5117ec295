import { parseArgs } from 'node:util';

/** Command-line options of `npm run bench`. */
export interface BenchArgs {
  sizes: number[];
  queries: number;
  json: boolean;
}

/** Every size: the bundled article, ~1k, ~10k and ~100k paragraphs. */
export const DEFAULT_SIZES = [1, 1_000, 10_000, 100_000];
export const DEFAULT_QUERIES = 200;

const USAGE = 'use --sizes 1,1000 --queries N --json';

/** A whole number of at least 1, written with or without `_` separators; NaN otherwise. */
export function readCount(text: string): number {
  const n = Number(text.trim().replace(/_/g, ''));
  return text.trim() !== '' && Number.isInteger(n) && n >= 1 ? n : NaN;
}

/**
 * A whole-number option of a bench script (`--name N`): `fallback` when absent; throws a message
 * naming the option and its range when `raw` is not a whole number from `min` to `max`.
 */
export function wholeOption(name: string, raw: string | undefined, fallback: number, min: number, max: number): number {
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) throw new Error(`--${name} wants a whole number from ${min} to ${max}, not "${raw}"`);
  return n;
}

/** Parses `--sizes 1,1000 --queries N --json` (node:util parseArgs); an error message for anything else. */
export function parseBenchArgs(argv: readonly string[]): BenchArgs | { error: string } {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: false,
      options: { sizes: { type: 'string' }, queries: { type: 'string' }, json: { type: 'boolean', default: false } },
    }));
  } catch (err) {
    return { error: `${(err as Error).message.replace(/\. To specify a positional argument.*$/s, '.')} (${USAGE})` };
  }
  const args: BenchArgs = { sizes: DEFAULT_SIZES, queries: DEFAULT_QUERIES, json: values.json };
  if (values.sizes !== undefined) {
    const sizes = values.sizes.split(',').map(readCount);
    if (sizes.some((n) => Number.isNaN(n))) return { error: '--sizes wants positive integers, e.g. --sizes 1,1000' };
    args.sizes = sizes;
  }
  if (values.queries !== undefined) {
    const n = readCount(values.queries);
    if (Number.isNaN(n)) return { error: '--queries wants a positive integer' };
    args.queries = n;
  }
  return args;
}
