/**
 * Separating page lists from body text after the headline: tag lists, related-headline lists,
 * navigation lists and furniture, wherever they sit (mid-page or after the body).
 */
import {
  cleanItem,
  endsDangling,
  endsSentence,
  endsWithPunctuation,
  findInlineList,
  findMarker,
  isBylineOrDate,
  isHeadlineLike,
  isJunkLine,
  takeListLine,
  wordCount,
  type MarkerKind,
} from './classify-line.ts';
import type { Block } from './split-blocks.ts';

/** Body blocks left once lists and furniture are taken out, and what the lists held. */
export interface Separated {
  body: Block[];
  tags: string[];
  related: string[];
}

/** Related headlines have at least this many words; shorter lines are navigation. */
const MIN_RELATED_WORDS = 4;
/** A line in a tags list with at most this many words (and no punctuation at the end) is a tag. */
const MAX_TAG_WORDS = 4;

/**
 * Walks the blocks from `bodyStart`. Furniture lines are dropped. A marker line ("Know more",
 * "Tags", "Related stories", "See links of interest") opens a list that runs while blocks
 * look like list items (bullets, short lines, headline-like lines): items of a tags list are
 * tags, headline items of a related list are related headlines, navigation items are dropped.
 * The tail of the page (the trailing run of list-like lines, or everything from a trust /
 * copyright line) gives related headlines; elsewhere unpunctuated bullets are related
 * headlines or navigation. Everything else is body.
 */
export function separateLists(blocks: readonly Block[], bodyStart: number): Separated {
  const out: Separated = { body: [], tags: [], related: [] };
  const tailStart = findTailStart(blocks, bodyStart);
  let mode: MarkerKind | null = null;
  for (let i = bodyStart; i < blocks.length; i++) {
    const block = blocks[i]!;
    const text = block.text;
    if (block.level === null) {
      const taken = takeListLine(block, out);
      if (taken === 'listed') continue;
      if (taken !== null) {
        mode = taken;
        continue;
      }
    }
    if (isJunkLine(text) || (isBylineOrDate(text) && !endsSentence(text))) continue;
    if (mode !== null && block.level === null) {
      const taken = takeListItem(block, mode, out);
      if (taken !== false) {
        mode = taken;
        continue;
      }
    }
    mode = null;
    if (i >= tailStart) {
      if (isHeadlineLike(text) && wordCount(text) >= MIN_RELATED_WORDS) out.related.push(cleanItem(text));
      continue;
    }
    if (block.bullet && !endsSentence(text)) {
      if (isHeadlineLike(text) && wordCount(text) >= MIN_RELATED_WORDS) out.related.push(cleanItem(text));
      continue;
    }
    out.body.push(block);
  }
  return out;
}

/** A citation line has at most this many words ("Jane Roe. \"Council backs bridge plan\" — Westby Gazette, May 4, 2009."). */
const MAX_CITATION_WORDS = 40;
/** A quoted title of at least three characters. */
const QUOTED_TITLE = /["“][^"”]{3,}["”]/;
/** A year, as citations give with their date. */
const YEAR = /\b(?:1[5-9]|20)\d{2}\b/;

/** Takes `block` as an item of the open list; returns the list mode to continue with, or false when the list has ended. */
function takeListItem(block: Block, mode: MarkerKind, out: Separated): MarkerKind | false {
  const text = block.text;
  // Under "Sources": citation lines (bullets, titles, or short lines quoting a title or giving a year) are dropped.
  if (mode === 'sources') return block.bullet || isCitation(text) ? mode : false;
  const words = wordCount(text);
  const headline = isHeadlineLike(text);
  if (mode === 'tags') {
    if (block.bullet || (words <= MAX_TAG_WORDS && !endsWithPunctuation(text) && !endsDangling(text))) {
      out.tags.push(cleanItem(text));
      return mode;
    }
    if (headline) {
      out.related.push(cleanItem(text));
      return 'related';
    }
    return false;
  }
  if (!block.bullet && !headline) return false;
  if (mode === 'related' && headline && words >= MIN_RELATED_WORDS - 1) out.related.push(cleanItem(text));
  return mode;
}

function isCitation(text: string): boolean {
  return isHeadlineLike(text) || (wordCount(text) <= MAX_CITATION_WORDS && (QUOTED_TITLE.test(text) || YEAR.test(text)));
}

/**
 * Where the page tail starts: at the first trust/copyright line after the body starts, or
 * where the trailing run of bullets, markers, furniture and headline-like lines (which body
 * paragraphs are not) begins, whichever comes first; blocks.length when there is no tail.
 */
function findTailStart(blocks: readonly Block[], bodyStart: number): number {
  let start = blocks.length;
  for (let i = bodyStart + 1; i < blocks.length; i++) {
    if (isEndOfPageLine(blocks[i]!.text)) {
      start = i;
      break;
    }
  }
  let j = blocks.length;
  while (j - 1 > bodyStart && isTailLike(blocks[j - 1]!)) j--;
  return Math.min(start, j);
}

function isEndOfPageLine(text: string): boolean {
  return isJunkLine(text) && /trust project|all rights reserved/i.test(text);
}

function isTailLike(block: Block): boolean {
  if (block.level !== null) return false;
  const text = block.text;
  if (block.bullet || findMarker(text) !== null || isJunkLine(text) || findInlineList(text) !== null) return true;
  return isHeadlineLike(text);
}
