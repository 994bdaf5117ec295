import { describe, expect, it } from 'vitest';
import { assignIds, toArticleId } from '../../src/ingest/article-id.ts';

describe('article ids', () => {
  it.each([
    ['data/putin-belarus-transition.txt', 'putin-belarus-transition'],
    ['wikinews-20160714-UN.txt', 'wikinews-20160714-un'],
    ['/x/My Article_2020 (final).md', 'my-article-2020-final'],
    ['Café Crème.md', 'cafe-creme'],
    ['camelCaseName.txt', 'camel-case-name'],
    ['___.txt', 'article'],
  ])('GIVEN %s THEN the id is %s', (file, id) => {
    expect(toArticleId(file)).toBe(id);
  });

  it('GIVEN files whose names give the same id THEN later ones get numbered suffixes and all ids are unique', () => {
    const ids = assignIds(['a-2.txt', 'a.md', 'a.txt', 'A.txt']);
    expect([...ids.values()]).toEqual(['a-2', 'a', 'a-3', 'a-4']);
  });
});
