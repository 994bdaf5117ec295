import 'dotenv/config';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { REST, Routes, ShardingManager } from 'discord.js';
import { childEntry } from '../launch/running-build.ts';
import { checkDiscordAccess } from './check-discord-access.ts';
import { readBotConfig } from './read-bot-config.ts';

/** The entry every shard runs. */
export const BOT_ENTRY = fileURLToPath(new URL('./bot-main.ts', import.meta.url));

/**
 * Discord's recommended shard count. discord.js's own 'auto' always asks discord.com, so
 * with a custom API (DISCORD_API_URL) it is asked here instead.
 */
export async function recommendedShardCount(token: string, api: string | null): Promise<number | 'auto'> {
  if (!api) return 'auto';
  const rest = new REST({ api }).setToken(token);
  const { shards } = (await rest.get(Routes.gatewayBot())) as { shards: number };
  return Math.max(1, shards);
}

/**
 * `npm run start:sharded`: a ShardingManager running src/bot/bot-main.ts in one process per
 * shard (count: SHARD_COUNT, else Discord's recommendation; of those, SHARD_LIST's or all), respawning crashed shards.
 */
export async function main(env: NodeJS.ProcessEnv = process.env): Promise<number | null> {
  const proc = readBotConfig(env, 'start:sharded');
  if (!proc) return 1;
  const { config, log } = proc;
  const refused = await checkDiscordAccess(config.discordToken, config.discordApiUrl);
  if (refused) {
    log.fatal(refused);
    return 1;
  }
  let totalShards: number | 'auto';
  try {
    totalShards = config.shardCount ?? (await recommendedShardCount(config.discordToken, config.discordApiUrl));
  } catch (err) {
    log.fatal(`could not ask Discord for the recommended shard count: ${err instanceof Error ? err.message : String(err)}`);
    return 1;
  }
  const shardEntry = childEntry(BOT_ENTRY);
  const manager = new ShardingManager(shardEntry.file, {
    shardArgs: shardEntry.args,
    execArgv: shardEntry.execArgv,
    token: config.discordToken,
    totalShards,
    // Under several hosts each runs its own shards of the same count (SHARD_LIST); default all.
    shardList: config.shardList ?? 'auto',
    respawn: true,
  });
  manager.on('shardCreate', (shard) => log.info({ shardId: shard.id }, 'shard launched'));
  const stop = (signal: string): void => {
    log.info({ signal }, 'stopping shards');
    for (const shard of manager.shards.values()) shard.kill();
    process.exit(0);
  };
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));
  try {
    await manager.spawn();
  } catch (err) {
    // A shard that dies before it is ready (its own start-up failed, and said why) stops them all.
    log.fatal(`a shard could not start: ${err instanceof Error ? err.message : String(err)}`);
    for (const shard of manager.shards.values()) shard.kill();
    return 1;
  }
  return null;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const code = await main();
  if (code !== null) process.exit(code);
}
