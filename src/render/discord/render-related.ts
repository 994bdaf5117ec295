import type { APIEmbedField } from 'discord.js';
import type { ArticleRef, RelatedAnswer } from '../../model/answer.ts';
import type { RenderedAnswer } from './discord-payload.ts';
import { DISCORD_LIMITS, LAYOUT } from './discord-limits.ts';
import { escapeAndTruncate, joinWithinLimit, truncateText } from './fit-text.ts';
import { formatCitation, layoutPages } from './layout-pages.ts';
import { embedTitle, pageChars, renderPagedEmbed, safeUrl, type RenderOptions } from './render-paged-embed.ts';

/** Embed colour of related answers. */
export const RELATED_COLOUR = 0xd69e2e;

function articleLine(ref: ArticleRef): string {
  const title = escapeAndTruncate(ref.title.replace(/\[/g, '(').replace(/\]/g, ')'), 200);
  const url = safeUrl(ref.url);
  return url ? `• [${title}](${url.replace(/\(/g, '%28').replace(/\)/g, '%29')})` : `• ${title}`;
}

/** The best paragraphs on a topic as snippets with citations, and related articles. */
export function renderRelated(answer: RelatedAnswer, options: RenderOptions = {}): RenderedAnswer {
  const titles = new Map(answer.articles.map((a) => [a.id, a.title]));
  const several = new Set(answer.results.map((r) => r.article)).size > 1;
  const fields: APIEmbedField[] = [];
  if (answer.articles.length > 0) {
    fields.push({ name: 'Related articles', value: joinWithinLimit(answer.articles.map(articleLine), '\n', DISCORD_LIMITS.fieldValue) });
  }
  const fieldsLength = fields.reduce((n, f) => n + f.name.length + f.value.length, 0);
  const pages = layoutPages(
    answer.results.map((result) => {
      const where = several ? `${escapeAndTruncate(titles.get(result.article) ?? result.article, 60)}, ` : '';
      return {
        body: truncateText(result.text.replace(/\s+/g, ' ').trim(), LAYOUT.snippet),
        format: (text: string) => `• ${text} (${where}${formatCitation(result.paragraph)})`,
        citation: { article: result.article, paragraph: result.paragraph },
      };
    }),
    { chars: pageChars(fieldsLength), perPage: 5 },
  );
  return renderPagedEmbed(
    {
      base: { title: embedTitle(`Related: ${answer.topic}`), color: RELATED_COLOUR, ...(fields.length > 0 ? { fields } : {}) },
      pages,
      emptyText: 'Nothing in the articles matches that topic.',
      footer: null,
      citations: answer.citations,
    },
    options,
  );
}
