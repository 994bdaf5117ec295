import type { SummaryAnswer } from '../../model/answer.ts';
import type { RenderedAnswer } from './discord-payload.ts';
import { formatCitation } from './layout-pages.ts';
import { embedTitle, pageChars, renderPagedEmbed, safeUrl, sourceLine, type RenderOptions } from './render-paged-embed.ts';

/** Embed colour of summaries. */
export const SUMMARY_COLOUR = 0x2b6cb0;

/** A summary: the headline as title (linked when the url is known), cited bullet points, source and date in the footer. */
export function renderSummary(answer: SummaryAnswer, options: RenderOptions = {}): RenderedAnswer {
  const url = safeUrl(answer.article.url);
  return renderPagedEmbed(
    {
      base: { title: embedTitle(answer.article.title), color: SUMMARY_COLOUR, ...(url ? { url } : {}) },
      items: answer.points,
      toBlock: (point) => ({
        body: point.text,
        format: (text: string) => `• ${text} (${formatCitation(point.paragraph)})`,
        citation: { article: point.article, paragraph: point.paragraph },
      }),
      budget: { chars: pageChars(0), perPage: 10 },
      emptyText: 'This article has nothing to summarise.',
      footer: sourceLine(answer.article),
      citations: answer.citations,
    },
    options,
  );
}
