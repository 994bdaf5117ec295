/**
 * Whether a sentence is a statement at all, as a factor in (0, 1] the summary ranking multiplies
 * a sentence's score by: 1 for a statement, lower for fragments, questions and picture captions.
 */

/** Every factor in one place; each multiplies the score of a sentence that shows the trait. */
export const QUALITY_FACTORS = Object.freeze({
  /** Fewer than `tinyWords` words (a fragment: "They were arrested near Minsk."). */
  tiny: 0.45,
  tinyWords: 7,
  /** Ends with a question mark. */
  question: 0.5,
  /** Few lower-case words and no sentence end: a caption or a label. */
  caption: 0.5,
  captionLowerShare: 0.4,
});

const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu;
const QUESTION_END = /\?\s*["”’']?\s*$/;
const LOWER_START = /^\p{Ll}/u;
const SENTENCE_END = /[.!]\W*$/u;

/**
 * Lower only for fragments (fewer than `tinyWords` words), questions and captions. Other traits
 * of a poor point (pronoun and connective openers, quotes, length bands) are not held against a
 * sentence: on GUM's human summaries they cost ~1.5 ROUGE-1 points, as biographies and
 * interviews state their facts in exactly such sentences ("He then became…", quoted answers).
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

/** Mostly capitalised words and numbers, as in "Virgin West Coast Class 390 at platform 1 of Carlisle station". */
function looksLikeCaption(words: readonly string[]): boolean {
  const lower = words.filter((w) => LOWER_START.test(w)).length;
  return lower / words.length < QUALITY_FACTORS.captionLowerShare;
}
