import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CACHE_DIR } from '../src/files/default-cache-dir.ts';
import { readConfig } from '../src/config.ts';

const TOKEN = 'test-token.not-real.abcdefghijklmnopqrstuvwxyz0123456789';

describe('readConfig', () => {
  it('GIVEN an empty environment THEN it runs without Discord on ./data, with the one default cache (the repository .cache/, whatever the working directory)', () => {
    const config = readConfig({}, '/repo');
    expect(config).toMatchObject({
      discordToken: null,
      dataDir: '/repo/data',
      cacheDir: path.resolve(DEFAULT_CACHE_DIR),
      logLevel: 'info',
      guildId: null,
      allowPrivateUrls: false,
      metricsPort: null,
      metricsHost: '127.0.0.1',
      databaseUrl: null,
      shardList: null,
    });
    expect(DEFAULT_CACHE_DIR).toBe(new URL('../.cache/', import.meta.url).pathname);
    expect(Object.isFrozen(config)).toBe(true);
  });

  it('GIVEN every variable THEN each is read and trimmed', () => {
    const config = readConfig(
      {
        DISCORD_TOKEN: ` ${TOKEN} `,
        DISCORD_APPLICATION_ID: '123456789012345678',
        DISCORD_GUILD_ID: '223456789012345678',
        DIGEST_CHANNEL_ID: '323456789012345678',
        DATA_DIR: 'articles',
        LOG_LEVEL: 'DEBUG',
        DISCORD_API_URL: 'http://127.0.0.1:9999/api/',
        CACHE_DIR: '/tmp/c',
        SHARD_COUNT: '4',
        SHARD_LIST: '3, 1',
        ALLOW_PRIVATE_URLS: ' TRUE ',
        METRICS_PORT: '9464',
        METRICS_HOST: '0.0.0.0',
        DATABASE_URL: ' postgres://pilcrow:secret@db.internal:5432/pilcrow ',
      },
      '/repo',
    );
    expect(config).toEqual({
      discordToken: TOKEN,
      applicationId: '123456789012345678',
      guildId: '223456789012345678',
      digestChannelId: '323456789012345678',
      dataDir: '/repo/articles',
      logLevel: 'debug',
      discordApiUrl: 'http://127.0.0.1:9999/api',
      cacheDir: '/tmp/c',
      shardCount: 4,
      shardList: [1, 3],
      allowPrivateUrls: true,
      metricsPort: 9464,
      metricsHost: '0.0.0.0',
      databaseUrl: 'postgres://pilcrow:secret@db.internal:5432/pilcrow',
    });
  });

  it.each([
    [{ DISCORD_TOKEN: 'Bot abc' }, 'DISCORD_TOKEN'],
    [{ DISCORD_GUILD_ID: 'my-server' }, 'DISCORD_GUILD_ID'],
    [{ DISCORD_APPLICATION_ID: '12' }, 'DISCORD_APPLICATION_ID'],
    [{ DIGEST_CHANNEL_ID: '#news' }, 'DIGEST_CHANNEL_ID'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL'],
    [{ DISCORD_API_URL: 'not a url' }, 'DISCORD_API_URL'],
    [{ DISCORD_API_URL: 'ftp://x' }, 'DISCORD_API_URL'],
    [{ SHARD_COUNT: '0' }, 'SHARD_COUNT'],
    [{ SHARD_COUNT: 'auto' }, 'SHARD_COUNT'],
    [{ ALLOW_PRIVATE_URLS: 'yes' }, 'ALLOW_PRIVATE_URLS'],
    [{ ALLOW_PRIVATE_URLS: '1' }, 'ALLOW_PRIVATE_URLS'],
    [{ METRICS_PORT: '0' }, 'METRICS_PORT'],
    [{ METRICS_PORT: '70000' }, 'METRICS_PORT'],
    [{ METRICS_PORT: 'http' }, 'METRICS_PORT'],
    [{ METRICS_HOST: 'a host; rm -rf' }, 'METRICS_HOST'],
    [{ DATABASE_URL: 'mysql://db/pilcrow' }, 'DATABASE_URL'],
    [{ SHARD_LIST: '0' }, 'SHARD_LIST'],
    [{ SHARD_COUNT: '2', SHARD_LIST: '0,2' }, 'SHARD_LIST'],
    [{ DATABASE_URL: 'db.internal:5432' }, 'DATABASE_URL'],
  ])('GIVEN %j THEN one clear line names the variable', (env, variable) => {
    const result = readConfig(env);
    expect(result).toHaveProperty('error');
    const message = (result as { error: string }).error;
    expect(message.startsWith(variable)).toBe(true);
    expect(message).not.toContain('\n');
  });
});
