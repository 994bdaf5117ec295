import { DiscordAPIError, MessageFlags } from 'discord.js';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { BOT_DEFAULTS, type CommandModule, type RunCommand } from '../../src/bot/command-module.ts';
import { createCooldowns } from '../../src/bot/cooldowns.ts';
import { APOLOGY_TEXT, createDispatcher } from '../../src/bot/dispatcher.ts';
import { loadCommands } from '../../src/bot/load-commands.ts';
import { createPageMemory } from '../../src/bot/page-ids.ts';
import { respondInTime } from '../../src/bot/respond.ts';
import type { Corpus } from '../../src/model/corpus.ts';
import { userError } from '../../src/model/user-error.ts';
import { textPayload } from '../../src/render/discord/discord-payload.ts';
import { quotesOf, summaryOf } from '../render/discord/sample-answers.ts';
import { fakeInteraction } from './fake-interaction.ts';
import { completeOption } from '../../src/answers/autocomplete.ts';
import { prepareAnswers, runCommand } from '../../src/answers/run-command.ts';
import { scopeCorpus } from '../../src/engine/scope-corpus.ts';
import type { Article } from '../../src/model/article.ts';
import { devArticle, seedArticle } from '../support/article-from-paragraphs.ts';
import { captureLog } from '../support/capture-warnings.ts';
import { corpusOf } from '../support/corpus.ts';

const commands = await loadCommands();

/** A dispatcher over the real command modules with a hand-made answer function, a settable clock and a captured log. */
function setup(
  options: { run?: RunCommand; extra?: Record<string, CommandModule>; settings?: Partial<typeof BOT_DEFAULTS>; corpus?: Corpus } = {},
) {
  const { lines, log } = captureLog('debug');
  let now = 1_000_000;
  const corpus = options.corpus ?? ({ articles: [], byId: new Map(), skipped: [], search: {} } as unknown as Corpus);
  const all = new Map(commands);
  for (const [name, module] of Object.entries(options.extra ?? {})) all.set(name, module);
  const dispatch = createDispatcher({
    commands: all,
    log,
    context: {
      corpus: () => corpus,
      run: options.run ?? ((_c, name) => (name === 'quote' ? quotesOf(12) : summaryOf(3))),
      complete: () => [{ name: 'Sergei Lavrov', value: 'Sergei Lavrov' }],
      clock: () => now,
      cooldowns: createCooldowns(() => now),
      pages: createPageMemory(),
      settings: { ...BOT_DEFAULTS, ...options.settings },
    },
  });
  return { dispatch, lines, advance: (ms: number) => (now += ms) };
}

const throwing: CommandModule = { data: { name: 'boom', toJSON: () => ({}) }, execute: () => Promise.reject(new Error('kaput')) };
const deferThenThrow: CommandModule = {
  data: { name: 'slowboom', toJSON: () => ({}) },
  async execute(interaction) {
    await interaction.deferReply();
    throw new Error('kaput after deferring');
  },
};

