import type { APIEmbedField } from 'discord.js';
import type { WhoAnswer } from '../../model/answer.ts';
import type { RenderedAnswer } from './discord-payload.ts';
import { DISCORD_LIMITS } from './discord-limits.ts';
import { escapeAndTruncate, joinWithinLimit } from './fit-text.ts';
import { formatCitation } from './layout-pages.ts';
import { quoteBlock } from './render-quotes.ts';
import { embedTitle, pageChars, renderPagedEmbed, safeUrl, sourceLine, type RenderOptions } from './render-paged-embed.ts';

/** Embed colour of profiles. */
export const WHO_COLOUR = 0x2f855a;

/** Budgets of the per-article fields of an answer across articles (10 at most), within the 6000 total. */
const ARTICLE_FIELDS_CHARS = 2000;
const ARTICLE_FIELD_NAME = 80;

/** An inline field listing names, comma-separated within `limit` characters. */
function namesField(name: string, names: readonly string[], limit: number): APIEmbedField {
  return {
    name,
    value: joinWithinLimit(
      names.map((n) => escapeAndTruncate(n, 120)),
      ', ',
      limit,
    ),
    inline: true,
  };
}

function profileFields(answer: WhoAnswer): APIEmbedField[] {
  const max = DISCORD_LIMITS.fieldValue;
  const many = answer.articles.length > 1;
  const fields: APIEmbedField[] = [];
  if (answer.kind !== 'mention') {
    const none = many ? 'Not stated in the articles' : 'Not stated in the article';
    fields.push({
      name: 'Roles',
      value:
        answer.roles.length > 0
          ? joinWithinLimit(
              answer.roles.map((r) => escapeAndTruncate(r, 200)),
              '\n',
              many ? 600 : max,
            )
          : none,
    });
  }
  if (answer.aliases.length > 0) fields.push(namesField('Also called', answer.aliases, many ? 400 : max));
  if (answer.namesakes.length > 0) fields.push(namesField('Others by that name', answer.namesakes, 400));
  if (many) {
    // One field per article: its roles and the paragraphs that name them.
    const each = Math.min(max, Math.floor(ARTICLE_FIELDS_CHARS / answer.articles.length));
    for (const part of answer.articles) {
      const roles =
        part.roles.length > 0
          ? `${joinWithinLimit(
              part.roles.map((r) => escapeAndTruncate(r, 120)),
              '; ',
              Math.floor(each / 2),
            )}\n`
          : '';
      fields.push({
        name: escapeAndTruncate(part.article.title, ARTICLE_FIELD_NAME) || part.article.id.slice(0, ARTICLE_FIELD_NAME),
        value: roles + joinWithinLimit([...new Set(part.mentions.map((m) => m.paragraph))].map(formatCitation), ', ', each - roles.length),
      });
    }
    if (answer.moreArticles > 0)
      fields.push({ name: 'More', value: `… and ${answer.moreArticles} more article${answer.moreArticles === 1 ? '' : 's'}` });
  } else if (answer.mentions.length > 0) {
    const paragraphs = [...new Set(answer.mentions.map((m) => m.paragraph))];
    const label = answer.kind === 'mention' ? 'Found in' : 'Mentioned in';
    fields.push({
      name: `${label} ${paragraphs.length} paragraph${paragraphs.length === 1 ? '' : 's'}`,
      value: joinWithinLimit(paragraphs.map(formatCitation), ', ', max),
      inline: true,
    });
  }
  return fields;
}

/** The line above the quotes: what the answer is and where from. */
function whoIntro(answer: WhoAnswer): string {
  const title = `*${escapeAndTruncate(answer.article.title, 300)}*`;
  if (answer.kind === 'mention')
    return `Found in the text${answer.articles.length > 1 ? ` of ${answer.articles.length} articles` : ` of ${title}`}, but Pilcrow does not know who or what this is.`;
  const kind = answer.kind === 'person' ? 'Person' : 'Organisation';
  const where =
    answer.articles.length > 1
      ? `${answer.articles.length} articles${answer.moreArticles > 0 ? ` (and ${answer.moreArticles} more)` : ''}`
      : title;
  return `${kind} in ${where}${answer.quotes.length > 0 ? '\n**Quotes**' : ''}`;
}

/** A profile: roles, aliases, the paragraphs that mention them and their quotes (paged). */
export function renderWho(answer: WhoAnswer, options: RenderOptions = {}): RenderedAnswer {
  const fields = profileFields(answer);
  const fieldsLength = fields.reduce((n, f) => n + f.name.length + f.value.length, 0);
  const intro = whoIntro(answer);
  const url = safeUrl(answer.article.url);
  return renderPagedEmbed(
    {
      base: { title: embedTitle(answer.name), color: WHO_COLOUR, fields, ...(url ? { url } : {}) },
      items: answer.quotes,
      toBlock: quoteBlock,
      budget: { chars: pageChars(fieldsLength, intro.length), perPage: 3 },
      intro,
      emptyText:
        answer.kind === 'mention'
          ? 'Press a ¶ button to read where the words appear.'
          : `No direct quotes in the article${answer.articles.length > 1 ? 's' : ''}.`,
      footer: sourceLine(answer.article),
      citations: [...answer.mentions, ...answer.citations],
    },
    options,
  );
}
