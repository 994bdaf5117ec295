import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openCorpusStore } from '../../src/engine/corpus-store.ts';
import { completeOption } from '../../src/answers/autocomplete.ts';
import { runCommand } from '../../src/answers/run-command.ts';
import { guildsWithArticles, scopeCorpus } from '../../src/engine/scope-corpus.ts';
import type { Article } from '../../src/model/article.ts';
import type { Corpus } from '../../src/model/corpus.ts';
import { isUserError } from '../../src/model/user-error.ts';
import { articleFromParagraphs, devArticle, seedArticle } from '../support/article-from-paragraphs.ts';
import { corpusOf, fullCorpus } from '../support/corpus.ts';

const GUILD_A = '123456789012345678';
const GUILD_B = '998877665544332211';
const TELESCOPE = 'wikinews-20160706-telescope';
const DRAIN = 'wikinews-20070306-drain';
const UN = 'wikinews-20160714-UN';

const scoped = (article: Article, scope: string | null): Article => ({ ...article, scope });

/**
 * Real text: shared = the bundled Putin article, the train crash and the UN article; server A
 * added the drain story, server B the telescope story (which, like the UN article, names the
 * Chinese government).
 */
const corpus: Corpus = corpusOf([
  scoped(seedArticle(), null),
  scoped(devArticle('wikinews-20070223-train'), null),
  scoped(devArticle('wikinews-20070306-drain'), GUILD_A),
  scoped(devArticle('wikinews-20160706-telescope'), GUILD_B),
  scoped(devArticle('wikinews-20160714-UN'), null),
]);
const SHARED = ['putin-belarus-transition', 'wikinews-20070223-train', UN];

const ids = (c: Corpus) => c.articles.map((a) => a.article.id);

describe('scopeCorpus: which articles a server sees', () => {
  it.each([
    ['server A', GUILD_A, [...SHARED.slice(0, 2), DRAIN, UN]],
    ['server B', GUILD_B, [...SHARED.slice(0, 2), TELESCOPE, UN]],
    ['a server with no articles of its own', '111111111111111111', SHARED],
    ['a direct message (no server)', null, SHARED],
  ])('GIVEN %s THEN it sees the shared articles and its own, in corpus order, and byId agrees', (_who, guild, expected) => {
    const view = scopeCorpus(corpus, guild);
    expect(ids(view)).toEqual(expected);
    expect([...view.byId.keys()].sort()).toEqual([...expected].sort());
  });

  it('GIVEN a corpus with no server’s own articles THEN every server gets the corpus itself', () => {
    const shared = fullCorpus();
    expect(scopeCorpus(shared, GUILD_A)).toBe(shared);
    expect(scopeCorpus(shared, null)).toBe(shared);
    expect(guildsWithArticles(shared).size).toBe(0);
  });

  it('GIVEN the same corpus and server twice THEN the same view is returned; a server without articles shares the shared view; scoping a view never widens it', () => {
    const a = scopeCorpus(corpus, GUILD_A);
    expect(scopeCorpus(corpus, GUILD_A)).toBe(a);
    expect(scopeCorpus(corpus, '111111111111111111')).toBe(scopeCorpus(corpus, null));
    expect(scopeCorpus(a, GUILD_A)).toBe(a);
    expect(ids(scopeCorpus(a, GUILD_B))).toEqual(SHARED);
    expect([...guildsWithArticles(corpus)].sort()).toEqual([GUILD_A, GUILD_B]);
  });

  it('GIVEN skipped files of two servers THEN each server sees only its own and the shared ones', () => {
    const withSkipped: Corpus = {
      ...corpus,
      skipped: [
        { file: '/data/broken.txt', reason: 'empty file' },
        { file: `/data/guilds/${GUILD_A}/bad.md`, reason: 'empty file' },
        { file: `/data/guilds/${GUILD_B}/bad.md`, reason: 'empty file' },
      ],
    };
    expect(scopeCorpus(withSkipped, GUILD_A).skipped.map((s) => s.file)).toEqual(['/data/broken.txt', `/data/guilds/${GUILD_A}/bad.md`]);
    expect(scopeCorpus(withSkipped, null).skipped.map((s) => s.file)).toEqual(['/data/broken.txt']);
  });
});

