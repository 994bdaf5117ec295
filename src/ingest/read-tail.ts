/** The end of a scraped page, after the body: tags, related headlines, navigation, credits. */
import {
  cleanItem, endsDangling, endsWithPunctuation, findInlineList, findMarker, isHeadlineLike, isJunkLine, wordCount,
  type MarkerKind,
} from './classify-line.ts';
import type { Block } from './split-blocks.ts';

/** What the end of the page holds and where it starts. */
export interface Tail {
  tags: string[];
  related: string[];
  /** Index of the first block after the body (blocks.length when there is no tail). */
  start: number;
}

/** Related headlines have at least this many words; shorter lines are navigation. */
const MIN_RELATED_WORDS = 4;
/** A non-bullet line after a tags marker with at most this many words is still a tag. */
const MAX_TAG_WORDS = 4;

/**
 * Finds where the body ends: at the first tags/navigation marker or trust/copyright line after
 * the body starts, or where the trailing run of bullets, markers, furniture and headline-like
 * lines (which body paragraphs are not) begins, whichever comes first. Then reads the tail:
 * bullets after a tags marker are tags, bullets after a navigation marker are dropped,
 * headline-like lines are related headlines.
 */
export function readTail(blocks: readonly Block[], bodyStart: number): Tail {
  const start = findTailStart(blocks, bodyStart);
  const tail: Tail = { tags: [], related: [], start };
  let mode: MarkerKind | null = null;
  for (const block of blocks.slice(start)) {
    const text = block.text;
    if (!block.bullet) {
      const marker = findMarker(text);
      if (marker) {
        mode = marker;
        continue;
      }
      const list = findInlineList(text);
      if (list) {
        tail[list.kind].push(...list.items);
        continue;
      }
    }
    if (isJunkLine(text)) continue;
    const words = wordCount(text);
    if (mode === 'tags' && (block.bullet || (words <= MAX_TAG_WORDS && !endsWithPunctuation(text)))) {
      tail.tags.push(cleanItem(text));
      continue;
    }
    if (mode === 'nav' && block.bullet) continue;
    if (isHeadlineLike(text) && words >= MIN_RELATED_WORDS) tail.related.push(cleanItem(text));
    if (mode === 'tags' && !block.bullet) mode = null;
  }
  return tail;
}

function findTailStart(blocks: readonly Block[], bodyStart: number): number {
  let start = blocks.length;
  for (let i = bodyStart + 1; i < blocks.length; i++) {
    const block = blocks[i]!;
    const marker = block.bullet ? null : findMarker(block.text);
    if (marker === 'tags' || marker === 'nav' || isEndOfPageLine(block.text)) {
      start = i;
      break;
    }
  }
  let j = blocks.length;
  while (j - 1 > bodyStart && isTailLike(blocks[j - 1]!)) j--;
  return Math.min(start, j);
}

function isEndOfPageLine(text: string): boolean {
  return isJunkLine(text) && /trust project|copyright|©|all rights reserved/i.test(text);
}

function isTailLike(block: Block): boolean {
  if (block.level !== null) return false;
  const text = block.text;
  if (block.bullet || findMarker(text) !== null || isJunkLine(text) || findInlineList(text) !== null) return true;
  return isHeadlineLike(text) && !endsDangling(text);
}
