import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ArticleAnalysis } from '../../src/model/analysis.ts';
import type { Article } from '../../src/model/article.ts';
import { analyseAndIndexWithCache, analyseWithCache, hashSourceFiles, searchIndexWithCache } from '../../src/cache/corpus-cache.ts';
import { devArticle, seedArticle } from '../support/article-from-paragraphs.ts';

/** A stand-in analysis that records which articles it was asked to analyse. */
function countingAnalyser() {
  const calls: string[] = [];
  const analyse = (article: Article): ArticleAnalysis => {
    calls.push(article.id);
    const words = article.paragraphs.flatMap((p) => p.text.match(/\b[A-Z][a-z]{3,}\b/g) ?? []);
    const names = [...new Set(words)].slice(0, 5);
    const sentences = article.paragraphs.map((p) => ({ paragraph: p.n, index: 0, text: p.text, start: 0, end: p.text.length }));
    return {
      sentences,
      entities: names.map((name) => ({ id: name.toLowerCase(), name, kind: 'person', roles: [], aliases: [], mentions: [] })),
      quotes: [],
      ranking: sentences.map((x, i) => ({ paragraph: x.paragraph, index: x.index, text: x.text, score: 1 / (i + 1) })),
    };
  };
  return { calls, analyse };
}

let dir: string;
const warnings: string[] = [];
const options = () => ({ dir, analysisVersion: 'v1', onWarning: (message: string) => void warnings.push(message) });
const articles = (): Article[] => [seedArticle(), devArticle('wikinews-20070223-train'), devArticle('wikinews-20160714-UN')];

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'pilcrow-cache-'));
  warnings.length = 0;
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('analyses', () => {
  it('GIVEN an empty cache THEN every article is analysed, and a second run reuses them all', async () => {
    const first = countingAnalyser();
    const a = await analyseWithCache(articles(), first.analyse, options());
    expect(first.calls).toHaveLength(3);
    expect(a.analysed).toHaveLength(3);

    const second = countingAnalyser();
    const b = await analyseWithCache(articles(), second.analyse, options());
    expect(second.calls).toEqual([]);
    expect(b.reused).toEqual(articles().map((x) => x.id));
    expect(b.articles).toEqual(a.articles);
    expect(warnings).toEqual([]);
  });

  it('GIVEN the same articles read from another directory (a copied cache, a moved DATA_DIR) THEN every analysis and the index are reused', async () => {
    const first = await analyseAndIndexWithCache(articles(), countingAnalyser().analyse, options());
    const moved = articles().map((a) => ({ ...a, file: join('/elsewhere/data', a.file.split('/').pop()!) }));
    const second = countingAnalyser();
    const again = await analyseAndIndexWithCache(moved, second.analyse, options());
    expect(second.calls).toEqual([]);
    expect(again.indexSource).toBe('cache');
    expect(again.articles.map((a) => a.article.file)).toEqual(moved.map((a) => a.file));
    expect(again.articles.map((a) => a.analysis)).toEqual(first.articles.map((a) => a.analysis));
  });

  it('GIVEN one changed article THEN only that one is analysed again', async () => {
    await analyseWithCache(articles(), countingAnalyser().analyse, options());
    const changed = articles();
    changed[1]!.paragraphs[0]!.text += ' A correction was added.';
    const again = countingAnalyser();
    const result = await analyseWithCache(changed, again.analyse, options());
    expect(again.calls).toEqual(['wikinews-20070223-train']);
    expect(result.articles[1]!.article.paragraphs[0]!.text).toContain('correction');
  });

  it('GIVEN a new analysis code version THEN everything is analysed again', async () => {
    await analyseWithCache(articles(), countingAnalyser().analyse, options());
    const again = countingAnalyser();
    await analyseWithCache(articles(), again.analyse, { ...options(), analysisVersion: 'v2' });
    expect(again.calls).toHaveLength(3);
  });

  it.each([
    ['not JSON', '{"format": "lay'],
    ['JSON of the wrong shape', '{"format": "x", "analysis": 3}'],
    ['empty', ''],
  ])('GIVEN a cache entry that is %s THEN it is ignored with a warning, re-analysed and repaired', async (_label, content) => {
    await analyseWithCache(articles(), countingAnalyser().analyse, options());
    const [entry] = await readdir(join(dir, 'analysis'));
    await writeFile(join(dir, 'analysis', entry!), content);
    const again = countingAnalyser();
    await analyseWithCache(articles(), again.analyse, options());
    expect(again.calls).toHaveLength(1);
    expect(warnings.length).toBeGreaterThan(0);

    const third = countingAnalyser();
    await analyseWithCache(articles(), third.analyse, options());
    expect(third.calls).toEqual([]);
  });

  it('GIVEN an article removed from the corpus THEN its cache entry is pruned', async () => {
    await analyseWithCache(articles(), countingAnalyser().analyse, options());
    await analyseWithCache(articles().slice(0, 2), countingAnalyser().analyse, options());
    expect(await readdir(join(dir, 'analysis'))).toHaveLength(2);
  });

  it('GIVEN a cache directory that cannot be created THEN analysis still succeeds, with warnings', async () => {
    const blocker = join(dir, 'a-file');
    await writeFile(blocker, 'not a directory');
    const result = await analyseWithCache(articles(), countingAnalyser().analyse, { ...options(), dir: blocker });
    expect(result.articles).toHaveLength(3);
    expect(warnings.length).toBeGreaterThan(0);
  });

  it('GIVEN no temp files are left behind THEN every write completed by rename', async () => {
    await analyseAndIndexWithCache(articles(), countingAnalyser().analyse, options());
    const names = [...(await readdir(dir)), ...(await readdir(join(dir, 'analysis')))];
    expect(names.filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });
});

describe('search index', () => {
  it('GIVEN an unchanged corpus THEN the index is loaded from the cache and answers like the built one', async () => {
    const first = await analyseAndIndexWithCache(articles(), countingAnalyser().analyse, options());
    const second = await analyseAndIndexWithCache(articles(), countingAnalyser().analyse, options());
    expect(first.indexSource).toBe('built');
    expect(second.indexSource).toBe('cache');
    for (const q of ['lukashenko', 'derailed train', 'tribunal']) {
      expect(second.search.paragraphs(q, { limit: 5 })).toEqual(first.search.paragraphs(q, { limit: 5 }));
      expect(second.search.names(q, { limit: 5 })).toEqual(first.search.names(q, { limit: 5 }));
      expect(second.search.articles(q, 5)).toEqual(first.search.articles(q, 5));
    }
  });

  it('GIVEN a changed corpus THEN the index is rebuilt', async () => {
    await analyseAndIndexWithCache(articles(), countingAnalyser().analyse, options());
    const fewer = await analyseAndIndexWithCache(articles().slice(0, 2), countingAnalyser().analyse, options());
    expect(fewer.indexSource).toBe('built');
    expect(fewer.search.articles('', 10)).toHaveLength(2);
  });

  it.each([
    ['truncated JSON', (s: string) => s.slice(0, s.length / 2)],
    [
      'a damaged index inside valid JSON',
      (s: string) => {
        const [, body] = splitEntry(s);
        const index = JSON.parse(body) as { paragraphs: unknown };
        index.paragraphs = { nonsense: true };
        return withChecksum(JSON.parse(splitEntry(s)[0]), index);
      },
    ],
    ['an index edited without its checksum', (s: string) => s.replace(/"terms":\["/, '"terms":["zzz","')],
  ])('GIVEN a cached index with %s THEN it is ignored and rebuilt', async (_label, damage) => {
    const { articles: analysed } = await analyseWithCache(articles(), countingAnalyser().analyse, options());
    await searchIndexWithCache(analysed, options());
    const file = join(dir, 'search-index.json');
    await writeFile(file, damage(await readFile(file, 'utf8')));
    const rebuilt = await searchIndexWithCache(analysed, options());
    expect(rebuilt.source).toBe('built');
    expect(rebuilt.index.paragraphs('train derailed cumbria', { limit: 1 })[0]?.article).toBe('wikinews-20070223-train');
    expect((await searchIndexWithCache(analysed, options())).source).toBe('cache');
  });
});

/** A cache entry's header line and payload line. */
function splitEntry(text: string): [string, string] {
  const newline = text.indexOf('\n');
  return [text.slice(0, newline), text.slice(newline + 1)];
}

/** An entry whose checksum matches its (poisoned) payload: only validation can tell it is wrong. */
function withChecksum(header: Record<string, unknown>, payload: unknown): string {
  const body = JSON.stringify(payload);
  return `${JSON.stringify({ ...header, sha256: createHash('sha256').update(body).update('\u0000').digest('hex') })}\n${body}`;
}

describe('poisoned analyses', () => {
  type Poison = (analysis: ArticleAnalysis) => unknown;
  const poisons: Array<[string, Poison, boolean]> = [
    ['wrong shapes inside (a checksum that matches)', (a) => ({ ...a, entities: [{ id: 3, mentions: 'everywhere' }] }), true],
    [
      'empty arrays where the article has text (a checksum that matches)',
      () => ({ sentences: [], entities: [], quotes: [], ranking: [] }),
      true,
    ],
    [
      'a quote in a paragraph the article does not have',
      (a) => ({ ...a, quotes: [{ text: 'x', kind: 'full', paragraph: 999, speakerId: null, speaker: null, attribution: 'none' }] }),
      true,
    ],
    [
      'a quote by a speaker that is not among its entities',
      (a) => ({ ...a, quotes: [{ text: 'x', kind: 'full', paragraph: 1, speakerId: 'nobody', speaker: 'Nobody', attribution: 'said' }] }),
      true,
    ],
    [
      'empty arrays edited in by hand (the checksum no longer matches)',
      () => ({ sentences: [], entities: [], quotes: [], ranking: [] }),
      false,
    ],
    ['a payload that is not an analysis at all', () => 42, true],
  ];

  it.each(poisons)(
    'GIVEN every cached analysis has %s THEN each is a miss, re-analysed and rewritten, with ONE warning in all',
    async (_label, poison, fixChecksum) => {
      await analyseWithCache(articles(), countingAnalyser().analyse, options());
      const files = await readdir(join(dir, 'analysis'));
      for (const name of files) {
        const [head, body] = splitEntry(await readFile(join(dir, 'analysis', name), 'utf8'));
        const poisoned = poison(JSON.parse(body) as ArticleAnalysis);
        await writeFile(
          join(dir, 'analysis', name),
          fixChecksum ? withChecksum(JSON.parse(head), poisoned) : `${head}\n${JSON.stringify(poisoned)}`,
        );
      }
      const again = countingAnalyser();
      const result = await analyseWithCache(articles(), again.analyse, options());
      expect(again.calls).toHaveLength(3);
      expect(result.articles.every((a) => a.analysis.sentences.length > 0)).toBe(true);
      expect(warnings).toHaveLength(1);
      expect(warnings[0]).toMatch(/ignored 3 unusable cached analyses/);

      const third = countingAnalyser();
      await analyseWithCache(articles(), third.analyse, options());
      expect(third.calls).toEqual([]);
      expect(warnings).toHaveLength(1);
    },
  );
});

describe('an article whose analysis fails', () => {
  it('GIVEN one article of three makes the analysis throw THEN the other two are analysed and cached, and the failing one is reported with why', async () => {
    const counting = countingAnalyser();
    const analyse = (article: Article) => {
      if (article.id === 'wikinews-20070223-train') throw new Error('analysis blew up');
      return counting.analyse(article);
    };
    const result = await analyseWithCache(articles(), analyse, options());
    expect(result.articles.map((a) => a.article.id)).toEqual(['putin-belarus-transition', 'wikinews-20160714-UN']);
    expect(result.failed).toEqual([
      { id: 'wikinews-20070223-train', file: expect.any(String), reason: 'could not be analysed: analysis blew up' },
    ]);
    expect(await readdir(join(dir, 'analysis'))).toHaveLength(2);
  });
});

describe('hashSourceFiles', () => {
  it('GIVEN a directory of sources THEN the version changes when a file changes', async () => {
    await writeFile(join(dir, 'a.ts'), 'export const a = 1;');
    const before = await hashSourceFiles(dir);
    expect(await hashSourceFiles(dir)).toBe(before);
    await writeFile(join(dir, 'a.ts'), 'export const a = 2;');
    expect(await hashSourceFiles(dir)).not.toBe(before);
  });

  it('GIVEN a data file in a folder of the sources THEN the version changes when it changes', async () => {
    await mkdir(join(dir, 'lists'), { recursive: true });
    await writeFile(join(dir, 'lists', 'words.json'), '{"words":["a"]}');
    const before = await hashSourceFiles(dir);
    await writeFile(join(dir, 'lists', 'words.json'), '{"words":["a","b"]}');
    expect(await hashSourceFiles(dir)).not.toBe(before);
  });

  it('GIVEN a data file beside the sources (model weights) THEN the version changes when it changes', async () => {
    await writeFile(join(dir, 'a.ts'), 'export const a = 1;');
    await writeFile(join(dir, 'weights.json'), '{"w": 1}');
    const before = await hashSourceFiles(dir);
    await writeFile(join(dir, 'weights.json'), '{"w": 2}');
    expect(await hashSourceFiles(dir)).not.toBe(before);
  });
});
