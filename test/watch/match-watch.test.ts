import { describe, expect, it } from 'vitest';
import type { Corpus } from '../../src/model/corpus.ts';
import { articlesFiring, matchWatch } from '../../src/watch/match-watch.ts';
import { relateNames } from '../../src/watch/same-person.ts';
import type { WatchSpec } from '../../src/model/watch-spec.ts';
import { articleFromParagraphs } from '../support/article-from-paragraphs.ts';
import { corpusOf } from '../support/corpus.ts';
import { fishingFleet, harbourStrike, radioInterview } from '../support/okonkwo-articles.ts';
import { analyseArticle } from '../../src/analysis/analyse-article.ts';
import { toCorpus } from '../../src/engine/load-corpus.ts';
import { buildSearchIndex } from '../../src/search/build-search-index.ts';
import { useWordVectors } from '../../src/search/vectors/active-word-vectors.ts';
import { DEFAULT_VECTORS_CACHE_DIR, locateEmbeddings, prepareWordVectors } from '../../src/search/vectors/prepare-word-vectors.ts';

const vectors =
  locateEmbeddings() !== null
    ? await prepareWordVectors({ cacheDir: DEFAULT_VECTORS_CACHE_DIR, alsoLookIn: [], warn: () => undefined })
    : null;
useWordVectors(null); // explicit below: no other test sees them

// Made-up news written for these tests.
const summit = articleFromParagraphs(
  'summit',
  [
    'Foreign ministers met in Valdoria on Tuesday to discuss the border crossings.',
    'Sergei Lavrov, the Russian Foreign Minister, arrived late in the afternoon.',
    '"We are ready to talk about every crossing," Lavrov told reporters.',
  ],
  { title: 'Ministers meet over border crossings', url: 'https://news.example/summit' },
);
const named = articleFromParagraphs(
  'trade-talks',
  [
    'Trade officials from twelve countries gathered in Marenna for a second round of talks.',
    'Delegates said a letter from Sergei Lavrov had been read out at the opening session.',
    'The talks are expected to last until Friday.',
  ],
  { title: 'Trade talks open in Marenna' },
);
const strike = harbourStrike;
const fisherman = fishingFleet;
const surnameOnly = radioInterview;
const protests = articleFromParagraphs(
  'city-demonstrations',
  [
    'Thousands of demonstrators marched through the centre of Arlen on Saturday.',
    'The crowds chanted against the new tax on bread and blocked the main square for hours.',
  ],
  { title: 'Crowds march in Arlen' },
);
const garden = articleFromParagraphs(
  'garden-show',
  ['The annual flower show opened in Brightwater with a record number of roses.', 'Judges praised the tulips and the orchids.'],
  { title: 'Roses win at the flower show' },
);

const corpus: Corpus = corpusOf([summit, named, strike, fisherman, protests, garden]);
const person = (name: string, quotedOnly = false): WatchSpec => ({ kind: 'person', person: name, quotedOnly });

