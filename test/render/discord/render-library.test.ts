import { describe, expect, it } from 'vitest';
import {
  renderArticleAdded,
  renderArticleList,
  renderFeedList,
  renderFeedStatus,
  renderIdChoices,
  renderRemoveQuestion,
  type ListedArticle,
  type ListedFeed,
} from '../../../src/render/discord/render-library.ts';
import { payloadViolations } from './payload-limits.ts';

const long = (n: number, word = 'verylongword') => Array.from({ length: n }, () => word).join(' ');

function feed(i: number, over: Partial<ListedFeed> = {}): ListedFeed {
  return {
    id: `feed-${i}`,
    url: `https://news${i}.example/${'path/'.repeat(50)}feed.xml`,
    title: `Feed ${i} ${long(30)}`,
    channelId: '123456789012345678',
    intervalMinutes: 15,
    lastCheckedAt: '2026-12-01T10:00:00Z',
    nextCheckAt: '2026-12-01T10:15:00Z',
    lastOutcome: 'http-error',
    lastMessage: `news${i}.example answered 500 Internal Server Error ${long(200)}`,
    itemsSeen: 100,
    articlesAdded: 90,
    consecutiveFailures: 3,
    ...over,
  };
}

function article(i: number): ListedArticle {
  return {
    id: `story-${i}-${'x'.repeat(60)}`,
    title: `Story ${i} *bold* @everyone <@123> ${long(40)}`,
    url: `https://news.example/${'a'.repeat(500)}/${i}`,
    added: new Date(Date.UTC(2026, 11, 1) - i * 60_000).toISOString(),
    paragraphs: i,
  };
}

describe('the news renderers', () => {
  it.each([1, 5, 24, 25, 60])(
    'GIVEN %i feeds with long titles and messages THEN /feed status and /feed list stay within Discord limits',
    (count) => {
      const feeds = Array.from({ length: count }, (_, i) => feed(i));
      expect(payloadViolations(renderFeedStatus(feeds))).toEqual([]);
      expect(payloadViolations(renderFeedList(feeds))).toEqual([]);
    },
  );

  it('GIVEN a feed that failed THEN its status says when it was checked, what happened and how often', () => {
    const field = renderFeedStatus([feed(1, { lastMessage: 'news1.example answered 500 Internal Server Error' })]).embeds[0]!.fields![0]!;
    expect(field.value).toBe(
      'Last checked <t:1796119200:R>: the site answered with an error: news1.example answered 500 Internal Server Error (3 failures in a row)\n' +
        'Next check <t:1796120100:R> · 100 items seen · 90 articles added · posts in <#123456789012345678>',
    );
  });

  it('GIVEN a feed never checked THEN its status says so', () => {
    const field = renderFeedStatus([feed(1, { lastCheckedAt: null, lastOutcome: null, lastMessage: null, consecutiveFailures: 0 })])
      .embeds[0]!.fields![0]!;
    expect(field.value).toMatch(/^Last checked never: not checked yet\n/);
  });

  it.each([0, 1, 10, 11, 35])('GIVEN %i articles THEN every page of /article list stays within limits, mentions inert', (count) => {
    const entries = Array.from({ length: count }, (_, i) => article(i));
    for (const page of [1, 2, 3, 4, 999, -5]) {
      const payload = renderArticleList(entries, page);
      expect(payloadViolations(payload)).toEqual([]);
      expect(JSON.stringify(payload)).not.toMatch(/@everyone|<@123>/);
    }
  });

  it('GIVEN more feeds or longer links than a page holds THEN whole entries are shown, never one cut in the middle', () => {
    expect(renderFeedList(Array.from({ length: 60 }, (_, i) => feed(i))).embeds[0]!.description).toMatch(/`\n\n…and \d+ more\.$/);
    const entries = Array.from({ length: 10 }, (_, i) => ({ ...article(i), url: `https://news.example/${'a'.repeat(250)}/${i}` }));
    const description = renderArticleList(entries, 1).embeds[0]!.description!;
    expect(description.match(/`story-/g)).toHaveLength(10);
    expect(description.length).toBeLessThanOrEqual(4096);
  });

  it('GIVEN 25 articles THEN page 3 shows the last five and the footer says where it is', () => {
    const payload = renderArticleList(
      Array.from({ length: 25 }, (_, i) => article(i)),
      3,
    );
    expect(payload.embeds[0]!.description!.match(/`story-/g)).toHaveLength(5);
    expect(payload.embeds[0]!.footer!.text).toBe('25 articles, newest first · page 3 of 3');
  });

  it('GIVEN an added article and a removal question THEN both stay within limits with hostile titles', () => {
    const added = { id: 'a'.repeat(200), title: long(300), paragraphs: 1, existed: false };
    expect(payloadViolations(renderArticleAdded(added, true))).toEqual([]);
    expect(renderArticleAdded({ ...added, title: 'T' }, false).content).toMatch(/\(1 paragraph\).*in a moment/);
    expect(payloadViolations(renderRemoveQuestion(article(1), 'rm:x', 'rm-cancel'))).toEqual([]);
  });
});

describe('renderIdChoices', () => {
  const choice = (i: number, name = `Story ${i}`, value = `id-${i}`) => ({ name, value });
  it.each([
    { given: 'no choices', choices: [], want: [] },
    { given: 'a short list', choices: [choice(1), choice(2)], want: [choice(1), choice(2)] },
    { given: 'a name over 100 characters', choices: [choice(1, 'n'.repeat(150))], want: [choice(1, 'n'.repeat(100))] },
    { given: 'an id over 100 characters', choices: [choice(1, 'A', 'x'.repeat(101)), choice(2)], want: [choice(2)] },
    {
      given: '30 choices',
      choices: Array.from({ length: 30 }, (_, i) => choice(i)),
      want: Array.from({ length: 25 }, (_, i) => choice(i)),
    },
  ])('GIVEN $given THEN Discord gets at most 25, names cut, too long ids left out', ({ choices, want }) => {
    expect(renderIdChoices(choices)).toEqual(want);
  });
});
