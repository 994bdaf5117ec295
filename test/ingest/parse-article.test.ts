import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Article } from '../../src/model/article.ts';
import { parseArticle } from '../../src/ingest/parse-article.ts';
import { seedExpected } from '../support/article-from-paragraphs.ts';

const root = new URL('../../', import.meta.url);
const read = (path: string) => readFileSync(new URL(path, root), 'utf8');

function parse(text: string, file = 'sample.txt'): Article {
  const result = parseArticle(text, file);
  if ('reason' in result) throw new Error(`expected an article, got: ${result.reason}`);
  return result;
}

const texts = (article: Article) => article.paragraphs.map((p) => p.text);

describe('parseArticle on the bundled article', () => {
  const expected = seedExpected();
  const article = parse(read('data/putin-belarus-transition.txt'), 'data/putin-belarus-transition.txt');

  it('GIVEN the scraped file THEN the id comes from the file name', () => {
    expect(article.id).toBe('putin-belarus-transition');
    expect(article.file).toBe('data/putin-belarus-transition.txt');
  });

  it('GIVEN a kicker glued to the headline THEN title and kicker are split', () => {
    expect(article.title).toBe(expected.title);
    expect(article.kicker).toBe(expected.kicker);
  });

  it('GIVEN a "Know more" bullet list THEN its items are the tags', () => {
    expect(article.tags).toEqual(expected.tags);
  });

  it('GIVEN headline bullets at the top and headline lines at the end THEN they are the related headlines', () => {
    expect(article.related).toEqual(expected.related);
  });

  it('GIVEN a short unpunctuated line between paragraphs THEN it is the one crosshead', () => {
    expect(article.headings).toEqual(expected.headings);
  });

  it('GIVEN six paragraphs broken where links were THEN exactly the 41 expected paragraphs come out', () => {
    expect(texts(article)).toEqual(expected.paragraphs);
    expect(article.paragraphs.map((p) => p.n)).toEqual(expected.paragraphs.map((_, i) => i + 1));
  });

  it('GIVEN site furniture THEN none of it is body text', () => {
    const body = texts(article).join('\n');
    for (const furniture of ['Trust Project', 'Know more', 'See links of interest', 'Horoscope', '•']) {
      expect(body).not.toContain(furniture);
    }
  });
});

describe('parseArticle on the Wikinews articles (no headline, clean blank-line paragraphs)', () => {
  const blankLineParagraphs = (text: string) =>
    text
      .split(/\n\s*\n/)
      .map((p) => p.trim())
      .filter((p) => p !== '');

  it.each(['wikinews-20070306-drain', 'wikinews-20160706-telescope', 'wikinews-20160714-UN'])(
    'GIVEN %s THEN title is null and the paragraphs are its blank-line blocks',
    (name) => {
      const text = read(`test/fixtures/articles/${name}.txt`);
      const article = parse(text, `test/fixtures/articles/${name}.txt`);
      expect(article.title).toBeNull();
      expect(article.kicker).toBeNull();
      expect(article.headings).toEqual([]);
      expect(article.tags).toEqual([]);
      expect(article.related).toEqual([]);
      expect(texts(article)).toEqual(blankLineParagraphs(text));
    },
  );

  it('GIVEN the train article with an image caption glued above a quote THEN the caption is not glued into the quote', () => {
    const text = read('test/fixtures/articles/wikinews-20070223-train.txt');
    const article = parse(text, 'wikinews-20070223-train.txt');
    expect(article.title).toBeNull();
    const quote = texts(article).find((p) => p.includes('The carriage I am in'));
    expect(quote?.startsWith('"The carriage I am in')).toBe(true);
    const expected = blankLineParagraphs(text).flatMap((block) => block.split('\n').map((line) => line.trim()));
    expect(texts(article)).toEqual(expected);
  });
});

