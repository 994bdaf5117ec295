/**
 * /quote about: finds the quotes that say the topic through the catalogue's word lists: the
 * topic's words in order, whole words except the last, which may begin a word. Made-up quotes.
 */
import { describe, expect, it } from 'vitest';
import { findQuotesContaining, quoteCatalogue } from '../../src/answers/quote-catalogue.ts';
import { toCorpus } from '../../src/engine/load-corpus.ts';
import type { Quote } from '../../src/model/analysis.ts';
import type { SearchIndex } from '../../src/model/corpus.ts';
import { articleFromParagraphs } from '../support/article-from-paragraphs.ts';

const QUOTES = [
  'The harbour bridge will reopen in May, on budget.',
  'We never agreed to a bridge toll.',
  'Ukraine’s grain must reach the port before winter.',
  'Bridges are not built in a day.',
  'The toll-free crossing stays free.',
];

const quote = (text: string, paragraph: number): Quote => ({
  text,
  kind: 'full',
  paragraph,
  speakerId: null,
  speaker: 'a spokesman',
  attribution: 'said',
});

const article = articleFromParagraphs(
  'harbour-news',
  QUOTES.map((q) => `"${q}" a spokesman said.`),
);
const corpus = toCorpus(
  {
    articles: [{ article, analysis: { sentences: [], entities: [], quotes: QUOTES.map((q, i) => quote(q, i + 1)), ranking: [] } }],
    search: {} as SearchIndex,
  },
  [],
);
const catalogue = quoteCatalogue(corpus);

describe('findQuotesContaining', () => {
  it.each<[string, number[]]>([
    ['bridge', [0, 1, 3]], // a word, and the words it begins (bridges)
    ['bridge toll', [1]], // words in order
    ['toll bridge', []], // not in that order
    ['BRIDGE   toll!', [1]], // case and punctuation do not matter
    ['toll', [1, 4]], // "toll-free": a word that begins with it
    ['ukraine', [2]], // "Ukraine’s"
    ['in', [0, 3]], // a short last word is a whole word only ("in May", "in a day"; not "winter")
    ['ridge', []], // never the middle of a word
    ['reopen in may', [0]],
    ['', []],
  ])('GIVEN the topic %j THEN the quotes %j', (topic, found) => {
    expect(findQuotesContaining(catalogue, topic)).toEqual(found);
  });
});
