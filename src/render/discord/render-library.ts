import type { APIEmbed } from 'discord.js';
import type { FeedStatus } from '../../feeds/feed-types.ts';
import { textPayload, type DiscordPayload } from './discord-payload.ts';
import { DISCORD_LIMITS, LAYOUT } from './discord-limits.ts';
import { escapeAndTruncate } from './fit-text.ts';
import { safeUrl } from './render-paged-embed.ts';

/** An article of a server's library as the list shows it (LibraryEntry's fields). */
export interface ListedArticle {
  id: string;
  title: string | null;
  url: string | null;
  added: string | null;
  paragraphs: number;
}

/** A feed as /feed list and /feed status show it: the feed service's status of it. */
export type ListedFeed = FeedStatus;

/** Articles on one page of /article list. */
export const ARTICLES_PER_PAGE = 10;
/** Feeds a server may list on one message (more are counted, not shown). */
const FEEDS_SHOWN = 20;

const escape = (text: string, max: number): string => escapeAndTruncate(text, max);

/** "<t:…:R>" (Discord renders it in the reader's time zone), or "never". */
function when(iso: string | null): string {
  const ms = iso ? Date.parse(iso) : NaN;
  return Number.isFinite(ms) ? `<t:${Math.floor(ms / 1000)}:R>` : 'never';
}

/** A link's host, for a short label. */
function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

/** The private confirmation of /article add. */
export function renderArticleAdded(
  added: { id: string; title: string | null; paragraphs: number; existed: boolean },
  ready: boolean,
): DiscordPayload {
  const title = escape(added.title ?? added.id, 200);
  const id = escape(added.id, 120);
  if (added.existed) return textPayload(`Already here: **${title}** (id \`${id}\`); ask /summary article:${id}`);
  const paragraphs = `${added.paragraphs} paragraph${added.paragraphs === 1 ? '' : 's'}`;
  const ask = ready ? `ask /summary article:${id}` : `it will be ready to ask about in a moment (/summary article:${id})`;
  return textPayload(`Added ¶-numbered article **${title}** (${paragraphs}), id \`${id}\`; ${ask}`);
}

/** Page `page` (1-based, clamped) of a server's articles, newest first, with their ids. */
export function renderArticleList(entries: readonly ListedArticle[], page: number): DiscordPayload {
  if (entries.length === 0) {
    return textPayload('This server has added no articles yet. An admin can add one with /article add url: or file:.');
  }
  const pages = Math.ceil(entries.length / ARTICLES_PER_PAGE);
  const shown = Math.min(Math.max(1, Math.floor(page)), pages);
  const pageEntries = entries.slice((shown - 1) * ARTICLES_PER_PAGE, shown * ARTICLES_PER_PAGE);
  const linesOf = (withLinks: boolean) =>
    pageEntries.map((entry) => {
      const title = escape(entry.title ?? entry.id, 150);
      const url = safeUrl(entry.url);
      const head = withLinks && url && url.length < 300 ? `[${title}](${url})` : `**${title}**`;
      return `${head}\n\`${escape(entry.id, 100)}\` · ${entry.paragraphs} ¶ · added ${when(entry.added)}`;
    });
  // Headlines link to their pages when the page has room for the links.
  const linked = linesOf(true);
  const lines = linked.join('\n\n').length <= LAYOUT.pageDescription ? linked : linesOf(false);
  const embed: APIEmbed = {
    title: "This server's articles",
    description: lines.join('\n\n').slice(0, DISCORD_LIMITS.embedDescription),
    footer: {
      text: `${entries.length} article${entries.length === 1 ? '' : 's'}, newest first · page ${shown} of ${pages}${shown < pages ? ` · /article list page:${shown + 1}` : ''}`,
    },
  };
  return { embeds: [embed], components: [], allowedMentions: { parse: [] } };
}

/** The private question before an article is removed, with its Confirm and Cancel buttons. */
export function renderRemoveQuestion(entry: ListedArticle, confirmId: string, cancelId: string): DiscordPayload {
  return {
    content: `Remove **${escape(entry.title ?? entry.id, 200)}** (\`${escape(entry.id, 100)}\`, ${entry.paragraphs} ¶) from this server's articles? Its file is deleted.`,
    embeds: [],
    components: [
      {
        type: 1,
        components: [
          { type: 2, style: 4, label: 'Remove', custom_id: confirmId },
          { type: 2, style: 2, label: 'Cancel', custom_id: cancelId },
        ],
      },
    ],
    allowedMentions: { parse: [] },
  };
}

