import type { WatchRecord } from '../../watch/watch-record.ts';
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
