import type { APIEmbed } from 'discord.js';
import type { Paragraph } from '../../model/article.ts';
import type { DiscordPayload } from './discord-payload.ts';
import { DISCORD_LIMITS } from './discord-limits.ts';
import { escapeAndSplit } from './fit-text.ts';
import { formatCitation } from './layout-pages.ts';
import { embedTitle, safeUrl } from './render-paged-embed.ts';

/** Text per embed when a very long paragraph is spread over several embeds. */
const CHUNK = 4000;

/**
 * One paragraph in full, with its article's headline and its number: the reply to a
 * citation button. A paragraph longer than one embed continues in further embeds (within
 * the 6000-character total; beyond that it is cut with a note).
 */
export function renderParagraph(article: { title: string; url: string | null }, paragraph: Paragraph): DiscordPayload {
  const title = embedTitle(article.title);
  const heading = `**${formatCitation(paragraph.n)}**\n`;
  const url = safeUrl(article.url);
  const pieces = escapeAndSplit(paragraph.text, CHUNK - heading.length);
  const embeds: APIEmbed[] = [];
  let total = title.length;
  for (const [i, piece] of pieces.entries()) {
    const description = i === 0 ? heading + piece : piece;
    if (total + description.length > DISCORD_LIMITS.embedTotal - 100) {
      const last = embeds[embeds.length - 1]!;
      last.description = `${last.description}\n\n*(The paragraph continues; see the source.)*`;
      break;
    }
    total += description.length;
    embeds.push(i === 0 ? { title, description, ...(url ? { url } : {}) } : { description });
  }
  return { embeds, components: [], allowedMentions: { parse: [] } };
}
