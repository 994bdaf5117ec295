/** The body of an article: paragraphs repaired where links broke them, crossheads found. */
import type { Heading } from '../model/article.ts';
import {
  endsDangling,
  endsSentence,
  endsWithPunctuation,
  isPunctuationOnly,
  startsContinuation,
  startsNewParagraph,
  withoutQuotedEnd,
  wordCount,
} from './classify-line.ts';
import { joinFragments } from './join-fragments.ts';
import type { Block } from './split-blocks.ts';

/** Paragraph texts (to be numbered 1..N) and crossheads. */
export interface Body {
  paragraphs: string[];
  headings: Heading[];
}

/** A crosshead has at most this many words… */
const MAX_HEADING_WORDS = 10;
/** …and at most this many characters. */
const MAX_HEADING_CHARS = 100;
/** A block of at most this many words between two pieces of a sentence is link text. */
const MAX_LINK_TEXT_WORDS = 3;
/**
 * Link text that ends a sentence ("…thought it" / "looked like a toy." / "Staff removed it.")
 * has at most this many words: one more than link text inside a sentence, as its last word
 * carries the full stop.
 */
const MAX_LINK_END_WORDS = MAX_LINK_TEXT_WORDS + 1;
/** A paragraph never ends with a comma… */
const ENDS_WITH_COMMA = /,["'”’]?\s*$/;
/**
 * …and after one, a block opening with a quotation mark is the quoted title or words the sentence
 * goes on with. (A capitalised block after a comma is left alone: a headline or label can end
 * with a stray comma.)
 */
const OPENS_QUOTE = /^["“‘'«]/;
/** How many trailing characters of a paragraph decide whether it ends mid-sentence. */
const END_CHARS = 80;

/**
 * Builds the body from its blocks (lists and furniture already taken out). Pieces of a paragraph broken where a link was are
 * joined (see {@link continuesParagraph}); a short unpunctuated line between paragraphs,
 * followed by one starting with an uppercase letter, is a crosshead (see {@link isCrosshead}).
 * Markdown headings are always crossheads.
 */
export function buildBody(blocks: readonly Block[]): Body {
  const headings: Heading[] = [];
  // Each paragraph as its pieces plus the last characters of the joined text, so joining
  // many pieces never rescans (or flattens) a growing string.
  // `linkEnded`: the last piece was link text that ended a sentence (see endsWithLinkText), so
  // the paragraph goes on with the next sentence.
  const paragraphs: Array<{ pieces: string[]; end: string; linkEnded: boolean }> = [];
  for (let i = 0; i < blocks.length; i++) {
    const block = blocks[i]!;
    const next = blocks[i + 1];
    const open = paragraphs[paragraphs.length - 1];
    if (block.level !== null) {
      if (next !== undefined) headings.push({ before: paragraphs.length + 1, text: block.text });
      continue;
    }
    if (open && (continuesParagraph(open.end, block.text, next?.text) || (open.linkEnded && startsNewParagraph(block.text)))) {
      open.linkEnded = !open.linkEnded && endsWithLinkText(open.pieces, block.text);
      open.pieces.push(block.text);
      open.end = joinFragments(open.end, block.text).slice(-END_CHARS);
      continue;
    }
    if (open && next !== undefined && next.level === null && isCrosshead(block.text, next.text)) {
      headings.push({ before: paragraphs.length + 1, text: block.text });
      continue;
    }
    if (isPunctuationOnly(block.text)) continue;
    paragraphs.push({ pieces: [block.text], end: block.text.slice(-END_CHARS), linkEnded: false });
  }
  return { paragraphs: paragraphs.map((p) => p.pieces.reduce(joinFragments)), headings };
}

/**
 * Whether `block` continues the paragraph ending in `previous` (a break where a link was): a lone
 * punctuation block; `previous` ends mid-sentence and `block` starts with "," "." ";" ":" ")"
 * or a lowercase word; `previous` ends with a quoted title ("the \"Ask the Mayor\"") and `block`
 * starts with a lowercase word; `previous` ends with a word no sentence ends with ("the", "of",
 * "near"…), whatever `block` starts with, or with a comma and `block` opens with a quotation
 * mark; or `block` is a few words of link text
 * between a sentence start and its continuation.
 */
export function continuesParagraph(previous: string, block: string, next: string | undefined): boolean {
  if (isPunctuationOnly(block)) return !previous.endsWith(block);
  if (endsSentence(previous)) {
    // A closing quotation mark right after a word closes a quoted title or phrase, not the sentence.
    const unquoted = withoutQuotedEnd(previous);
    return unquoted !== previous && !endsSentence(unquoted) && startsContinuation(block);
  }
  if (startsContinuation(block) || endsDangling(previous) || (ENDS_WITH_COMMA.test(previous) && OPENS_QUOTE.test(block))) return true;
  const linkText = wordCount(block) <= MAX_LINK_TEXT_WORDS && !endsWithPunctuation(block);
  return linkText && next !== undefined && (startsContinuation(next) || isPunctuationOnly(next));
}

/**
 * Whether `block`, joined as the second, fourth… piece of a paragraph, is link text that ended a
 * sentence, so the paragraph goes on with the next one: a few words starting lowercase that end
 * the sentence the last piece left open between two words (no comma: a break after a comma is a
 * clause going on), that piece itself longer than link text ("They are all" / "obedient allies
 * of Russia." is a short sentence wrapped, and may end its paragraph). Pieces of a
 * paragraph broken by links alternate text, link text, text…: the even pieces are the links,
 * and a link whose text carries the full stop seldom ends its paragraph, while the text after a
 * link (the third piece: "…would be" / "cheaper" / "than the airport.") may well end it.
 */
function endsWithLinkText(pieces: readonly string[], block: string): boolean {
  const previous = pieces[pieces.length - 1]!;
  return (
    pieces.length % 2 === 1 &&
    wordCount(previous) > MAX_LINK_TEXT_WORDS &&
    !endsWithPunctuation(previous) &&
    wordCount(block) <= MAX_LINK_END_WORDS &&
    /^\p{Ll}/u.test(block) &&
    endsSentence(block)
  );
}

/**
 * A crosshead: at most 10 words, starts with an uppercase letter or digit, no terminal
 * punctuation or dangling last word, and the next block starts a new paragraph (uppercase,
 * not "," / lowercase / "." which would make it a broken paragraph instead).
 */
export function isCrosshead(text: string, next: string): boolean {
  if (wordCount(text) > MAX_HEADING_WORDS || text.length > MAX_HEADING_CHARS) return false;
  if (!/^[\p{Lu}\p{N}]/u.test(text) || endsWithPunctuation(text) || endsDangling(text)) return false;
  return startsNewParagraph(next) && !isPunctuationOnly(next);
}
