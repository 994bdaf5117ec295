import 'dotenv/config';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { REST, Routes, ShardingManager } from 'discord.js';
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
 * shard (count: SHARD_COUNT, else Discord's recommendation), respawning crashed shards.
 */
export async function main(env: NodeJS.ProcessEnv = process.env): Promise<number | null> {
  const proc = readBotConfig(env, 'start:sharded');
  if (!proc) return 1;
  const { config, log } = proc;
  const manager = new ShardingManager(BOT_ENTRY, {
    token: config.discordToken,
    totalShards: config.shardCount ?? (await recommendedShardCount(config.discordToken, config.discordApiUrl)),
    execArgv: ['--import', 'tsx'],
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
  await manager.spawn();
  return null;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const code = await main();
  if (code !== null) process.exit(code);
}
