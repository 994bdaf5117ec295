/**
 * Watches end to end: the real discord.js client against the fake Discord, a local feed of
 * stories written for this test, a watched data folder. A feed publishes five items; a person
 * watch posts one cited alert per item quoting her, none again after a restart; a quoted-only
 * watch on a person merely named stays silent; a topic watch fires for the item about it in
 * other words; a member's own watch arrives by direct message; a closed DM pauses it; a burst of
 * 100 matching articles is one round-up.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deployCommands } from '../../src/bot/deploy-commands.ts';
import { loadCommands } from '../../src/bot/load-commands.ts';
import type { RunningBot } from '../../src/bot/start-bot.ts';
import { openCorpusStore, type CorpusStore } from '../../src/engine/corpus-store.ts';
import { renderRss, type FeedItem } from '../support/news-site/render-feeds.ts';
import { renderArticlePage } from '../support/news-site/render-page.ts';
import type { Story } from '../support/news-site/stories.ts';
import { until } from '../support/until.ts';
import { launchNewsBot } from './launch-news-bot.ts';
import { checkMessage, startFakeDiscord, type FakeDiscord } from './fake-discord/index.ts';

// Made-up stories written for this test.
const STORIES: Story[] = [
  {
    path: '/news/harbour-talks',
    headline: 'Harbour talks run late into the night',
    body: [
      'Port authority officials and union leaders met in Port Elston on Monday to discuss the new rosters.',
      'Maria Okonkwo, the transport minister, chaired the meeting at the town hall.',
      '"We will not let the harbour close while I hold this office," Okonkwo said after the meeting.',
      'Talks are due to resume on Thursday.',
    ],
  },
  {
    path: '/news/rail-budget',
    headline: 'Rail budget keeps regional lines open',
    body: [
      'The government published its rail budget on Thursday after weeks of delay.',
      '"Every line that carries passengers will stay open," said Maria Okonkwo, the transport minister.',
      'Opposition members said the budget did not go far enough for rural towns.',
    ],
  },
  {
    path: '/news/poetry-festival',
    headline: 'Poetry festival opens with a full hall',
    body: [
      'The Brightwater poetry festival opened on Friday evening with readings from twelve writers.',
      'Among them was Tomas Varga, who read three new pieces about the coast.',
      '"We sold every ticket within a day," said Helen Marsh, the festival director.',
    ],
  },
  {
    path: '/news/arlen-marches',
    headline: 'Thousands march through Arlen',
    body: [
      'Thousands of demonstrators marched through the centre of Arlen on Saturday.',
      'The crowds chanted against the new tax on bread and blocked the main square for hours.',
      'Police said the day passed without arrests.',
    ],
  },
  {
    path: '/news/flower-show',
    headline: 'Roses win at the flower show',
    body: [
      'The annual flower show opened in Brightwater with a record number of roses from gardens across the county.',
      'Judges praised the tulips and the orchids in the long marquee, and gave the first prize to a climbing rose.',
      'The show stays open until Sunday evening, and entry is free for children under twelve.',
    ],
  },
  {
    path: '/more/ferry-letter',
    headline: 'Ferry timetable changes for the winter',
    body: [
      'The ferry operator published its winter timetable on Tuesday.',
      'Maria Okonkwo, the transport minister, wrote to the operator asking for an earlier first crossing.',
    ],
  },
  {
    path: '/more/bakery',
    headline: 'New bakery opens on the quay',
    body: [
      'A bakery opened on the quay in Port Elston on Wednesday, in the old chandlery beside the harbour wall.',
      'Its owner said the bread would be baked before dawn so that the first ferry passengers could buy it warm.',
      'The shop will open every day except Monday.',
    ],
  },
].map((s, i) => ({
  ...s,
  section: 'News',
  standfirst: s.body[0]!,
  authors: ['Ada Reporter'],
  published: new Date(Date.UTC(2026, 11, 1, 8 + i)).toISOString(),
  tags: [],
}));

let fake: FakeDiscord;
let site: { server: Server; url: string; items: Story[]; more: Story[] };
let root: string;
let dataDir: string;
let cacheDir: string;
let store: CorpusStore;
let bot: RunningBot;
const channel = (name: string): string => fake.channels.find((c) => c.name === name)!.id;
const postsIn = (name: string): any[] => fake.channelMessages(channel(name));

/** The bot with news in on this file's folders (./launch-news-bot.ts); resolves once it has logged in. */
const launch = (): Promise<RunningBot> =>
  launchNewsBot({ fake, store, dataDir, cacheDir, watchAlerts: { quietMs: 4000, maxWaitMs: 120_000 } });

