import type { QuoteAnswer, QuoteItem } from '../../model/answer.ts';
import type { RenderedAnswer } from './discord-payload.ts';
import { escapeAndTruncate } from './fit-text.ts';
import { formatCitation, type Block } from './layout-pages.ts';
import { embedTitle, pageChars, renderPagedEmbed, type RenderOptions } from './render-paged-embed.ts';
import { speakerHeading } from '../speaker-heading.ts';

/** Embed colour of quotes. */
export const QUOTE_COLOUR = 0x805ad5;

/** Quotes shown per page. */
const QUOTES_PER_PAGE = 5;

/** A quote as a block: the words in a block quote, then "— **Speaker**, role (¶ n)". */
export function quoteBlock(quote: QuoteItem): Block {
  const speaker = quote.speaker ? `**${escapeAndTruncate(quote.speaker, 120)}**` : '*speaker not stated*';
  const role = quote.role ? `, ${escapeAndTruncate(quote.role, 150)}` : '';
  const byline = `— ${speaker}${role} (${formatCitation(quote.paragraph)})`;
  return {
    body: quote.text.replace(/\s+/g, ' ').trim(),
    format: (text: string) => `> “${text}”\n> ${byline}`,
    citation: { article: quote.article, paragraph: quote.paragraph },
  };
}

function quoteTitle(answer: QuoteAnswer): string {
  const speaker = speakerHeading(answer);
  if (speaker && answer.about) return `Quotes by ${speaker} about “${answer.about}”`;
  if (speaker) return `Quotes by ${speaker}`;
  if (answer.about) return `Quotes about “${answer.about}”`;
  return 'Quotes';
}

/** "Did you mean **a**, **b**?" for suggestions (escaped), or ''. */
export function didYouMean(suggestions: string[]): string {
  if (suggestions.length === 0) return '';
  return `Did you mean ${suggestions
    .slice(0, 5)
    .map((s) => `**${escapeAndTruncate(s, 100)}**`)
    .join(', ')}?`;
}

/** Quotes, five to a page with ◀ ▶, each with its speaker, role and citation (only the page shown is formatted). */
export function renderQuotes(answer: QuoteAnswer, options: RenderOptions = {}): RenderedAnswer {
  return renderPagedEmbed(
    {
      base: { title: embedTitle(quoteTitle(answer)), color: QUOTE_COLOUR },
      items: answer.quotes,
      toBlock: quoteBlock,
      budget: { chars: pageChars(0), perPage: QUOTES_PER_PAGE },
      emptyText: 'No quotes found.',
      footer: answer.quotes.length === 1 ? '1 quote' : `${answer.quotes.length} quotes`,
      citations: answer.citations,
    },
    options,
  );
}
