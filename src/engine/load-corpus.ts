import { analyseArticle } from '../analysis/analyse-article.ts';
import { loadArticles } from '../ingest/load-articles.ts';
import type { Corpus } from '../model/corpus.ts';
import { buildCorpus } from './build-corpus.ts';

export interface LoadCorpusOptions {
  dataDir: string;
}

/** Reads, cleans and analyses every article in the data directory and indexes them. */
export async function loadCorpus(options: LoadCorpusOptions): Promise<Corpus | { error: string }> {
  const loaded = await loadArticles(options.dataDir);
  if (loaded.error) return { error: loaded.error };
  return buildCorpus(
    loaded.articles.map((article) => ({ article, analysis: analyseArticle(article) })),
    loaded.skipped,
  );
}
