/**
 * News in, end to end: the real discord.js client against the fake Discord, the local news
 * site (no internet), a watched data folder. An admin adds a link, a file and feeds; members
 * ask about the new articles; a feed's channel gets each new item once, also across a restart
 * in the middle of an announcement; a plain member is refused; commands answer while a
 * 100-item feed is being ingested.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { copyFile, mkdir, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deployCommands } from '../../src/bot/deploy-commands.ts';
import { loadCommands } from '../../src/bot/load-commands.ts';
import type { RunningBot } from '../../src/bot/start-bot.ts';
import { openCorpusStore, type CorpusStore } from '../../src/engine/corpus-store.ts';
import { NEWS_SITE_PATHS, startNewsSite, type NewsSite } from '../support/news-site/start-news-site.ts';
import { until } from '../support/until.ts';
import { launchNewsBot } from './launch-news-bot.ts';
import { checkMessage, startFakeDiscord, type FakeDiscord, type InteractionReply } from './fake-discord/index.ts';
import type { FaultRule } from './fake-discord/state.ts';

const EPHEMERAL = 64;
const DEFERRED = 5;

let fake: FakeDiscord;
let site: NewsSite;
let flaky: { server: Server; url: string; failing: boolean };
let root: string;
let dataDir: string;
let cacheDir: string;
let store: CorpusStore;
let bot: RunningBot;
const channel = (name: string): string => fake.channels.find((c) => c.name === name)!.id;

/** The bot with news in on this file's folders (./launch-news-bot.ts); resolves once it has logged in. */
const launch = (): Promise<RunningBot> => launchNewsBot({ fake, store, dataDir, cacheDir });

/** The message a reply finally shows: the callback's data, or the edit of a deferral. */
async function finalBody(reply: InteractionReply, timeoutMs = 15_000): Promise<any> {
  if (reply.callback.type !== DEFERRED) return reply.callback.data;
  await fake.waitForLater(reply, (later) => later.some((r) => r.method === 'PATCH' || r.method === 'POST'), timeoutMs);
  return reply.later.find((r) => r.method === 'PATCH' || r.method === 'POST')!.body;
}

/** Runs a subcommand as the admin (default) or another member; resolves with what the member finally sees. */
async function run(
  command: string,
  subcommand: string,
  options: Record<string, string | number | boolean> = {},
  extra: Parameters<FakeDiscord['slash']>[2] = {},
) {
  const reply = await fake.slash(command, options, { userId: fake.adminUserId, subcommand, timeoutMs: 15_000, ...extra });
  const body = await finalBody(reply, 60_000);
  expect(checkMessage(body)).toEqual([]);
  return { reply, body, text: String(body.content ?? '') };
}

/** Whether a reply went out privately (the callback's flags, or the deferral's). */
const isPrivate = (reply: InteractionReply): boolean => ((reply.callback.data?.flags ?? 0) & EPHEMERAL) === EPHEMERAL;