describe('scopeCorpus: searches see only the server’s articles, with full limits', () => {
  it('GIVEN a topic another server’s article matches best THEN paragraphs come only from visible articles, as many as the limit asks', () => {
    const everyone = corpus.search.paragraphs('China telescope', { limit: 3 });
    expect(everyone.map((h) => h.article)).toEqual([TELESCOPE, TELESCOPE, TELESCOPE]);
    const a = scopeCorpus(corpus, GUILD_A).search.paragraphs('China telescope', { limit: 3 });
    expect(a).toHaveLength(3);
    expect(a.every((h) => h.article === UN)).toBe(true);
    expect(a.every((h) => /China/.test(h.text))).toBe(true);
    const b = scopeCorpus(corpus, GUILD_B).search.paragraphs('China telescope', { limit: 3 });
    expect(b.map((h) => h.article)).toEqual([TELESCOPE, TELESCOPE, TELESCOPE]);
  });

  it.each([
    ['by words only', true],
    ['with meaning', false],
  ])('GIVEN a topic searched %s THEN no hit of another server’s article appears, even with a big limit', (_how, wordsOnly) => {
    for (const topic of ['telescope panels', 'drain water flooding', 'government president']) {
      const a = scopeCorpus(corpus, GUILD_A).search.paragraphs(topic, { limit: 100, wordsOnly });
      expect(a.map((h) => h.article)).not.toContain(TELESCOPE);
      const none = scopeCorpus(corpus, null).search.paragraphs(topic, { limit: 100, wordsOnly });
      expect(none.map((h) => h.article).filter((id) => id === TELESCOPE || id === DRAIN)).toEqual([]);
    }
  });

  it('GIVEN another server’s article named as the one to search THEN nothing is found in it', () => {
    const a = scopeCorpus(corpus, GUILD_A);
    expect(a.search.paragraphs('telescope', { article: TELESCOPE, limit: 5 })).toEqual([]);
    expect(a.search.names('Xi Jinping', { article: TELESCOPE, limit: 5 })).toEqual([]);
    expect(scopeCorpus(corpus, GUILD_B).search.paragraphs('telescope', { article: TELESCOPE, limit: 5 }).length).toBeGreaterThan(0);
  });

  it('GIVEN headlines searched THEN only visible articles are found, and the empty query lists them up to the limit', () => {
    const a = scopeCorpus(corpus, GUILD_A);
    expect(a.search.articles('telescope', 5).map((h) => h.article)).not.toContain(TELESCOPE);
    expect(scopeCorpus(corpus, GUILD_B).search.articles('telescope', 5)[0]!.article).toBe(TELESCOPE);
    expect(a.search.articles('', 3).map((h) => h.article)).toEqual(ids(a).slice(0, 3));
    expect(a.search.articles('wikinews', 2).map((h) => h.article)).toHaveLength(2);
    expect(a.search.articles('wikinews', 10).map((h) => h.article)).not.toContain(TELESCOPE);
  });

  it('GIVEN a name both a shared and another server’s article use THEN its group holds the visible article alone, with recomputed counts', () => {
    const everyone = corpus.search.names('Chinese government', { limit: 5 });
    expect(everyone[0]!.group).toMatchObject({ name: 'Chinese government', articles: 2 });
    for (const guild of [GUILD_A, null]) {
      const hits = scopeCorpus(corpus, guild).search.names('Chinese government', { limit: 5 });
      expect(hits.map((h) => h.article)).not.toContain(TELESCOPE);
      expect(hits[0]!.article).toBe(UN);
      expect(hits[0]!.group).toMatchObject({ name: 'Chinese government', articles: 1, mentions: 1, members: [{ article: UN }] });
    }
    const b = scopeCorpus(corpus, GUILD_B).search.names('Chinese government', { limit: 5 });
    expect(b[0]!.group).toMatchObject({ articles: 2 });
  });

  it('GIVEN the most mentioned names (empty query) THEN only groups of visible articles are listed, counted over them', () => {
    const a = scopeCorpus(corpus, GUILD_A).search.names('', { limit: 50 });
    expect(a.length).toBeGreaterThan(5);
    for (const hit of a) {
      expect(hit.group!.members.every((m) => m.article !== TELESCOPE)).toBe(true);
      expect(hit.article).not.toBe(TELESCOPE);
    }
    expect(a.map((h) => h.name)).not.toContain('Xi Jinping');
    expect(
      scopeCorpus(corpus, GUILD_B)
        .search.names('', { limit: 50 })
        .map((h) => h.name),
    ).toContain('Xi Jinping');
  });

  it('GIVEN a name typed that only another server’s article has THEN the limit is filled from visible names, never with it', () => {
    const a = scopeCorpus(corpus, GUILD_A).search.names('Xi', { limit: 3 });
    expect(a.map((h) => h.article)).not.toContain(TELESCOPE);
    expect(corpus.search.names('Xi Jinping', { limit: 1 })[0]!.article).toBe(TELESCOPE);
    expect(
      scopeCorpus(corpus, GUILD_A)
        .search.names('Xi Jinping', { limit: 1 })
        .map((h) => h.name),
    ).not.toContain('Xi Jinping');
  });
});

