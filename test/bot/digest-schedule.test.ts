import { mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CorpusSource } from '../../src/news/posting-options.ts';
import { cronJobs, dailyPattern, openDigestSchedules, roundupNonce, type DigestSchedules } from '../../src/news/digest-schedule.ts';
import { discordRoundupPoster } from '../../src/bot/discord-roundup-poster.ts';
import type { Article } from '../../src/model/article.ts';
import type { Corpus } from '../../src/model/corpus.ts';
import { isUserError } from '../../src/model/user-error.ts';
import { fileScheduleStore } from '../../src/store/file-schedule-store.ts';
import type { ScheduleStore } from '../../src/store/schedule-store.ts';
import { fixtureArticles } from '../support/article-from-paragraphs.ts';
import { corpusOf } from '../support/corpus.ts';
import { captureWarnings } from '../support/capture-warnings.ts';

const GUILD = '111111111111111111';
const OTHER_GUILD = '222222222222222222';
const CHANNEL = '333333333333333333';

let dataDir: string;
const opened: DigestSchedules[] = [];
beforeEach(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'pilcrow-schedules-'));
});
afterEach(async () => {
  for (const s of opened.splice(0)) await s.stop();
  await rm(dataDir, { recursive: true, force: true });
});

/**
 * The real fixture articles: the bundled one placed by hand (no `added`), the train story shared
 * and added at 06:00 UTC, the drain story this server's own added at 07:30, the telescope story
 * another server's added at 07:40, the UN story this server's but added two days before.
 */
function newsCorpus(): Corpus {
  const [seed, train, drain, telescope, un] = fixtureArticles() as [Article, Article, Article, Article, Article];
  return corpusOf([
    seed,
    { ...train, added: '2026-12-01T06:00:00.000Z' },
    { ...drain, scope: GUILD, added: '2026-12-01T07:30:00.000Z' },
    { ...telescope, scope: OTHER_GUILD, added: '2026-12-01T07:40:00.000Z' },
    { ...un, scope: GUILD, added: '2026-11-29T07:00:00.000Z' },
  ]);
}
const corpus = newsCorpus();

/** A clock the test moves, a channel that records posts, and schedules over dataDir with paused croner jobs. */
function world(now: string) {
  const clock = { now: Date.parse(now) };
  const source: CorpusSource = { current: () => corpus, onChange: () => undefined };
  const sent: any[] = [];
  const outage = { failing: 0 };
  const client = {
    channels: {
      fetch: async () => ({
        isSendable: () => true,
        send: async (body: any) => {
          if (outage.failing > 0) {
            outage.failing--;
            throw Object.assign(new Error('Discord answered 503'), { status: 503 });
          }
          sent.push(body);
        },
      }),
    },
  } as any;
  const logged = captureWarnings();
  const open = (ownsGuild?: (guildId: string) => boolean, store?: ScheduleStore) => {
    const schedules = openDigestSchedules({
      dataDir,
      store,
      ownsGuild,
      poster: discordRoundupPoster(client),
      source,
      log: logged.log,
      clock: () => clock.now,
      createJob: cronJobs({ clock: () => clock.now, paused: true }),
      retry: { firstDelayMs: 5, maxDelayMs: 20 },
    });
    opened.push(schedules);
    return schedules;
  };
  return { clock, sent, outage, open, warnings: logged.lines };
}

const file = (guildId = GUILD) => path.join(dataDir, 'guilds', guildId, 'digest.json');
const onDisk = async (guildId = GUILD) => JSON.parse(await readFile(file(guildId), 'utf8'));

