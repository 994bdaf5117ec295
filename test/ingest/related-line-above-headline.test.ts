import { describe, expect, it } from 'vitest';
import { parseArticle } from '../../src/ingest/parse-article.ts';
import type { Article } from '../../src/model/article.ts';

function parse(text: string): Article {
  const result = parseArticle(text, 'scraped.txt');
  if ('reason' in result) throw new Error(result.reason);
  return result;
}

const body =
  'By Jane Doe\n\n12 March 2024\n\nRiverton city council approved the budget on Tuesday night after a debate of more than six hours.\n\nThe vote was seven to two, with both votes against coming from the opposition bench.';

describe('a related-coverage line directly above the headline (one line break, as pasted from a page)', () => {
  it.each([
    'Related: Mayor announces bid for a second term',
    'Read more | Mayor announces bid for a second term',
    'See also ► Mayor announces bid for a second term',
    'RELATED STORY: Mayor announces bid for a second term',
  ])('GIVEN "%s" on the line above THEN it is a related headline and the headline is the story own', (line) => {
    const article = parse(`${line}\nCity council approves new budget after six-hour debate\n\n${body}`);
    expect(article.title).toBe('City council approves new budget after six-hour debate');
    expect(article.related).toEqual(['Mayor announces bid for a second term']);
    expect(article.paragraphs).toHaveLength(2);
  });

  it('GIVEN a hard-wrapped paragraph starting with a label THEN its lines are still joined', () => {
    const article = parse(
      `City council approves new budget\n\nTopics: the talks covered trade, security and the new\nbus routes, which the mayor promised last year.\n\n${body}`,
    );
    expect(article.paragraphs[0]?.text).toBe(
      'Topics: the talks covered trade, security and the new bus routes, which the mayor promised last year.',
    );
  });
});

describe('a teaser for other coverage, with its "Read more" link, above the headline', () => {
  it.each(['Read more', 'Read more »', 'Continue reading →', 'Full story'])(
    'GIVEN a teaser headline and "%s" above the story headline THEN the teaser is related coverage',
    (link) => {
      const article = parse(
        `Mayor announces bid for a second term\n${link}\n\nCity council approves new budget after six-hour debate\n\n${body}`,
      );
      expect(article.title).toBe('City council approves new budget after six-hour debate');
      expect(article.related).toEqual(['Mayor announces bid for a second term']);
      expect(article.paragraphs).toHaveLength(2);
    },
  );

  it('GIVEN a long teaser headline with "Read more" on the next line THEN the two are not joined as one wrapped line', () => {
    const teaser = 'Branch libraries across the county saved from closure after appeal';
    const article = parse(`${teaser}\nRead more\n\nCity council approves new budget after six-hour debate\n\n${body}`);
    expect(article.title).toBe('City council approves new budget after six-hour debate');
    expect(article.related).toEqual([teaser]);
  });

  it('GIVEN a headline and "Read more" with no other headline after THEN it stays the headline', () => {
    const article = parse(`City council approves new budget after six-hour debate\nRead more\n\n${body}`);
    expect(article.title).toBe('City council approves new budget after six-hour debate');
    expect(article.paragraphs).toHaveLength(2);
  });
});
