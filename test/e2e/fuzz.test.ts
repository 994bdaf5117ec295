/**
 * End-to-end fuzz of the bot: thousands of random and hostile slash commands, autocompletes
 * and button presses go through the real dispatcher, against the fake Discord, with the
 * bundled article and the four Wikinews fixtures as the corpus. Every interaction must get
 * exactly one accepted initial callback of a type allowed for its kind, every body must be
 * within Discord's limits with mentions off, deferrals must be answered, notices must stay
 * private, the log must hold no unexpected error and never the token, and the bot must answer
 * a normal /summary as before.
 *
 * Reproduce a failure with the seed it prints: FUZZ_SEED=<seed> FUZZ_CONCURRENCY=1 npx vitest
 * run test/e2e/fuzz.test.ts (button cases that reuse ids the bot sent depend on earlier answers,
 * so replay in order). Cases are drawn in test/e2e/fuzz/fuzz-cases.ts, judged in
 * test/e2e/fuzz/check-interaction.ts.
 */
import { copyFile, mkdir, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDiscordNewsDesk } from '../../src/bot/discord-news-desk.ts';
import { startBot, type RunningBot } from '../../src/bot/start-bot.ts';
import { openCorpusStore, type CorpusStore } from '../../src/engine/corpus-store.ts';
import { createLogger } from '../../src/log.ts';
import { startFakeDiscord, type FakeDiscord, type InteractionReply } from './fake-discord/index.ts';
import { PERMISSION_CHANNELS } from './permission-channels.ts';
import { checkBody, checkInteraction, groupByToken, isAnswered } from './fuzz/check-interaction.ts';
import { describeCase, drawCase, type CaseSources, type FuzzCase } from './fuzz/fuzz-cases.ts';
import { createPrng } from './fuzz/prng.ts';

/** Fixed seed (override with FUZZ_SEED=… to explore; the seed is printed and in every failure). */
const SEED = Number(process.env.FUZZ_SEED ?? 20261129);
/** Interactions sent (FUZZ_CASES=… to change). */
const CASES = Number(process.env.FUZZ_CASES ?? 2000);
/** Interactions in flight at once (FUZZ_CONCURRENCY=1 replays strictly in order). */
const CONCURRENCY = Number(process.env.FUZZ_CONCURRENCY ?? 4);
/** Members taking turns: enough that the per-member cooldowns bite without blocking most commands. */
const MEMBERS = 40;
/**
 * Defer after this many ms instead of 1500, so that interactions that happen to be slow (or
 * arrive late) take the deferral paths too; either path is a valid answer.
 */
const DEFER_AFTER_MS = 5;
const ARTICLE = 'putin-belarus-transition';
const ERROR_LEVEL = 50;

let fake: FakeDiscord;
let bot: RunningBot;
let store: CorpusStore;
let workDir: string;
const logText: string[] = [];
const logLines: Array<Record<string, any>> = [];

/** One sent case and what came of it. */
interface Sent {
  index: number;
  fuzzCase: FuzzCase;
  reply?: InteractionReply;
  failure?: string;
}
const sent: Sent[] = [];
let baselineSummary: any;
let anchorMessageId: string;

