import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { analyseWithCache, searchIndexWithCache } from '../../src/cache/corpus-cache.ts';
import type { ArticleAnalysis } from '../../src/model/analysis.ts';
import type { Article } from '../../src/model/article.ts';
import { useWordVectors } from '../../src/search/vectors/active-word-vectors.ts';
import { convertEmbeddings } from '../../src/search/vectors/convert-embeddings.ts';
import { WordVectors } from '../../src/search/vectors/word-vectors.ts';
import { seedArticle } from '../support/article-from-paragraphs.ts';

const dirs: string[] = [];
afterAll(async () => {
  useWordVectors(null);
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});

/** A stand-in analysis: one sentence per paragraph, ranked in order. */
function analyse(article: Article): ArticleAnalysis {
  const sentences = article.paragraphs.map((p) => ({ paragraph: p.n, index: 0, text: p.text, start: 0, end: p.text.length }));
  return { sentences, entities: [], quotes: [], ranking: sentences.map((x, i) => ({ ...x, score: 1 / (i + 1) })) };
}

const savedSemantic = async (dir: string): Promise<unknown> => {
  const text = await readFile(join(dir, 'search-index.json'), 'utf8');
  return (JSON.parse(text.slice(text.indexOf('\n') + 1)) as { semantic?: unknown }).semantic;
};

describe('a cached search index saved without word vectors', () => {
  it('GIVEN an index saved by a process without word vectors WHEN one with them loads it THEN the index is saved again with its paragraph vectors, and loaded from the cache after', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'pilcrow-index-vectors-'));
    dirs.push(dir);
    const options = { dir, analysisVersion: 'v1' };
    const { articles } = await analyseWithCache([seedArticle()], analyse, options);
    useWordVectors(null);
    expect((await searchIndexWithCache(articles, options)).source).toBe('built');
    expect(await savedSemantic(dir)).toBeUndefined();

    useWordVectors(new WordVectors('tiny', await convertEmbeddings(resolve('test/fixtures/word-vectors/tiny-embeddings.json'))));
    expect((await searchIndexWithCache(articles, options)).source).toBe('cache');
    expect(await savedSemantic(dir)).toMatchObject({ vectorsId: 'tiny' });
    const before = await readFile(join(dir, 'search-index.json'), 'utf8');
    expect((await searchIndexWithCache(articles, options)).source).toBe('cache');
    // Saved once: a load that finds the vectors writes nothing.
    expect(await readFile(join(dir, 'search-index.json'), 'utf8')).toBe(before);

    // A process without vectors loads the richer index as it is.
    useWordVectors(null);
    expect((await searchIndexWithCache(articles, options)).source).toBe('cache');
    expect(await readFile(join(dir, 'search-index.json'), 'utf8')).toBe(before);
  });
});
