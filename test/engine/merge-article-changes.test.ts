import { describe, expect, it } from 'vitest';
import type { ArticleChanges } from '../../src/ingest/watch-articles.ts';
import { mergeArticleChanges } from '../../src/engine/merge-article-changes.ts';
import { articleFromParagraphs } from '../support/article-from-paragraphs.ts';

const v1 = articleFromParagraphs('budget', ['The council met.']);
const v2 = articleFromParagraphs('budget', ['The council met again.']);
const floods = articleFromParagraphs('floods', ['The river rose.']);
const none: ArticleChanges = { changed: [], removed: [], skipped: [] };
const broken = { file: 'budget.txt', reason: 'not UTF-8 text' };

describe('mergeArticleChanges', () => {
  it.each<[string, ArticleChanges, ArticleChanges, ArticleChanges]>([
    [
      'GIVEN two versions of an article THEN the later one is kept',
      { ...none, changed: [v1] },
      { ...none, changed: [v2] },
      { ...none, changed: [v2] },
    ],
    [
      'GIVEN changes to different articles THEN both are kept',
      { ...none, changed: [v1] },
      { ...none, changed: [floods] },
      { ...none, changed: [v1, floods] },
    ],
    [
      'GIVEN a change then a removal THEN the article is removed',
      { ...none, changed: [v1] },
      { ...none, removed: ['budget'] },
      { ...none, removed: ['budget'] },
    ],
    [
      'GIVEN a removal then a new version THEN the article is changed',
      { ...none, removed: ['budget'] },
      { ...none, changed: [v2] },
      { ...none, changed: [v2] },
    ],
    [
      'GIVEN a broken file that parses again THEN it is no longer skipped',
      { ...none, skipped: [broken] },
      { ...none, changed: [v2] },
      { ...none, changed: [v2] },
    ],
    [
      'GIVEN a file broken twice THEN it is reported once',
      { ...none, skipped: [broken] },
      { ...none, skipped: [broken] },
      { ...none, skipped: [broken] },
    ],
    [
      'GIVEN a good version then a broken edit THEN the good version is kept and the file reported',
      { ...none, changed: [v1] },
      { ...none, skipped: [broken] },
      { changed: [v1], removed: [], skipped: [broken] },
    ],
  ])('%s', (_name, first, then, expected) => {
    expect(mergeArticleChanges(first, then)).toEqual(expected);
  });
});
