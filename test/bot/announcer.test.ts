import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCommand } from '../../src/answers/run-command.ts';
import { OutboxUnreadableError, readOutbox } from '../../src/store/announcement-outbox.ts';
import { openAnnouncer, type Announcer, type OpenAnnouncerOptions } from '../../src/news/announcer.ts';
import type { CorpusSource } from '../../src/news/posting-options.ts';
import { discordAnnouncementPoster } from '../../src/bot/discord-announcement-poster.ts';
import { announcementNonce, buildAnnouncement } from '../../src/bot/post-announcement.ts';
import type { DiscordPayload } from '../../src/render/discord/discord-payload.ts';
import type { Article } from '../../src/model/article.ts';
import type { Corpus } from '../../src/model/corpus.ts';
import { fixtureArticles } from '../support/article-from-paragraphs.ts';
import { corpusOf } from '../support/corpus.ts';
import { until } from '../support/until.ts';
import { captureWarnings } from '../support/capture-warnings.ts';
import { ioSettled } from '../support/io-settled.ts';
import { createFakeTime } from '../feeds/fakes.ts';

const GUILD = '111111111111111111';
const OTHER_GUILD = '222222222222222222';
const CHANNEL = '333333333333333333';
const BOT = '999999999999999999';

let cacheDir: string;
const running: Announcer[] = [];
beforeEach(async () => {
  cacheDir = await mkdtemp(path.join(tmpdir(), 'pilcrow-announcer-'));
});
afterEach(async () => {
  for (const a of running.splice(0)) await a.stop();
  await rm(cacheDir, { recursive: true, force: true });
});

const outboxFile = () => path.join(cacheDir, 'announcements.json');
/** The outbox file, less the date of each announced key (test/store/conformance.test.ts checks those): it must date every key. */
const onDisk = async () => {
  const { announcedAt, ...rest } = JSON.parse(await readFile(outboxFile(), 'utf8'));
  expect(Object.keys(announcedAt ?? {})).toEqual(rest.announced);
  return rest;
};

/** Real fixture articles: the train story shared, the drain story this server's, the telescope story another server's. */
const [seed, train, drain, telescope] = fixtureArticles() as [Article, Article, Article, Article];
const ownDrain = { ...drain, scope: GUILD };
const foreignTelescope = { ...telescope, scope: OTHER_GUILD };
const corpora = new Map<string, Corpus>();
/** The corpus of these articles (built once per set: analysis takes a moment). */
function corpusWith(...articles: Article[]): Corpus {
  const key = articles.map((a) => a.id).join(',');
  if (!corpora.has(key)) corpora.set(key, corpusOf(articles));
  return corpora.get(key)!;
}

/**
 * A corpus the test changes, and a Discord client whose channel records posts. `hold` makes
 * sends wait until released (a slow Discord); `failing` sends throw; `alreadyThere` are messages
 * the channel holds (what Discord made before a restart).
 */
function world(initial: Article[]) {
  let corpus = corpusWith(...initial);
  const listeners: Array<(c: Corpus, added: string[]) => void> = [];
  const source: CorpusSource = { current: () => corpus, onChange: (l) => listeners.push(l) };
  const sent: any[] = [];
  const control = {
    failing: 0,
    failStatus: 500 as number | undefined,
    attempts: 0,
    hold: false,
    alreadyThere: [] as any[],
    nonces: [] as string[],
  };
  const released: Array<() => void> = [];
  const channel = {
    isSendable: () => true,
    send: async (body: any) => {
      control.attempts++;
      control.nonces.push(body.nonce);
      if (control.failing > 0) {
        control.failing--;
        throw Object.assign(new Error('Discord failed'), control.failStatus ? { status: control.failStatus } : {});
      }
      if (control.hold) await new Promise<void>((resolve) => released.push(resolve));
      sent.push(body);
    },
    messages: {
      fetch: async () => new Map(control.alreadyThere.map((m, i) => [String(i), m])),
    },
  };
  const client = { user: { id: BOT }, channels: { fetch: async () => channel } } as any;
  const logged = captureWarnings();
  const setArticles = (...articles: Article[]) => {
    const before = new Set(corpus.articles.map((a) => a.article.id));
    corpus = corpusWith(...articles);
    const added = articles.map((a) => a.id).filter((id) => !before.has(id));
    for (const l of listeners) l(corpus, added);
  };
  const events: string[] = [];
  const open = async (options: Pick<OpenAnnouncerOptions, 'articleWaitMs' | 'clock' | 'timers'> = {}) => {
    const announcer = await openAnnouncer({
      poster: discordAnnouncementPoster(client, runCommand),
      source,
      cacheDir,
      log: logged.log,
      retry: { firstDelayMs: 10, maxDelayMs: 40 },
      onEvent: (event) => events.push(event),
      ...options,
    });
    running.push(announcer);
    return announcer;
  };
  const release = () => released.splice(0).forEach((r) => r());
  return { sent, control, open, setArticles, release, warnings: logged.lines, channel, events };
}