describe('/digest schedule: setting it', () => {
  it.each([
    ['25:00', 'time', /"25:00" is not a time of day/],
    ['12:60', 'time', /"12:60" is not a time of day/],
    ['8 am', 'time', /"8 am" is not a time of day/],
    ['Mars/Olympus_Mons', 'timezone', /"Mars\/Olympus_Mons" is not a time zone/],
  ])('GIVEN %s as the %s THEN a user error says what is wrong and nothing is written', async (value, field, message) => {
    const schedules = world('2026-12-01T05:00:00Z').open();
    await schedules.start();
    const request = { channelId: CHANNEL, time: '08:00', timezone: 'UTC', [field]: value };
    const result = await schedules.set(GUILD, request);
    expect(isUserError(result) && result.error.message).toMatch(message);
    await expect(stat(file())).rejects.toThrow(/ENOENT/);
  });

  it('GIVEN a time and a zone THEN the schedule is written to the server’s digest.json and croner runs it next at that time in that zone', async () => {
    const schedules = world('2026-12-01T05:00:00Z').open();
    await schedules.start();
    const set = await schedules.set(GUILD, { channelId: CHANNEL, time: '8:00', timezone: 'europe/paris' });
    expect(set).toMatchObject({ guildId: GUILD, time: '08:00', timezone: 'Europe/Paris', nextRunAt: '2026-12-01T07:00:00.000Z' });
    expect(await onDisk()).toEqual({
      channelId: CHANNEL,
      time: '08:00',
      timezone: 'Europe/Paris',
      lastPostedAt: null,
      lastSlot: null,
      setAt: '2026-12-01T05:00:00.000Z',
    });
    expect(schedules.get(GUILD)?.nextRunAt).toBe('2026-12-01T07:00:00.000Z');
  });

  it.each([
    ['08:00', 'America/New_York', '2026-07-01T05:00:00Z', '2026-07-01T12:00:00.000Z'],
    ['08:00', 'America/New_York', '2026-12-01T05:00:00Z', '2026-12-01T13:00:00.000Z'],
    ['23:59', 'UTC', '2026-12-01T23:59:30Z', '2026-12-02T23:59:00.000Z'],
  ])('GIVEN %s in %s at %s THEN the next round-up is at %s (daylight saving followed)', async (time, timezone, now, next) => {
    const schedules = world(now).open();
    await schedules.start();
    expect(await schedules.set(GUILD, { channelId: CHANNEL, time, timezone })).toMatchObject({ nextRunAt: next });
  });

  it('GIVEN a time THEN its cron pattern is minute then hour, every day', () => {
    expect(dailyPattern('08:30')).toBe('30 8 * * *');
  });

  it('GIVEN /digest off THEN the file is removed, the job stopped, and there is nothing to run', async () => {
    const schedules = world('2026-12-01T05:00:00Z').open();
    await schedules.start();
    await schedules.set(GUILD, { channelId: CHANNEL, time: '08:00', timezone: 'UTC' });
    expect(await schedules.off(GUILD)).toMatchObject({ time: '08:00' });
    await expect(stat(file())).rejects.toThrow(/ENOENT/);
    expect(schedules.get(GUILD)).toBeNull();
    expect(await schedules.runNow(GUILD)).toBe('no-schedule');
    expect(await schedules.off(GUILD)).toBeNull();
  });
});

