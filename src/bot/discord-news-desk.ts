import type { Client } from 'discord.js';
import { openNewsDesk, type NewsDeskOptions, type RunningNewsDesk } from '../news/news-desk.ts';
import { processFiles, type ProcessFiles } from '../news/process-files.ts';
import type { RunCommand } from './command-module.ts';
import { discordAnnouncementPoster } from './discord-announcement-poster.ts';
import { discordRoundupPoster } from './discord-roundup-poster.ts';
import { isFirstShard, ownsGuildOn, shardsOfClient, type ShardSet } from './shard-of-guild.ts';

/** What the bot opens its news desk with: the desk's options, with the client and `run` the posters are made of. */
export type DiscordNewsDeskOptions = Omit<NewsDeskOptions, 'announcementPoster' | 'roundupPoster' | 'ownsGuild' | 'files'> & {
  client: Client;
  run: RunCommand;
  /** The shards this process runs; default the client's (`client.shard`), null when not sharded. */
  shards?: ShardSet | null;
};

/**
 * The files of a process in CACHE_DIR (src/news/process-files.ts): the plain names when not
 * sharded and for shard 0, named after its lowest shard otherwise.
 */
export function filesOfShards(shards: ShardSet | null): ProcessFiles {
  if (!shards || isFirstShard(shards) || shards.ids.length === 0) return processFiles(null);
  return processFiles(Math.min(...shards.ids));
}

/** The announcement outbox of a process in CACHE_DIR: `announcements.json`, or `announcements-shard-<n>.json` (filesOfShards). */
export function announcementsFile(shards: ShardSet | null): string {
  return filesOfShards(shards).outbox;
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
    files: filesOfShards(shards),
  });
}