/** Resolves once the condition holds (checked every 20 ms), or throws after `ms`. */
async function until(condition: () => boolean, ms: number, what: string): Promise<void> {
  const end = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** The message body a slash command finally produced (callback data, or the edit of a deferral). */
async function finalBody(reply: InteractionReply): Promise<any> {
  if (reply.callback.type !== 5) return reply.callback.data;
  await fake.waitForLater(reply, isAnswered, 15_000);
  return reply.later.find((r) => r.method === 'PATCH' || r.method === 'POST')!.body;
}

/** Custom ids of every button in a message body. */
function customIdsOf(body: any): string[] {
  return (body?.components ?? [])
    .flatMap((row: any) => (row?.components ?? []).map((c: any) => c?.custom_id))
    .filter((id: unknown): id is string => typeof id === 'string');
}

/** Sends one case through the fake and waits until its answer is complete (deferrals edited). */
async function send(fuzzCase: FuzzCase): Promise<InteractionReply> {
  let reply: InteractionReply;
  if (fuzzCase.kind === 'slash') {
    reply = await fake.slash(fuzzCase.command, fuzzCase.options, {
      userId: fuzzCase.userId,
      channelOptionIds: fuzzCase.channelOptionIds,
      channelId: fuzzCase.channelId,
      timeoutMs: 15_000,
      subcommand: fuzzCase.subcommand,
      attachments: fuzzCase.attachments,
    });
  } else if (fuzzCase.kind === 'autocomplete') {
    reply = await fake.autocomplete(fuzzCase.command, fuzzCase.focused, fuzzCase.value, fuzzCase.options, {
      subcommand: fuzzCase.subcommand,
      userId: fuzzCase.userId,
    });
  } else {
    // A real id is pressed on a message that carries it when there is one; anything else on the anchor message.
    reply = await fake.button(fuzzCase.customId, { userId: fuzzCase.userId, timeoutMs: 15_000 }).catch((err: Error) => {
      if (!/no bot message with a button/.test(err.message)) throw err;
      return fake.button(fuzzCase.customId, { userId: fuzzCase.userId, messageId: anchorMessageId, timeoutMs: 15_000 });
    });
  }
  if (reply.callback.type === 5) await fake.waitForLater(reply, isAnswered, 15_000);
  return reply;
}

/** Sends every case with a few in flight; ids of buttons the bot sends feed later cases. */
async function runFuzz(sources: CaseSources & { seenCustomIds: string[] }): Promise<void> {
  const prng = createPrng(SEED);
  const seen = new Set(sources.seenCustomIds);
  let next = 0;
  const learn = (body: any): void => {
    for (const id of customIdsOf(body))
      if (!seen.has(id)) {
        seen.add(id);
        sources.seenCustomIds.push(id);
      }
  };
  const worker = async (): Promise<void> => {
    while (next < CASES) {
      const index = next++;
      const fuzzCase = drawCase(prng, sources);
      const entry: Sent = { index, fuzzCase };
      sent.push(entry);
      try {
        entry.reply = await send(fuzzCase);
        learn(entry.reply.callback.data);
        for (const later of entry.reply.later) learn(later.body);
      } catch (err) {
        entry.failure = (err as Error).message;
      }
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
}

beforeAll(async () => {
  // The bundled article plus the four Wikinews articles, so `article` has several to resolve among.
  workDir = await mkdtemp(path.join(tmpdir(), 'pilcrow-fuzz-'));
  const dataDir = path.join(workDir, 'data');
  await mkdir(dataDir);
  for (const dir of ['data', 'test/fixtures/articles']) {
    for (const file of (await readdir(dir)).filter((f) => /\.(txt|md)$/.test(f) && f !== 'README.md'))
      await copyFile(path.join(dir, file), path.join(dataDir, file));
  }
  fake = await startFakeDiscord({ channels: PERMISSION_CHANNELS });
  const opened = await openCorpusStore({ dataDir, cacheDir: path.join(workDir, 'cache') });
  if ('error' in opened) throw new Error(opened.error);
  store = opened;
  let partial = '';
  const sink = new Writable({
    write(chunk, _encoding, done) {
      const text = partial + String(chunk);
      logText.push(String(chunk));
      const lines = text.split('\n');
      partial = lines.pop() ?? '';
      for (const line of lines.filter(Boolean)) logLines.push(JSON.parse(line) as Record<string, any>);
      done();
    },
  });
  bot = await startBot({
    config: { discordToken: fake.token, discordApiUrl: fake.apiUrl, digestChannelId: null, cacheDir: path.join(workDir, 'cache') },
    log: createLogger({ level: 'debug', destination: sink, secret: fake.token }),
    source: store,
    settings: { deferAfterMs: DEFER_AFTER_MS },
    // News in as in production: no private addresses (the fake's CDN is on 127.0.0.1, so attachments are refused too).
    news: ({ client, source, run, log }) =>
      openDiscordNewsDesk({ dataDir, cacheDir: path.join(workDir, 'cache'), allowPrivateUrls: false, client, source, run, log }),
  });
  await fake.waitForLogin();
  console.info(`fuzz: seed ${SEED}, ${CASES} interactions, ${CONCURRENCY} in flight (FUZZ_SEED / FUZZ_CASES / FUZZ_CONCURRENCY to change)`);
});

afterAll(async () => {
  await bot?.stop();
  store?.close();
  await fake?.close();
  if (workDir) await rm(workDir, { recursive: true, force: true });
});

describe(`the bot under ${CASES} random and hostile interactions (seed ${SEED})`, () => {
  it('GIVEN a normal /summary before the fuzz THEN it is answered with cited points (the baseline)', async () => {
    const member = String(BigInt(fake.memberUserId) + 1000n);
    baselineSummary = await finalBody(await fake.slash('summary', { article: ARTICLE }, { userId: member }));
    expect(baselineSummary.embeds[0].description).toMatch(/\(¶ \d+\)/);
    // A public post in #news: the message garbage button ids are pressed on.
    const news = fake.channels.find((c) => c.name === 'news')!.id;
    await finalBody(await fake.slash('summary', { article: ARTICLE, channel: news }, { userId: member, channelOptionIds: ['channel'] }));
    anchorMessageId = fake.channelMessages(news)[0].id;
    expect(customIdsOf(fake.channelMessages(news)[0]).length).toBeGreaterThan(0);
  });

  it('GIVEN thousands of random option values, autocompletes and button ids THEN every interaction gets exactly one valid answer within limits', async () => {
    const corpus = store.current();
    const words = corpus.articles
      .flatMap((a) => a.article.paragraphs.slice(0, 6).flatMap((p) => p.text.split(/\s+/)))
      .filter((w) => w.length > 3);
    const sources = {
      names: [...new Set(corpus.articles.flatMap((a) => a.analysis.entities.map((e) => e.name)))],
      articles: corpus.articles.flatMap((a) => [a.article.id, ...(a.article.title ? [a.article.title] : [])]),
      words,
      userIds: Array.from({ length: MEMBERS }, (_, i) => String(BigInt(fake.memberUserId) + BigInt(i))),
      channelIds: fake.channels.map((c) => c.id),
      adminUserIds: [fake.adminUserId, fake.ownerUserId],
      seenCustomIds: customIdsOf(fake.channelMessages(fake.channels.find((c) => c.name === 'news')!.id)[0]),
    };
    expect(sources.names.length).toBeGreaterThan(5);
    await runFuzz(sources);
    expect(sent).toHaveLength(CASES);

    // Every handler has finished (one 'interaction' log line each) before callbacks are counted.
    const ids = new Set(sent.flatMap((s) => (s.reply ? [s.reply.interactionId] : [])));
    const logged = (): number => logLines.filter((l) => l.msg === 'interaction' && ids.has(l.interactionId)).length;
    await until(() => logged() >= ids.size, 20_000, 'a log line for every interaction').catch(() => undefined);

    const traffic = groupByToken(fake.requests);
    const failures: string[] = [];
    for (const entry of sent) {
      const violations = entry.failure ? [entry.failure] : checkInteraction(entry.fuzzCase.kind, traffic.get(entry.reply!.token));
      if (violations.length > 0)
        failures.push(`seed ${SEED} case #${entry.index} ${describeCase(entry.fuzzCase)}\n    → ${violations.join('\n    → ')}`);
    }
    expect(failures.slice(0, 20), `${failures.length} of ${CASES} interactions went wrong`).toEqual([]);

    // The fuzz reached the interesting paths (not just cooldowns or one kind of refusal).
    const outcomes = new Map<string, number>();
    for (const line of logLines)
      if (line.msg === 'interaction' && ids.has(line.interactionId)) outcomes.set(line.outcome, (outcomes.get(line.outcome) ?? 0) + 1);
    console.info(`fuzz outcomes: ${JSON.stringify(Object.fromEntries(outcomes))}`);
    for (const outcome of ['answered', 'user-error', 'cooldown', 'completed', 'stale', 'cited', 'paged', 'posted', 'refused']) {
      expect(outcomes.get(outcome) ?? 0, `outcome ${outcome}`).toBeGreaterThan(0);
    }
    expect([...outcomes.values()].reduce((a, b) => a + b, 0)).toBe(ids.size);
    // The news commands were fuzzed past their permission check too (admins), not only refused.
    const news = new Map<string, number>();
    for (const line of logLines)
      if (line.msg === 'interaction' && ids.has(line.interactionId) && /^(article|feed|digest)$/.test(line.command))
        news.set(`${line.command}:${line.outcome}`, (news.get(`${line.command}:${line.outcome}`) ?? 0) + 1);
    console.info(`fuzz news outcomes: ${JSON.stringify(Object.fromEntries(news))}`);
    const count = (pattern: RegExp): number => [...news].filter(([key]) => pattern.test(key)).reduce((sum, [, n]) => sum + n, 0);
    expect(count(/:refused$/), 'news commands refused to members').toBeGreaterThan(0);
    for (const command of ['article', 'feed', 'digest'])
      expect(count(new RegExp(`^${command}:(answered|user-error)$`)), `/${command} handled for admins`).toBeGreaterThan(0);
  }, 120_000);

  it('GIVEN every body the bot sent anywhere THEN each is within limits with mentions disabled and none was refused', () => {
    const problems: string[] = [];
    for (const request of fake.requests) {
      if (request.status >= 400)
        problems.push(`${request.method} ${request.path} answered ${request.status} ${JSON.stringify(request.body)?.slice(0, 200)}`);
      if (request.method === 'POST' && /^\/channels\/\d+\/messages$/.test(request.path))
        problems.push(...checkBody(request.path, request.body));
    }
    expect(problems.slice(0, 20), `${problems.length} problems`).toEqual([]);
    expect(fake.requests.filter((r) => r.method === 'POST' && /^\/channels\/\d+\/messages$/.test(r.path)).length).toBeGreaterThan(1);
  });

  it('GIVEN the logs THEN no error other than the deliberate wrong-type options, and never the token', () => {
    const provoked = new Set(
      sent.filter((s) => s.fuzzCase.kind === 'slash' && s.fuzzCase.wrongType && s.reply).map((s) => s.reply!.interactionId),
    );
    const unexpected = logLines.filter(
      (l) =>
        l.level >= ERROR_LEVEL &&
        !(
          l.msg === 'interaction handler failed' &&
          provoked.has(l.interactionId) &&
          /CommandInteractionOptionType|is of type/.test(`${l.err?.code} ${l.err?.message}`)
        ),
    );
    expect(unexpected.slice(0, 5).map((l) => JSON.stringify(l).slice(0, 600))).toEqual([]);
    expect(logText.join('')).not.toContain(fake.token);
    expect(logLines.filter((l) => l.msg === 'interaction').length).toBeGreaterThanOrEqual(CASES);
  });

  it('GIVEN the fuzz is over THEN the bot is still up and answers a normal /summary as before', async () => {
    expect(bot.client.isReady()).toBe(true);
    const member = String(BigInt(fake.memberUserId) + 1001n);
    const after = await finalBody(await fake.slash('summary', { article: ARTICLE }, { userId: member }));
    expect(checkBody('summary', after)).toEqual([]);
    expect(after.embeds).toEqual(baselineSummary.embeds);
    expect(after.embeds[0].title).toBe(store.current().byId.get(ARTICLE)!.article.title);
  });
});
