import { describe, expect, it } from 'vitest';
import { parseArticle } from '../../src/ingest/parse-article.ts';

function parse(text: string) {
  const result = parseArticle(text, 'sample.txt');
  if ('reason' in result) throw new Error(result.reason);
  return result;
}

const BODY = ['The council met on Tuesday and approved the plan.', 'Work starts next year, officials said.'];
const withTail = (...tail: string[]) => parse([...BODY, ...tail].join('\n\n'));

describe('site boilerplate after the body', () => {
  it.each([
    { name: 'a trust/credit line', tail: ['According to the criteria of The Trust Project'], tags: [], related: [] },
    { name: 'a copyright line', tail: ['© 2020 Example Media. All rights reserved.'], tags: [], related: [] },
    { name: 'share and subscribe lines', tail: ['Share this article', 'Subscribe to our newsletter'], tags: [], related: [] },
    {
      name: 'a "Know more" tag list',
      tail: ['Know more', '• Harbours', '• City council'],
      tags: ['Harbours', 'City council'],
      related: [],
    },
    { name: 'a "Tags" list without bullets', tail: ['Tags', 'Harbours', 'City council'], tags: ['Harbours', 'City council'], related: [] },
    {
      name: 'an inline tag list',
      tail: ['Topics: harbours, city council, budget'],
      tags: ['harbours', 'city council', 'budget'],
      related: [],
    },
    {
      name: 'related headline lines after the tags',
      tail: ['Know more', '• Harbours', 'Fishermen protest against new harbour fees', 'Mayor defends budget in tense council session'],
      tags: ['Harbours'],
      related: ['Fishermen protest against new harbour fees', 'Mayor defends budget in tense council session'],
    },
    {
      name: 'a "See links of interest" navigation list',
      tail: ['See links of interest', '• News', '• Weather', '• Horoscope', '• Topics'],
      tags: [],
      related: [],
    },
    {
      name: 'a "Related stories" bullet list',
      tail: ['Related stories', '• Fishermen protest against new harbour fees'],
      tags: [],
      related: ['Fishermen protest against new harbour fees'],
    },
    {
      name: 'a "Read more:" line',
      tail: ['Read more: Fishermen protest against new harbour fees'],
      tags: [],
      related: ['Fishermen protest against new harbour fees'],
    },
  ])('GIVEN $name THEN the body is untouched and tags/related are collected', ({ tail, tags, related }) => {
    const article = withTail(...tail);
    expect(article.paragraphs.map((p) => p.text)).toEqual(BODY);
    expect(article.headings).toEqual([]);
    expect(article.tags).toEqual(tags);
    expect(article.related).toEqual(related);
  });

  it('GIVEN "Advertisement" and a related link in the middle of the body THEN they are removed and the paragraphs around them kept', () => {
    const article = parse([BODY[0], 'Advertisement', 'Read more: Fishermen protest against new harbour fees', BODY[1]].join('\n\n'));
    expect(article.paragraphs.map((p) => p.text)).toEqual(BODY);
    expect(article.related).toEqual(['Fishermen protest against new harbour fees']);
  });

  it('GIVEN a last paragraph ending in a closing quote THEN it stays in the body', () => {
    const last = "The mayor called it 'a fresh start'";
    expect(withTail(last).paragraphs.map((p) => p.text)).toEqual([...BODY, last]);
  });
});

describe('lines that only look like lists', () => {
  it.each(['Topics: the talks covered trade, security and energy.', 'Read more: the full report is available online.'])(
    'GIVEN the sentence %s THEN it stays a body paragraph',
    (sentence) => {
      const article = withTail(sentence, 'The meeting ended late.');
      expect(article.paragraphs.map((p) => p.text)).toEqual([...BODY, sentence, 'The meeting ended late.']);
      expect(article.tags).toEqual([]);
      expect(article.related).toEqual([]);
    },
  );
});