describe('the daily round-up at its time', () => {
  it('GIVEN articles added since the last round-up THEN one round-up of those the server sees is posted, with a nonce per server and slot, and the period recorded', async () => {
    const w = world('2026-12-01T05:00:00Z');
    const schedules = w.open();
    await schedules.start();
    await schedules.set(GUILD, { channelId: CHANNEL, time: '08:00', timezone: 'UTC' });
    w.clock.now = Date.parse('2026-12-01T08:00:00.010Z');
    expect(await schedules.runNow(GUILD)).toBe('posted');
    expect(w.sent).toHaveLength(1);
    const [message] = w.sent;
    // Shared and own articles added in the last 24 h; not another server's, not one placed by hand, not one added before the period.
    expect(message.embeds.map((e: any) => e.title)).toEqual([expect.stringMatching(/stormwater drain/i), expect.stringMatching(/train/i)]);
    expect(message.content).toMatch(/^\*\*Round-up\*\*: 2 new articles since <t:\d+:f>$/);
    expect(message.nonce).toBe(roundupNonce(GUILD, new Date('2026-12-01T08:00:00Z')));
    expect(message.enforceNonce).toBe(true);
    expect(message.allowedMentions).toEqual({ parse: [] });
    expect(await onDisk()).toMatchObject({ lastSlot: '2026-12-01T08:00:00.000Z', lastPostedAt: '2026-12-01T08:00:00.010Z' });

    expect(await schedules.runNow(GUILD)).toBe('already-posted');
    w.clock.now = Date.parse('2026-12-02T08:00:00Z');
    expect(await schedules.runNow(GUILD)).toBe('nothing-new');
    expect(w.sent).toHaveLength(1);
    expect(await onDisk()).toMatchObject({ lastSlot: '2026-12-02T08:00:00.000Z' });
  });

  it('GIVEN /digest off while the posted slot is being written THEN the schedule stays removed (the write is not put back after the removal)', async () => {
    const w = world('2026-12-01T05:00:00Z');
    const files = fileScheduleStore(dataDir);
    let hold: { started: () => void; release: Promise<void> } | null = null;
    const store: ScheduleStore = {
      ...files,
      async write(guildId, schedule) {
        if (hold) {
          hold.started();
          await hold.release;
        }
        await files.write(guildId, schedule);
      },
    };
    const schedules = w.open(undefined, store);
    await schedules.start();
    await schedules.set(GUILD, { channelId: CHANNEL, time: '08:00', timezone: 'UTC' });
    let release!: () => void;
    const started = new Promise<void>((resolve) => {
      hold = { started: resolve, release: new Promise<void>((done) => (release = done)) };
    });
    w.clock.now = Date.parse('2026-12-01T08:00:00.010Z');
    const run = schedules.runNow(GUILD);
    await started;
    const off = schedules.off(GUILD);
    release();
    await off;
    expect(await run).toBe('posted');
    await expect(stat(file())).rejects.toThrow(/ENOENT/);
  });

  it('GIVEN the bot restarts in the minute of the round-up it already posted THEN it is not posted again', async () => {
    const w = world('2026-12-01T05:00:00Z');
    const first = w.open();
    await first.start();
    await first.set(GUILD, { channelId: CHANNEL, time: '08:00', timezone: 'UTC' });
    w.clock.now = Date.parse('2026-12-01T08:00:00Z');
    await first.runNow(GUILD);
    await first.stop();
    w.clock.now = Date.parse('2026-12-01T08:00:40Z');
    const second = w.open();
    await second.start();
    expect(await second.runNow(GUILD)).toBe('already-posted');
    expect(w.sent).toHaveLength(1);
  });

  it.each([
    ['an hour after it', 1, '2026-12-01T09:00:00Z'],
    ['in its minute', 1, '2026-12-01T08:00:30Z'],
    ['more than 12 hours after it', 0, '2026-12-01T21:00:00Z'],
  ])(
    'GIVEN the bot was down at the round-up’s time and starts %s THEN the missed round-up is posted %i time(s)',
    async (_label, posts, now) => {
      const w = world('2026-12-01T05:00:00Z');
      const first = w.open();
      await first.start();
      await first.set(GUILD, { channelId: CHANNEL, time: '08:00', timezone: 'UTC' });
      await first.stop();
      w.clock.now = Date.parse(now);
      const second = w.open();
      await second.start();
      await second.idle();
      expect(w.sent).toHaveLength(posts);
      if (posts > 0) expect(w.sent[0].nonce).toBe(roundupNonce(GUILD, new Date('2026-12-01T08:00:00Z')));
    },
  );

  it('GIVEN a schedule set after today’s time THEN the bot starting later that day does not post a round-up for the earlier slot', async () => {
    const w = world('2026-12-01T09:00:00Z');
    const first = w.open();
    await first.start();
    await first.set(GUILD, { channelId: CHANNEL, time: '08:00', timezone: 'UTC' });
    await first.stop();
    w.clock.now = Date.parse('2026-12-01T10:00:00Z');
    const second = w.open();
    await second.start();
    await second.stop();
    expect(w.sent).toHaveLength(0);
  });

  it('GIVEN Discord fails the post twice THEN it is retried and posted once', async () => {
    const w = world('2026-12-01T05:00:00Z');
    const schedules = w.open();
    await schedules.start();
    await schedules.set(GUILD, { channelId: CHANNEL, time: '08:00', timezone: 'UTC' });
    w.clock.now = Date.parse('2026-12-01T08:00:00Z');
    w.outage.failing = 2;
    expect(await schedules.runNow(GUILD)).toBe('posted');
    expect(w.sent).toHaveLength(1);
    expect(w.warnings.filter((l) => l.msg === 'could not post the daily round-up; will retry')).toHaveLength(2);
  });

  it('GIVEN an invalid digest.json of one server THEN one warning names the problem and the other servers’ round-ups still run', async () => {
    const w = world('2026-12-01T05:00:00Z');
    const first = w.open();
    await first.start();
    await first.set(GUILD, { channelId: CHANNEL, time: '08:00', timezone: 'UTC' });
    await first.stop();
    await mkdir(path.dirname(file(OTHER_GUILD)), { recursive: true });
    await writeFile(file(OTHER_GUILD), '{"channelId": "1", "time": "25:00"}');
    const second = w.open();
    await second.start();
    expect(second.get(GUILD)).toMatchObject({ time: '08:00' });
    expect(second.get(OTHER_GUILD)).toBeNull();
    expect(w.warnings.map((l) => l.msg)).toEqual([expect.stringMatching(/daily digest schedule of a server is invalid \(channelId: /)]);
  });
});

describe('under sharding: each shard runs the round-ups of the servers it owns', () => {
  const ownsOnly = (guildId: string) => (id: string) => id === guildId;

  it('GIVEN a round-up missed while down THEN a shard that does not own the server neither loads nor posts it, and the owner posts it once', async () => {
    const w = world('2026-12-01T05:00:00Z');
    const first = w.open();
    await first.start();
    await first.set(GUILD, { channelId: CHANNEL, time: '08:00', timezone: 'UTC' });
    await first.stop();
    w.clock.now = Date.parse('2026-12-01T09:00:00Z');

    const other = w.open(ownsOnly(OTHER_GUILD));
    await other.start();
    await other.idle();
    expect(other.get(GUILD)).toBeNull();
    expect(await other.runNow(GUILD)).toBe('no-schedule');
    expect(w.sent).toHaveLength(0);

    const owner = w.open(ownsOnly(GUILD));
    await owner.start();
    await owner.idle();
    expect(w.sent).toHaveLength(1);
    expect(w.sent[0].nonce).toBe(roundupNonce(GUILD, new Date('2026-12-01T08:00:00Z')));
  });

  it('GIVEN a schedule set through a shard that does not own the server THEN it is written but not run there', async () => {
    const w = world('2026-12-01T05:00:00Z');
    const other = w.open(ownsOnly(OTHER_GUILD));
    await other.start();
    expect(await other.set(GUILD, { channelId: CHANNEL, time: '08:00', timezone: 'UTC' })).toMatchObject({
      time: '08:00',
      nextRunAt: null,
    });
    expect(await onDisk()).toMatchObject({ channelId: CHANNEL, time: '08:00' });
    w.clock.now = Date.parse('2026-12-01T08:00:00Z');
    expect(await other.runNow(GUILD)).toBe('no-schedule');
    expect(w.sent).toHaveLength(0);
  });

  it('GIVEN the owning shard is running THEN a schedule set through it runs at its time without a restart', async () => {
    const w = world('2026-12-01T05:00:00Z');
    const owner = w.open(ownsOnly(GUILD));
    await owner.start();
    expect(await owner.set(GUILD, { channelId: CHANNEL, time: '08:00', timezone: 'UTC' })).toMatchObject({
      nextRunAt: '2026-12-01T08:00:00.000Z',
    });
    w.clock.now = Date.parse('2026-12-01T08:00:00Z');
    expect(await owner.runNow(GUILD)).toBe('posted');
  });
});
