import { describe, expect, it } from 'vitest';
import { splitKicker } from '../../src/ingest/read-head.ts';
import { parseArticle } from '../../src/ingest/parse-article.ts';

function parse(text: string) {
  const result = parseArticle(text, 'sample.txt');
  if ('reason' in result) throw new Error(result.reason);
  return result;
}

const BODY = 'The council met on Tuesday and approved the plan.\n\nWork starts next year.';

describe('the headline and kicker', () => {
  it.each([
    { name: 'a plain headline line', head: 'Council approves harbour plan', title: 'Council approves harbour plan', kicker: null },
    { name: 'a bullet headline', head: '• Council approves harbour plan', title: 'Council approves harbour plan', kicker: null },
    {
      name: 'a kicker glued to the headline',
      head: 'Politics.Council approves harbour plan',
      title: 'Council approves harbour plan',
      kicker: 'Politics',
    },
    {
      name: 'a short kicker line above the headline',
      head: 'Local news\n\nCouncil approves harbour plan',
      title: 'Council approves harbour plan',
      kicker: 'Local news',
    },
    {
      name: 'navigation bullets before the headline',
      head: '• Home\n\n• World\n\nCouncil approves harbour plan',
      title: 'Council approves harbour plan',
      kicker: null,
    },
    {
      name: 'a byline and date after the headline',
      head: 'Council approves harbour plan\n\nBy Jane Doe\n\n3 September 2020 10:42',
      title: 'Council approves harbour plan',
      kicker: null,
    },
    { name: 'a question headline', head: 'Will the harbour plan work?', title: 'Will the harbour plan work?', kicker: null },
  ])('GIVEN $name THEN title and kicker are found and the body is untouched', ({ head, title, kicker }) => {
    const article = parse(`${head}\n\n${BODY}`);
    expect(article.title).toBe(title);
    expect(article.kicker).toBe(kicker);
    expect(article.paragraphs.map((p) => p.text)).toEqual(['The council met on Tuesday and approved the plan.', 'Work starts next year.']);
  });

  it('GIVEN text that starts with body text THEN there is no headline and the first paragraph stays a paragraph', () => {
    const article = parse(BODY);
    expect(article.title).toBeNull();
    expect(article.paragraphs).toHaveLength(2);
  });

  it('GIVEN an article whose first paragraph is broken by a link THEN its first piece is not taken as a headline', () => {
    const article = parse('The council sent the plan to the\n\nregional government\n\n.\n\nWork starts next year.');
    expect(article.title).toBeNull();
    expect(article.paragraphs.map((p) => p.text)).toEqual([
      'The council sent the plan to the regional government.',
      'Work starts next year.',
    ]);
  });

  it('GIVEN headline bullets after the headline THEN they are related headlines', () => {
    const article = parse(`• Council approves harbour plan\n\n• Fishermen protest against new harbour fees\n\n${BODY}`);
    expect(article.related).toEqual(['Fishermen protest against new harbour fees']);
  });

  it.each([
    ['Crisis.Putin delays the transition', 'Crisis', 'Putin delays the transition'],
    ['World news.Floods hit the coast', 'World news', 'Floods hit the coast'],
    ['U.S.Senate passes the bill', null, 'U.S.Senate passes the bill'],
    ['Crisis. Putin delays the transition', null, 'Crisis. Putin delays the transition'],
    ['Putin delays the transition', null, 'Putin delays the transition'],
  ])('GIVEN %s THEN splitKicker gives kicker %s', (headline, kicker, title) => {
    expect(splitKicker(headline)).toEqual({ kicker, title });
  });
});