/** The id in "id `…`" of a confirmation. */
function idIn(text: string): string {
  const id = /id `([^`]+)`/.exec(text)?.[1];
  if (!id) throw new Error(`no article id in: ${text}`);
  return id.replace(/\\(.)/g, '$1');
}

/** The links of the posts in a channel. */
const postsIn = (name: string): any[] => fake.channelMessages(channel(name));

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'pilcrow-news-in-'));
  dataDir = path.join(root, 'data');
  cacheDir = path.join(root, 'cache');
  await mkdir(dataDir);
  await copyFile('data/putin-belarus-transition.txt', path.join(dataDir, 'putin-belarus-transition.txt'));
  site = await startNewsSite();
  // A feed that answers, then fails with 500 once `failing` is set.
  const rss = `<?xml version="1.0"?><rss version="2.0"><channel><title>Flaky Gazette</title><link>http://127.0.0.1/</link><description>x</description></channel></rss>`;
  const server = createServer((_req, res) => {
    if (flaky.failing) res.writeHead(500, { 'content-type': 'text/plain' }).end('Internal Server Error');
    else res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(rss);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  flaky = { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/feed.xml`, failing: false };
  fake = await startFakeDiscord({ channels: [{ name: 'news' }, { name: 'bot-muted', botCanSend: false }, { name: 'big-news' }] });
  const opened = await openCorpusStore({ dataDir, cacheDir, watch: true, pollMs: 50 });
  if ('error' in opened) throw new Error(opened.error);
  store = opened;
  bot = await launch();
}, 60_000);

afterAll(async () => {
  await bot?.stop();
  store?.close();
  await fake?.close();
  await site?.close();
  await new Promise((resolve) => flaky?.server.close(resolve));
  if (root) await rm(root, { recursive: true, force: true });
});

describe('news in from Discord', () => {
  let linkId: string;

  it('GIVEN the command modules THEN /article, /feed and /digest deploy as server-only commands, /feed and /digest for Manage Server by default', async () => {
    const commands = await loadCommands();
    await deployCommands({
      token: fake.token,
      applicationId: fake.applicationId,
      guildId: fake.guildId,
      api: fake.apiUrl,
      commands: commands.values(),
    });
    const deployed = new Map(fake.commands(fake.guildId).map((c: any) => [c.name, c]));
    for (const name of ['article', 'feed', 'digest']) expect(deployed.get(name).contexts).toEqual([0]);
    expect(deployed.get('feed').default_member_permissions).toBe('32');
    expect(deployed.get('digest').default_member_permissions).toBe('32');
    expect(deployed.get('article').default_member_permissions ?? null).toBeNull();
    expect(deployed.get('article').options.map((o: any) => o.name)).toEqual(['add', 'list', 'remove']);
  });

  it('GIVEN an admin adding a link THEN the article is stored, numbered and at once answerable: members get cited answers about it', async () => {
    const { reply, text } = await run('article', 'add', { url: site.url(NEWS_SITE_PATHS.article) });
    expect(isPrivate(reply)).toBe(true);
    expect(text).toMatch(
      /^Added ¶-numbered article \*\*Ferry crews in Port Callan walk out over night-shift rosters\*\* \(1\d paragraphs\), id `[^`]+`; (ask|it will be ready to ask about in a moment) \(?\/summary article:/,
    );
    linkId = idIn(text);
    // The answer waits up to 5 s for the corpus to have it ("ask …"); on a very busy machine it says "in a moment" instead.
    if (!text.includes('; ask /summary')) console.warn('the corpus took over 5 s to include the new article (busy machine)');
    await until(() => store.current().byId.has(linkId), { timeoutMs: 30_000, what: 'the corpus to include the new article' });
    const files = await readdir(path.join(dataDir, 'guilds', fake.guildId));
    expect(files.filter((f) => f.endsWith('.md'))).toHaveLength(1);

    const summary = await finalBody(await fake.slash('summary', { article: linkId }));
    expect(summary.embeds[0].title).toMatch(/Ferry crews in Port Callan/);
    expect(summary.embeds[0].description).toMatch(/\(¶ \d+\)/);
    const who = await finalBody(await fake.slash('who', { name: 'Helen Marsh', article: linkId }));
    expect(who.embeds[0].title).toBe('Helen Marsh');
    expect(who.embeds[0].description).toMatch(/fair offer on the table[\s\S]*\(¶ \d+\)/);
  });

  it('GIVEN the same link again THEN it is already here, nothing is written', async () => {
    const { text } = await run('article', 'add', { url: site.url(NEWS_SITE_PATHS.article) });
    expect(text).toMatch(/^Already here: \*\*Ferry crews/);
    expect(idIn(text)).toBe(linkId);
  });

  it('GIVEN an admin uploading a Markdown file THEN it is downloaded from the CDN and added', async () => {
    const markdown = [
      '# Dunmore council approves new riverside cycle path',
      'By Ines Carvalho',
      'Dunmore county council on Tuesday approved a two-kilometre cycle path along the river, after a public consultation that drew more than 900 responses.',
      '"This is the most requested change we have had in a decade," said councillor Tomasz Wilk, who chairs the planning committee.',
      'Work is due to begin in March and to cost about 1.2 million, most of it from a regional transport grant.',
    ].join('\n\n');
    const downloads = fake.downloads.length;
    const { text } = await run(
      'article',
      'add',
      {},
      { attachments: { file: { filename: 'cycle-path.md', contentType: 'text/markdown; charset=utf-8', body: markdown } } },
    );
    expect(text).toMatch(/^Added ¶-numbered article \*\*Dunmore council approves new riverside cycle path\*\* \(3 paragraphs\)/);
    expect(fake.downloads.length).toBe(downloads + 1);
    await until(() => store.current().byId.has(idIn(text)), { timeoutMs: 30_000, what: 'the corpus to include the uploaded article' });
    const quote = await finalBody(await fake.slash('quote', { speaker: 'Tomasz Wilk', article: idIn(text) }));
    expect(JSON.stringify(quote.embeds)).toMatch(/most requested change/);
  });

  it.each([
    [
      'a program',
      { filename: 'setup.exe', contentType: 'application/x-msdownload', body: 'MZ\u0000\u0000' },
      /only add \.txt, \.md or \.html files as articles; "setup\.exe" is not one/,
    ],
    [
      'a 6 MB file',
      { filename: 'huge.md', contentType: 'text/markdown', body: '# Big', size: 6 * 1024 * 1024 },
      /"huge\.md" is 6\.0 MB; article files may be at most 5 MB/,
    ],
    ['an image named .txt', { filename: 'photo.txt', contentType: 'image/png', body: '\u0089PNG' }, /not text/],
  ])('GIVEN %s attached THEN it is refused clearly and privately, before anything is downloaded', async (_name, file, refusal) => {
    const downloads = fake.downloads.length;
    const { reply, text } = await run('article', 'add', {}, { attachments: { file } });
    expect(reply.callback.type).toBe(4);
    expect(isPrivate(reply)).toBe(true);
    expect(text).toMatch(refusal);
    expect(fake.downloads.length).toBe(downloads);
  });

  it('GIVEN a binary file named .txt with a text type THEN the library refuses it after the download', async () => {
    const bytes = new Uint8Array(4096).map((_, i) => (i * 7919) % 256);
    const { text } = await run(
      'article',
      'add',
      {},
      { attachments: { file: { filename: 'data.txt', contentType: 'text/plain', body: bytes } } },
    );
    expect(text).toMatch(/data\.txt.* is (a binary file|not text)/);
  });

  it.each([
    ['article', 'add', { url: 'https://example.org/story' }, 'You need the Manage Server permission to add articles.'],
    ['article', 'remove', { article: 'anything' }, 'You need the Manage Server permission to remove articles.'],
    ['feed', 'add', { url: 'https://example.org/feed.xml', channel: '' }, 'You need the Manage Server permission to add feeds.'],
    ['digest', 'off', {}, 'You need the Manage Server permission to stop the daily digest.'],
  ])('GIVEN a plain member using /%s %s THEN they are refused, naming Manage Server', async (command, subcommand, options, refusal) => {
    const values = { ...options } as Record<string, string>;
    const channelOptionIds: string[] = [];
    if ('channel' in values) {
      values.channel = channel('news');
      channelOptionIds.push('channel');
    }
    const { reply, text } = await run(command, subcommand, values, { userId: fake.memberUserId, channelOptionIds });
    expect(isPrivate(reply)).toBe(true);
    expect(text).toContain(refusal);
  });

  it('GIVEN a plain member THEN /article list is theirs to use', async () => {
    const { text, body } = await run('article', 'list', {}, { userId: fake.memberUserId });
    expect(text).toBe('');
    expect(body.embeds[0].description).toContain(linkId);
  });

  it('GIVEN a feed channel the bot cannot post in THEN /feed add is refused naming the permission', async () => {
    const { text } = await run(
      'feed',
      'add',
      { url: site.url(NEWS_SITE_PATHS.feeds.rss), channel: channel('bot-muted') },
      { channelOptionIds: ['channel'] },
    );
    expect(text).toMatch(/I can't post in #bot-muted: I need Send Messages/);
  });

  let feedId: string;
  it('GIVEN an admin adding a feed THEN its current items are stored without an announcement, the story already added by link once', async () => {
    const { text } = await run(
      'feed',
      'add',
      { url: site.url(NEWS_SITE_PATHS.feeds.rss), channel: channel('news'), interval: 30 },
      { channelOptionIds: ['channel'] },
    );
    expect(text).toMatch(/^Following \*\*.+\*\* in <#\d+>, checked every 30 min\. Its \d+ current items were stored without announcing/);
    feedId = idIn(text);
    const ferry = (await bot.news!.desk.library.list(fake.guildId)).filter((e) => /Ferry crews/.test(e.title ?? ''));
    expect(ferry).toHaveLength(1);
    // Nothing being added, checked or posted any more: an announcement would have been made by now.
    await bot.news!.desk.feeds.idle();
    await bot.news!.desk.announcer()!.idle();
    expect(postsIn('news')).toEqual([]);
  });

  it('GIVEN a new item on the site THEN the feed channel gets exactly one announcement with its summary and link, and a second check adds nothing', async () => {
    const story = site.addItem('rss');
    await bot.news!.desk.feeds.checkNow(fake.guildId, feedId);
    await until(() => postsIn('news').length > 0, { timeoutMs: 15_000, what: 'the announcement' });
    await bot.news!.desk.feeds.checkNow(fake.guildId, feedId);
    await bot.news!.desk.feeds.idle();
    await bot.news!.desk.announcer()!.idle();
    const posts = postsIn('news');
    expect(posts).toHaveLength(1);
    expect(checkMessage(posts[0])).toEqual([]);
    expect(JSON.stringify(posts[0])).toContain(story.path);
    expect(posts[0].embeds[0].title).toContain(story.headline.slice(0, 30));
    expect(posts[0].embeds[0].description).toMatch(/¶ \d+/);
  });

  it('GIVEN a feed whose site now answers 500 THEN /feed status says when it was checked and why nothing was delivered', async () => {
    const { text } = await run('feed', 'add', { url: flaky.url, channel: channel('news') }, { channelOptionIds: ['channel'] });
    expect(text).toMatch(/^Following \*\*Flaky Gazette\*\*/);
    flaky.failing = true;
    await bot.news!.desk.feeds.checkNow(fake.guildId, idIn(text));
    const { body } = await run('feed', 'status');
    const field = body.embeds[0].fields.find((f: any) => f.name === 'Flaky Gazette');
    expect(field.value).toMatch(/^Last checked <t:\d+:R>: .*500/);
    expect(body.embeds[0].fields.find((f: any) => f.name !== 'Flaky Gazette').value).toMatch(/Last checked <t:\d+:R>/);

    const offered = await fake.autocomplete('feed', 'feed', 'flaky', {}, { subcommand: 'remove', userId: fake.adminUserId });
    expect(offered.callback.data.choices).toEqual([{ name: `Flaky Gazette (${flaky.url})`, value: idIn(text) }]);
    const toMember = await fake.autocomplete('feed', 'feed', 'flaky', {}, { subcommand: 'remove', userId: fake.memberUserId });
    expect(toMember.callback.data.choices).toEqual([]);
    const removed = await run('feed', 'remove', { feed: idIn(text) });
    expect(removed.text).toMatch(/^No longer following \*\*Flaky Gazette\*\*/);
    expect((await run('feed', 'list')).body.embeds[0].description).not.toContain('Flaky');
  });

  it('GIVEN an admin scheduling the daily digest THEN it is set in their time zone, bad times and muted channels refused, and it can be turned off', async () => {
    const zones = await fake.autocomplete('digest', 'timezone', 'paris', {}, { subcommand: 'schedule', userId: fake.adminUserId });
    expect(zones.callback.data.choices).toEqual([{ name: 'Europe/Paris', value: 'Europe/Paris' }]);
    const on = await run(
      'digest',
      'schedule',
      { channel: channel('news'), time: '8:00', timezone: 'europe/paris' },
      { channelOptionIds: ['channel'] },
    );
    expect(on.text).toMatch(
      /^Every day at 08:00 \(Europe\/Paris\) I'll post a round-up of the articles added since the last one in <#\d+>/,
    );
    expect(await readdir(path.join(dataDir, 'guilds', fake.guildId))).toContain('digest.json');
    const badTime = await run('digest', 'schedule', { channel: channel('news'), time: '25:00' }, { channelOptionIds: ['channel'] });
    expect(badTime.text).toMatch(/"25:00" is not a time of day: give it as 24-hour HH:MM/);
    const muted = await run('digest', 'schedule', { channel: channel('bot-muted'), time: '08:00' }, { channelOptionIds: ['channel'] });
    expect(muted.text).toMatch(/I can't post in #bot-muted: I need Send Messages/);
    expect((await run('digest', 'off')).text).toBe('The daily round-up is off.');
    expect((await run('digest', 'off')).text).toBe('There was no daily round-up to stop.');
  });

  it('GIVEN /article list THEN the newest come first, with their ids', async () => {
    const { body } = await run('article', 'list');
    const times = [...body.embeds[0].description.matchAll(/added <t:(\d+):R>/g)].map((m) => Number(m[1]));
    expect(times.length).toBeGreaterThan(3);
    expect(times).toEqual([...times].sort((a, b) => b - a));
    expect(body.embeds[0].footer.text).toMatch(/newest first · page 1 of \d+/);
  });

  it('GIVEN /article remove with autocomplete and the confirm button THEN the file is gone and members no longer see it', async () => {
    const choices = await fake.autocomplete('article', 'article', 'ferry', {}, { subcommand: 'remove', userId: fake.adminUserId });
    expect(choices.callback.data.choices).toEqual([expect.objectContaining({ value: linkId })]);
    const { reply, body } = await run('article', 'remove', { article: linkId });
    expect(isPrivate(reply)).toBe(true);
    expect(body.content).toMatch(/^Remove \*\*Ferry crews/);
    const member = await fake.button(`rm:${linkId}`, { userId: fake.memberUserId });
    expect(member.callback.data.content).toContain('You need the Manage Server permission to remove articles.');
    const pressed = await fake.button(`rm:${linkId}`, { userId: fake.adminUserId });
    expect(pressed.callback.type).toBe(7);
    expect(pressed.callback.data.content).toMatch(/^Removed \*\*Ferry crews/);
    await until(() => !store.current().byId.has(linkId), { timeoutMs: 30_000, what: 'the corpus to drop the article' });
    const summary = await finalBody(await fake.slash('summary', { article: linkId }));
    expect(summary.content).not.toMatch(/Ferry crews/);
  });

  it('GIVEN the bot stopped while an announcement is in flight THEN a new bot on the same folders repeats nothing', async () => {
    const before = postsIn('news').length;
    const rule: FaultRule = { method: 'POST', path: new RegExp(`^/channels/${channel('news')}/messages$`), answerDelayMs: 4000 };
    const undo = fake.fault(rule);
    try {
      const story = site.addItem('rss');
      void bot.news!.desk.feeds.checkNow(fake.guildId, feedId);
      await until(() => (rule.hits ?? 0) > 0, { timeoutMs: 15_000, what: 'the announcement to reach Discord' });
      await bot.stop(500);
      await until(() => postsIn('news').length > before, { timeoutMs: 10_000, what: 'the slow post to be made' });
      undo();
      bot = await launch();
      // The restarted announcer looks at the post left in flight at start (launch resolves once it has started).
      await bot.news!.desk.announcer()!.idle();
      await bot.news!.desk.feeds.checkNow(fake.guildId, feedId);
      await bot.news!.desk.announcer()!.idle();
      const posts = postsIn('news').slice(before);
      expect(posts).toHaveLength(1);
      expect(JSON.stringify(posts[0])).toContain(story.path);
    } finally {
      undo();
    }
  }, 60_000);

  it("GIVEN a 100-item feed being ingested THEN a member's /summary is still answered within Discord's 3 s", async () => {
    let ingested = false;
    const adding = run(
      'feed',
      'add',
      { url: site.url(NEWS_SITE_PATHS.feeds.big), channel: channel('big-news') },
      { channelOptionIds: ['channel'] },
    );
    void adding.finally(() => (ingested = true));
    const pagesFetched = () =>
      Array.from({ length: 100 }, (_, i) => site.hits(NEWS_SITE_PATHS.generated(i + 1))).filter((n) => n > 0).length;
    await until(() => pagesFetched() >= 5, { timeoutMs: 20_000, what: 'the feed ingest to be under way' });
    const started = Date.now();
    const reply = await fake.slash('summary', { article: 'putin-belarus-transition' }, { timeoutMs: 3000 });
    const latencyMs = Date.now() - started;
    console.info(
      `/summary answered in ${latencyMs} ms while the 100-item feed was being ingested (${pagesFetched()} of 100 pages fetched, ingest ${ingested ? 'done' : 'still under way'})`,
    );
    expect(reply.callback.type === 4 || reply.callback.type === DEFERRED).toBe(true);
    const { text } = await adding;
    expect(text).toMatch(/Its 100 current items were stored without announcing/);
    expect(postsIn('big-news')).toEqual([]);
  }, 90_000);
});
