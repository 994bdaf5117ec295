import type { Citation } from '../../model/answer.ts';
import { escapeText } from './escape-text.ts';
import { escapeAndSplit } from './fit-text.ts';

/**
 * One item of a paged list (a summary point, a quote, a related paragraph). `body` is raw
 * text; `format` receives it escaped (or a piece of it, when it is too long for a page)
 * and adds the markup and the citation, so a citation always stays with its words.
 */
export interface Block {
  body: string;
  format: (escapedBody: string) => string;
  citation: Citation | null;
}

/** A page of formatted blocks and the citations on it, in order. */
export interface LaidOutPage {
  text: string;
  citations: Citation[];
}

/** How pages are filled. */
export interface PageBudget {
  /** Characters of the text of one page (≤ the embed description limit). */
  chars: number;
  /** Blocks per page at most, for readability. */
  perPage: number;
  /** Between blocks; default a blank line. */
  separator?: string;
}

/**
 * Packs blocks into pages within the budget. A block too long for one page is split
 * between words into several items, each carrying the citation. Never returns zero pages
 * (an empty list gives one empty page).
 */
export function layoutPages(blocks: Block[], budget: PageBudget): LaidOutPage[] {
  const separator = budget.separator ?? '\n\n';
  const items: Array<{ text: string; citation: Citation | null }> = [];
  for (const block of blocks) {
    const whole = block.format(escapeText(block.body));
    if (whole.length <= budget.chars) {
      items.push({ text: whole, citation: block.citation });
      continue;
    }
    const overhead = block.format('').length;
    for (const piece of escapeAndSplit(block.body, Math.max(20, budget.chars - overhead))) {
      items.push({ text: block.format(piece), citation: block.citation });
    }
  }
  const pages: LaidOutPage[] = [];
  let texts: string[] = [];
  let citations: Citation[] = [];
  let length = 0;
  for (const item of items) {
    const added = (texts.length > 0 ? separator.length : 0) + item.text.length;
    if (texts.length > 0 && (length + added > budget.chars || texts.length >= budget.perPage)) {
      pages.push({ text: texts.join(separator), citations });
      texts = [];
      citations = [];
      length = 0;
    }
    length += (texts.length > 0 ? separator.length : 0) + item.text.length;
    texts.push(item.text);
    if (item.citation) citations.push(item.citation);
  }
  if (texts.length > 0 || pages.length === 0) pages.push({ text: texts.join(separator), citations });
  return pages;
}

/** The citation as printed after a point: "¶ 12". */
export function formatCitation(paragraph: number): string {
  return `¶ ${paragraph}`;
}
