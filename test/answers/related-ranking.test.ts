/**
 * /related ranks articles by relevance, not length: the best paragraph, the headline and the share
 * of an article's paragraphs about the topic; exact words before typo expansions. Made-up news.
 */
import { describe, expect, it } from 'vitest';
import { rankRelatedArticles } from '../../src/answers/rank-related-articles.ts';
import { runCommand } from '../../src/answers/run-command.ts';
import { toCorpus } from '../../src/engine/load-corpus.ts';
import type { RelatedAnswer } from '../../src/model/answer.ts';
import type { Article } from '../../src/model/article.ts';
import { buildSearchIndex } from '../../src/search/build-search-index.ts';
import { articleFromParagraphs } from '../support/article-from-paragraphs.ts';

/** Filler of a long council story: ordinary sentences that are about nothing in the topics below. */
const COUNCIL_FILLER = [
  'Councillors met for four hours on Tuesday to settle the spending plan for next year.',
  'The finance committee said the library and the swimming pool would keep their opening hours.',
  'Street lighting on the east side will be replaced over two winters, starting in November.',
  'Opposition members asked why the parking charges rose for the second year running.',
  'A consultation on school transport closes at the end of the month.',
  'The mayor thanked staff who worked through the weekend to prepare the figures.',
  'Waste collection moves to a fortnightly round in the spring.',
  'Grants for community halls were cut by a tenth, to the dismay of several groups.',
];

function story(id: string, title: string | null, paragraphs: string[]): Article {
  return articleFromParagraphs(id, paragraphs, { title });
}

const ARTICLES: Article[] = [
  // Long: the council's budget, which touches the lighthouse in three passing lines.
  story('council-budget', 'Council agrees next year’s spending plan', [
    ...COUNCIL_FILLER.slice(0, 3),
    'The budget keeps a small sum for painting the lighthouse railings.',
    ...COUNCIL_FILLER.slice(3, 6),
    'Visitors to the lighthouse car park will pay the new parking charge too.',
    ...COUNCIL_FILLER.slice(6),
    'A lighthouse open day is pencilled in for the summer if volunteers come forward.',
    'The plan passed by 21 votes to 9.',
  ]),
  // Short: one paragraph squarely about the lighthouse restoration, under a headline about something else.
  story('harbour-notes', 'Notes from the harbour', [
    'Restoration of the old lighthouse lamp and lens begins next week, after the restoration trust raised the last of the money to restore the lighthouse tower.',
  ]),
  // Medium: the lighthouse in its headline, its paragraphs about the keeper's memories.
  story('keeper-memories', 'The last lighthouse keeper remembers', [
    'Tom Rees kept the light on Gull Point for eleven years before it was automated.',
    'He remembers storms that shook the tower and the night a trawler ran aground below the lighthouse.',
    'Now 84, he still walks to the point every Sunday.',
  ]),
  // A region's water supply: "region" everywhere, "religion" nowhere.
  story('region-water', 'Water limits across the region', [
    'Hosepipe limits now cover the whole region after the driest spring on record.',
    'Farmers in the north of the region say their wells are the lowest they have seen.',
  ]),
  // Religion in schools: the word "religion" is in the corpus.
  story('religion-schools', 'Schools review religion lessons', [
    'Secondary schools will review how religion is taught, after parents asked for more time on world faiths.',
    'Teachers welcomed the review but asked for training.',
  ]),
];

const analysed = ARTICLES.map((article) => ({ article, analysis: { sentences: [], entities: [], quotes: [], ranking: [] } }));
const corpus = toCorpus({ articles: analysed, search: buildSearchIndex(analysed, null) }, []);

function ranking(topic: string): string[] {
  const pool = corpus.search.paragraphs(topic, { limit: 50 });
  return rankRelatedArticles(corpus, topic, pool).map((r) => r.article);
}

/** The articles a /related answer lists, in order. */
function listed(topic: string): string[] {
  return (runCommand(corpus, 'related', { topic }) as RelatedAnswer).articles.map((a) => a.id);
}

describe('/related across articles', () => {
  it('GIVEN a short article whose one paragraph is the best match THEN it ranks above a long one that mentions the topic more often', () => {
    const order = listed('lighthouse restoration');
    expect(order[0]).toBe('harbour-notes');
    expect(order.indexOf('harbour-notes')).toBeLessThan(order.indexOf('council-budget'));
  });

  it('GIVEN a topic in one headline THEN that article ranks above one that only mentions it in passing', () => {
    const order = listed('lighthouse keeper');
    expect(order[0]).toBe('keeper-memories');
    expect(order.indexOf('keeper-memories')).toBeLessThan(order.indexOf('council-budget'));
  });

  it('GIVEN one word THEN the article it heads and the one it fills come before the one it brushes', () => {
    expect(listed('lighthouse')).toEqual(['keeper-memories', 'harbour-notes', 'council-budget']);
    expect(ranking('lighthouse')).toEqual(listed('lighthouse'));
  });

  it.each([
    ['religion', 'religion-schools', 'region-water'],
    ['region', 'region-water', 'religion-schools'],
  ])('GIVEN %j, a word the articles hold THEN it is not taken for a typo of another word', (topic, found, never) => {
    const answer = runCommand(corpus, 'related', { topic }) as RelatedAnswer;
    expect(answer.results.map((r) => r.article)).toContain(found);
    expect(answer.results.map((r) => r.article)).not.toContain(never);
    expect(ranking(topic)).not.toContain(never);
  });

  it.each<[string, string[]]>([
    ['lighthouse keeper', ['keeper-memories']],
    ['the keeper', ['keeper-memories']],
    ['religio', ['religion-schools']],
    ['relig', ['religion-schools']],
    ['rel', []],
    ['lighthouse', ['keeper-memories']],
  ])('GIVEN %j THEN the headlines holding its words are found by word', (topic, ids) => {
    expect(corpus.search.articles(topic, 10, { wordsOnly: true }).map((h) => h.article)).toEqual(ids);
  });

  it('GIVEN a misspelt word the articles do not hold THEN the typo expansion still finds the right one', () => {
    expect(ranking('ligthouse')).toContain('keeper-memories');
    expect(ranking('religon')).toEqual(['religion-schools']);
  });
});
