import { ShardClientUtil, type Client } from 'discord.js';

/** The gateway shards one process runs (discord.js's `client.shard`: its ids and the total count). */
export interface ShardSet {
  ids: readonly number[];
  count: number;
}

/** The shards a client runs (under a ShardingManager, from the environment it was spawned with); null when not sharded. */
export function shardsOfClient(client: Pick<Client, 'shard'>): ShardSet | null {
  return client.shard ? { ids: client.shard.ids, count: client.shard.count } : null;
}

/**
 * The shards the client of this process will run, read before it exists from the environment a
 * ShardingManager spawns each shard with (SHARDING_MANAGER, SHARDS, SHARD_COUNT), as discord.js's
 * Client reads it; null when not sharded. (State read before logging in, e.g. the outbox, is the shard's own.)
 */
export function shardsOfProcess(env: Readonly<Record<string, string | undefined>>): ShardSet | null {
  if (!env.SHARDING_MANAGER || env.SHARDS === undefined) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(env.SHARDS);
  } catch {
    return null;
  }
  const ids = (Array.isArray(parsed) ? parsed : [parsed]).filter((id): id is number => Number.isInteger(id) && id >= 0);
  const count = Number(env.SHARD_COUNT);
  if (ids.length === 0 || !Number.isInteger(count) || count < 1) return null;
  return { ids: [...new Set(ids)], count };
}

/**
 * The shard Discord sends a server's events and interactions to: `(guild_id >> 22) % shard_count`
 * (Discord's gateway documentation, "Sharding"), as discord.js computes it.
 */
export function shardOfGuild(guildId: string, shardCount: number): number {
  if (!/^\d{1,25}$/.test(guildId)) throw new RangeError(`not a server id: ${guildId.slice(0, 40)}`);
  if (!Number.isInteger(shardCount) || shardCount < 1) throw new RangeError(`not a shard count: ${shardCount}`);
  return ShardClientUtil.shardIdForGuildId(guildId, shardCount);
}

/**
 * Whether this process owns a server: its shard is one of `shards.ids`. Without sharding (null)
 * every server is owned; a text that is not a server id never is under sharding.
 */
export function ownsGuildOn(shards: ShardSet | null): (guildId: string) => boolean {
  if (!shards) return () => true;
  const ids = new Set(shards.ids);
  return (guildId) => /^\d{1,25}$/.test(guildId) && ids.has(shardOfGuild(guildId, shards.count));
}

/** Whether this process runs shard 0 (or is not sharded): what is posted once for all servers (the DIGEST_CHANNEL_ID digest) runs there. */
export function isFirstShard(shards: ShardSet | null): boolean {
  return !shards || shards.ids.includes(0);
}
