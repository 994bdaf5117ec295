import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { SlashCommandBuilder } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CommandModule } from '../../src/bot/command-module.ts';
import { deployCommands } from '../../src/bot/deploy-commands.ts';
import { loadCommands } from '../../src/bot/load-commands.ts';
import { startBot, type RunningBot } from '../../src/bot/start-bot.ts';
import { openCorpusStore, type CorpusStore } from '../../src/engine/corpus-store.ts';
import { createLogger } from '../../src/log.ts';
import { checkDiscordLimits, checkMessage, startFakeDiscord, type FakeDiscord, type InteractionReply } from './fake-discord/index.ts';
import { PERMISSION_CHANNELS } from './permission-channels.ts';
import { until } from '../support/until.ts';

const EPHEMERAL = 64;
const ARTICLE = 'putin-belarus-transition';

let fake: FakeDiscord;
let bot: RunningBot;
let store: CorpusStore;
let cacheDir: string;
const logLines: Array<Record<string, unknown>> = [];
const channel = (name: string): string => fake.channels.find((c) => c.name === name)!.id;

/** A command whose handler throws, to prove the dispatcher still answers. */
const boom: CommandModule = {
  data: new SlashCommandBuilder().setName('boom').setDescription('Always fails'),
  execute: () => Promise.reject(new Error('handler exploded')),
};

/** The message body of a reply: the callback's data, or the body that edited a deferred reply. */
async function finalBody(reply: InteractionReply): Promise<any> {
  if (reply.callback.type !== 5) return reply.callback.data;
  await fake.waitForLater(reply, (later) => later.some((r) => r.method === 'PATCH' || r.method === 'POST'));
  return reply.later.find((r) => r.method === 'PATCH' || r.method === 'POST')!.body;
}

/** Resolves once the condition holds (checked every 10 ms, gives up after 3 s). */

function buttons(body: any): any[] {
  return (body.components ?? []).flatMap((row: any) => row.components);
}

/** Asserts a rendered answer: limits, no mentions, a citation in the text and citation buttons. */
function expectCitedAnswer(body: any): void {
  expect(checkMessage(body)).toEqual([]);
  expect(body.embeds[0].description).toMatch(/\(¶ \d+\)/);
  expect(buttons(body).some((b) => /^cite:[^:]+:\d+$/.test(b.custom_id) && /^¶ \d+$/.test(b.label))).toBe(true);
}