/** What a feed check found, in words, with the reason nothing was delivered when that is the case. */
function describeOutcome(feed: ListedFeed): string {
  const outcome: Record<string, string> = {
    'new-items': 'new items',
    'nothing-new': 'nothing new',
    'not-modified': 'not modified since the last check',
    'http-error': 'the site answered with an error',
    'not-a-feed': 'not a feed',
    refused: 'refused',
    network: 'could not reach the site',
    timeout: 'the site took too long',
  };
  if (!feed.lastOutcome) return 'not checked yet';
  const said = outcome[feed.lastOutcome] ?? feed.lastOutcome;
  return feed.lastMessage ? `${said}: ${feed.lastMessage}` : said;
}

function feedTitle(feed: ListedFeed): string {
  return escape(feed.title ?? hostOf(feed.url), 120);
}

/** /feed list: the server's feeds with their channel and interval (as many as fit, then how many more). */
export function renderFeedList(feeds: readonly ListedFeed[]): DiscordPayload {
  if (feeds.length === 0) return textPayload('This server follows no feeds yet. Add one with /feed add url: channel:.');
  const lines: string[] = [];
  let used = 0;
  for (const feed of feeds.slice(0, FEEDS_SHOWN)) {
    const line = `**${feedTitle(feed)}** → <#${feed.channelId}> every ${feed.intervalMinutes} min\n${escape(feed.url, 300)} · id \`${escape(feed.id, 60)}\``;
    if (used + line.length + 2 > LAYOUT.pageDescription) break;
    lines.push(line);
    used += line.length + 2;
  }
  if (feeds.length > lines.length) lines.push(`…and ${feeds.length - lines.length} more.`);
  const embed: APIEmbed = { title: "This server's feeds", description: lines.join('\n\n') };
  return { embeds: [embed], components: [], allowedMentions: { parse: [] } };
}

/** Characters of the 6000 an embed may hold that /feed status fills with feeds (the rest: title, the "more" field). */
const STATUS_BUDGET = 5600;

/** /feed status: per feed, when it was last checked, what it found and why nothing was delivered (as many feeds as fit). */
export function renderFeedStatus(feeds: readonly ListedFeed[]): DiscordPayload {
  if (feeds.length === 0) return textPayload('This server follows no feeds yet. Add one with /feed add url: channel:.');
  const fields: Array<{ name: string; value: string }> = [];
  let used = 0;
  for (const feed of feeds) {
    const failing = feed.consecutiveFailures > 1 ? ` (${feed.consecutiveFailures} failures in a row)` : '';
    const value = [
      `Last checked ${when(feed.lastCheckedAt)}: ${escape(describeOutcome(feed), 400)}${failing}`,
      `Next check ${when(feed.nextCheckAt)} · ${feed.itemsSeen} items seen · ${feed.articlesAdded} articles added · posts in <#${feed.channelId}>`,
    ]
      .join('\n')
      .slice(0, DISCORD_LIMITS.fieldValue);
    const name = escape(feed.title ?? hostOf(feed.url), 100) || 'Feed';
    if (fields.length >= DISCORD_LIMITS.embedFields - 1 || used + name.length + value.length > STATUS_BUDGET) break;
    fields.push({ name, value });
    used += name.length + value.length;
  }
  if (feeds.length > fields.length) fields.push({ name: 'More', value: `…and ${feeds.length - fields.length} more feeds.` });
  return { embeds: [{ title: 'Feed status', fields }], components: [], allowedMentions: { parse: [] } };
}

/** The confirmation of /feed add. */
export function renderFeedAdded(feed: ListedFeed, stored: number): DiscordPayload {
  return textPayload(
    `Following **${feedTitle(feed)}** in <#${feed.channelId}>, checked every ${feed.intervalMinutes} min. ` +
      `Its ${stored} current item${stored === 1 ? ' was' : 's were'} stored without announcing; new items will be announced there. (id \`${escape(feed.id, 60)}\`)`,
  );
}

/** One autocomplete choice: what the member sees, and the id the command receives. */
export interface IdChoice {
  name: string;
  value: string;
}

/**
 * Autocomplete choices of stored things (articles, feeds) within Discord's limits, in order: at
 * most 25, names cut to 100 characters; a choice whose value (an id) is longer than 100 is left
 * out, never cut (a cut id would name nothing).
 */
export function renderIdChoices(choices: readonly IdChoice[]): IdChoice[] {
  return choices
    .filter((c) => c.value.length <= DISCORD_LIMITS.choiceValue)
    .slice(0, DISCORD_LIMITS.autocompleteChoices)
    .map((c) => ({ name: c.name.slice(0, DISCORD_LIMITS.choiceName), value: c.value }));
}
