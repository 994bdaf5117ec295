import { describe, expect, it } from 'vitest';
import type { AnalysedArticle } from '../../src/model/corpus.ts';
import { buildSearchIndex, loadSearchIndex } from '../../src/search/build-search-index.ts';
import { analysedDev, analysedSeed, entity } from './seed-corpus.ts';
import { SEED_TOPIC_QUERIES } from './topic-queries.ts';

const SEED = 'putin-belarus-transition';
const corpus: AnalysedArticle[] = [
  analysedSeed(),
  analysedDev('wikinews-20070223-train', [
    entity('ian-black', 'Ian Black', 'person', ['Black', 'the driver']),
    entity('virgin-trains', 'Virgin Trains', 'organisation', []),
  ]),
  analysedDev('wikinews-20070306-drain'),
  analysedDev('wikinews-20160706-telescope'),
  analysedDev('wikinews-20160714-UN', [entity('un', 'United Nations', 'organisation', ['UN'])]),
];
const index = buildSearchIndex(corpus, null);

describe('paragraphs', () => {
  it.each<[string, number[]]>([...SEED_TOPIC_QUERIES])(
    'GIVEN the query "%s" on the bundled article THEN the top paragraph is one of %j',
    (query, expected) => {
      const hits = index.paragraphs(query, { article: SEED, limit: 5 });
      expect(expected).toContain(hits[0]?.paragraph);
    },
  );

  it('GIVEN a corpus-wide query THEN the right article and paragraph come first', () => {
    const [top] = index.paragraphs('mercenarys wagner', { limit: 5 });
    expect(top).toMatchObject({ article: SEED, paragraph: 16 });
    expect(top?.text).toContain('Wagner');
  });

  it('GIVEN a query about another article THEN its paragraphs are found and the filter keeps them out of the seed', () => {
    expect(index.paragraphs('sinkhole guatemala', { limit: 3 })[0]?.article).toBe('wikinews-20070306-drain');
    expect(index.paragraphs('sinkhole guatemala', { article: SEED, limit: 3 }).every((h) => h.article === SEED)).toBe(true);
  });

  it('GIVEN any query THEN scores lie in 0..1, best first, and the limit holds', () => {
    const hits = index.paragraphs('russian intervention belarus', { limit: 7 });
    expect(hits).toHaveLength(7);
    for (const [i, hit] of hits.entries()) {
      expect(hit.score).toBeGreaterThanOrEqual(0);
      expect(hit.score).toBeLessThanOrEqual(1);
      if (i > 0) expect(hit.score).toBeLessThanOrEqual(hits[i - 1]!.score);
    }
  });

  it('GIVEN an unknown article id THEN nothing is found', () => {
    expect(index.paragraphs('wagner', { article: 'no-such-article', limit: 5 })).toEqual([]);
  });
});

describe('names', () => {
  it.each<[string, string]>([
    ['lavrof', 'sergei-lavrov'],
    ['lukashenk', 'alexander-lukashenko'],
    ['putin', 'vladimir-putin'],
    ['the russian president', 'vladimir-putin'],
    ['lavr', 'sergei-lavrov'],
    ['Zelenskiy', 'volodimir-zelensky'],
    ['csto', 'csto'],
    ['collective security', 'csto'],
    ['the russian prime minister', 'mikhail-mishustin'],
    ['defense minister', 'viktor-khrenin'],
  ])('GIVEN the name query "%s" THEN the first hit is %s', (query, entityId) => {
    expect(index.names(query, { limit: 5 })[0]?.entityId).toBe(entityId);
  });

  it('GIVEN a query matching several strings of one entity THEN that entity appears once', () => {
    const hits = index.names('putin', { limit: 10 });
    expect(hits.filter((h) => h.entityId === 'vladimir-putin')).toHaveLength(1);
  });

  it('GIVEN an exact alias and a fuzzy match THEN the exact one ranks first with score 1', () => {
    const [top] = index.names('Lavrov', { limit: 3 });
    expect(top).toMatchObject({ entityId: 'sergei-lavrov', name: 'Sergei Lavrov', matched: 'Lavrov', score: 1 });
  });

  it('GIVEN a query matching a stated role THEN the hit names the entity and shows the role it matched, scored below a name match', () => {
    const [hit] = index.names('Russian Prime Minister', { limit: 1 });
    expect(hit).toMatchObject({ entityId: 'mikhail-mishustin', name: 'Mikhail Mishustin', matched: 'Russian Prime Minister' });
    expect(hit!.score).toBeLessThan(1);
    expect(index.names('Mishustin', { limit: 1 })[0]?.score).toBe(1);
  });

  it('GIVEN a short name THEN unrelated names that merely contain similar letters are not offered', () => {
    const ids = index.names('putin', { limit: 10 }).map((h) => h.entityId);
    expect(ids).toEqual(['vladimir-putin']);
  });

  it('GIVEN "vladimir" THEN both Vladimirs are found by prefix before anything fuzzy', () => {
    const ids = index.names('vladimir', { limit: 5 }).map((h) => h.entityId);
    expect(ids.slice(0, 2).sort()).toEqual(['vladimir-makei', 'vladimir-putin']);
  });

  it("GIVEN an article filter THEN only that article's entities come back, and an empty query lists them", () => {
    expect(index.names('black', { article: 'wikinews-20070223-train', limit: 5 })[0]?.entityId).toBe('ian-black');
    expect(index.names('lavrov', { article: 'wikinews-20070223-train', limit: 5 })).toEqual([]);
    expect(index.names('', { article: 'wikinews-20070223-train', limit: 5 }).map((h) => h.entityId)).toEqual([
      'ian-black',
      'virgin-trains',
    ]);
  });
});

