/**
 * /who's mention path with the search by meaning switched on (the real word vectors, when the
 * package is installed; skipped otherwise): a paragraph that is only about the same thing is
 * never cited as one that writes the words.
 */
import { describe, expect, it } from 'vitest';
import { runCommand } from '../../src/answers/run-command.ts';
import { toCorpus } from '../../src/engine/load-corpus.ts';
import type { WhoAnswer } from '../../src/model/answer.ts';
import { buildSearchIndex } from '../../src/search/build-search-index.ts';
import { useWordVectors } from '../../src/search/vectors/active-word-vectors.ts';
import { DEFAULT_VECTORS_CACHE_DIR, locateEmbeddings, prepareWordVectors } from '../../src/search/vectors/prepare-word-vectors.ts';
import { analyseArticle } from '../../src/analysis/analyse-article.ts';
import { seedArticle } from '../support/article-from-paragraphs.ts';

const vectors =
  locateEmbeddings() !== null
    ? await prepareWordVectors({ cacheDir: DEFAULT_VECTORS_CACHE_DIR, alsoLookIn: [], warn: () => undefined })
    : null;
useWordVectors(null); // explicit below: no other test sees them
const analysed = [{ article: seedArticle(), analysis: analyseArticle(seedArticle()) }];
const corpus = toCorpus({ articles: analysed, search: buildSearchIndex(analysed, vectors) }, []);

describe.skipIf(!vectors)('/who with the search by meaning on', () => {
  it.each([['demonstrations'], ['troops'], ['ballot']])(
    'GIVEN %j, a word the bundled article never writes THEN nobody is claimed, though paragraphs are about it',
    (name) => {
      expect(corpus.search.paragraphs(name, { limit: 10 }).length).toBeGreaterThan(0);
      expect(corpus.search.paragraphs(name, { limit: 10, wordsOnly: true })).toEqual([]);
      expect(runCommand(corpus, 'who', { name })).toMatchObject({ error: { code: 'not-found' } });
    },
  );

  it.each([['protests'], ['mercenaries']])('GIVEN %j, a word it writes THEN only paragraphs that write it', (name) => {
    const answer = runCommand(corpus, 'who', { name }) as WhoAnswer;
    expect(answer.kind).toBe('mention');
    for (const m of answer.mentions) expect(analysed[0]!.article.paragraphs[m.paragraph - 1]!.text.toLowerCase()).toContain(name);
  });
});