describe('parseArticle on other scraped page layouts', () => {
  it('GIVEN a page with a navigation run, byline, date, share lines, a mid-page topic list and a page tail THEN only the story is body', () => {
    const article = parse(
      [
        'Skip to content\nHome\nNews\nSport\nWeather',
        'Flood defences breached as storm hits coast',
        'By Jane Reporter\nEnvironment correspondent',
        '12 February 2024, 08:15 GMT\nUpdated 2 hours ago',
        'Share\nSave',
        'Flood defences along the east coast were breached overnight as Storm Lena brought gusts of up to 90mph.',
        '"We have never seen water levels like this," said local councillor Mark Evans.',
        'Related Topics\nFlooding\nWeather',
        'More on this story\nStorm Lena: What we know so far\nHow to prepare for a flood',
        'Advertisement',
        'Around 2,000 homes were evacuated in\nNorfolk\nand Suffolk, according to the\nemergency services\n.',
        'What happens next',
        'Forecasters expect the storm to weaken by Wednesday.',
        'Top stories\nPrime Minister announces new housing plan\nTrain strikes called off after late deal',
        '© 2024 Example Broadcasting. All rights reserved.',
      ].join('\n\n'),
    );
    expect(article.title).toBe('Flood defences breached as storm hits coast');
    expect(article.paragraphs.map((p) => p.text)).toEqual([
      'Flood defences along the east coast were breached overnight as Storm Lena brought gusts of up to 90mph.',
      '"We have never seen water levels like this," said local councillor Mark Evans.',
      'Around 2,000 homes were evacuated in Norfolk and Suffolk, according to the emergency services.',
      'Forecasters expect the storm to weaken by Wednesday.',
    ]);
    expect(article.headings).toEqual([{ before: 4, text: 'What happens next' }]);
    expect(article.tags).toEqual(['Flooding', 'Weather']);
    expect(article.related).toEqual([
      'Storm Lena: What we know so far',
      'How to prepare for a flood',
      'Prime Minister announces new housing plan',
      'Train strikes called off after late deal',
    ]);
  });

  it('GIVEN an age notice, a credited image caption and one paragraph per line THEN caption and notice are dropped', () => {
    const article = parse(
      [
        'This article is more than 3 years old',
        'Opponents vow to keep up pressure after weekend of protests',
        'Opposition leaders have vowed to keep up the pressure after another weekend of mass protests.',
        'Protesters in the capital on Sunday. Photograph: A. Photographer/Agency',
        'Police detained more than 600 people, the interior ministry said.',
      ].join('\n'),
    );
    expect(article.title).toBe('Opponents vow to keep up pressure after weekend of protests');
    expect(article.paragraphs.map((p) => p.text)).toEqual([
      'Opposition leaders have vowed to keep up the pressure after another weekend of mass protests.',
      'Police detained more than 600 people, the interior ministry said.',
    ]);
    expect(article.headings).toEqual([]);
  });
});

describe('parseArticle on synthetic texts', () => {
  it.each([
    ['empty text', ''],
    ['only whitespace', ' \n\t\n\u00a0\n'],
    ['only front matter', '---\ntitle: Nothing here\n---\n'],
    ['only site furniture', '• Home\n\n• World\n\nAdvertisement\n\nKnow more\n\n• Belarus'],
  ])('GIVEN %s THEN a reason is returned, not an article', (_name, text) => {
    expect(parseArticle(text, 'x.txt')).toEqual({ reason: expect.any(String) });
  });

  it('GIVEN text with NUL bytes THEN it is reported as binary', () => {
    expect(parseArticle('PK\u0003\u0004\u0000\u0000abc', 'x.txt')).toEqual({ reason: expect.stringMatching(/binary/) });
  });

  it('GIVEN front matter THEN its fields fill the article and its title wins over the detected headline', () => {
    const article = parse(
      [
        '---',
        'title: "The real title"',
        'source: Example News',
        'url: https://example.com/a',
        'published: 2020-09-03',
        'tags: [Belarus, Russia]',
        '---',
        'A detected headline in the text',
        '',
        'The body starts here with a sentence.',
      ].join('\n'),
    );
    expect(article).toMatchObject({
      title: 'The real title',
      source: 'Example News',
      url: 'https://example.com/a',
      published: '2020-09-03',
      tags: ['Belarus', 'Russia'],
      paragraphs: [{ n: 1, text: 'The body starts here with a sentence.' }],
    });
  });

  it('GIVEN malformed front matter THEN the reason says so', () => {
    expect(parseArticle('---\ntitle: x\nno closing fence\n\nBody.', 'x.txt')).toEqual({
      reason: expect.stringMatching(/malformed front matter/),
    });
  });

  it('GIVEN a Markdown file THEN headline, crossheads, emphasis, links and bullets are handled', () => {
    const article = parse(
      [
        '# Council **approves** new bridge',
        '',
        'The city council voted *unanimously* on Tuesday to build a [new bridge](https://example.com/bridge) over the river.',
        '',
        '## Costs and timing',
        '',
        'Work will start next spring, the mayor said.',
        '',
        '> "It is a great day for the city," she said.',
        '',
        '---',
        '',
        'Tags: bridges, city council',
      ].join('\n'),
      'bridge.md',
    );
    expect(article.title).toBe('Council approves new bridge');
    expect(texts(article)).toEqual([
      'The city council voted unanimously on Tuesday to build a new bridge over the river.',
      'Work will start next spring, the mayor said.',
      '"It is a great day for the city," she said.',
    ]);
    expect(article.headings).toEqual([{ before: 2, text: 'Costs and timing' }]);
    expect(article.tags).toEqual(['bridges', 'city council']);
  });

  it('GIVEN Windows line endings, tabs and NBSP THEN whitespace is normalised and curly quotes are kept', () => {
    const article = parse('The\tminister\u00a0said  “no”.\r\n\r\nA second  paragraph ‘here’.\r\n');
    expect(texts(article)).toEqual(['The minister said “no”.', 'A second paragraph ‘here’.']);
  });

  it('GIVEN a hard-wrapped paragraph THEN its lines are joined with spaces', () => {
    const article = parse(
      [
        'The committee met for six hours on Thursday to discuss the proposal, which',
        'would change how the regional budget is allocated between the northern and',
        'southern districts over the next five years.',
        '',
        'Officials declined to comment.',
      ].join('\n'),
    );
    expect(texts(article)).toEqual([
      'The committee met for six hours on Thursday to discuss the proposal, which would change how the regional budget is allocated between the northern and southern districts over the next five years.',
      'Officials declined to comment.',
    ]);
  });
});
