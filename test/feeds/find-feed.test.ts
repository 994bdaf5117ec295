import { describe, expect, it } from 'vitest';
import { findFeed } from '../../src/feeds/feed-id.ts';

/** Two feeds a server follows (made up): one with a title, one without. */
const FEEDS = [
  { id: '1a2b3c4d', url: 'https://harbour-gazette.example/rss.xml', title: 'The Harbour Gazette' },
  { id: '5e6f7a8b', url: 'https://valley.example/feed?lang=en', title: null },
];

describe('findFeed', () => {
  it.each([
    ['its id', '1a2b3c4d', '1a2b3c4d'],
    ['its id in capitals, with spaces', '  1A2B3C4D ', '1a2b3c4d'],
    ['its address', 'https://valley.example/feed?lang=en', '5e6f7a8b'],
    ['its address with a capitalised host and default port', 'HTTPS://Valley.Example:443/feed?lang=en', '5e6f7a8b'],
    ['its title, case aside', 'the harbour gazette', '1a2b3c4d'],
  ])('GIVEN %s THEN that feed', (_what, wanted, id) => {
    expect(findFeed(FEEDS, wanted)?.id).toBe(id);
  });

  it.each([
    ['nothing', ''],
    ['blanks', '   '],
    ['another feed', 'https://elsewhere.example/rss'],
    ['part of a title', 'harbour'],
  ])('GIVEN %s THEN no feed (an untitled one is not matched by an empty title)', (_what, wanted) => {
    expect(findFeed(FEEDS, wanted)).toBeUndefined();
  });
});