describe('scopeCorpus: answers and autocomplete in a server', () => {
  it('GIVEN another server’s article asked for by id or headline words THEN the summary is refused as an unknown article, without its text', () => {
    const a = scopeCorpus(corpus, GUILD_A);
    const answer = runCommand(a, 'summary', { article: TELESCOPE });
    expect(isUserError(answer) && answer.error.code).toBe('unknown-article');
    // The message repeats what the member typed; nothing of the article itself is told.
    expect(JSON.stringify(answer)).not.toMatch(/On Sunday, China|FAST|panel/);
    const byWords = runCommand(a, 'summary', { article: 'China announced the attachment of the final panel to its telescope' });
    expect(JSON.stringify(byWords)).not.toMatch(/On Sunday, China|FAST|wikinews-20160706/);
    const own = runCommand(scopeCorpus(corpus, GUILD_B), 'summary', { article: TELESCOPE });
    expect(isUserError(own)).toBe(false);
  });

  it('GIVEN /related across articles THEN results and other articles are visible ones only', () => {
    const answer = runCommand(scopeCorpus(corpus, GUILD_A), 'related', { topic: 'China' });
    if (isUserError(answer)) throw new Error(answer.error.message);
    expect(answer.command).toBe('related');
    const cited = JSON.stringify(answer);
    expect(cited).not.toContain(TELESCOPE);
    expect(cited).toContain(UN);
  });

  it('GIVEN /who of a name across a shared and another server’s article THEN the answer gathers the visible article alone', () => {
    const answer = runCommand(scopeCorpus(corpus, null), 'who', { name: 'Chinese government' });
    if (isUserError(answer)) throw new Error(answer.error.message);
    expect(answer.command === 'who' && answer.articles.map((a) => a.article.id)).toEqual([UN]);
    expect(JSON.stringify(answer)).not.toContain(TELESCOPE);
    const inB = runCommand(scopeCorpus(corpus, GUILD_B), 'who', { name: 'Chinese government' });
    if (isUserError(inB)) throw new Error(inB.error.message);
    expect(inB.command === 'who' && inB.articles.map((a) => a.article.id).sort()).toEqual([TELESCOPE, UN].sort());
  });

  it('GIVEN a member of server A types in an article or name option THEN suggestions never show another server’s article or names', () => {
    const a = scopeCorpus(corpus, GUILD_A);
    const articles = completeOption(a, 'article', '');
    expect(articles.map((c) => c.value)).toEqual(ids(a));
    expect(completeOption(a, 'article', 'tele').map((c) => c.value)).not.toContain(TELESCOPE);
    expect(completeOption(a, 'name', 'Xi').map((c) => c.name)).not.toContain('Xi Jinping');
    expect(completeOption(a, 'name', '').length).toBeGreaterThan(0);
    expect(completeOption(scopeCorpus(corpus, GUILD_B), 'name', 'Xi').map((c) => c.name)).toContain('Xi Jinping');
  });

  it('GIVEN a person in two servers’ made-up articles THEN each server’s /who counts its own article alone and the shared view knows nobody', () => {
    const minister = corpusOf([
      scoped(devArticle('wikinews-20160714-UN'), null),
      scoped(
        articleFromParagraphs(
          'rail-budget',
          ['Maria Okonkwo defended the cuts to regional lines.', '"Every line will stay open," said Maria Okonkwo.'],
          { title: 'Rail budget cuts regional lines' },
        ),
        GUILD_A,
      ),
      scoped(
        articleFromParagraphs(
          'radio-interview',
          ['In a radio interview, Okonkwo spoke about the strike.', '"I have no regrets," Okonkwo told listeners.'],
          { title: 'Minister speaks on the radio' },
        ),
        GUILD_B,
      ),
    ]);
    const a = runCommand(scopeCorpus(minister, GUILD_A), 'who', { name: 'Okonkwo' });
    if (isUserError(a) || a.command !== 'who') throw new Error('no answer');
    expect(a.articles.map((x) => x.article.id)).toEqual(['rail-budget']);
    const b = runCommand(scopeCorpus(minister, GUILD_B), 'who', { name: 'Okonkwo' });
    if (isUserError(b) || b.command !== 'who') throw new Error('no answer');
    expect(b.articles.map((x) => x.article.id)).toEqual(['radio-interview']);
    // Grouped across servers, the one-word "Okonkwo" of server B takes the full name from server A's article; scoped, it must not.
    expect(b.name).toBe('Okonkwo');
    expect(JSON.stringify(b)).not.toContain('Maria');
    expect(isUserError(runCommand(scopeCorpus(minister, null), 'who', { name: 'Okonkwo' }))).toBe(true);
  });
});