beforeAll(async () => {
  cacheDir = await mkdtemp(path.join(tmpdir(), 'pilcrow-bot-e2e-'));
  fake = await startFakeDiscord({ channels: PERMISSION_CHANNELS });
  const opened = await openCorpusStore({ dataDir: path.resolve('data'), cacheDir });
  if ('error' in opened) throw new Error(opened.error);
  store = opened;
  const sink = new Writable({
    write(chunk, _encoding, done) {
      for (const line of String(chunk).split('\n').filter(Boolean)) logLines.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  const commands = await loadCommands();
  commands.set('boom', boom);
  bot = await startBot({
    config: { discordToken: fake.token, discordApiUrl: fake.apiUrl, digestChannelId: null, cacheDir },
    log: createLogger({ level: 'debug', destination: sink, secret: fake.token }),
    source: store,
    commands,
    settings: { commandCooldowns: false },
  });
  await fake.waitForLogin();
});

afterAll(async () => {
  await bot?.stop();
  store?.close();
  await fake?.close();
  if (cacheDir) await rm(cacheDir, { recursive: true, force: true });
});

describe('the bot against a Discord-compatible server', () => {
  it('GIVEN the fake server THEN the bot logs in with the Guilds intent only', () => {
    expect(bot.client.isReady()).toBe(true);
    expect(fake.sessions.identifies).toBeGreaterThanOrEqual(1);
    expect(logLines.some((l) => l.msg === 'bot ready')).toBe(true);
  });

  it('GIVEN no commands deployed globally THEN the start warns once, naming what is missing and the fix', async () => {
    await until(() => logLines.some((l) => l.msg === 'deployed commands checked'), { what: 'the deployment check' });
    const warned = logLines.filter((l) => typeof l.msg === 'string' && l.msg.includes('differ from this code'));
    expect(warned).toHaveLength(1);
    expect(warned[0]).toMatchObject({ level: 40, scope: 'global', msg: expect.stringContaining('npm run deploy-commands') });
    expect(warned[0]!.drift).toContain('/summary is not deployed');
  });

  it('GIVEN the command modules THEN deploy-commands registers the four answer commands with share and channel options, and the three news commands', async () => {
    const commands = await loadCommands();
    const { count } = await deployCommands({
      token: fake.token,
      applicationId: fake.applicationId,
      guildId: fake.guildId,
      api: fake.apiUrl,
      commands: commands.values(),
    });
    expect(count).toBe(8);
    const deployed = fake.commands(fake.guildId);
    expect(deployed.map((c) => c.name).sort()).toEqual(['article', 'digest', 'feed', 'quote', 'related', 'summary', 'watch', 'who']);
    const answering = deployed.filter((c) => ['quote', 'related', 'summary', 'who'].includes(c.name));
    for (const command of answering) expect(command.options.map((o: any) => o.name)).toContain('share');
    expect(deployed.find((c) => c.name === 'summary').options.map((o: any) => o.name)).toContain('channel');
  });

  it('GIVEN /summary THEN a private embed with the headline and cited points comes back', async () => {
    const reply = await fake.slash('summary');
    const body = await finalBody(reply);
    expect(body.flags & EPHEMERAL).toBe(EPHEMERAL);
    expect(body.embeds[0].title).toBe(store.current().byId.get(ARTICLE)!.article.title);
    expectCitedAnswer(body);
  });

  it('GIVEN /summary share:true THEN the answer is public', async () => {
    const body = await finalBody(await fake.slash('summary', { length: 3, share: true }));
    expect((body.flags ?? 0) & EPHEMERAL).toBe(0);
    expect(body.embeds[0].description.match(/^• /gm)).toHaveLength(3);
    expectCitedAnswer(body);
  });

  it('GIVEN /who name:lavrov THEN the profile of Sergei Lavrov comes back', async () => {
    const body = await finalBody(await fake.slash('who', { name: 'lavrov' }));
    expect(body.embeds[0].title).toBe('Sergei Lavrov');
    expect(body.embeds[0].fields.map((f: any) => f.name)).toContain('Roles');
    expectCitedAnswer(body);
  });

  it('GIVEN /related topic:extremists THEN cited paragraphs come back', async () => {
    const body = await finalBody(await fake.slash('related', { topic: 'extremists trained in Ukraine' }));
    expect(body.embeds[0].title).toContain('Related');
    expectCitedAnswer(body);
  });

  it('GIVEN /quote with many quotes THEN ▶ pages through them by updating the message', async () => {
    const body = await finalBody(await fake.slash('quote'));
    expectCitedAnswer(body);
    expect(body.embeds[0].footer.text).toMatch(/Page 1 of \d+/);
    const next = buttons(body).find((b) => b.label === '▶');
    expect(next.custom_id.length).toBeLessThanOrEqual(100);
    const paged = await fake.button(next.custom_id);
    expect(paged.callback.type).toBe(7);
    expect(paged.callback.data.embeds[0].footer.text).toMatch(/Page 2 of \d+/);
    expect(paged.callback.data.embeds[0].description).not.toBe(body.embeds[0].description);
    expectCitedAnswer(paged.callback.data);
  });

  it('GIVEN options too long for a custom id THEN ◀ ▶ use a remembered key and still page', async () => {
    const title = store.current().byId.get(ARTICLE)!.article.title!;
    const body = await finalBody(await fake.slash('quote', { article: `${title}${' '.repeat(80)}` }));
    expectCitedAnswer(body);
    const next = buttons(body).find((b) => b.label === '▶');
    expect(next.custom_id).toMatch(/^pk\|/);
    const paged = await fake.button(next.custom_id);
    expect(paged.callback.type).toBe(7);
    expect(paged.callback.data.embeds[0].footer.text).toMatch(/Page 2 of \d+/);
  });

  it('GIVEN a citation button THEN the paragraph comes back privately in full with headline and number', async () => {
    const article = store.current().byId.get(ARTICLE)!.article;
    const reply = await fake.button(`cite:${ARTICLE}:4`);
    expect(reply.callback.type).toBe(4);
    const body = reply.callback.data;
    expect(body.flags & EPHEMERAL).toBe(EPHEMERAL);
    expect(body.embeds[0].title).toBe(article.title);
    expect(body.embeds[0].description).toContain('¶ 4');
    expect(body.embeds[0].description.replace(/\\/g, '')).toContain(article.paragraphs[3]!.text.slice(0, 60));
    expect(checkMessage(body)).toEqual([]);
  });

  it('GIVEN a name nobody has THEN a short private user error comes back', async () => {
    const body = await finalBody(await fake.slash('who', { name: 'Zebedee Quonk' }));
    expect(body.flags & EPHEMERAL).toBe(EPHEMERAL);
    expect(body.embeds ?? []).toEqual([]);
    // The message says who was looked for and that nobody of that name is in the articles.
    expect(body.content.split('\n')[0]).toBe('Nobody called "Zebedee Quonk" appears in the articles.');
    expect(checkMessage(body)).toEqual([]);
  });

  it('GIVEN hostile text in an option THEN what is echoed back cannot ping or format', async () => {
    const body = await finalBody(await fake.slash('quote', { about: '@everyone <@123456789012345678> **loud** @here' }));
    const text = JSON.stringify(body);
    expect(text).not.toMatch(/(^|[^\u200b])@(everyone|here)/);
    expect(text).not.toContain('<@123456789012345678>');
    expect(text).not.toContain(' **loud**');
    expect(checkMessage(body)).toEqual([]);
  });

  it.each<[string, string, string, string]>([
    ['who', 'name', 'lavr', 'Sergei Lavrov'],
    ['summary', 'article', 'putin', ARTICLE],
  ])('GIVEN autocomplete of /%s %s "%s" THEN %s is offered', async (command, focused, partial, expected) => {
    const reply = await fake.autocomplete(command, focused, partial);
    expect(reply.callback.type).toBe(8);
    expect(reply.callback.data.choices.map((c: any) => c.value)).toContain(expected);
    expect(checkDiscordLimits(reply.callback.data)).toEqual([]);
  });

  it('GIVEN /summary channel:#news THEN it is posted there and confirmed privately with a link; a second post meets the cooldown', async () => {
    const news = channel('news');
    const reply = await fake.slash('summary', { channel: news }, { channelOptionIds: ['channel'] });
    expect(reply.callback.type).toBe(5);
    expect(reply.callback.data.flags & EPHEMERAL).toBe(EPHEMERAL);
    const body = await finalBody(reply);
    expect(body.content).toMatch(/Posted in <#\d+>: http/);
    const posted = fake.channelMessages(news);
    expect(posted).toHaveLength(1);
    expectCitedAnswer(posted[0]);
    const again = await finalBody(await fake.slash('summary', { channel: news }, { channelOptionIds: ['channel'] }));
    expect(again.content).toMatch(/try again in \d+ s/i);
    expect(fake.channelMessages(news)).toHaveLength(1);
  });

  it.each<[string, RegExp]>([
    ['bot-muted', /I can't post in #bot-muted: I need Send Messages/],
    ['no-embeds', /I can't post in #no-embeds: I need Embed Links/],
    ['announcements', /You can't post in #announcements: you need Send Messages/],
  ])('GIVEN /summary channel:#%s THEN posting is refused privately with the reason', async (name, reason) => {
    const body = await finalBody(await fake.slash('summary', { channel: channel(name) }, { channelOptionIds: ['channel'] }));
    expect(body.flags & EPHEMERAL).toBe(EPHEMERAL);
    expect(body.content.replace(/\\/g, '')).toMatch(reason);
    expect(fake.channelMessages(channel(name))).toHaveLength(0);
  });

  it.each(['cite:no-such-article:3', 'pg|nonsense|1', 'something-else'])(
    'GIVEN the stale button "%s" THEN a polite private reply',
    async (id) => {
      const reply = await fake.button(id, { messageId: fake.channelMessages(channel('news'))[0].id });
      expect(reply.callback.data.flags & EPHEMERAL).toBe(EPHEMERAL);
      expect(reply.callback.data.content).toMatch(/no longer|expired/);
    },
  );

  it('GIVEN a handler that throws THEN the member gets an apology, the error is logged with the interaction id, and the bot keeps serving', async () => {
    const reply = await fake.slash('boom');
    const body = await finalBody(reply);
    expect(body.flags & EPHEMERAL).toBe(EPHEMERAL);
    expect(body.content).toMatch(/^Sorry, something went wrong/);
    const failure = logLines.find((l) => l.msg === 'interaction handler failed');
    expect(failure).toMatchObject({ interactionId: reply.interactionId, command: 'boom', level: 50 });
    await until(() => logLines.some((l) => l.msg === 'interaction' && l.interactionId === reply.interactionId));
    expect(logLines.find((l) => l.msg === 'interaction' && l.interactionId === reply.interactionId)).toMatchObject({ outcome: 'error' });
    expectCitedAnswer(await finalBody(await fake.slash('summary')));
  });

  it('GIVEN every interaction so far THEN one log line each, with latency and outcome, and no token anywhere', () => {
    const lines = logLines.filter((l) => l.msg === 'interaction');
    expect(lines.length).toBeGreaterThanOrEqual(15);
    for (const line of lines) {
      expect(line).toHaveProperty('interactionId');
      expect(line).toHaveProperty('latencyMs');
      expect(line).toHaveProperty('outcome');
    }
    expect(JSON.stringify(logLines)).not.toContain(fake.token);
  });

  it('GIVEN every body the bot sent THEN all are within limits with mentions disabled', () => {
    const sent = fake.requests.filter(
      (r) => ['POST', 'PATCH'].includes(r.method) && /^\/(interactions|webhooks|channels)\//.test(r.path) && r.body,
    );
    expect(sent.length).toBeGreaterThan(15);
    for (const request of sent) {
      const isCallback = request.path.startsWith('/interactions/');
      const body = isCallback ? request.body.data : request.body;
      if (!body) continue;
      if (isCallback && request.body.type === 8) expect(checkDiscordLimits(body), request.path).toEqual([]);
      else expect(checkMessage(body), `${request.method} ${request.path}`).toEqual([]);
    }
  });
});
