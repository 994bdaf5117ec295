import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isUserError } from '../../src/model/user-error.ts';
import { fileWatchStore } from '../../src/store/file-watch-store.ts';
import { openWatchBook, type WatchBook, type WatchRequest } from '../../src/watch/watch-book.ts';
import { WATCH_LIMITS } from '../../src/store/watch-record.ts';
import { articleFromParagraphs } from '../support/article-from-paragraphs.ts';
import { corpusOf } from '../support/corpus.ts';

const G1 = '111111111111111111';
const G2 = '222222222222222222';
const CHANNEL = '333333333333333333';
const MEMBER = '444444444444444444';

// Made-up news written for these tests.
const corpus = corpusOf([
  articleFromParagraphs('summit', ['Sergei Lavrov, the Russian Foreign Minister, arrived late.', '"We are ready," Lavrov said.'], {
    title: 'Ministers meet',
  }),
]);

let dir: string;
let book: WatchBook;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'pilcrow-watch-'));
  book = openWatchBook({ store: fileWatchStore(dir), clock: () => Date.parse('2026-12-07T10:00:00Z') });
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const request = (extra: Partial<WatchRequest>): WatchRequest => ({ channelId: CHANNEL, userId: MEMBER, ...extra });

describe('the watch book', () => {
  it("GIVEN a feed's filter THEN removing it (the feed removed) forgets it for good and keeps the watches", async () => {
    await book.add(G1, request({ person: 'Okonkwo' }), corpus);
    expect(await book.setFeedFilter(G1, 'feed-1', 'topic:harbour strikes', corpus)).toMatchObject({ kind: 'topic' });
    await book.setFeedFilter(G1, 'feed-2', 'topic:ferries', corpus);
    expect(await book.removeFeedFilter(G1, 'feed-1')).toMatchObject({ feedId: 'feed-1' });
    expect(await book.removeFeedFilter(G1, 'feed-1')).toBeNull();
    const again = openWatchBook({ store: fileWatchStore(dir) });
    expect((await again.feedFilters(G1)).map((f) => f.feedId)).toEqual(['feed-2']);
    expect(await again.list(G1)).toHaveLength(1);
  });

  it('GIVEN a surname THEN the watch keeps the full name the articles use, and a restarted book reads it back', async () => {
    const added = await book.add(G1, request({ person: 'lavrov', quotedOnly: true }), corpus);
    expect(added).toMatchObject({ kind: 'person', value: 'Sergei Lavrov', quotedOnly: true, channelId: CHANNEL, paused: null });
    const again = openWatchBook({ store: fileWatchStore(dir) });
    expect(await again.list(G1)).toEqual([added]);
  });

  it('GIVEN watches of one server THEN another server sees none of them and cannot remove them', async () => {
    const added = await book.add(G1, request({ topic: 'harbour strikes' }), corpus);
    if (isUserError(added)) throw new Error(added.error.message);
    expect(await book.list(G2)).toEqual([]);
    expect(isUserError(await book.remove(G2, added.id, { userId: MEMBER, manager: true }))).toBe(true);
    expect(await book.list(G1)).toHaveLength(1);
  });

  it.each<[string, Partial<WatchRequest>, RegExp]>([
    ['nothing to watch', {}, /person: or topic:/],
    ['both a person and a topic', { person: 'Lavrov', topic: 'talks' }, /not both/],
    ['quoted-only on a topic', { topic: 'talks', quotedOnly: true }, /for a person/],
    ['channel and dm', { person: 'Lavrov', dm: true }, /not both/],
    ['no destination', { person: 'Lavrov', channelId: null }, /where alerts go/i],
    ['only symbols', { topic: '!!! ???' }, /in words/],
    ['a mention', { topic: '@everyone news' }, /mentions/],
    ['a channel mention', { person: '<#123456789012345678>' }, /mentions|in words/],
    ['a link', { topic: 'https://evil.example/x' }, /not a link/],
    ['markdown', { person: '**Lavrov**' }, /markdown/],
    ['a sentence', { topic: 'one two three four five six seven eight nine ten eleven twelve thirteen' }, /sentence/],
    ['too long', { person: 'x'.repeat(300) }, /too long/],
    ['control characters only', { topic: '\u0000\u0007\u202e' }, /in words/],
  ])('GIVEN %s THEN a clear refusal', async (_label, extra, message) => {
    const added = await book.add(G1, request(extra), corpus);
    expect(isUserError(added) && added.error.message).toMatch(message);
    expect(await book.list(G1)).toEqual([]);
  });

  it('GIVEN the same watch twice THEN the second is refused', async () => {
    await book.add(G1, request({ topic: 'harbour strikes' }), corpus);
    const second = await book.add(G1, request({ topic: 'Harbour strikes' }), corpus);
    expect(isUserError(second) && second.error.message).toMatch(/exists already/);
  });

  it('GIVEN a full server THEN one more is refused', async () => {
    for (let i = 0; i < WATCH_LIMITS.perServer; i++) await book.add(G1, request({ topic: `topic number ${i}` }), corpus);
    const more = await book.add(G1, request({ topic: 'one more' }), corpus);
    expect(isUserError(more) && more.error.message).toMatch(/the most it may have/);
  });

  it("GIVEN a member's direct-message watch THEN only they (or a manager) may remove it", async () => {
    const added = await book.add(G1, request({ person: 'Lavrov', channelId: null, dm: true }), corpus);
    if (isUserError(added)) throw new Error(added.error.message);
    expect(added.channelId).toBeNull();
    expect(isUserError(await book.remove(G1, added.id, { userId: '555555555555555555', manager: false }))).toBe(true);
    expect(await book.remove(G1, added.id, { userId: MEMBER, manager: false })).toEqual(added);
  });

  it('GIVEN a paused watch THEN the pause and its reason are stored', async () => {
    const added = await book.add(G1, request({ person: 'Lavrov', channelId: null, dm: true }), corpus);
    if (isUserError(added)) throw new Error(added.error.message);
    await book.pause(G1, added.id, 'direct messages are closed');
    expect((await openWatchBook({ store: fileWatchStore(dir) }).list(G1))[0]?.paused).toBe('direct messages are closed');
  });
});
