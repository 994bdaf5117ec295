import { Client } from 'discord.js';
import { afterEach, describe, expect, it } from 'vitest';
import { announcementsFile, filesOfShards } from '../../src/bot/discord-news-desk.ts';
import { isFirstShard, ownsGuildOn, shardOfGuild, shardsOfClient, shardsOfProcess } from '../../src/bot/shard-of-guild.ts';

/** Discord's documented formula (gateway docs, "Sharding"): shard_id = (guild_id >> 22) % num_shards. */
const documented = (guildId: string, count: number): number => Number((BigInt(guildId) >> 22n) % BigInt(count));

// Real-shaped snowflakes from 2015 to today (the timestamp is in the high bits, so >> 22 is the creation time).
const GUILDS = [
  '81384788765712384',
  '197038439483310086',
  '613425648685547541',
  '1000000000000000000',
  '1284712938471294976',
  '4194304',
  '0',
];

describe('shardOfGuild', () => {
  it.each(GUILDS.flatMap((guild) => [1, 2, 3, 16, 1000].map((count) => [guild, count] as const)))(
    'puts server %s on the shard Discord documents for %i shards',
    (guild, count) => {
      expect(shardOfGuild(guild, count)).toBe(documented(guild, count));
    },
  );

  it('spreads servers made one after another over every shard', () => {
    const shards = new Set(Array.from({ length: 40 }, (_, i) => shardOfGuild(String((BigInt(i) << 22n) + 12345n), 4)));
    expect([...shards].sort()).toEqual([0, 1, 2, 3]);
  });

  it.each([
    ['my server', 2],
    ['-1', 2],
    ['81384788765712384', 0],
    ['81384788765712384', 1.5],
  ])('refuses %j with %s shards as a bug', (guild, count) => {
    expect(() => shardOfGuild(guild, count)).toThrow(RangeError);
  });
});

describe('ownsGuildOn', () => {
  const guild = '81384788765712384';
  const home = documented(guild, 3);

  it('owns every server without sharding', () => {
    expect(ownsGuildOn(null)(guild)).toBe(true);
  });

  it.each([0, 1, 2])('makes shard %i of 3 own the server only when it is the documented one', (id) => {
    expect(ownsGuildOn({ ids: [id], count: 3 })(guild)).toBe(id === home);
  });

  it('makes exactly one shard own each server', () => {
    for (const id of GUILDS) {
      const owners = [0, 1, 2, 3].filter((shard) => ownsGuildOn({ ids: [shard], count: 4 })(id));
      expect(owners).toEqual([documented(id, 4)]);
    }
  });

  it('owns the servers of every shard a process runs', () => {
    expect(ownsGuildOn({ ids: [0, 1, 2], count: 3 })(guild)).toBe(true);
  });

  it('owns nothing that is not a server id under sharding', () => {
    expect(ownsGuildOn({ ids: [0], count: 1 })('not-a-server')).toBe(false);
  });
});

describe('isFirstShard', () => {
  it.each([
    [null, true],
    [{ ids: [0], count: 2 }, true],
    [{ ids: [1], count: 2 }, false],
    [{ ids: [1, 0], count: 2 }, true],
  ])('for %j is %s', (shards, expected) => {
    expect(isFirstShard(shards)).toBe(expected);
  });
});

describe('shardsOfProcess', () => {
  const saved = { ...process.env };
  afterEach(() => {
    for (const key of ['SHARDING_MANAGER', 'SHARDING_MANAGER_MODE', 'SHARDS', 'SHARD_COUNT']) {
      if (saved[key] === undefined) delete process.env[key];
      else process.env[key] = saved[key];
    }
  });

  it.each([
    [
      'a ShardingManager process for shard 1 of 3',
      { SHARDING_MANAGER: 'true', SHARDING_MANAGER_MODE: 'process', SHARDS: '1', SHARD_COUNT: '3' },
    ],
    [
      'a ShardingManager process for shard 0 of 2',
      { SHARDING_MANAGER: 'true', SHARDING_MANAGER_MODE: 'process', SHARDS: '0', SHARD_COUNT: '2' },
    ],
    [
      'a ShardingManager process for shards 2 and 3 of 4',
      { SHARDING_MANAGER: 'true', SHARDING_MANAGER_MODE: 'process', SHARDS: '[2,3]', SHARD_COUNT: '4' },
    ],
    ['a process with no ShardingManager', {}],
  ])('reads the shards of %s as the discord.js client made in it does', async (_label, env) => {
    for (const [key, value] of Object.entries(env)) process.env[key] = value;
    const client = new Client({ intents: [] });
    try {
      // client.shard is one per process (discord.js keeps a singleton), so each case compares with the options it reads.
      const expected = client.shard ? { ids: client.options.shards, count: client.options.shardCount } : shardsOfClient(client);
      expect(shardsOfProcess(process.env)).toEqual(expected);
    } finally {
      await client.destroy();
    }
  });

  it.each([
    [{ SHARDS: '1', SHARD_COUNT: '3' }],
    [{ SHARDING_MANAGER: 'true', SHARDS: 'one', SHARD_COUNT: '3' }],
    [{ SHARDING_MANAGER: 'true', SHARDS: '1', SHARD_COUNT: 'x' }],
  ])('is null (not sharded) for %j', (env) => {
    expect(shardsOfProcess(env)).toBeNull();
  });
});

describe('announcementsFile', () => {
  it.each([
    [null, 'announcements.json'],
    [{ ids: [0], count: 2 }, 'announcements.json'],
    [{ ids: [1], count: 2 }, 'announcements-shard-1.json'],
    [{ ids: [3, 2], count: 4 }, 'announcements-shard-2.json'],
    [{ ids: [1, 0], count: 2 }, 'announcements.json'],
  ])('for the shards %j is %s (shard 0 keeps the name it always had)', (shards, file) => {
    expect(announcementsFile(shards)).toBe(file);
  });
});

describe('filesOfShards', () => {
  it.each([
    [null, { outbox: 'announcements.json', watchSeen: 'watch-seen.json' }],
    [
      { ids: [0], count: 2 },
      { outbox: 'announcements.json', watchSeen: 'watch-seen.json' },
    ],
    [
      { ids: [3, 2], count: 4 },
      { outbox: 'announcements-shard-2.json', watchSeen: 'watch-seen-shard-2.json' },
    ],
  ])('for the shards %j names the outbox and the watch-seen file alike', (shards, files) => {
    expect(filesOfShards(shards)).toEqual(files);
  });
});