describe('scopeCorpus over the live store', () => {
  it('GIVEN a server folder created while the bot runs THEN its article arrives with its scope through the rebuild worker, visible in that server alone', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'pilcrow-scope-data-'));
    const cacheDir = mkdtempSync(join(tmpdir(), 'pilcrow-scope-cache-'));
    const fixture = (name: string) => readFileSync(new URL(`../fixtures/articles/${name}.txt`, import.meta.url));
    writeFileSync(join(dataDir, 'un.txt'), fixture(UN));
    const opened = await openCorpusStore({ dataDir, cacheDir, watch: true, pollMs: 200 });
    if ('error' in opened) throw new Error(opened.error);
    try {
      expect(scopeCorpus(opened.current(), GUILD_A)).toBe(opened.current());
      const arrived = new Promise<string[]>((resolve) => opened.onChange((_corpus, added) => resolve(added)));
      mkdirSync(join(dataDir, 'guilds', GUILD_A), { recursive: true });
      writeFileSync(join(dataDir, 'guilds', GUILD_A, 'telescope.md'), fixture(TELESCOPE));
      expect(await arrived).toEqual(['telescope']);
      const live = opened.current();
      expect(live.byId.get('telescope')!.article.scope).toBe(GUILD_A);
      expect(live.byId.get('un')!.article.scope).toBeNull();
      expect(ids(scopeCorpus(live, GUILD_A)).sort()).toEqual(['telescope', 'un']);
      expect(ids(scopeCorpus(live, GUILD_B))).toEqual(['un']);
      expect(scopeCorpus(live, GUILD_B).search.paragraphs('telescope', { limit: 5 })).toEqual([]);
      expect(scopeCorpus(live, GUILD_A).search.paragraphs('telescope', { limit: 5 }).length).toBeGreaterThan(0);
    } finally {
      opened.close();
      rmSync(dataDir, { recursive: true, force: true });
      rmSync(cacheDir, { recursive: true, force: true });
    }
  }, 60_000);
});
