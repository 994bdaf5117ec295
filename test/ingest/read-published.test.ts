import { describe, expect, it } from 'vitest';
import { normalisePublished, readOpeningDateline, readDateLine } from '../../src/ingest/read-published.ts';
import { parseArticle } from '../../src/ingest/parse-article.ts';

describe('readDateLine', () => {
  it.each([
    ['Friday, August 15, 2008', '2008-08-15'],
    ['Tuesday, 3 March 2009', '2009-03-03'],
    ['Published: 12 March 2021', '2021-03-12'],
    ['Updated 3 September 2020 10:42 GMT', '2020-09-03T10:42:00Z'],
    ['2009-05-04', '2009-05-04'],
  ])('GIVEN the line "%s" THEN the date is %s', (line, date) => {
    expect(readDateLine(line)).toBe(date);
  });

  it.each([
    ['a sentence that mentions a date', 'The vote on May 4, 2009 was close.'],
    ['a weekday alone', 'Friday'],
    ['a month without a day', 'March 2009'],
    ['a date without a year', 'Friday, August 15'],
    ['no date at all', 'Council backs the bridge'],
  ])('GIVEN %s THEN there is no date (none is guessed)', (_, line) => {
    expect(readDateLine(line)).toBeNull();
  });
});

describe('readOpeningDateline', () => {
  it.each([
    ['WESTBY, May 4, 2009 (AP) — The council voted for the bridge on Monday.', '2009-05-04'],
    ['WESTBY, Ohio, 4 May 2009 -- Council members voted for the bridge.', '2009-05-04'],
    ['WESTBY (Reuters) - The council said on May 4, 2009 that it backs the bridge.', null],
    ['The council voted on May 4, 2009 — a day late — for the bridge.', null],
    ['Thursday, March 5, 2009 The council of Westby voted for the bridge.', '2009-03-05'],
    ['March 5, 2009 was the day the council of Westby voted for the bridge.', null],
  ])('GIVEN the paragraph "%s" THEN the dateline date is %s', (paragraph, date) => {
    expect(readOpeningDateline(paragraph)).toBe(date);
  });
});

describe('normalisePublished', () => {
  it.each([
    ['Tue, 12 Mar 2021 10:42:00 GMT', '2021-03-12T10:42:00Z'],
    ['Tue, 12 Mar 2021 10:42:00 +0200', '2021-03-12T10:42:00+02:00'],
    ['2021-03-12T10:42:00+02:00', '2021-03-12T10:42:00+02:00'],
    ['2008-08-15', '2008-08-15'],
    ['spring 2008', 'spring 2008'],
    ['  ', null],
  ])('GIVEN the written date "%s" THEN it is kept as %s', (written, expected) => {
    expect(normalisePublished(written)).toBe(expected);
  });
});

describe('parseArticle: the published date', () => {
  const parse = (text: string) => {
    const article = parseArticle(text, 'bridge.txt');
    if ('reason' in article) throw new Error(article.reason);
    return article;
  };
  const body =
    'The council of Westby voted on Monday to build a new bridge over the river, ending ten years of debate.\n\nWork starts in June.';

  it('GIVEN a date line under the headline THEN it is the date and not a paragraph', () => {
    const article = parse(`Council backs bridge plan\n\nFriday, August 15, 2008\n\n${body}`);
    expect(article.published).toBe('2008-08-15');
    expect(article.paragraphs[0]!.text).toMatch(/^The council/);
  });

  it('GIVEN a short headline over a date line THEN the headline is the title (not a kicker over the date) and the date is the date', () => {
    const article = parse(`Bridge approved\n\nFriday, August 15, 2008\n\n${body}`);
    expect(article.title).toBe('Bridge approved');
    expect(article.kicker).toBeNull();
    expect(article.published).toBe('2008-08-15');
  });

  it('GIVEN an agency dateline opening the body THEN its date is the date and the paragraph is kept', () => {
    const article = parse(`Council backs bridge plan\n\nWESTBY, May 4, 2009 (AP) — ${body}`);
    expect(article.published).toBe('2009-05-04');
    expect(article.paragraphs[0]!.text).toMatch(/^WESTBY, May 4, 2009 \(AP\) — The council/);
  });

  it('GIVEN front matter and a date line THEN the front matter wins, in ISO form', () => {
    const article = parse(
      `---\npublished: Tue, 12 Mar 2021 10:42:00 GMT\n---\nCouncil backs bridge plan\n\nFriday, August 15, 2008\n\n${body}`,
    );
    expect(article.published).toBe('2021-03-12T10:42:00Z');
  });

  it('GIVEN no date anywhere THEN published stays null', () => {
    expect(parse(`Council backs bridge plan\n\n${body}`).published).toBeNull();
  });
});
