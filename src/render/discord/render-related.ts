import type { APIEmbedField } from 'discord.js';
import type { ArticleRef, RelatedAnswer } from '../../model/answer.ts';
import { describeMeaning } from '../meaning-note.ts';
import type { RenderedAnswer } from './discord-payload.ts';
import { DISCORD_LIMITS, LAYOUT } from './discord-limits.ts';
import { escapeAndTruncate, joinWithinLimit, truncateText } from './fit-text.ts';
import { formatCitation } from './layout-pages.ts';
import { embedTitle, pageChars, renderPagedEmbed, safeUrl, type RenderOptions } from './render-paged-embed.ts';

/** Embed colour of related answers. */
export const RELATED_COLOUR = 0xd69e2e;

function articleLine(ref: ArticleRef): string {
  const title = escapeAndTruncate(ref.title.replace(/\[/g, '(').replace(/\]/g, ')'), 200);
  const url = safeUrl(ref.url);
  return url ? `• [${title}](${url.replace(/\(/g, '%28').replace(/\)/g, '%29')})` : `• ${title}`;
}

/** " — *by meaning: protests ≈ demonstrations*" for a paragraph found by meaning, else ''. */
function meaningSuffix(result: RelatedAnswer['results'][number]): string {
  const why = describeMeaning(result);
  return why ? ` — *${escapeAndTruncate(why, 120)}*` : '';
}

/** Ends of sentences where a snippet may stop. */
const SENTENCE_END = /[.!?]["”’)]?\s/g;

/** A paragraph shortened for a list: whole sentences when they fill at least half the room, else whole words. */
export function snippetOf(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  let cut = -1;
  for (const match of flat.slice(0, max).matchAll(SENTENCE_END)) cut = match.index + match[0].length - 1;
  return cut >= max / 2 ? `${flat.slice(0, cut)} …` : truncateText(flat, max);
}

/** The best paragraphs on a topic as snippets with citations, and related articles. */
export function renderRelated(answer: RelatedAnswer, options: RenderOptions = {}): RenderedAnswer {
  const titles = new Map(answer.articles.map((a) => [a.id, a.title]));
  const titleOf = (id: string): string => options.articleTitle?.(id) ?? titles.get(id) ?? id;
  const sources = [...new Set(answer.results.map((r) => r.article))];
  const several = sources.length > 1;
  const intro = sources.length === 1 ? `In *${escapeAndTruncate(titleOf(sources[0]!), 300)}*` : undefined;
  const fields: APIEmbedField[] = [];
  if (answer.articles.length > 0) {
    fields.push({ name: 'Related articles', value: joinWithinLimit(answer.articles.map(articleLine), '\n', DISCORD_LIMITS.fieldValue) });
  }
  const fieldsLength = fields.reduce((n, f) => n + f.name.length + f.value.length, 0);
  return renderPagedEmbed(
    {
      base: { title: embedTitle(`Related: ${answer.topic}`), color: RELATED_COLOUR, ...(fields.length > 0 ? { fields } : {}) },
      items: answer.results,
      toBlock: (result) => {
        const where = several ? `${escapeAndTruncate(titleOf(result.article), 60)}, ` : '';
        return {
          body: snippetOf(result.text, LAYOUT.snippet),
          format: (text: string) => `• ${text} (${where}${formatCitation(result.paragraph)})${meaningSuffix(result)}`,
          citation: { article: result.article, paragraph: result.paragraph },
        };
      },
      budget: { chars: pageChars(fieldsLength, intro?.length ?? 0), perPage: 5 },
      ...(intro ? { intro } : {}),
      emptyText: 'Nothing in the articles matches that topic.',
      footer: null,
      citations: answer.citations,
    },
    options,
  );
}
