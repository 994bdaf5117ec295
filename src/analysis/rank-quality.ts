/**
 * How well a sentence stands on its own as a summary point, as a factor in (0, 1]: 1 for a
 * plain statement of fact, lower for fragments, questions, sentences that lean on what came
 * before ("But …", "They …", "…," he added), mostly-quoted sentences and picture captions.
 */

/** Every factor in one place; each multiplies the quality of a sentence that shows the trait. */
export const QUALITY_FACTORS = Object.freeze({
  /** Fewer than `tinyWords` words (a fragment: "They were arrested near Minsk."). */
  tiny: 0.45,
  tinyWords: 7,
  /** Fewer than `shortWords` words. */
  short: 0.8,
  shortWords: 11,
  /** More than `longWords` words (run-ons read badly as a point). */
  long: 0.85,
  longWords: 55,
  /** Opens with a connective or a pronoun that needs the previous sentence. */
  dependentOpener: 0.6,
  /** Ends with a question mark. */
  question: 0.5,
  /** Mostly quoted words (more than `quotedShare` of its letters inside quotation marks). */
  mostlyQuoted: 0.8,
  quotedShare: 0.6,
  /** Has an unbalanced quotation mark: a piece of a longer quote. */
  brokenQuote: 0.8,
  /** A quote whose only speaker is a pronoun ("…," he added): who spoke is in another sentence. */
  pronounSpeaker: 0.8,
  /** Few lower-case words and no sentence shape: a caption or a label. */
  caption: 0.5,
  captionLowerShare: 0.4,
});

/**
 * First words that make a sentence depend on its predecessor. "There is …" and "Although …"
 * are absent on purpose: they open self-contained statements.
 */
const DEPENDENT_OPENERS: ReadonlySet<string> = new Set(
  (
    'and but so or nor yet also however meanwhile moreover furthermore still then thus therefore hence ' +
    'besides instead nevertheless nonetheless otherwise afterwards later it they this that these those ' +
    'he she him her his its their them such both another here'
  ).split(' '),
);

const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu;
const DOUBLE_QUOTES = /["“”«»„]/g;
const LETTERS = /\p{L}/gu;
const PRONOUN_SPEAKER =
  /["”]\s*,?\s*(?:he|she|they|it|we)\s+(?:said|added|says|adds|continued|explained|told|warned|noted|stated)\b|\b(?:he|she|they|we)\s+(?:said|added|says|adds)\s*[:,]?\s*["“]/i;
const QUESTION_END = /\?\s*["”’']?\s*$/;
const LOWER_START = /^\p{Ll}/u;
const SENTENCE_END = /[.!]\W*$/u;

/** Multiplies the factors for every trait of a poor summary point the sentence shows. */
export function rateSentenceQuality(text: string): number {
  const f = QUALITY_FACTORS;
  const words = text.match(WORD) ?? [];
  if (words.length === 0) return f.tiny * f.caption;
  let quality = 1;
  if (words.length < f.tinyWords) quality *= f.tiny;
  else if (words.length < f.shortWords) quality *= f.short;
  else if (words.length > f.longWords) quality *= f.long;
  if (DEPENDENT_OPENERS.has(words[0]!.toLowerCase())) quality *= f.dependentOpener;
  if (QUESTION_END.test(text)) quality *= f.question;
  const quoteMarks = text.match(DOUBLE_QUOTES)?.length ?? 0;
  if (quoteMarks % 2 === 1) quality *= f.brokenQuote;
  else if (measureQuotedShare(text) > f.quotedShare) quality *= f.mostlyQuoted;
  if (quoteMarks > 0 && PRONOUN_SPEAKER.test(text)) quality *= f.pronounSpeaker;
  if (words.length >= 4 && looksLikeCaption(words)) quality *= f.caption;
  return quality;
}

/**
 * Whether a sentence is a statement at all, as a factor in (0, 1]: lower only for fragments
 * (fewer than `tinyWords` words), questions and captions. The summary ranking uses this alone:
 * on GUM's human summaries the other traits of rateSentenceQuality (pronoun and connective
 * openers, quotes, length bands) cost ~1.5 ROUGE-1 points, as biographies and interviews state
 * their facts in exactly such sentences ("He then became…", quoted answers).
 */
export function rateStatement(text: string): number {
  const f = QUALITY_FACTORS;
  const words = text.match(WORD) ?? [];
  if (words.length === 0) return f.tiny * f.caption;
  let quality = 1;
  if (words.length < f.tinyWords) quality *= f.tiny;
  if (QUESTION_END.test(text)) quality *= f.question;
  // A caption has no sentence end; a name-dense statement ("Antonín Dvořák … was a Czech composer.") has one.
  if (words.length >= 4 && looksLikeCaption(words) && !SENTENCE_END.test(text)) quality *= f.caption;
  return quality;
}

/** Share of the letters of a text that sit between double quotation marks. */
export function measureQuotedShare(text: string): number {
  const segments = text.split(DOUBLE_QUOTES);
  let quoted = 0;
  let total = 0;
  segments.forEach((segment, i) => {
    const letters = segment.match(LETTERS)?.length ?? 0;
    total += letters;
    if (i % 2 === 1) quoted += letters;
  });
  return total === 0 ? 0 : quoted / total;
}

/** Mostly capitalised words and numbers, as in "Virgin West Coast Class 390 at platform 1 of Carlisle station". */
function looksLikeCaption(words: readonly string[]): boolean {
  const lower = words.filter((w) => LOWER_START.test(w)).length;
  return lower / words.length < QUALITY_FACTORS.captionLowerShare;
}
