import Fuse, { type IFuseOptions } from 'fuse.js';
import { PARAGRAPH_FUSE_OPTIONS } from './search-settings.ts';

/** A paragraph or a name to score: its id and its text. */
export interface ClosenessDoc {
  id: number;
  text: string;
}

/**
 * fuse.js's score (0 = perfect … 1, lower is better) of each doc that matches `pattern`, by id:
 * exactly what `new Fuse(docs, options).search(pattern)` gives (options: PARAGRAPH_FUSE_OPTIONS
 * or NAME_FUSE_OPTIONS), without fuse.js doing the work for the common case.
 *
 * Why: the re-ranking built a Fuse per query and ran its bitap once per error level allowed
 * (up to 14 passes over each paragraph, an array allocated per pass), about a third of a
 * /related query at 100,000 paragraphs. With PARAGRAPH_FUSE_OPTIONS (location ignored, field
 * norm ignored, one key, no extended or token search) fuse.js's score reduces to
 * e / m, floored at 0.001, where m is the pattern's length and e the fewest edits (insertions,
 * deletions, substitutions) turning it into some stretch of the text, kept when e / m ≤ threshold;
 * a text equal to the pattern scores Number.EPSILON. Myers' bit-parallel algorithm (1999) finds e
 * in one pass. Case is folded as fuse.js does; a pattern or a text with a character whose case or
 * diacritic folding is not the identity (accented letters, combining marks, ß …) goes to fuse.js
 * itself, as do options this shortcut was not written for. test/search/fuse-closeness.test.ts
 * holds it to fuse.js's own scores on real paragraphs.
 */
export function fuseCloseness<T extends ClosenessDoc>(
  pattern: string,
  docs: readonly T[],
  options: Readonly<IFuseOptions<{ text: string }>> = PARAGRAPH_FUSE_OPTIONS,
): Map<number, number> {
  const scores = new Map<number, number>();
  const folded = pattern.toLowerCase();
  const alphabet = shortcutApplies(options) && folded.trim() !== '' && folded.length <= 32 ? patternAlphabet(folded) : null;
  if (!alphabet) return scoreWithFuse(pattern, docs, options, scores);
  const rest: T[] = [];
  const m = folded.length;
  const threshold = options.threshold!;
  for (const doc of docs) {
    // fuse.js does not index a blank text.
    if (doc.text.trim() === '') continue;
    const edits = fewestEdits(alphabet, m, doc.text);
    if (edits === null) rest.push(doc);
    else if (edits === 0 && doc.text.length === m && doc.text.toLowerCase() === folded) scores.set(doc.id, Number.EPSILON);
    else if (edits / m <= threshold) scores.set(doc.id, Math.max(0.001, edits / m));
  }
  return rest.length > 0 ? scoreWithFuse(pattern, rest, options, scores) : scores;
}

/** Whether the shortcut reproduces these options; with any other, every score comes from fuse.js. */
function shortcutApplies(options: Readonly<IFuseOptions<{ text: string }>>): boolean {
  return (
    options.ignoreLocation === true &&
    options.ignoreFieldNorm === true &&
    options.isCaseSensitive === false &&
    options.ignoreDiacritics === true &&
    options.useExtendedSearch !== true &&
    options.useTokenSearch !== true &&
    options.includeMatches !== true &&
    (options.minMatchCharLength ?? 1) <= 1 &&
    typeof options.threshold === 'number' &&
    options.getFn === undefined &&
    JSON.stringify(options.keys) === '["text"]'
  );
}

function scoreWithFuse(
  pattern: string,
  docs: readonly ClosenessDoc[],
  options: Readonly<IFuseOptions<{ text: string }>>,
  scores: Map<number, number>,
): Map<number, number> {
  for (const result of new Fuse(docs, { ...options }).search(pattern)) scores.set(result.item.id, result.score ?? 1);
  return scores;
}

/**
 * Per character code of the (already lower-cased) pattern, the bits of the positions where it
 * stands, position 0 the lowest; null when a character is not one folding leaves as it is.
 */
function patternAlphabet(folded: string): Map<number, number> | null {
  const alphabet = new Map<number, number>();
  for (let i = 0; i < folded.length; i++) {
    const code = folded.charCodeAt(i);
    if (code >= 128 && !foldsToItself(code)) return null;
    alphabet.set(code, (alphabet.get(code) ?? 0) | (1 << i));
  }
  return alphabet;
}

/**
 * Myers' bit-parallel edit distance (pattern ≤ 32 characters) against every stretch of `text`,
 * lower-casing ASCII on the way: the fewest edits, or null when the text holds a character
 * whose folding the shortcut does not reproduce.
 */
function fewestEdits(alphabet: ReadonlyMap<number, number>, m: number, text: string): number | null {
  const ascii = asciiMasks(alphabet);
  const high = 1 << (m - 1);
  let pv = -1;
  let mv = 0;
  let score = m;
  let best = m;
  for (let j = 0; j < text.length; j++) {
    let code = text.charCodeAt(j);
    let eq: number;
    if (code < 128) {
      if (code >= 65 && code <= 90) code += 32;
      eq = ascii[code]!;
    } else {
      if (!foldsToItself(code)) return null;
      eq = alphabet.get(code) ?? 0;
    }
    const xv = eq | mv;
    const xh = (((eq & pv) + pv) ^ pv) | eq;
    let ph = mv | ~(xh | pv);
    let mh = pv & xh;
    if (ph & high) score++;
    else if (mh & high) score--;
    ph <<= 1;
    mh <<= 1;
    pv = mh | ~(xv | ph);
    mv = ph & xv;
    if (score < best) {
      best = score;
      if (best === 0) break;
    }
  }
  return best;
}

/** The pattern's bits per ASCII code, for the hot loop. */
const asciiMaskCache = new WeakMap<ReadonlyMap<number, number>, Int32Array>();
function asciiMasks(alphabet: ReadonlyMap<number, number>): Int32Array {
  let masks = asciiMaskCache.get(alphabet);
  if (!masks) {
    masks = new Int32Array(128);
    for (const [code, bits] of alphabet) if (code < 128) masks[code] = bits;
    asciiMaskCache.set(alphabet, masks);
  }
  return masks;
}

/** 0 not yet known, 1 folds to itself, 2 does not; one entry per UTF-16 code unit from 128. */
const folding = new Uint8Array(0x10000);

/**
 * Whether fuse.js's folding (lower case, canonical decomposition, combining marks and a few
 * letters such as ł or ß replaced) leaves this non-ASCII character as it is: true for curly
 * quotes, dashes, most symbols and caseless letters; false for capitals, accented letters,
 * combining marks, the letters fuse.js maps, and surrogates (checked per code unit).
 */
function foldsToItself(code: number): boolean {
  let known = folding[code]!;
  if (known === 0) {
    const char = String.fromCharCode(code);
    const same =
      !(code >= 0xd800 && code <= 0xdfff) &&
      char.toLowerCase() === char &&
      char.normalize('NFD') === char &&
      !/\p{M}/u.test(char) &&
      !FUSE_REPLACED.has(char) &&
      // Vedic signs that were marks before Unicode 12, and that fuse.js's list still strips.
      !(code >= 0x1cd0 && code <= 0x1cff);
    known = same ? 1 : 2;
    folding[code] = known;
  }
  return known === 1;
}

/** Letters fuse.js replaces although they do not decompose (its NON_DECOMPOSABLE_MAP). */
const FUSE_REPLACED = new Set(['ł', 'Ł', 'đ', 'Đ', 'ø', 'Ø', 'ħ', 'Ħ', 'ŧ', 'Ŧ', 'ı', 'ß']);
