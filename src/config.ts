import path from 'node:path';
import { DEFAULT_CACHE_DIR } from './files/default-cache-dir.ts';
import { isDiscordId } from './model/discord-id.ts';

/** Configuration read once from the environment (see .env.example), validated and frozen. */
export interface Config {
  /** DISCORD_TOKEN: the bot token; null runs Pilcrow without Discord (terminal prompt). */
  discordToken: string | null;
  /** DISCORD_APPLICATION_ID: the application (client) id, needed to deploy commands. */
  applicationId: string | null;
  /** DISCORD_GUILD_ID: register commands in this server only (instant); null = global. */
  guildId: string | null;
  /** DATA_DIR: the articles directory; default ./data. */
  dataDir: string;
  /** DIGEST_CHANNEL_ID: channel where newly added articles are announced; null = off. */
  digestChannelId: string | null;
  /** LOG_LEVEL: pino level; default info. */
  logLevel: string;
  /** DISCORD_API_URL: base URL of a Discord-compatible REST API; null = Discord itself. */
  discordApiUrl: string | null;
  /** CACHE_DIR: where analysis, indexes, word vectors and bot state are kept; default the repository's .cache/ (the one default every part uses). */
  cacheDir: string;
  /** SHARD_COUNT: shards for `npm run start:sharded`; null = Discord's recommendation. */
  shardCount: number | null;
  /** SHARD_LIST: which of the SHARD_COUNT shards this host's `npm run start:sharded` runs (several hosts); null = all. */
  shardList: number[] | null;
  /** ALLOW_PRIVATE_URLS: also fetch links on loopback and private networks; default false. Only for tests and local development: in production it lets anyone make the bot fetch addresses on the host's network. */
  allowPrivateUrls: boolean;
  /** METRICS_PORT: serve /healthz and Prometheus /metrics on this port (a shard process n of start:sharded on METRICS_PORT + n); null = off. */
  metricsPort: number | null;
  /** METRICS_HOST: the interface the metrics server listens on; default 127.0.0.1 (loopback only). */
  metricsHost: string;
  /** DATABASE_URL: PostgreSQL (postgres://…) keeping every server's feeds, schedules, articles and outbox, for several hosts; null = files in DATA_DIR and CACHE_DIR. */
  databaseUrl: string | null;
}

const LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

function value(env: NodeJS.ProcessEnv, name: string): string | null {
  const v = env[name]?.trim();
  return v ? v : null;
}

/** Reads and validates the configuration; the error names the offending variable. */
export function readConfig(env: NodeJS.ProcessEnv, cwd: string = process.cwd()): Config | { error: string } {
  const discordToken = value(env, 'DISCORD_TOKEN');
  if (discordToken !== null && !/^[A-Za-z0-9._-]{20,}$/.test(discordToken)) {
    return { error: 'DISCORD_TOKEN is not a valid bot token (expected the long token from the Developer Portal, without "Bot ").' };
  }
  const ids: Array<[string, string | null]> = [
    ['DISCORD_APPLICATION_ID', value(env, 'DISCORD_APPLICATION_ID')],
    ['DISCORD_GUILD_ID', value(env, 'DISCORD_GUILD_ID')],
    ['DIGEST_CHANNEL_ID', value(env, 'DIGEST_CHANNEL_ID')],
  ];
  for (const [name, v] of ids) {
    if (v !== null && !isDiscordId(v))
      return { error: `${name} must be a Discord id (a number of 15–21 digits), got "${v.slice(0, 40)}".` };
  }
  const logLevel = (value(env, 'LOG_LEVEL') ?? 'info').toLowerCase();
  if (!LEVELS.includes(logLevel)) return { error: `LOG_LEVEL must be one of ${LEVELS.join(', ')}, got "${logLevel.slice(0, 40)}".` };
  const discordApiUrl = value(env, 'DISCORD_API_URL');
  if (discordApiUrl !== null) {
    let url: URL | null;
    try {
      url = new URL(discordApiUrl);
    } catch {
      url = null;
    }
    if (!url || !/^https?:$/.test(url.protocol))
      return { error: `DISCORD_API_URL must be an http(s) URL, got "${discordApiUrl.slice(0, 80)}".` };
  }
  const shardText = value(env, 'SHARD_COUNT');
  if (shardText !== null && !/^[1-9]\d{0,4}$/.test(shardText))
    return { error: `SHARD_COUNT must be a whole number of at least 1, got "${shardText.slice(0, 40)}".` };
  const listText = value(env, 'SHARD_LIST');
  let shardList: number[] | null = null;
  if (listText !== null) {
    const ids = listText.split(',').map((part) => part.trim());
    const count = shardText === null ? null : Number(shardText);
    if (count === null) return { error: 'SHARD_LIST needs SHARD_COUNT (every host must agree on the number of shards).' };
    if (!ids.every((id) => /^\d{1,5}$/.test(id) && Number(id) < count))
      return { error: `SHARD_LIST must list shard ids from 0 to ${count - 1}, separated by commas, got "${listText.slice(0, 40)}".` };
    shardList = [...new Set(ids.map(Number))].sort((a, b) => a - b);
  }
  const allowPrivateText = (value(env, 'ALLOW_PRIVATE_URLS') ?? 'false').toLowerCase();
  if (allowPrivateText !== 'true' && allowPrivateText !== 'false')
    return { error: `ALLOW_PRIVATE_URLS must be true or false, got "${allowPrivateText.slice(0, 40)}".` };
  const metricsText = value(env, 'METRICS_PORT');
  if (metricsText !== null && !(/^\d{1,5}$/.test(metricsText) && Number(metricsText) >= 1 && Number(metricsText) <= 65535))
    return { error: `METRICS_PORT must be a port number from 1 to 65535, got "${metricsText.slice(0, 40)}".` };
  const metricsHost = value(env, 'METRICS_HOST') ?? '127.0.0.1';
  if (!/^[\w.:-]{1,253}$/.test(metricsHost))
    return { error: `METRICS_HOST must be an address or host name to listen on, got "${metricsHost.slice(0, 40)}".` };
  const databaseUrl = value(env, 'DATABASE_URL');
  if (databaseUrl !== null && !isPostgresUrl(databaseUrl))
    return { error: 'DATABASE_URL must be a PostgreSQL URL (postgres://user:password@host:5432/database).' };
  return Object.freeze({
    discordToken,
    applicationId: ids[0]![1],
    guildId: ids[1]![1],
    digestChannelId: ids[2]![1],
    dataDir: path.resolve(cwd, value(env, 'DATA_DIR') ?? 'data'),
    logLevel,
    discordApiUrl: discordApiUrl?.replace(/\/+$/, '') ?? null,
    cacheDir: path.resolve(cwd, value(env, 'CACHE_DIR') ?? DEFAULT_CACHE_DIR),
    shardCount: shardText === null ? null : Number(shardText),
    shardList,
    allowPrivateUrls: allowPrivateText === 'true',
    metricsPort: metricsText === null ? null : Number(metricsText),
    metricsHost,
    databaseUrl,
  });
}

/** A postgres:// or postgresql:// URL with a host (its text is never echoed: it may hold a password). */
function isPostgresUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return /^postgres(?:ql)?:$/.test(url.protocol) && url.hostname !== '';
  } catch {
    return false;
  }
}
