import { createHash } from 'node:crypto';
import type { Client, Message } from 'discord.js';
import type { Corpus } from '../model/corpus.ts';
import { isUserError, type UserError } from '../model/user-error.ts';
import type { DiscordPayload } from '../render/discord/discord-payload.ts';
import { renderAnswer } from '../render/discord/render-answer.ts';
import { safeUrl } from '../render/discord/render-paged-embed.ts';
import { articleTitles } from './article-titles.ts';
import type { RunCommand } from './command-module.ts';

/** A nonce (at most 25 characters) that is the same for every attempt to announce one article in one channel. */
export function announcementNonce(channelId: string, articleId: string): string {
  return createHash('sha256').update(`${channelId}\u0000${articleId}`).digest('base64url').slice(0, 25);
}

/**
 * The announcement of an article: its /summary answer as the Discord renderer draws it, the
 * headline linked to the article's URL, else to `link` (the page it was added from) when that is
 * a web address Discord accepts. A user error when there is no summary to give.
 */
export function buildAnnouncement(
  corpus: Corpus,
  articleId: string,
  link: string | null,
  run: RunCommand,
): DiscordPayload | UserError<string> {
  const answer = run(corpus, 'summary', { article: articleId });
  if (isUserError(answer)) return answer;
  const payload = renderAnswer(answer, { articleTitle: articleTitles(corpus) }).payload;
  const url = safeUrl(link);
  const [first, ...rest] = payload.embeds;
  if (!first || first.url || !url) return payload;
  return { ...payload, embeds: [{ ...first, url }, ...rest] };
}

/** The channel cannot take posts (unknown, not text, no access): a definite answer, the post was not made. */
export class ChannelNotSendableError extends Error {
  readonly definite = true;
}

/**
 * Whether a failed post got a definite answer (Discord answered with an error status, or the post
 * was never sent), so it certainly was not made; otherwise (time-out, connection lost) it may
 * have been.
 */
export function failedDefinitely(err: unknown): boolean {
  if (err instanceof ChannelNotSendableError) return true;
  const status = (err as { status?: unknown } | null)?.status;
  return typeof status === 'number' && status >= 400;
}

/** How far back from the attempt a found message may be dated (clocks differ a little). */
const CLOCK_SLACK_MS = 60_000;
/** How many of the channel's latest messages are looked at. */
const MESSAGES_LOOKED_AT = 50;

/**
 * Posts an announcement in a channel with a nonce Discord enforces (a retry soon after is not
 * made twice). When `attemptedAt` is set (an earlier attempt got no answer: the process stopped
 * or the connection broke) the channel's latest messages are looked at first, and a message of
 * the bot's with the same headline, link and text posted since the attempt counts as made.
 * Returns what happened; throws when the post failed.
 */
export async function postAnnouncement(
  client: Client,
  channelId: string,
  articleId: string,
  payload: DiscordPayload,
  attemptedAt: number | null,
  beforeSend: () => Promise<void>,
): Promise<'posted' | 'found'> {
  const channel = await client.channels.fetch(channelId).catch((err: unknown) => {
    if (failedDefinitely(err)) throw new ChannelNotSendableError(`the channel ${channelId} cannot be fetched: ${String(err)}`);
    throw err;
  });
  if (!channel || !channel.isSendable()) throw new ChannelNotSendableError(`the channel ${channelId} is not a channel the bot can send to`);
  if (attemptedAt !== null && 'messages' in channel && (await foundInChannel(client, channel.messages, payload, attemptedAt)))
    return 'found';
  await beforeSend();
  await channel.send({ ...payload, nonce: announcementNonce(channelId, articleId), enforceNonce: true });
  return 'posted';
}

/** Whether the bot's latest messages in the channel include this announcement, posted since `sinceMs`. */
async function foundInChannel(
  client: Client,
  messages: { fetch(options: { limit: number }): Promise<Iterable<[string, Message]> & { values(): IterableIterator<Message> }> },
  payload: DiscordPayload,
  sinceMs: number,
): Promise<boolean> {
  const wanted = payload.embeds[0];
  const botId = client.user?.id;
  // A message without an embed (a watch alert) is the same when its text is.
  const text = wanted ? null : (payload.content ?? null);
  if ((!wanted && text === null) || !botId) return false;
  let latest: Message[];
  try {
    latest = [...(await messages.fetch({ limit: MESSAGES_LOOKED_AT })).values()];
  } catch {
    // No Read Message History: the nonce is then the only guard.
    return false;
  }
  return latest.some((message) => {
    if (message.author?.id !== botId || message.createdTimestamp < sinceMs - CLOCK_SLACK_MS) return false;
    if (!wanted) return message.content === text;
    const embed = message.embeds[0];
    return (
      embed !== undefined &&
      (embed.title ?? null) === (wanted.title ?? null) &&
      (embed.url ?? null) === (wanted.url ?? null) &&
      (embed.description ?? null) === (wanted.description ?? null)
    );
  });
}
