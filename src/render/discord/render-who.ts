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

function profileFields(answer: WhoAnswer): APIEmbedField[] {
  const max = DISCORD_LIMITS.fieldValue;
  const fields: APIEmbedField[] = [
    { name: 'Roles', value: answer.roles.length > 0 ? joinWithinLimit(answer.roles.map((r) => escapeAndTruncate(r, 200)), '\n', max) : 'Not stated in the article' },
  ];
  if (answer.aliases.length > 0) {
    fields.push({ name: 'Also called', value: joinWithinLimit(answer.aliases.map((a) => escapeAndTruncate(a, 120)), ', ', max), inline: true });
  }
  if (answer.mentions.length > 0) {
    const paragraphs = [...new Set(answer.mentions.map((m) => m.paragraph))];
    fields.push({ name: `Mentioned in ${paragraphs.length} paragraph${paragraphs.length === 1 ? '' : 's'}`, value: joinWithinLimit(paragraphs.map(formatCitation), ', ', max), inline: true });
  }
  return fields;
}

/** A profile: roles, aliases, the paragraphs that mention them and their quotes (paged). */
export function renderWho(answer: WhoAnswer, options: RenderOptions = {}): RenderedAnswer {
  const fields = profileFields(answer);
  const fieldsLength = fields.reduce((n, f) => n + f.name.length + f.value.length, 0);
  const kind = answer.kind === 'person' ? 'Person' : 'Organisation';
  const intro = `${kind} in *${escapeAndTruncate(answer.article.title, 300)}*${answer.quotes.length > 0 ? '\n**Quotes**' : ''}`;
  const url = safeUrl(answer.article.url);
  return renderPagedEmbed(
    {
      base: { title: embedTitle(answer.name), color: WHO_COLOUR, fields, ...(url ? { url } : {}) },
      items: answer.quotes,
      toBlock: quoteBlock,
      budget: { chars: pageChars(fieldsLength, intro.length), perPage: 3 },
      intro,
      emptyText: 'No direct quotes in the article.',
      footer: sourceLine(answer.article),
      citations: [...answer.mentions, ...answer.citations],
    },
    options,
  );
}