async function run(command: string, subcommand: string, options: Record<string, string | number | boolean>, userId = fake.adminUserId) {
  const reply = await fake.slash(command, options, {
    userId,
    subcommand,
    timeoutMs: 15_000,
    channelOptionIds: 'channel' in options ? ['channel'] : [],
  });
  let body = reply.callback.data;
  if (reply.callback.type === 5) {
    await fake.waitForLater(reply, (later) => later.some((r) => r.method === 'PATCH'), 60_000);
    body = reply.later.find((r) => r.method === 'PATCH')!.body;
  }
  expect(checkMessage(body)).toEqual([]);
  return String(body.content ?? body.embeds?.[0]?.description ?? '');
}

/** Waits until the announcer and the watch alerts have nothing left to do. */
async function settle(): Promise<void> {
  await bot.news!.desk.alerts()!.idle();
  await bot.news!.desk.announcer()!.idle();
}

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'pilcrow-watch-'));
  dataDir = path.join(root, 'data');
  cacheDir = path.join(root, 'cache');
  await mkdir(dataDir);
  const server = createServer((req, res) => {
    const url = site.url;
    if (req.url === '/feed.xml' || req.url === '/more.xml') {
      const items: FeedItem[] = (req.url === '/feed.xml' ? site.items : site.more).map((s) => ({
        id: s.path,
        title: s.headline,
        link: `${url}${s.path}`,
        published: s.published,
        summary: s.standfirst,
        authors: s.authors,
        categories: [],
      }));
      res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(renderRss(items, `${url}${req.url}`, url));
      return;
    }
    const story = STORIES.find((s) => s.path === req.url);
    if (story) res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(renderArticlePage(story, { dateIn: 'meta' }));
    else res.writeHead(404).end('not found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  site = { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, items: [], more: [] };
  fake = await startFakeDiscord({
    channels: [{ name: 'news' }, { name: 'alerts' }, { name: 'quoted' }, { name: 'topics' }, { name: 'filtered' }],
  });
  const opened = await openCorpusStore({ dataDir, cacheDir, watch: true, pollMs: 50 });
  if ('error' in opened) throw new Error(opened.error);
  store = opened;
  bot = await launch();
  await deployCommands({
    token: fake.token,
    applicationId: fake.applicationId,
    guildId: fake.guildId,
    api: fake.apiUrl,
    commands: (await loadCommands()).values(),
  });
}, 60_000);

afterAll(async () => {
  await bot?.stop();
  store?.close();
  await fake?.close();
  await new Promise((resolve) => site?.server.close(resolve));
  if (root) await rm(root, { recursive: true, force: true });
});

describe('watches through the fake Discord', () => {
  let feedId: string;

  it('GIVEN watches added by an admin and a member THEN each is confirmed, and hostile values are refused', async () => {
    expect(await run('watch', 'add', { person: 'Maria Okonkwo', channel: channel('alerts') })).toMatch(
      /^Watching `w[0-9a-f]{8}` \*\*Maria Okonkwo\*\*/,
    );
    expect(await run('watch', 'add', { person: 'Tomas Varga', 'quoted-only': true, channel: channel('quoted') })).toMatch(/quoted only/);
    expect(await run('watch', 'add', { topic: 'protests', channel: channel('topics') })).toMatch(/topic \*\*protests\*\*/);
    expect(await run('watch', 'add', { person: 'Maria Okonkwo', dm: true }, fake.memberUserId)).toMatch(/direct messages/);
    expect(await run('watch', 'add', { person: 'Maria Okonkwo', channel: channel('alerts') }, fake.memberUserId)).toMatch(/Manage Server/);
    expect(await run('watch', 'add', { topic: '@everyone <script>', channel: channel('alerts') })).toMatch(/mentions/);
    const list = await run('watch', 'list', {});
    expect(list.split('\n')).toHaveLength(4);
    expect(await run('watch', 'list', {}, fake.memberUserId)).toMatch(/^`w[0-9a-f]{8}` \*\*Maria Okonkwo\*\* → direct messages/);
    const text = await run('feed', 'add', { url: `${site.url}/feed.xml`, channel: channel('news'), interval: 30 });
    feedId = /id `([^`]+)`/.exec(text)![1]!.replace(/\\(.)/g, '$1');
  });

  it('GIVEN the feed publishes five items THEN exactly the right alerts, cited and within limits, in channels and by DM', async () => {
    site.items = STORIES.filter((s) => !s.path.startsWith('/more/'));
    await bot.news!.desk.feeds.checkNow(fake.guildId, feedId);
    await until(
      () => postsIn('alerts').length >= 2 && fake.directMessages(fake.memberUserId).length >= 2 && postsIn('topics').length >= 1,
      {
        timeoutMs: 60_000,
        what: 'the watch alerts',
      },
    );
    await settle();
    const alerts = postsIn('alerts');
    expect(alerts).toHaveLength(2);
    for (const post of alerts) {
      expect(checkMessage(post)).toEqual([]);
      expect(post.content).toMatch(/^\*\*(Maria )?Okonkwo\*\*(?: \(Maria Okonkwo\))? quoted in “.+” — “.+” \(¶ \d\)/);
      expect(post.components[0].components[0].label).toMatch(/^¶ \d$/);
    }
    expect(alerts.map((p) => p.content).join('\n')).toContain('Harbour talks run late');
    expect(alerts.map((p) => p.content).join('\n')).toContain('Rail budget keeps regional lines open');
    expect(alerts[0].content).toContain(`${site.url}/news/`);
    expect(postsIn('quoted')).toEqual([]);
    const topics = postsIn('topics')
      .map((p) => p.content)
      .join('\n');
    expect(topics).toContain('Thousands march through Arlen');
    expect(topics).not.toContain('Roses win');
    expect((await bot.news!.desk.library.list(fake.guildId)).map((e) => e.title)).toContain('Roses win at the flower show');
    const dms = fake.directMessages(fake.memberUserId);
    expect(dms).toHaveLength(2);
    expect(dms[0].content).toMatch(/quoted in/);
  }, 90_000);

  it('GIVEN a restart THEN no alert is posted again', async () => {
    const before = {
      alerts: postsIn('alerts').length,
      topics: postsIn('topics').length,
      dms: fake.directMessages(fake.memberUserId).length,
    };
    await bot.stop();
    bot = await launch();
    await bot.news!.desk.feeds.checkNow(fake.guildId, feedId);
    await settle();
    expect({
      alerts: postsIn('alerts').length,
      topics: postsIn('topics').length,
      dms: fake.directMessages(fake.memberUserId).length,
    }).toEqual(before);
  }, 60_000);

  it('GIVEN 100 matching articles at once THEN one round-up, not 100 posts; and a closed DM pauses the watch', async () => {
    const before = postsIn('alerts').length;
    fake.closeDirectMessages(fake.memberUserId);
    const dir = path.join(dataDir, 'guilds', fake.guildId);
    await mkdir(dir, { recursive: true });
    for (let i = 0; i < 100; i++) {
      await writeFile(
        path.join(dir, `council-${i}.md`),
        `---\ntitle: Council meeting number ${i}\n---\n\nThe district council met for the ${i + 1}th time this year to discuss the harbour.\n\nMaria Okonkwo, the transport minister, sent a letter about the ferries.\n`,
      );
    }
    await until(() => postsIn('alerts').length > before, { timeoutMs: 120_000, what: 'the round-up' });
    await settle();
    const after = postsIn('alerts').slice(before);
    expect(after).toHaveLength(1);
    expect(checkMessage(after[0])).toEqual([]);
    expect(after[0].content).toMatch(/^100 new articles match your watches on \*\*Maria Okonkwo\*\*/);
    expect(after[0].content.length).toBeLessThanOrEqual(2000);
    await until(async () => /paused/.test(await run('watch', 'list', {}, fake.memberUserId)), {
      timeoutMs: 10_000,
      what: 'the DM watch to pause',
    });
  }, 180_000);

  it('GIVEN a feed added with only: a person THEN only its matching item is announced, the other stored and counted in /feed status', async () => {
    expect(await run('feed', 'add', { url: `${site.url}/more.xml`, channel: channel('filtered'), only: '@everyone' })).toMatch(/mentions/);
    const text = await run('feed', 'add', {
      url: `${site.url}/more.xml`,
      channel: channel('filtered'),
      interval: 30,
      only: 'Maria Okonkwo',
    });
    expect(text).toMatch(/Only items naming \*\*Maria Okonkwo\*\* are announced/);
    const id = /id `([^`]+)`/.exec(text)![1]!.replace(/\\(.)/g, '$1');
    site.more = STORIES.filter((s) => s.path.startsWith('/more/'));
    await bot.news!.desk.feeds.checkNow(fake.guildId, id);
    await until(() => postsIn('filtered').length > 0, { timeoutMs: 30_000, what: 'the filtered announcement' });
    await settle();
    await until(async () => /1 item held back/.test(await run('feed', 'status', {})), { timeoutMs: 10_000, what: 'the held-back count' });
    const posts = postsIn('filtered');
    expect(posts).toHaveLength(1);
    expect(posts[0].embeds[0].title).toContain('Ferry timetable');
    // Held back is still stored: members can ask about it.
    expect((await bot.news!.desk.library.list(fake.guildId)).map((e) => e.title)).toContain('New bakery opens on the quay');

    // Removing the feed forgets its filter too (watches.json keeps no filter of a feed that is gone).
    expect(await bot.news!.desk.watches!.feedFilter(fake.guildId, id)).not.toBeNull();
    expect(await run('feed', 'remove', { feed: id })).toMatch(/No longer following/);
    expect(await bot.news!.desk.watches!.feedFilter(fake.guildId, id)).toBeNull();
    const stored = JSON.parse(await readFile(path.join(dataDir, 'guilds', fake.guildId, 'watches.json'), 'utf8')) as {
      feedFilters?: Array<{ feedId: string }>;
    };
    expect((stored.feedFilters ?? []).map((f) => f.feedId)).not.toContain(id);
  }, 60_000);
});
