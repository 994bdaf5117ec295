/**
 * Content terms of a sentence for summary ranking: lower-cased word stems with English stop
 * words removed. Two sentences about the same thing share terms; function words do not count.
 */

/** Common English function words and reporting filler that say nothing about a topic. */
const STOP_WORDS: ReadonlySet<string> = new Set(
  (
    'a about above after again against all almost along also although am among an and another any are ' +
    'around as at be because been before being below between both but by can could did do does doing ' +
    'done down during each either else even ever every few for from further had has have having he her ' +
    'here hers herself him himself his how however i if in into is it its itself just least less like ' +
    'many may me might more most much must my myself neither no nor not now of off on once one only or ' +
    'other others our ours ourselves out over own per quite rather same several shall she should since ' +
    'so some such than that the their theirs them themselves then there these they this those though ' +
    'through thus to too toward towards under until up upon us very via was we were what when where ' +
    'whether which while who whom whose why will with within without would yet you your yours ' +
    'yourself said says say saying told tell according mr mrs ms dr'
  ).split(' '),
);

/** Letters (any script), digits and inner apostrophes/periods/commas of numbers; hyphens split words. */
const WORD = /[\p{L}\p{N}]+(?:[.,'’][\p{N}]+)*(?:['’][\p{L}]+)?/gu;

const DIGIT = /\d/;

/** Suffix rules, first match wins: [suffix, replacement]; "ss"/"us"/"is" words are kept whole. */
const SUFFIX_RULES: ReadonlyArray<readonly [string, string]> = [
  ['ies', 'y'],
  ['ss', 'ss'],
  ['us', 'us'],
  ['is', 'is'],
  ['ing', ''],
  ['ied', 'y'],
  ['ed', ''],
  ['es', 'e'],
  ['s', ''],
];

/**
 * Reduces an English word to a crude stem so inflections meet ("protests" → "protest",
 * "injured"/"injuries" → "injur"). Not Porter: a few suffix rules, applied once, never below
 * three letters. Numbers and short words pass through.
 */
export function stemWord(word: string): string {
  if (word.length <= 3 || DIGIT.test(word)) return word;
  for (const [suffix, replacement] of SUFFIX_RULES) {
    if (!word.endsWith(suffix)) continue;
    const stem = word.slice(0, word.length - suffix.length) + replacement;
    return stem.length >= 3 ? trimStem(stem) : word;
  }
  return trimStem(word);
}

/** Final normalisation shared by every stem: "y"/"e" endings fold ("injury"/"injur", "close"/"clos"). */
function trimStem(stem: string): string {
  const last = stem[stem.length - 1];
  if (stem.length > 4 && (last === 'y' || last === 'e')) return stem.slice(0, -1);
  return stem;
}

const APOSTROPHE_S = /['’]s$/;
const FIRST_WORD = /[\p{L}\p{N}]/u;
const APOSTROPHES = /['’]/g;

/**
 * The content terms of a text, in order, repeats kept: words lower-cased, possessive "'s"
 * dropped, stop words (unless written as an acronym: "US") and single characters removed,
 * the rest stemmed (see stemWord).
 */
export function extractTerms(text: string): string[] {
  const terms: string[] = [];
  const firstWordAt = text.search(FIRST_WORD);
  for (const match of text.matchAll(WORD)) {
    const raw = match[0];
    const original = raw.includes("'") || raw.includes('’') ? raw.replace(APOSTROPHE_S, '').replace(APOSTROPHES, '') : raw;
    const word = original.toLowerCase();
    if (word.length < 2) continue;
    // An all-capital stop word is a name ("US"), except as the first word ("THE opposition…").
    if (STOP_WORDS.has(word) && (match.index === firstWordAt || !isAcronym(original))) continue;
    terms.push(stemWord(word));
  }
  return terms;
}

/** "US", "UN", "IT" written in capitals name things; as "us", "it" they are stop words. */
function isAcronym(word: string): boolean {
  return word.length >= 2 && word === word.toUpperCase() && word !== word.toLowerCase();
}

/** Term → count, for similarity between texts. */
export function countTerms(terms: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const term of terms) counts.set(term, (counts.get(term) ?? 0) + 1);
  return counts;
}
