import type { FeedFilter, WatchRecord } from '../../store/watch-record.ts';
import { textPayload, type DiscordPayload } from './discord-payload.ts';
import { DISCORD_LIMITS } from './discord-limits.ts';
import { escapeAndTruncate } from './fit-text.ts';
import type { IdChoice } from './render-library.ts';

/** One watch in a line: what it follows, how, and where its alerts go. */
export function describeWatch(watch: WatchRecord): string {
  const what =
    watch.kind === 'person'
      ? `**${escapeAndTruncate(watch.value, 100)}**${watch.quotedOnly ? ' (quoted only)' : ''}`
      : `topic **${escapeAndTruncate(watch.value, 100)}**`;
  const where = watch.channelId ? `<#${watch.channelId}>` : `direct messages to <@${watch.userId}>`;
  const paused = watch.paused ? ` — paused: ${escapeAndTruncate(watch.paused, 120)}` : '';
  return `\`${watch.id}\` ${what} → ${where}${paused}`;
}

/** The reply to /watch add. */
export function renderWatchAdded(watch: WatchRecord): DiscordPayload {
  return textPayload(
    `Watching ${describeWatch(watch)}. New articles that match post one short cited alert; see /watch list.`.slice(
      0,
      DISCORD_LIMITS.content,
    ),
  );
}

/** The reply to /watch list: one line per watch, within one message. */
export function renderWatchList(watches: readonly WatchRecord[], scope: 'server' | 'yours'): DiscordPayload {
  if (watches.length === 0) {
    return textPayload(
      scope === 'server'
        ? 'This server watches no one and nothing. Add a watch with /watch add.'
        : 'You have no watches here. Add one with /watch add … dm:true.',
    );
  }
  const lines: string[] = [];
  let length = 0;
  for (const watch of watches) {
    const line = describeWatch(watch);
    if (length + line.length + 1 > DISCORD_LIMITS.content - 40) {
      lines.push(`…and ${watches.length - lines.length} more.`);
      break;
    }
    lines.push(line);
    length += line.length + 1;
  }
  return textPayload(lines.join('\n'));
}

/** Autocomplete choices for /watch remove: each watch by what it follows, its id as the value. */
export function watchChoices(watches: readonly WatchRecord[]): IdChoice[] {
  return watches.slice(0, DISCORD_LIMITS.autocompleteChoices).map((w) => ({
    name: `${w.kind === 'person' ? w.value : `topic: ${w.value}`}${w.quotedOnly ? ' (quoted)' : ''}${w.channelId ? '' : ' (DM)'} · ${w.id}`.slice(
      0,
      DISCORD_LIMITS.choiceName,
    ),
    value: w.id,
  }));
}

/** A feed's filter in words ("only items about **Maria Okonkwo**"). */
export function describeFeedFilter(filter: FeedFilter): string {
  return `Only items ${filter.kind === 'person' ? 'naming' : 'about'} **${escapeAndTruncate(filter.value, 100)}** are announced; the others are stored, and members can ask about them.`;
}

/** /feed status's note on filtered feeds: how many items each held back. */
export function renderFeedFilters(
  filters: readonly FeedFilter[],
  feeds: ReadonlyArray<{ id: string; title: string | null; url: string }>,
): string {
  return filters
    .flatMap((f) => {
      const feed = feeds.find((x) => x.id === f.feedId);
      if (!feed) return [];
      const name = escapeAndTruncate(feed.title?.trim() || feed.url, 100);
      return [
        `**${name}**: only ${f.kind === 'person' ? 'naming' : 'about'} **${escapeAndTruncate(f.value, 100)}**; ${f.heldBack} item${f.heldBack === 1 ? '' : 's'} held back (stored, not announced).`,
      ];
    })
    .join('\n')
    .slice(0, 1500);
}

/** A payload with a note added to its text (within Discord's 2000 characters). */
export function withFilterNote(payload: DiscordPayload, note: string): DiscordPayload {
  if (note === '') return payload;
  const content = payload.content ? `${payload.content}\n${note}` : note;
  return { ...payload, content: content.slice(0, DISCORD_LIMITS.content) };
}
