import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCommand } from '../../src/answers/run-command.ts';
import { createCorpusRebuilder, type CorpusRebuilder } from '../../src/engine/corpus-rebuilder.ts';
import { indexArticles, toCorpus } from '../../src/engine/load-corpus.ts';
import { sortArticles } from '../../src/engine/rebuild-messages.ts';
import type { Corpus } from '../../src/model/corpus.ts';
import { devArticle, seedArticle } from '../support/article-from-paragraphs.ts';

const SCRIPTED_WORKER = new URL('./support/scripted-rebuild-worker.mjs', import.meta.url);

let rebuilder: CorpusRebuilder | null = null;
afterEach(async () => {
  await rebuilder?.close();
  rebuilder = null;
});

function tempDir(prefix: string): string {
  return mkdtempSync(path.join(tmpdir(), prefix));
}

async function seedCorpus(cacheDir: string): Promise<Corpus> {
  return indexArticles([seedArticle()], [], { cacheDir });
}

describe('createCorpusRebuilder', () => {
  it('GIVEN the bundled article WHEN a Wikinews article is added THEN only its analysis is new, the others are reused, and the index answers both', async () => {
    const cacheDir = tempDir('pilcrow-cache-');
    const previous = await seedCorpus(cacheDir);
    rebuilder = createCorpusRebuilder({ cacheDir });
    rebuilder.prepare(previous);
    const train = devArticle('wikinews-20070223-train');
    const articles = sortArticles(
      [seedArticle(), train].map((a) => (a.id === previous.articles[0]!.article.id ? previous.articles[0]!.article : a)),
    );
    const rebuilt = await rebuilder.rebuild(previous, articles, { changed: [train], removed: [] });
    expect(rebuilt.articles.map((a) => a.article)).toEqual(articles);
    expect(rebuilt.articles.find((a) => a.article.id === previous.articles[0]!.article.id)?.analysis).toBe(previous.articles[0]!.analysis);
    const corpus: Corpus = toCorpus(rebuilt, []);
    expect(runCommand(corpus, 'who', { name: 'lavrof' })).toMatchObject({ name: 'Sergei Lavrov' });
    expect(rebuilt.search.articles('train', 5)[0]).toMatchObject({ article: train.id });
    expect(rebuilt.search.paragraphs('mercenarys wagner', { limit: 3 })[0]).toMatchObject({ article: previous.articles[0]!.article.id });
  });

  it('GIVEN a rebuild in flight WHEN the rebuilder is closed THEN the rebuild rejects and the worker thread ends', async () => {
    const cacheDir = tempDir('pilcrow-cache-');
    const previous = await seedCorpus(cacheDir);
    rebuilder = createCorpusRebuilder({ cacheDir, workerUrl: SCRIPTED_WORKER });
    writeFileSync(path.join(cacheDir, 'hold'), '');
    const train = devArticle('wikinews-20070223-train');
    const pending = rebuilder.rebuild(previous, sortArticles([previous.articles[0]!.article, train]), { changed: [train], removed: [] });
    const closing = rebuilder.close();
    await expect(pending).rejects.toThrow('the corpus rebuilder was closed');
    await expect(closing).resolves.toBeUndefined(); // resolves once the thread has exited
    rmSync(path.join(cacheDir, 'hold'));
    await expect(rebuilder.rebuild(previous, [previous.articles[0]!.article], { changed: [], removed: [] })).rejects.toThrow('closed');
  });
});
