import { describe, expect, it } from 'vitest';
import { orderOldestFirst } from '../../src/feeds/order-items.ts';
import type { FeedItem } from '../../src/feeds/parse-feed.ts';

const at = (id: string, published: string | null): FeedItem => ({ id, link: `https://x.example/${id}`, title: id, published });

describe('orderOldestFirst', () => {
  it.each<[string, FeedItem[], string[]]>([
    [
      'every item dated, out of order',
      [at('b', '2026-12-01T09:00:00Z'), at('c', '2026-12-01T10:00:00Z'), at('a', '2026-12-01T08:00:00Z')],
      ['a', 'b', 'c'],
    ],
    ['no dates (newest first in the document)', [at('c', null), at('b', null), at('a', null)], ['a', 'b', 'c']],
    ['one item undated', [at('c', '2026-12-01T10:00:00Z'), at('b', null), at('a', '2026-12-01T11:00:00Z')], ['a', 'b', 'c']],
    ['the same date twice', [at('b', '2026-12-01T09:00:00Z'), at('a', '2026-12-01T09:00:00Z')], ['a', 'b']],
  ])('GIVEN %s THEN the items come oldest first', (_name, items, order) => {
    expect(orderOldestFirst(items).map((i) => i.id)).toEqual(order);
  });
});