describe('createDispatcher', () => {
  it('GIVEN a handler that throws THEN the member gets a private apology and the error is logged with the interaction id', async () => {
    const { dispatch, lines } = setup({ extra: { boom: throwing } });
    const { interaction, calls } = fakeInteraction({ kind: 'command', name: 'boom' });
    await dispatch(interaction);
    expect(calls).toEqual([
      {
        method: 'reply',
        body: expect.objectContaining({ content: APOLOGY_TEXT, flags: MessageFlags.Ephemeral, allowedMentions: { parse: [] } }),
      },
    ]);
    const error = lines.find((l) => l.msg === 'interaction handler failed');
    expect(error).toMatchObject({ level: 50, interactionId: interaction.id, command: 'boom', guildId: 'g-1', err: { message: 'kaput' } });
    expect(lines.filter((l) => l.msg === 'interaction')).toEqual([
      expect.objectContaining({ interactionId: interaction.id, outcome: 'error', latencyMs: 0 }),
    ]);
  });

  it('GIVEN a handler that throws after deferring THEN the apology goes out privately and the public placeholder is removed', async () => {
    const { dispatch } = setup({ extra: { slowboom: deferThenThrow } });
    const { interaction, calls } = fakeInteraction({ kind: 'command', name: 'slowboom' });
    await dispatch(interaction);
    expect(calls.map((c) => c.method)).toEqual(['deferReply', 'followUp', 'deleteReply']);
    expect(calls[1]!.body).toMatchObject({ content: APOLOGY_TEXT, flags: MessageFlags.Ephemeral });
  });

  it('GIVEN an interaction Discord no longer knows (its 3 s window passed) THEN no apology is attempted and one warning with its age is logged, not an error', async () => {
    const expired: CommandModule = {
      data: { name: 'late', toJSON: () => ({}) },
      execute: () =>
        Promise.reject(
          new DiscordAPIError({ code: 10062, message: 'Unknown interaction' }, 10062, 404, 'POST', '/interactions/1/t/callback', {
            body: undefined,
            files: undefined,
          }),
        ),
    };
    const { dispatch, lines, advance } = setup({ extra: { late: expired } });
    const { interaction, calls } = fakeInteraction({ kind: 'command', name: 'late' });
    (interaction as { createdTimestamp: number }).createdTimestamp = advance(0) - 3500;
    await dispatch(interaction);
    expect(calls).toEqual([]);
    expect(lines.filter((l) => l.level >= 50)).toEqual([]);
    expect(lines.find((l) => l.level === 40)).toMatchObject({ interactionId: interaction.id, ageMs: 3500 });
    expect(lines.filter((l) => l.msg === 'interaction')).toEqual([expect.objectContaining({ outcome: 'expired' })]);
  });

  it('GIVEN a command THEN one log line records its options, latency and outcome', async () => {
    const { dispatch, lines } = setup();
    const { interaction, calls } = fakeInteraction({ kind: 'command', name: 'summary', options: { length: 3 } });
    await dispatch(interaction);
    expect(calls[0]!.method).toBe('reply');
    expect(calls[0]!.body.flags).toBe(MessageFlags.Ephemeral);
    expect(lines.filter((l) => l.msg === 'interaction')).toEqual([
      expect.objectContaining({ command: 'summary', options: { length: 3 }, outcome: 'answered' }),
    ]);
  });

  it('GIVEN share:true THEN the answer is public', async () => {
    const { dispatch } = setup();
    const { interaction, calls } = fakeInteraction({ kind: 'command', name: 'summary', options: { share: true } });
    await dispatch(interaction);
    expect(calls[0]!.body.flags).toBeUndefined();
  });

  it('GIVEN a user error with share:true THEN it is still private', async () => {
    const { dispatch, lines } = setup({ run: () => userError('not-found', 'Nobody called "X" is quoted.', ['Sergei Lavrov']) });
    const { interaction, calls } = fakeInteraction({ kind: 'command', name: 'quote', options: { speaker: 'X', share: true } });
    await dispatch(interaction);
    expect(calls[0]!.body).toMatchObject({
      flags: MessageFlags.Ephemeral,
      content: 'Nobody called "X" is quoted.\nDid you mean **Sergei Lavrov**?',
    });
    expect(lines.at(-1)).toMatchObject({ outcome: 'user-error' });
  });

  it('GIVEN an expensive command asked twice quickly THEN the second waits for the cooldown, and after it passes it is answered', async () => {
    const { dispatch, advance } = setup();
    const ask = async () => {
      const { interaction, calls } = fakeInteraction({ kind: 'command', name: 'related', options: { topic: 'x' } });
      await dispatch(interaction);
      return calls[0]!.body;
    };
    expect((await ask()).embeds).toHaveLength(1);
    advance(1000);
    expect(await ask()).toMatchObject({ content: "You're asking quickly. Try again in 2 s.", flags: MessageFlags.Ephemeral });
    advance(2000);
    expect((await ask()).embeds).toHaveLength(1);
  });

  it('GIVEN a command that declares a cooldown THEN the dispatcher enforces it before the handler runs', async () => {
    let runs = 0;
    const limited: CommandModule = {
      data: { name: 'limited', toJSON: () => ({}) },
      rules: { cooldown: 10 },
      async execute(interaction) {
        runs++;
        await interaction.reply({ content: 'ok' });
        return 'answered';
      },
    };
    const { dispatch, lines, advance } = setup({ extra: { limited } });
    const ask = async () => {
      const { interaction, calls } = fakeInteraction({ kind: 'command', name: 'limited' });
      await dispatch(interaction);
      return calls[0]!.body;
    };
    expect(await ask()).toMatchObject({ content: 'ok' });
    advance(4000);
    expect(await ask()).toMatchObject({ content: "You're asking quickly. Try again in 6 s.", flags: MessageFlags.Ephemeral });
    expect(runs).toBe(1);
    expect(lines.filter((l) => l.msg === 'interaction').map((l) => l.outcome)).toEqual(['answered', 'cooldown']);
    advance(6000);
    expect(await ask()).toMatchObject({ content: 'ok' });
  });

  it('GIVEN a cooldown THEN it is per member', async () => {
    const { dispatch } = setup();
    for (const userId of ['u-1', 'u-2']) {
      const { interaction, calls } = fakeInteraction({ kind: 'command', name: 'related', options: { topic: 'x' }, userId });
      await dispatch(interaction);
      expect(calls[0]!.body.embeds).toHaveLength(1);
    }
  });

  it.each(['nonsense', 'pk|forgotten-key|2', 'pg|nocommand|1'])(
    'GIVEN the unknown or stale button "%s" THEN a polite private reply',
    async (customId) => {
      const { dispatch, lines } = setup();
      const { interaction, calls } = fakeInteraction({ kind: 'button', customId });
      await dispatch(interaction);
      expect(calls).toEqual([
        { method: 'reply', body: expect.objectContaining({ content: expect.stringMatching(/expired/), flags: MessageFlags.Ephemeral }) },
      ]);
      expect(lines.at(-1)).toMatchObject({ outcome: 'stale' });
    },
  );

  it('GIVEN a page button from an answer THEN the message is updated to that page', async () => {
    const { dispatch } = setup();
    const first = fakeInteraction({ kind: 'command', name: 'quote', options: { speaker: 'Sergei Lavrov' } });
    await dispatch(first.interaction);
    const next = first.calls[0]!.body.components.at(-1).components[1];
    expect(next.custom_id).toBe('pg|quote|1|Sergei Lavrov');
    const press = fakeInteraction({ kind: 'button', customId: next.custom_id });
    await dispatch(press.interaction);
    expect(press.calls[0]!.method).toBe('update');
    expect(press.calls[0]!.body.embeds[0].footer.text).toContain('Page 2 of 3');
  });

  it('GIVEN a citation button for a paragraph the corpus lacks THEN a polite private reply', async () => {
    const { dispatch } = setup();
    const { interaction, calls } = fakeInteraction({ kind: 'button', customId: 'cite:gone:4' });
    await dispatch(interaction);
    expect(calls[0]!.body).toMatchObject({ content: expect.stringMatching(/no longer/), flags: MessageFlags.Ephemeral });
  });

  it('GIVEN an autocomplete THEN choices come back and the line is logged at debug level', async () => {
    const { dispatch, lines } = setup();
    const { interaction, calls } = fakeInteraction({ kind: 'autocomplete', name: 'who', focused: 'name', options: { name: 'lavr' } });
    await dispatch(interaction);
    expect(calls).toEqual([{ method: 'respond', body: [{ name: 'Sergei Lavrov', value: 'Sergei Lavrov' }] }]);
    expect(lines.at(-1)).toMatchObject({ level: 20, outcome: 'completed' });
  });

  it('GIVEN an unknown command THEN a private hint', async () => {
    const { dispatch } = setup();
    const { interaction, calls } = fakeInteraction({ kind: 'command', name: 'nope' });
    await dispatch(interaction);
    expect(calls[0]!.body).toMatchObject({ flags: MessageFlags.Ephemeral, content: expect.stringContaining('/summary') });
  });
});

