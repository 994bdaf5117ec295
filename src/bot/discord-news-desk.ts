import type { Client } from 'discord.js';
import { ANNOUNCEMENTS_FILE } from '../news/announcement-outbox.ts';
import { openNewsDesk, type NewsDeskOptions, type RunningNewsDesk } from '../news/news-desk.ts';
import type { RunCommand } from './command-module.ts';
import { discordAnnouncementPoster } from './discord-announcement-poster.ts';
import { discordRoundupPoster } from './discord-roundup-poster.ts';
import { isFirstShard, ownsGuildOn, shardsOfClient, type ShardSet } from './shard-of-guild.ts';

/** What the bot opens its news desk with: the desk's options, with the client and `run` the posters are made of. */
export type DiscordNewsDeskOptions = Omit<NewsDeskOptions, 'announcementPoster' | 'roundupPoster' | 'ownsGuild' | 'outboxFile'> & {
  client: Client;
  run: RunCommand;
  /** The shards this process runs; default the client's (`client.shard`), null when not sharded. */
  shards?: ShardSet | null;
};

/**
 * The announcement outbox of a process in CACHE_DIR: `announcements.json` when not sharded and
 * for shard 0 (the name it always had, so existing state stays valid), `announcements-shard-<n>.json`
 * for the process whose lowest shard is n (shards share the cache; each announces its own servers).
 */
export function announcementsFile(shards: ShardSet | null): string {
  if (!shards || isFirstShard(shards) || shards.ids.length === 0) return ANNOUNCEMENTS_FILE;
  return `announcements-shard-${Math.min(...shards.ids)}.json`;
}

/** The news desk (src/news/news-desk.ts) on Discord: its posters made from the client, the servers and outbox of this process's shards. */
export function openDiscordNewsDesk(options: DiscordNewsDeskOptions): RunningNewsDesk {
  const { client, run, shards: given, ...rest } = options;
  const shards = given !== undefined ? given : shardsOfClient(client);
  return openNewsDesk({
    ...rest,
    announcementPoster: discordAnnouncementPoster(client, run),
    roundupPoster: discordRoundupPoster(client),
    ownsGuild: ownsGuildOn(shards),
    outboxFile: announcementsFile(shards),
  });
}