describe('the announcer', () => {
  it('GIVEN an article enqueued THEN it is on disk when enqueue resolves, then posted once with its summary, its link and a nonce', async () => {
    const w = world([seed, train]);
    w.control.hold = true;
    const announcer = await w.open();
    await announcer.enqueue({ guildId: GUILD, channelId: CHANNEL, articleId: train.id, link: 'https://news.example.org/train?x=1' });
    expect((await onDisk()).queue).toEqual([
      expect.objectContaining({ guildId: GUILD, channelId: CHANNEL, articleId: train.id, link: 'https://news.example.org/train?x=1' }),
    ]);
    await until(() => w.control.attempts > 0);
    w.release();
    await announcer.idle();
    expect(w.sent).toHaveLength(1);
    const [post] = w.sent;
    expect(post.embeds[0].url).toBe('https://news.example.org/train?x=1');
    expect(post.embeds[0].description).toMatch(/\(¶ \d+\)/);
    expect(post.nonce).toBe(announcementNonce(CHANNEL, train.id));
    expect(post.enforceNonce).toBe(true);
    expect(post.allowedMentions).toEqual({ parse: [] });
    expect(await onDisk()).toEqual({ version: 1, announced: [`${GUILD}:${train.id}`], queue: [] });
  });

  it.each([
    ['not a web address', 'javascript:alert(1)'],
    ['too long for Discord', `https://news.example.org/${'a'.repeat(2100)}`],
  ])('GIVEN a link that is %s THEN the announcement is posted without it', async (_label, link) => {
    const w = world([seed, train]);
    const announcer = await w.open();
    await announcer.enqueue({ guildId: GUILD, channelId: CHANNEL, articleId: train.id, link });
    await until(() => w.sent.length > 0);
    expect(w.sent[0].embeds[0].url).toBeUndefined();
  });

  it('GIVEN the same story enqueued again, in the same server or after a restart THEN it is announced once per server', async () => {
    const w = world([seed, train]);
    const first = await w.open();
    const item = { guildId: GUILD, channelId: CHANNEL, articleId: train.id };
    await Promise.all([first.enqueue(item), first.enqueue(item), first.enqueue({ ...item, channelId: '444444444444444444' })]);
    await first.idle();
    await first.enqueue(item);
    await first.idle();
    await first.stop();
    const second = await w.open();
    await second.enqueue(item);
    await second.enqueue({ ...item, guildId: OTHER_GUILD });
    await second.idle();
    expect(w.sent.map((b) => b.nonce)).toEqual([announcementNonce(CHANNEL, train.id), announcementNonce(CHANNEL, train.id)]);
    expect((await onDisk()).announced).toEqual([`${GUILD}:${train.id}`, `${OTHER_GUILD}:${train.id}`]);
  });

  it('GIVEN an article whose file is written but not yet in the corpus THEN it is announced as soon as the corpus has it', async () => {
    const w = world([seed]);
    const announcer = await w.open();
    await announcer.enqueue({ guildId: GUILD, channelId: CHANNEL, articleId: drain.id });
    await announcer.idle();
    expect(w.sent).toHaveLength(0);
    expect(announcer.pending()).toBe(1);
    w.setArticles(seed, ownDrain);
    await until(() => w.sent.length > 0);
    expect(w.sent[0].embeds[0].title).toMatch(/stormwater drain/);
    expect(announcer.pending()).toBe(0);
  });

  it.each([
    ['never appears', [seed]],
    ['belongs to another server', [seed, foreignTelescope]],
  ])('GIVEN an article that %s THEN it is given up after the wait, with a warning, and nothing is posted', async (_label, articles) => {
    const w = world(articles);
    const time = createFakeTime();
    const announcer = await w.open({ articleWaitMs: 60_000, clock: time.clock, timers: time.timers });
    await announcer.enqueue({ guildId: GUILD, channelId: CHANNEL, articleId: telescope.id });
    await announcer.idle();
    time.advance(60_000);
    await announcer.idle();
    expect(announcer.pending()).toBe(0);
    expect(w.sent).toHaveLength(0);
    expect(w.warnings.map((l) => l.msg)).toEqual(['an article to announce never appeared in the corpus; giving up its announcement']);
    expect(await onDisk()).toEqual({ version: 1, announced: [], queue: [] });
  });

  it('GIVEN Discord fails three times THEN the post is retried with backoff, with the same nonce, and made once', async () => {
    const w = world([seed, train]);
    w.control.failing = 3;
    const announcer = await w.open();
    await announcer.enqueue({ guildId: GUILD, channelId: CHANNEL, articleId: train.id });
    await until(() => w.sent.length > 0);
    await announcer.idle();
    expect(w.control.attempts).toBe(4);
    expect(new Set(w.control.nonces)).toEqual(new Set([announcementNonce(CHANNEL, train.id)]));
    expect(w.sent).toHaveLength(1);
    expect(w.warnings.filter((l) => l.msg === 'could not post an announcement; will retry')).toHaveLength(3);
    expect(w.events).toEqual(['queued', 'failed', 'failed', 'failed', 'posted']);
  });

  it('GIVEN SIGTERM while a post is in flight THEN stop waits for it, records it, and nothing is posted again after the restart', async () => {
    const w = world([seed, train]);
    w.control.hold = true;
    const first = await w.open();
    await first.enqueue({ guildId: GUILD, channelId: CHANNEL, articleId: train.id });
    await until(() => w.control.attempts > 0);
    expect((await onDisk()).queue[0].attemptedAt).toEqual(expect.any(String));
    let stopped = false;
    const stopping = first.stop().then(() => (stopped = true));
    // Everything stop could do without the post (its state write included) has run: it still waits.
    await ioSettled();
    expect(stopped).toBe(false);
    w.release();
    await stopping;
    expect(await onDisk()).toEqual({ version: 1, announced: [`${GUILD}:${train.id}`], queue: [] });
    w.control.hold = false;
    const second = await w.open();
    await second.idle();
    expect(w.sent).toHaveLength(1);
  });

  it.each([
    ['Discord made it before the process died', true, 0],
    ['Discord never made it', false, 1],
  ])(
    'GIVEN the process died with a post in flight and %s THEN after the restart the channel is looked at and the post is made only if missing',
    async (_label, madeBefore, postsAfter) => {
      const w = world([seed, train]);
      w.control.hold = true;
      const first = await w.open();
      await first.enqueue({ guildId: GUILD, channelId: CHANNEL, articleId: train.id });
      await until(() => w.control.attempts > 0);
      // The process is gone: its announcer is never stopped, its post never answered.
      running.splice(running.indexOf(first), 1);
      const attemptedAt = Date.parse((await onDisk()).queue[0].attemptedAt);
      w.control.hold = false;
      // What the first process sent is what the restarted one would send.
      const payload = buildAnnouncement(corpusWith(seed, train), train.id, null, runCommand) as DiscordPayload;
      if (madeBefore) w.control.alreadyThere = [{ author: { id: BOT }, createdTimestamp: attemptedAt + 200, embeds: payload.embeds }];
      w.control.alreadyThere.push({ author: { id: '1234567' }, createdTimestamp: attemptedAt + 300, embeds: payload.embeds });
      const second = await w.open();
      await second.idle();
      expect(w.sent).toHaveLength(postsAfter);
      if (postsAfter > 0) expect(w.sent[0].nonce).toBe(announcementNonce(CHANNEL, train.id));
      expect(await onDisk()).toEqual({ version: 1, announced: [`${GUILD}:${train.id}`], queue: [] });
    },
  );

  it.each([
    ['not JSON', '{"version": 1, "queue": ['],
    ['an empty object', '{}'],
    ['a queue item without a channel', JSON.stringify({ version: 1, announced: [], queue: [{ guildId: null, articleId: 'a' }] })],
  ])('GIVEN an outbox that is %s THEN ONE warning says so and the outbox starts afresh', async (_label, content) => {
    await writeFile(outboxFile(), content);
    const w = world([seed, train]);
    const announcer = await w.open();
    await announcer.idle();
    expect(w.warnings.map((l) => l.msg)).toEqual([
      expect.stringMatching(/^the announcement outbox is invalid \(.+\); starting it afresh$/),
    ]);
    expect(await onDisk()).toEqual({ version: 1, announced: [], queue: [] });
  });

  it('GIVEN an item the outbox could not be read back with THEN enqueue refuses it and the outbox stays readable', async () => {
    const w = world([seed, train]);
    const announcer = await w.open();
    await expect(announcer.enqueue({ guildId: '../../etc', channelId: CHANNEL, articleId: train.id })).rejects.toThrow(/guildId/);
    expect(await readOutbox(outboxFile())).toEqual({ kind: 'valid', state: { announced: new Set(), queue: [] } });
  });

  it('GIVEN an outbox that exists but cannot be read THEN reading it throws the unreadable error', async () => {
    await mkdir(outboxFile());
    await expect(readOutbox(outboxFile())).rejects.toBeInstanceOf(OutboxUnreadableError);
  });
});