describe('respondInTime', () => {
  it('GIVEN an answer that is not ready in time THEN the interaction is deferred first and the answer edits it', async () => {
    const { interaction, calls } = fakeInteraction({ kind: 'command', name: 'summary' });
    let finish!: () => void;
    const slow = new Promise<void>((resolve) => (finish = resolve));
    const deferred = new Promise<void>((resolve) => {
      const original = interaction.deferReply;
      interaction.deferReply = async (body: unknown) => {
        await original(body);
        resolve();
      };
    });
    const done = respondInTime(interaction, { deferAfterMs: 1, ephemeralIfDeferred: true }, async () => {
      await slow;
      return { payload: textPayload('late'), ephemeral: true };
    });
    await deferred;
    finish();
    await done;
    expect(calls.map((c) => c.method)).toEqual(['deferReply', 'editReply']);
    expect(calls[0]!.body).toEqual({ flags: MessageFlags.Ephemeral });
  });

  it('GIVEN an interaction that is already old when it arrives THEN it is deferred before the work starts', async () => {
    const { interaction, calls } = fakeInteraction({ kind: 'command', name: 'summary' });
    await respondInTime(interaction, { deferAfterMs: 1500, ephemeralIfDeferred: false, ageMs: 2000 }, () => ({
      payload: textPayload('late'),
      ephemeral: false,
    }));
    expect(calls.map((c) => c.method)).toEqual(['deferReply', 'editReply']);
  });

  it('GIVEN an interaction that waited 2 s in a busy process THEN it is answered with one plain reply (a deferral would leave no sooner)', async () => {
    const { dispatch, advance } = setup({ run: () => summaryOf(3) });
    const { interaction, calls } = fakeInteraction({ kind: 'command', name: 'summary' });
    (interaction as { createdTimestamp: number }).createdTimestamp = advance(0) - 2000;
    await dispatch(interaction);
    expect(calls.map((c) => c.method)).toEqual(['reply']);
  });

  it('GIVEN the same question twice and a page press THEN the answer is computed once for the corpus', async () => {
    let runs = 0;
    const { dispatch } = setup({ run: () => (runs++, quotesOf(12)), settings: { commandCooldowns: false } });
    for (const name of ['quote', 'quote'])
      await dispatch(fakeInteraction({ kind: 'command', name, options: { speaker: 'Sergei Lavrov' } }).interaction);
    const press = fakeInteraction({ kind: 'button', customId: 'pg|quote|2|Sergei Lavrov' });
    await dispatch(press.interaction);
    expect(press.calls[0]!.body.embeds[0].footer.text).toContain('Page 3 of 3');
    expect(runs).toBe(1);
  });

  it('GIVEN a prompt interaction on a corpus of 100,000 paragraphs THEN the answer is a plain reply, not deferred (answers cost their page)', async () => {
    const paragraphs = Array.from({ length: 100_000 }, (_, i) => ({ n: i + 1, text: 'x' }));
    const corpus = {
      articles: [{ article: { id: 'big', paragraphs }, analysis: {} }],
      byId: new Map(),
      skipped: [],
      search: {},
    } as unknown as Corpus;
    const { dispatch, advance } = setup({ run: () => summaryOf(3), corpus });
    const { interaction, calls } = fakeInteraction({ kind: 'command', name: 'summary' });
    (interaction as { createdTimestamp: number }).createdTimestamp = advance(0) - 50;
    await dispatch(interaction);
    expect(calls.map((c) => c.method)).toEqual(['reply']);
  });

  it.each([1, 2345, 3999])(
    'GIVEN the page button for page %i of a 20,000-quote answer THEN the message is updated to that page, its own five quotes',
    async (page) => {
      const { dispatch } = setup({ run: () => quotesOf(20_000) });
      const press = fakeInteraction({ kind: 'button', customId: `pg|quote|${page}|Sergei Lavrov` });
      await dispatch(press.interaction);
      expect(press.calls[0]!.method).toBe('update');
      const embed = press.calls[0]!.body.embeds[0];
      expect(embed.footer.text).toContain(`Page ${page + 1} of 4000`);
      const numbers = [...embed.description.matchAll(/proposal (\d+)/g)].map((m: RegExpMatchArray) => Number(m[1]));
      expect(numbers).toEqual([1, 2, 3, 4, 5].map((k) => page * 5 + k));
    },
  );

  it('GIVEN an answer ready at once THEN it is a plain reply', async () => {
    const { interaction, calls } = fakeInteraction({ kind: 'command', name: 'summary' });
    await respondInTime(interaction, { deferAfterMs: 1500, ephemeralIfDeferred: true }, () => ({
      payload: textPayload('now'),
      ephemeral: false,
    }));
    expect(calls.map((c) => c.method)).toEqual(['reply']);
  });
});

