import type { Citation } from '../../model/answer.ts';
import { escapeText } from './escape-text.ts';
import { escapeAndTruncate } from './fit-text.ts';

/**
 * One item of a paged list (a summary point, a quote, a related paragraph). `body` is raw
 * text; `format` receives it escaped (shortened, when the page is too full) and adds the
 * markup and the citation, so a citation always stays with its words.
 */
export interface Block {
  body: string;
  format: (escapedBody: string) => string;
  citation: Citation | null;
}

/** A page of formatted blocks and the citations on it, in order. */
export interface LaidOutPage {
  text: string;
  citations: readonly Citation[];
}

/** How pages are filled. */
export interface PageBudget {
  /** Characters of the text of one page (≤ the embed description limit). */
  chars: number;
  /** Blocks per page: page k shows items k·perPage … k·perPage + perPage − 1. */
  perPage: number;
  /** Between blocks; default a blank line. */
  separator?: string;
}

/** Where a requested page of `count` items falls: the page (clamped), how many pages, and which items. */
export function locatePage(count: number, perPage: number, requested = 0): { page: number; pageCount: number; start: number; end: number } {
  const per = Math.max(1, Math.trunc(perPage));
  const pageCount = Math.max(1, Math.ceil(count / per));
  const wanted = Number.isFinite(requested) ? Math.trunc(requested) : 0;
  const page = Math.min(Math.max(0, wanted), pageCount - 1);
  return { page, pageCount, start: page * per, end: Math.min(count, (page + 1) * per) };
}

/**
 * Lays out the blocks of one page within the budget. Pages hold a fixed number of items, so
 * any page is built from its own items alone (the answer's other pages are never formatted);
 * when the page's items together are too long, the longest are shortened (escaped, cut between
 * words, "…") to equal shares of the room, each keeping its markup and citation. The full
 * text stays one press away: the citation button shows the paragraph.
 */
export function layoutPage(blocks: readonly Block[], budget: PageBudget): LaidOutPage {
  const separator = budget.separator ?? '\n\n';
  const formatted = blocks.map((block) => block.format(escapeText(block.body)));
  const room = Math.max(0, budget.chars - separator.length * Math.max(0, blocks.length - 1));
  const caps = shareRoom(
    formatted.map((t) => t.length),
    room,
  );
  const texts = formatted.map((text, i) => {
    if (text.length <= caps[i]!) return text;
    const block = blocks[i]!;
    const overhead = block.format('').length;
    return block.format(escapeAndTruncate(block.body, Math.max(MIN_BODY, caps[i]! - overhead)));
  });
  let text = texts.join(separator);
  // Only when the bylines alone overflow a tiny budget: cut the tail (never the escapes' starts).
  if (text.length > budget.chars) text = text.slice(0, budget.chars);
  return { text, citations: blocks.flatMap((b) => (b.citation ? [b.citation] : [])) };
}

/** Characters of body a shortened block keeps at least. */
const MIN_BODY = 40;

/** Max-min fair shares of `room` for items of these lengths: short items keep their length, long ones share the rest equally. */
function shareRoom(lengths: readonly number[], room: number): number[] {
  const total = lengths.reduce((n, l) => n + l, 0);
  if (total <= room) return [...lengths];
  const order = lengths.map((l, i) => i).sort((a, b) => lengths[a]! - lengths[b]!);
  const caps = new Array<number>(lengths.length).fill(0);
  let left = room;
  for (const [k, i] of order.entries()) {
    const share = Math.floor(left / (order.length - k));
    caps[i] = Math.min(lengths[i]!, share);
    left -= caps[i];
  }
  return caps;
}

/** The citation as printed after a point: "¶ 12". */
export function formatCitation(paragraph: number): string {
  return `¶ ${paragraph}`;
}
