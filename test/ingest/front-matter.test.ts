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
        'author: Somebody',
        '---',
        'Body.',
      ].join('\n'),
    );
    expect(result).toEqual({
      frontMatter: {
        title: 'A: title with a colon',
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
      frontMatter: { title: null, source: null, url: null, published: null, tags: [] },
      body: text,
    });
  });

  it.each([
    ['no closing fence', ['---', 'title: T', 'Body.']],
    ['a line that is not key: value', ['---', 'title: T', 'just some words', '---', 'Body.']],
    ['an unclosed tag list', ['---', 'tags: [a, b', '---', 'Body.']],
  ])('GIVEN %s THEN the front matter is malformed with a reason', (_name, lines) => {
    expect(splitFrontMatter(lines.join('\n'))).toEqual({ reason: expect.stringMatching(/^malformed front matter: /) });
  });
});
