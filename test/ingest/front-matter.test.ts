import { describe, expect, it } from 'vitest';
import { splitFrontMatter } from '../../src/ingest/front-matter.ts';

describe('splitFrontMatter', () => {
  it.each([
    { name: 'tags in brackets', lines: ['tags: [a, b]'], tags: ['a', 'b'] },
    { name: 'tags as a comma list', lines: ['tags: a, b'], tags: ['a', 'b'] },
    { name: 'tags as a YAML list', lines: ['tags:', '  - a', '  - b'], tags: ['a', 'b'] },
    { name: 'quoted tags', lines: ['tags: ["a b", \'c\']'], tags: ['a b', 'c'] },
    { name: 'no tags', lines: ['title: T'], tags: [] },
  ])('GIVEN $name THEN the tags are read', ({ lines, tags }) => {
    const result = splitFrontMatter(['---', ...lines, '---', 'Body.'].join('\n'));
    expect(result).toMatchObject({ frontMatter: { tags }, body: 'Body.' });
  });

  it('GIVEN every known field, an unknown one and a comment THEN known fields are read and the rest ignored', () => {
    const result = splitFrontMatter(
      [
        '---',
        '# a comment',
        'title: "A: title with a colon"',
        "source: 'Example'",
        'url: https://example.com/x?a=1',
        'published: 2020-09-03',
        'layout: post',
        '---',
        'Body.',
      ].join('\n'),
    );
    expect(result).toEqual({
      frontMatter: {
        title: 'A: title with a colon',
        byline: null,
        source: 'Example',
        url: 'https://example.com/x?a=1',
        published: '2020-09-03',
        tags: [],
      },
      body: 'Body.',
    });
  });

  it('GIVEN text without a leading fence THEN it has no front matter and is returned whole', () => {
    const text = 'Title\n---\nBody.';
    expect(splitFrontMatter(text)).toEqual({
      frontMatter: { title: null, byline: null, source: null, url: null, published: null, tags: [] },
      body: text,
    });
  });

  it.each([
    ['no closing fence', ['---', 'title: T', 'Body.']],
    ['a line that is not key: value', ['---', 'title: T', 'just some words', '---', 'Body.']],
    ['an unclosed tag list', ['---', 'tags: [a, b', '---', 'Body.']],
    ['an unclosed quote', ['---', 'title: "City council', '---', 'Body.']],
    ['a key given twice', ['---', 'title: A', 'title: B', '---', 'Body.']],
    ['tab indentation', ['---', 'author:', '\tname: Jane', '---', 'Body.']],
    ['a list instead of keys', ['---', '- a', '- b', '---', 'Body.']],
    ['a title that is a list', ['---', 'title: [a, b]', '---', 'Body.']],
    ['an author that is a list of lists', ['---', 'author: [[Jane, Doe]]', '---', 'Body.']],
    [
      'aliases that expand without bound',
      [
        '---',
        'a: &a [x, x, x, x, x, x, x, x]',
        'b: &b [*a, *a, *a, *a, *a, *a, *a, *a]',
        'c: [*b, *b, *b, *b, *b, *b, *b, *b]',
        '---',
        'Body.',
      ],
    ],
  ])('GIVEN %s THEN the front matter is malformed with a reason', (_name, lines) => {
    expect(splitFrontMatter(lines.join('\n'))).toEqual({ reason: expect.stringMatching(/^malformed front matter: /) });
  });
});

describe('splitFrontMatter on real YAML', () => {
  it.each([
    {
      name: 'a folded title and nested author and source keys',
      lines: [
        'title: >-',
        '  City council approves',
        '  new budget after long debate',
        'author:',
        '  name: Jane Doe',
        '  email: jane@example.com',
        'source:',
        '  name: Example Gazette',
        '  id: 42',
      ],
      expected: { title: 'City council approves new budget after long debate', byline: 'Jane Doe', source: 'Example Gazette' },
    },
    {
      name: 'a literal block title',
      lines: ['title: |', '  Storm closes', '  coastal road'],
      expected: { title: 'Storm closes coastal road' },
    },
    {
      name: 'unknown nested keys (SEO, images, a Hugo-style params block)',
      lines: [
        'title: Harbour plan approved',
        'seo:',
        '  description: A plan',
        '  image:',
        '    url: /a.jpg',
        '    alt: "Harbour"',
        'params:',
        '  draft: false',
      ],
      expected: { title: 'Harbour plan approved', tags: [] },
    },
    {
      name: 'a list of authors and a date key',
      lines: ['authors:', '  - Jane Doe', '  - name: John Roe', '  - Ann Poe', 'date: 2024-03-12T08:15:00Z'],
      expected: { byline: 'Jane Doe, John Roe and Ann Poe', published: '2024-03-12T08:15:00Z' },
    },
    {
      name: 'a number as title and a bare date',
      lines: ['title: 1984', 'published: 2024-03-12'],
      expected: { title: '1984', published: '2024-03-12' },
    },
    {
      name: 'tags in flow style with quotes and a comment after them',
      lines: ['tags: ["city council", budget] # the desk adds these'],
      expected: { tags: ['city council', 'budget'] },
    },
    {
      name: 'a document that is only comments',
      lines: ['# nothing here yet'],
      expected: { title: null, tags: [] },
    },
  ])('GIVEN $name THEN the known keys are read', ({ lines, expected }) => {
    const result = splitFrontMatter(['---', ...lines, '---', 'Body.'].join('\n'));
    expect(result).toMatchObject({ frontMatter: expected, body: 'Body.' });
  });

  it('GIVEN invalid YAML THEN the reason names the line of the file', () => {
    expect(splitFrontMatter(['---', 'title: T', 'just some words', '---', 'Body.'].join('\n'))).toEqual({
      reason: expect.stringMatching(/^malformed front matter: line 3: /),
    });
  });
});