describe('articles', () => {
  it('GIVEN an empty query THEN all articles come back in corpus order up to the limit', () => {
    expect(index.articles('', 3).map((h) => h.article)).toEqual(corpus.slice(0, 3).map((a) => a.article.id));
  });

  it.each<[string, string]>([
    ['putin delays', SEED],
    ['belarus transition', SEED],
    ['putin-belarus-transition', SEED],
    ['pilto', SEED],
    ['wikinews-20070306', 'wikinews-20070306-drain'],
    ['telescope', 'wikinews-20160706-telescope'],
  ])('GIVEN "%s" THEN the first article is %s', (query, id) => {
    expect(index.articles(query, 5)[0]?.article).toBe(id);
  });

  it('GIVEN an article without a headline THEN its first words stand in for the title', () => {
    const hit = index.articles('wikinews-20070306-drain', 1)[0];
    expect(hit?.title.startsWith('A rupture in the underground')).toBe(true);
  });
});

describe('hostile input', () => {
  const hostile: Array<[string, string]> = [
    ['fuse operators', "'wagner !nato ^putin =lavrov | $belarus"],
    ['regex characters', '(.*)+[a-z]{2,}\\d?|^$'],
    ['6,000 characters', 'wagner '.repeat(860).slice(0, 6000)],
    ['one 6,000-character word', 'x'.repeat(6000)],
    ['only punctuation', '!?.,;:\'"()[]{}<>/\\|@#%&*-_+=~`'],
    ['zero-width characters', 'wag\u200bner\u200d\ufeff'],
    ['emoji', '🔥🇺🇦 👍🏽'],
    ['other scripts', 'Лукашенко 普京 بوتين'],
    ['empty', ''],
    ['whitespace', ' \t\n '],
    ['lone surrogate', '\ud800wagner'],
  ];
  it.each(hostile)('GIVEN %s THEN every search returns an array without throwing', (_label, query) => {
    for (const article of [undefined, SEED]) {
      expect(Array.isArray(index.paragraphs(query, { article, limit: 5 }))).toBe(true);
      expect(Array.isArray(index.names(query, { article, limit: 5 }))).toBe(true);
    }
    expect(Array.isArray(index.articles(query, 5))).toBe(true);
  });

  it('GIVEN zero-width characters inside a word THEN the word is still found', () => {
    expect(index.paragraphs('wag\u200bner', { limit: 1 })[0]?.paragraph).toBe(16);
  });

  it.each([0, -3, Number.NaN])('GIVEN the limit %s THEN nothing is returned', (limit) => {
    expect(index.paragraphs('wagner', { limit })).toEqual([]);
    expect(index.names('putin', { limit })).toEqual([]);
    expect(index.articles('', limit)).toEqual([]);
  });
});

describe('serialisation', () => {
  it('GIVEN a serialised index THEN loading it answers exactly like the original', () => {
    const restored = loadSearchIndex(corpus, JSON.parse(JSON.stringify(index.serialise())));
    expect(restored).not.toBeNull();
    for (const q of ['mercenarys wagner', 'lavrof', 'telescope']) {
      expect(restored!.paragraphs(q, { limit: 5 })).toEqual(index.paragraphs(q, { limit: 5 }));
      expect(restored!.names(q, { limit: 5 })).toEqual(index.names(q, { limit: 5 }));
      expect(restored!.articles(q, 5)).toEqual(index.articles(q, 5));
    }
  });

  it.each<[string, unknown]>([
    ['null', null],
    ['another version', { ...index.serialise(), version: -1 }],
    ['garbage parts', { version: index.serialise().version, paragraphs: {}, names: {}, articles: {} }],
  ])('GIVEN %s THEN loading gives null instead of throwing', (_label, data) => {
    expect(loadSearchIndex(corpus, data)).toBeNull();
  });

  it('GIVEN an index saved for other articles THEN loading gives null', () => {
    expect(loadSearchIndex(corpus.slice(0, 2), index.serialise())).toBeNull();
  });
});
