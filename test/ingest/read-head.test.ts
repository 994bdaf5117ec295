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
    {
      name: 'a headline ending with its attribution',
      head: 'Harbour plan will create 400 jobs, council leader says',
      title: 'Harbour plan will create 400 jobs, council leader says',
      kicker: null,
    },
    {
      name: 'a glued kicker and a headline ending with its attribution',
      head: 'News.Harbour plan will create 400 jobs, officials said',
      title: 'Harbour plan will create 400 jobs, officials said',
      kicker: 'News',
    },
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

describe('scraped heads where a breadcrumb is glued to the headline', () => {
  const body =
    'Riverton city council approved the budget on Tuesday night after a debate of more than six hours.\n\nThe vote was seven to two.';
  it.each([
    {
      name: 'a breadcrumb line above a glued kicker',
      head: 'Home\n\nNews.City council approves new budget after six-hour debate\n\nBy Jane Doe\n\n12 March 2024 08:15',
    },
    { name: 'a breadcrumb trail with arrows', head: 'Home › News.City council approves new budget after six-hour debate\n\nBy Jane Doe' },
    { name: 'a breadcrumb trail with slashes', head: 'Home / Local / News.City council approves new budget after six-hour debate' },
    { name: 'a breadcrumb trail glued with periods', head: 'Home.News.City council approves new budget after six-hour debate' },
  ])('GIVEN $name THEN the headline is clean and the kicker is the last crumb', ({ head }) => {
    const article = parse(`${head}\n\n${body}`);
    expect(article.title).toBe('City council approves new budget after six-hour debate');
    expect(article.kicker).toBe('News');
    expect(article.paragraphs).toHaveLength(2);
  });

  it.each([
    ['News.City council approves new budget', 'News', 'City council approves new budget'],
    ['World.US senators reject tariff plan', 'World', 'US senators reject tariff plan'],
    ['Sport.5 things we learned from the cup final', 'Sport', '5 things we learned from the cup final'],
    ['Opinion.‘We cannot afford another delay’', 'Opinion', '‘We cannot afford another delay’'],
    ['Business.“Worst quarter in a decade” for retailers', 'Business', '“Worst quarter in a decade” for retailers'],
    ['Home › Politics › Europe.EU leaders agree on migration deal', 'Europe', 'EU leaders agree on migration deal'],
    ['St.Louis council votes to expand bus routes', null, 'St.Louis council votes to expand bus routes'],
    ['Home › News › City council approves new budget', null, 'Home › News › City council approves new budget'],
  ])('GIVEN %s THEN splitKicker gives kicker %s', (headline, kicker, title) => {
    expect(splitKicker(headline)).toEqual({ kicker, title });
  });
});

describe('scraped heads where related coverage sits above the story', () => {
  const body =
    'By Jane Doe\n\n12 March 2024\n\nRiverton city council approved the budget on Tuesday night after a debate of more than six hours.\n\nThe vote was seven to two.';
  it.each([
    {
      name: 'a "Related coverage" marker and one headline line',
      head: 'Related coverage\n\nMayor announces bid for a second term',
      related: ['Mayor announces bid for a second term'],
    },
    {
      name: 'a "More on this story:" marker and two headline lines',
      head: 'More on this story:\nMayor announces bid for a second term\nBranch libraries saved from closure',
      related: ['Mayor announces bid for a second term', 'Branch libraries saved from closure'],
    },
    {
      name: 'an inline "READ MORE |" line',
      head: 'READ MORE | Mayor announces bid for a second term',
      related: ['Mayor announces bid for a second term'],
    },
    {
      name: 'an inline "Also read —" line',
      head: 'Also read — Mayor announces bid for a second term',
      related: ['Mayor announces bid for a second term'],
    },
    {
      name: 'an inline "See also ►" line',
      head: 'See also ► Mayor announces bid for a second term',
      related: ['Mayor announces bid for a second term'],
    },
    {
      name: 'an inline "RELATED:" line',
      head: 'RELATED: Mayor announces bid for a second term',
      related: ['Mayor announces bid for a second term'],
    },
  ])('GIVEN $name THEN the related headlines are not the headline', ({ head, related }) => {
    const article = parse(`${head}\n\nCity council approves new budget after six-hour debate\n\n${body}`);
    expect(article.title).toBe('City council approves new budget after six-hour debate');
    expect(article.related).toEqual(related);
    expect(article.paragraphs.map((p) => p.text)).toEqual([
      'Riverton city council approved the budget on Tuesday night after a debate of more than six hours.',
      'The vote was seven to two.',
    ]);
  });

  it('GIVEN a related marker and a headline with no byline THEN the last headline line before the body is the headline', () => {
    const article = parse(
      'Related stories\n\nMayor announces bid for a second term\n\nCity council approves new budget\n\nThe council approved the budget on Tuesday night.',
    );
    expect(article.title).toBe('City council approves new budget');
    expect(article.related).toEqual(['Mayor announces bid for a second term']);
  });
});