describe('a person watch', () => {
  it('GIVEN an article quoting the person by surname THEN one alert with the quotation, its paragraph, title and link', () => {
    const alert = matchWatch(corpus, 'summit', person('Sergei Lavrov'));
    expect(alert).toMatchObject({
      kind: 'person',
      quoted: true,
      paragraph: 3,
      excerpt: 'We are ready to talk about every crossing',
      title: 'Ministers meet over border crossings',
      link: 'https://news.example/summit',
    });
    expect(alert?.label).toMatch(/Lavrov/);
  });

  it.each([['Lavrov'], ['sergei lavrov'], ['Sergei Lavrov']])('GIVEN the watch %j THEN the same articles fire', (name) => {
    expect(
      articlesFiring(corpus, person(name), 10)
        .alerts.map((a) => a.articleId)
        .sort(),
    ).toEqual(['summit', 'trade-talks']);
  });

  it('GIVEN an article that only names the person THEN a mention alert, and a quoted-only watch stays silent', () => {
    expect(matchWatch(corpus, 'trade-talks', person('Sergei Lavrov'))).toMatchObject({ quoted: false, paragraph: 2 });
    expect(matchWatch(corpus, 'trade-talks', person('Sergei Lavrov', true))).toBeNull();
    expect(matchWatch(corpus, 'summit', person('Sergei Lavrov', true))).not.toBeNull();
  });

  it('GIVEN two Okonkwos with different first names THEN each fires only for their own article', () => {
    expect(matchWatch(corpus, 'harbour-strike', person('Maria Okonkwo'))).not.toBeNull();
    expect(matchWatch(corpus, 'fishing-fleet', person('Maria Okonkwo'))).toBeNull();
    expect(matchWatch(corpus, 'fishing-fleet', person('Peter Okonkwo'))).not.toBeNull();
    expect(matchWatch(corpus, 'harbour-strike', person('Peter Okonkwo'))).toBeNull();
  });

  it('GIVEN an article naming only "Okonkwo" THEN it fires when one Okonkwo is known, and not when two are', () => {
    const one = corpusOf([strike, surnameOnly]);
    expect(matchWatch(one, 'radio-interview', person('Maria Okonkwo'))).toMatchObject({ label: 'Okonkwo', quoted: true });
    const two = corpusOf([strike, fisherman, surnameOnly]);
    expect(matchWatch(two, 'radio-interview', person('Maria Okonkwo'))).toBeNull();
    expect(matchWatch(two, 'radio-interview', person('Peter Okonkwo'))).toBeNull();
  });

  it('GIVEN a person no article names THEN nothing fires', () => {
    expect(articlesFiring(corpus, person('Anna Lindqvist'), 10).alerts).toEqual([]);
  });
});

describe('a person the analysis did not find, written out in the text', () => {
  const list = articleFromParagraphs(
    'reading-list',
    ['The club read these books this winter.', 'Lindqvist, Anna. The Winter Harbour', 'Everyone agreed the second was better.'],
    { title: 'Club notes' },
  );
  const headline = articleFromParagraphs('headline-only', ['The poet read three new pieces to a full hall.'], {
    title: 'An evening with Tomas Varga',
  });
  const runs = articleFromParagraphs('runs', ['Crowds gathered on Christmas Eve.', 'James Baker arrived at noon.']);
  const texts = corpusOf([list, headline, runs]);

  it('GIVEN a reading list writing the surname first THEN the watch fires there', () => {
    expect(matchWatch(texts, 'reading-list', person('Anna Lindqvist'))).not.toBeNull();
  });

  it('GIVEN the name only in the headline THEN the alert cites no paragraph', () => {
    expect(matchWatch(texts, 'headline-only', person('Tomas Varga'))).toMatchObject({
      paragraph: null,
      excerpt: 'An evening with Tomas Varga',
    });
  });

  it.each([['Eve'], ['James'], ['eve']])('GIVEN the one-word watch %j inside a longer name or in lower case THEN nothing fires', (name) => {
    expect(matchWatch(texts, 'runs', person(name))).toBeNull();
  });
});

describe.skipIf(!vectors)('a topic watch (search by meaning on)', () => {
  const analysed = [summit, named, strike, fisherman, protests, garden].map((article) => ({ article, analysis: analyseArticle(article) }));
  const withMeaning = toCorpus({ articles: analysed, search: buildSearchIndex(analysed, vectors) }, []);

  it('GIVEN a topic in other words than the article uses THEN the article fires', () => {
    const alert = matchWatch(withMeaning, 'city-demonstrations', { kind: 'topic', topic: 'protests' });
    expect(alert).toMatchObject({ kind: 'topic', label: 'protests' });
  });

  it('GIVEN an unrelated article THEN it never fires', () => {
    expect(matchWatch(withMeaning, 'garden-show', { kind: 'topic', topic: 'protests' })).toBeNull();
    expect(matchWatch(withMeaning, 'summit', { kind: 'topic', topic: 'flower show' })).toBeNull();
  });
});

describe('relateNames', () => {
  it.each([
    [['vladimir', 'putin'], ['vladimir', 'putin'], 'same'],
    [['john', 'smith'], ['john', 'fitzgerald', 'smith'], 'same'],
    [['putin'], ['vladimir', 'putin'], 'one-word'],
    [['maria', 'okonkwo'], ['peter', 'okonkwo'], 'different'],
    [['bill', 'clinton'], ['hillary', 'clinton'], 'different'],
  ])('%j and %j are %s', (a, b, relation) => {
    expect(relateNames(a, b)).toBe(relation);
  });
});