describe('createDispatcher: each server its own news', () => {
  const GUILD_A = '123456789012345678';
  const GUILD_B = '998877665544332211';
  const TELESCOPE = 'wikinews-20160706-telescope';
  const scoped = (article: Article, scope: string | null): Article => ({ ...article, scope });
  // Real text: two shared articles; server A added the drain story, server B the telescope story.
  const corpus = corpusOf([
    scoped(seedArticle(), null),
    scoped(devArticle('wikinews-20070306-drain'), GUILD_A),
    scoped(devArticle('wikinews-20160706-telescope'), GUILD_B),
    scoped(devArticle('wikinews-20160714-UN'), null),
  ]);

  /** The real answers over this corpus, cooldowns off, the clock stopped. */
  const realAnswers = () => ({
    corpus: () => corpus,
    run: runCommand,
    complete: completeOption,
    clock: () => 1_000_000,
    cooldowns: createCooldowns(() => 1_000_000),
    pages: createPageMemory(),
    settings: { ...BOT_DEFAULTS, commandCooldowns: false },
  });

  function dispatcher() {
    const prepared: Corpus[] = [];
    const dispatch = createDispatcher({
      commands,
      log: pino({ level: 'silent' }),
      prepare: async (view) => {
        prepared.push(view);
      },
      context: realAnswers(),
    });
    return { dispatch, prepared };
  }

  /** A fake interaction from a member of `guildId` (null: a direct message). */
  function from(guildId: string | null, spec: Parameters<typeof fakeInteraction>[0]) {
    const fake = fakeInteraction(spec);
    fake.interaction.guildId = guildId;
    return fake;
  }

  it.each([
    ['server A', GUILD_A, false],
    ['a direct message', null, false],
    ['server B', GUILD_B, true],
  ])(
    'GIVEN a member of %s asks for the summary of server B’s article THEN it is answered only in server B',
    async (_who, guild, answered) => {
      const { dispatch } = dispatcher();
      const { interaction, calls } = from(guild, { kind: 'command', name: 'summary', options: { article: TELESCOPE } });
      await dispatch(interaction);
      const body = JSON.stringify(calls.at(-1)!.body);
      if (answered) expect(body).toContain('China');
      else {
        expect(body).toMatch(/No article matches/);
        expect(body).not.toMatch(/On Sunday, China|FAST/);
      }
    },
  );

  it.each([
    ['server A', GUILD_A, ['putin-belarus-transition', 'wikinews-20070306-drain', 'wikinews-20160714-UN']],
    ['server B', GUILD_B, ['putin-belarus-transition', TELESCOPE, 'wikinews-20160714-UN']],
    ['a direct message', null, ['putin-belarus-transition', 'wikinews-20160714-UN']],
  ])(
    'GIVEN a member of %s types in the article option THEN the suggestions are the articles that server sees',
    async (_who, guild, expected) => {
      const { dispatch } = dispatcher();
      const { interaction, calls } = from(guild, { kind: 'autocomplete', name: 'summary', focused: 'article', options: { article: '' } });
      await dispatch(interaction);
      expect(calls[0]!.body.map((c: { value: string }) => c.value)).toEqual(expected);
    },
  );

  it('GIVEN a citation button of server B’s article pressed in server A THEN the unknown-paragraph reply, never its text; in server B the paragraph', async () => {
    const { dispatch } = dispatcher();
    const inA = from(GUILD_A, { kind: 'button', customId: `cite:${TELESCOPE}:1` });
    await dispatch(inA.interaction);
    expect(inA.calls[0]!.body).toMatchObject({ content: expect.stringMatching(/no longer/), flags: MessageFlags.Ephemeral });
    expect(JSON.stringify(inA.calls)).not.toMatch(/On Sunday, China/);
    const inB = from(GUILD_B, { kind: 'button', customId: `cite:${TELESCOPE}:1` });
    await dispatch(inB.interaction);
    expect(JSON.stringify(inB.calls[0]!.body)).toMatch(/On Sunday, China/);
  });

  it('GIVEN members of two servers THEN each server’s view is prepared once in the background, and a server with no articles of its own shares the shared view', async () => {
    const { dispatch, prepared } = dispatcher();
    for (const guild of [GUILD_A, GUILD_A, GUILD_B, '111111111111111111', null]) {
      await dispatch(from(guild, { kind: 'autocomplete', name: 'summary', focused: 'article', options: { article: '' } }).interaction);
    }
    expect(prepared.map((view) => view.articles.length)).toEqual([3, 3, 2]);
  });

  it('GIVEN the default preparation THEN a server’s first /quote after it is answered from its own articles and nothing fails', async () => {
    const { lines, log } = captureLog('warn');
    const dispatch = createDispatcher({
      commands,
      log,
      context: realAnswers(),
    });
    await dispatch(from(GUILD_A, { kind: 'autocomplete', name: 'quote', focused: 'speaker', options: { speaker: '' } }).interaction);
    // The preparation starts on the next turn of the event loop; then its catalogue build is under way: wait for it to end.
    await new Promise((resolve) => setImmediate(resolve));
    await prepareAnswers(scopeCorpus(corpus, GUILD_A));
    const { interaction, calls } = from(GUILD_A, { kind: 'command', name: 'quote', options: {} });
    await dispatch(interaction);
    expect(JSON.stringify(calls.at(-1)!.body)).not.toMatch(/On Sunday, China|Xi Jinping/);
    expect(lines).toEqual([]);
  });
});
