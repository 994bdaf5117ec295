import type { APIEmbed } from 'discord.js';
import type { ArticleRef, Citation } from '../../model/answer.ts';
import { buildAnswerButtons, uniqueCitations } from './answer-buttons.ts';
import type { RenderedAnswer } from './discord-payload.ts';
import { DISCORD_LIMITS, LAYOUT } from './discord-limits.ts';
import { describeDate } from '../describe-date.ts';
import { escapeAndTruncate, truncateText } from './fit-text.ts';
import { layoutPage, locatePage, type Block, type PageBudget } from './layout-pages.ts';

/** Options every answer renderer takes. */
export interface RenderOptions {
  /** Which page to show, from 0 (clamped to the pages there are). Default 0. */
  page?: number;
  /**
   * Custom id of the button showing a page; without it a paged answer shows the requested
   * page with no ◀ ▶ buttons.
   */
  pageButtonId?: (page: number) => string;
  /** Headline of an article by id, to name where cited paragraphs come from (default: ids). */
  articleTitle?: (id: string) => string | undefined;
}

/** What a renderer hands to renderPagedEmbed. */
export interface PagedEmbed<T> {
  /** Title, url, colour, fields: everything but description and footer. */
  base: Omit<APIEmbed, 'description' | 'footer'>;
  /** Every item of the answer; only those of the page shown are turned into blocks. */
  items: readonly T[];
  /** An item as a block of the page (called for the page's items only). */
  toBlock: (item: T) => Block;
  /** Characters and items per page. */
  budget: PageBudget;
  /** Text above the page's items (already escaped), on every page. */
  intro?: string;
  /** Shown when the list is empty. */
  emptyText: string;
  /** Footer text before the page number (already plain, not markdown). */
  footer: string | null;
  /** Citations of the whole answer, offered as buttons after the page's own. */
  citations: readonly Citation[];
}

/** Answer-wide citations considered for buttons after the page's own (more never fit in the rows). */
const CITATIONS_CONSIDERED = 50;

/** Reserve of the 6000-character embed total for title, footer and intro of a paged embed. */
const RESERVE = 256 + 300;

/** The page budget left once fields and the intro are counted, within the 6000 total. */
export function pageChars(fieldsLength: number, introLength = 0): number {
  return Math.max(500, Math.min(LAYOUT.pageDescription - introLength, DISCORD_LIMITS.embedTotal - RESERVE - fieldsLength - introLength));
}

/**
 * Builds the message for one page of an answer: the embed, its citation buttons, ◀ ▶. Work
 * is bounded by the page: only its items are formatted, whatever the answer holds.
 */
export function renderPagedEmbed<T>(spec: PagedEmbed<T>, options: RenderOptions): RenderedAnswer {
  const { page, pageCount, start, end } = locatePage(spec.items.length, spec.budget.perPage, options.page ?? 0);
  const current = layoutPage(spec.items.slice(start, end).map(spec.toBlock), spec.budget);
  const description = [spec.intro, current.text || spec.emptyText].filter((s) => s).join('\n\n');
  const footerParts = [spec.footer, pageCount > 1 ? `Page ${page + 1} of ${pageCount}` : null].filter((s): s is string => Boolean(s));
  const embed: APIEmbed = { ...spec.base, description: description.slice(0, DISCORD_LIMITS.embedDescription) };
  if (footerParts.length > 0) embed.footer = { text: truncateText(footerParts.join(' · '), 300) };
  const navigation = options.pageButtonId && pageCount > 1 ? { page, pageCount, buttonId: options.pageButtonId } : null;
  const components = buildAnswerButtons(
    uniqueCitations([...current.citations, ...spec.citations.slice(0, CITATIONS_CONSIDERED)]),
    navigation,
  );
  return { payload: { embeds: [embed], components, allowedMentions: { parse: [] } }, page, pageCount };
}

/** "source · date" for a footer, or null. */
export function sourceLine(article: ArticleRef): string | null {
  const parts = [article.source, article.published ? describeDate(article.published) : null].filter((s): s is string =>
    Boolean(s && s.trim()),
  );
  return parts.length > 0 ? truncateText(parts.join(' · '), 200) : null;
}

/** An embed title from raw text (escaped, ≤ 256). */
export function embedTitle(raw: string): string {
  return escapeAndTruncate(raw, DISCORD_LIMITS.embedTitle) || '…';
}

/** The article url when it is a web address Discord accepts, else undefined. */
export function safeUrl(url: string | null): string | undefined {
  if (!url || url.length > 2000) return undefined;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : undefined;
  } catch {
    return undefined;
  }
}
