/**
 * Find step for quotes: the quoted spans of an article. Straight and curly double quotes pair
 * up within a paragraph; a quote left open at the end of a paragraph continues when the next
 * paragraph opens with a quotation mark (news style), and is one span. Single-quoted phrases
 * ('older brother') count only when they are clearly quotes, not apostrophes: an opening mark
 * after a space or bracket, a closing mark before a space or punctuation, at most six words,
 * and not inside a double-quoted span.
 */
import type { Article } from '../model/article.ts';
import { isInsideRanges } from './offset-ranges.ts';

/** One quoted span. Offsets are within paragraph texts. */
export interface QuoteSpan {
  /** Paragraph of the opening mark. */
  paragraph: number;
  /** Offset of the opening mark. */
  open: number;
  /** Paragraph of the closing mark (the same unless the quote runs on). */
  endParagraph: number;
  /** Offset just after the closing mark (or the paragraph's end when the quote is never closed). */
  close: number;
  /** The quoted words without their marks; paragraphs of a run-on quote joined by a space. */
  text: string;
  /** Whether the marks were single quotes. */
  single: boolean;
}

const OPENS_PARAGRAPH = /^\s*["“]/u;
const SINGLE = /(^|[\s([—–])'([\p{L}\p{N}][^'‘’"“”\n]{0,58}?[\p{L}\p{N}.!?]|[\p{L}\p{N}])'(?=$|[\s.,;:!?)\]—–])/gu;
/** Curly single quotes, also the main quotation marks of British style: ‘We will fight,’ she said. */
const CURLY_SINGLE = /(^|[\s([—–"“])‘([^‘"“”\n]*?[^\s‘])’(?=$|[\s.,;:!?)\]—–"”])/gu;
/**
 * Straight single quotes used as the main quotation marks (British style without curly marks):
 * 'We cannot pay more,' the spokesperson said. A capital opens it, sentence punctuation closes
 * it, apostrophes inside words are allowed.
 */
const STRAIGHT_SINGLE_SPEECH = /(^|[\s([—–])'(\p{Lu}(?:[^'"“”\n]|(?<=\p{L})'(?=\p{L}))*?[,.!?])'(?=\s|$)/gu;
const CONTRACTION_START = /^(?:s|t|re|ll|ve|d|m|em|n|cause|til|tis|twas)\b/iu;

/** Finds every quoted span of an article, in order of appearance. */
export function findQuoteSpans(article: Article): QuoteSpan[] {
  const spans: QuoteSpan[] = [];
  let carry: { paragraph: number; open: number; parts: string[] } | null = null;
  const paragraphs = article.paragraphs;
  paragraphs.forEach((paragraph, k) => {
    const text = paragraph.text;
    const doubles: Array<[number, number]> = [];
    const oddStraight = (text.split('"').length - 1) % 2 === 1;
    let openAt = -1;
    let i: number;
    if (carry) {
      // The run-on quote reopens with this paragraph's first mark.
      openAt = text.search(/["“]/u);
    }
    for (i = openAt >= 0 ? openAt + 1 : 0; i < text.length; i++) {
      const ch = text[i];
      if (ch !== '"' && ch !== '“' && ch !== '”') continue;
      const opening = ch === '“' || (ch === '"' && openAt < 0);
      // With an odd number of straight marks, one shaped like a closing mark (after a word, before a
      // space) where a quote would open is the stray: `When a young girl," the family moved …`.
      if (
        oddStraight &&
        openAt < 0 &&
        ch === '"' &&
        i > 0 &&
        /[\p{L}\p{N},.;!?]/u.test(text[i - 1]!) &&
        (i + 1 >= text.length || /\s/u.test(text[i + 1]!))
      )
        continue;
      if (openAt < 0 && opening) {
        openAt = i;
      } else if (openAt >= 0 && ch !== '“') {
        const inner = text.slice(openAt + 1, i);
        if (carry) {
          carry.parts.push(inner);
          spans.push(makeSpan(carry.paragraph, carry.open, paragraph.n, i + 1, carry.parts));
          carry = null;
        } else {
          spans.push(makeSpan(paragraph.n, openAt, paragraph.n, i + 1, [inner]));
        }
        doubles.push([openAt, i + 1]);
        openAt = -1;
      } else if (openAt >= 0 && ch === '“') {
        openAt = i; // an unbalanced opening: start again from the newer one
      }
    }
    if (openAt >= 0) {
      const inner = text.slice(openAt + 1);
      const next = paragraphs[k + 1];
      if (!carry) carry = { paragraph: paragraph.n, open: openAt, parts: [] };
      carry.parts.push(inner);
      if (!next || !OPENS_PARAGRAPH.test(next.text)) {
        spans.push(makeSpan(carry.paragraph, carry.open, paragraph.n, text.length, carry.parts));
        carry = null;
      }
      doubles.push([openAt, text.length]);
    }
    const singles: Array<[number, number]> = [];
    const speech = [...text.matchAll(STRAIGHT_SINGLE_SPEECH)].map((m) => ({ m, long: true }));
    const others = [...text.matchAll(SINGLE), ...text.matchAll(CURLY_SINGLE)].map((m) => ({
      m,
      long: text[m.index + m[1]!.length] === '‘',
    }));
    for (const { m, long } of [...speech, ...others]) {
      const open = m.index + m[1]!.length;
      const close = m.index + m[0].length;
      const inner = m[2]!;
      if (CONTRACTION_START.test(inner) || (!long && inner.split(/\s+/).length > 6)) continue;
      if (isInsideRanges(doubles, open, 'exclusive')) continue;
      if (overlapsAny(singles, open, close)) continue;
      insertSorted(singles, [open, close]);
      spans.push({ paragraph: paragraph.n, open, endParagraph: paragraph.n, close, text: inner, single: true });
    }
  });
  return spans.filter((s) => /[\p{L}\p{N}]/u.test(s.text)).sort((a, b) => a.paragraph - b.paragraph || a.open - b.open);
}

function makeSpan(paragraph: number, open: number, endParagraph: number, close: number, parts: string[]): QuoteSpan {
  const text = parts
    .map((p) => p.trim())
    .filter((p) => p.length > 0)
    .join(' ');
  return { paragraph, open, endParagraph, close, text, single: false };
}

/** Index of the first range whose start is at or after `at`. */
function firstStartingFrom(ranges: Array<[number, number]>, at: number): number {
  let lo = 0;
  let hi = ranges.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ranges[mid]![0] < at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Whether [open, close) overlaps one of the sorted, disjoint ranges. */
function overlapsAny(ranges: Array<[number, number]>, open: number, close: number): boolean {
  const k = firstStartingFrom(ranges, open);
  return (k > 0 && ranges[k - 1]![1] > open) || (k < ranges.length && ranges[k]![0] < close);
}

function insertSorted(ranges: Array<[number, number]>, range: [number, number]): void {
  ranges.splice(firstStartingFrom(ranges, range[0]), 0, range);
}
