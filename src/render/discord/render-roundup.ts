import type { APIEmbed } from 'discord.js';
import type { RoundupAnswer, RoundupArticle } from '../../model/answer.ts';
import { NO_MENTIONS, type RenderedAnswer } from './discord-payload.ts';
import { DISCORD_LIMITS } from './discord-limits.ts';
import { escapeAndTruncate, truncateText } from './fit-text.ts';
import { formatCitation } from './layout-pages.ts';
import { embedTitle, safeUrl, sourceLine } from './render-paged-embed.ts';
import { SUMMARY_COLOUR } from './render-summary.ts';

/** Room kept free of the 6000-character total of all embeds (Discord counts a little differently in places). */
const TOTAL_BUDGET = DISCORD_LIMITS.embedTotal - 200;
/** Longest description of one article's embed, even when few articles leave room for more. */
const MAX_DESCRIPTION = 1500;
/** Longest headline of an article in a round-up (ten headlines share the 6000 characters). */
const MAX_TITLE = 150;
/** Longest source line (footer) of an article in a round-up. */
const MAX_FOOTER = 80;

/**
 * The daily round-up as one message: a line saying what it is (the period as a Discord
 * timestamp, shown in each reader's time zone), then one embed per article (Discord allows ten)
 * with its headline linked to the source, its cited points and source line. The points share
 * what the 6000-character total leaves; each is shortened at a word when needed.
 */
export function renderRoundup(answer: RoundupAnswer): RenderedAnswer {
  const articles = answer.articles.slice(0, DISCORD_LIMITS.embeds);
  const more = answer.moreArticles + (answer.articles.length - articles.length);
  const titles = articles.map((a) => embedTitle(truncateText(a.article.title, MAX_TITLE)));
  const footers = articles.map((a) => {
    const line = sourceLine(a.article);
    return line ? truncateText(line, MAX_FOOTER) : null;
  });
  const fixed = titles.reduce((n, t) => n + t.length, 0) + footers.reduce((n, f) => n + (f?.length ?? 0), 0);
  const perArticle = articles.length > 0 ? Math.min(MAX_DESCRIPTION, Math.floor((TOTAL_BUDGET - fixed) / articles.length)) : 0;
  const embeds: APIEmbed[] = articles.map((a, i) => {
    const url = safeUrl(a.article.url);
    const footer = footers[i];
    return {
      title: titles[i]!,
      color: SUMMARY_COLOUR,
      ...(url ? { url } : {}),
      description: describePoints(a, perArticle),
      ...(footer ? { footer: { text: footer } } : {}),
    };
  });
  return {
    payload: { content: headline(answer, articles.length, more), embeds, components: [], allowedMentions: NO_MENTIONS },
    page: 0,
    pageCount: 1,
  };
}

/** "**Round-up**: 3 new articles since <t:…:f>", and how many are left out. */
function headline(answer: RoundupAnswer, shown: number, more: number): string {
  const total = shown + more;
  const since = answer.since ? Date.parse(answer.since) : NaN;
  const period = Number.isNaN(since) ? '' : ` since <t:${Math.floor(since / 1000)}:f>`;
  const lines = [`**Round-up**: ${total} new article${total === 1 ? '' : 's'}${period}`];
  if (more > 0) lines.push(`…and ${more} more; /article list shows them all.`);
  return lines.join('\n');
}

/** An article's points as "• text (¶ n)" lines within `budget` characters. */
function describePoints(article: RoundupArticle, budget: number): string {
  if (article.points.length === 0) return '*Nothing to summarise in this one.*';
  const perPoint = Math.floor(budget / article.points.length);
  const lines = article.points.map((p) => {
    const cite = ` (${formatCitation(p.paragraph)})`;
    const room = Math.max(20, perPoint - cite.length - 3);
    return `• ${escapeAndTruncate(p.text, room)}${cite}`;
  });
  return lines.join('\n');
}
