import { describe, expect, it } from 'vitest';
import { describeTime, roundup } from '../../src/answers/roundup.ts';
import { uniqueCitations } from '../../src/answers/article-ref.ts';
import { summarize } from '../../src/answers/summarize.ts';
import type { RoundupAnswer } from '../../src/model/answer.ts';
import type { Article } from '../../src/model/article.ts';
import { isUserError } from '../../src/model/user-error.ts';
import { renderAnswer } from '../../src/render/discord/render-answer.ts';
import { renderAnswerText } from '../../src/render/terminal.ts';
import { fixtureArticles } from '../support/article-from-paragraphs.ts';
import { corpusOf } from '../support/corpus.ts';
import { payloadViolations } from '../render/discord/payload-limits.ts';
import { HOSTILE } from '../render/discord/sample-answers.ts';

/** The real fixture articles, each added an hour after the one before (the first at 06:00), the bundled one placed by hand (no `added`). */
function addedArticles(copies = 1): Article[] {
  const out: Article[] = [];
  for (let copy = 0; copy < copies; copy++) {
    for (const [i, article] of fixtureArticles().entries()) {
      const id = copy === 0 ? article.id : `${article.id}-${copy}`;
      const added = i === 0 ? null : new Date(Date.UTC(2026, 11, 1, 6 + i, copy)).toISOString();
      out.push({ ...article, id, added });
    }
  }
  return out;
}

const corpus = corpusOf(addedArticles());
const ids = corpus.articles.map((a) => a.article.id);
const SINCE = '2026-12-01T06:00:00.000Z';

describe('roundup', () => {
  it('GIVEN the articles added since the last digest THEN each comes newest first with two points from its summary, each cited to a paragraph that says it', () => {
    const answer = roundup(corpus, { articleIds: ids, since: SINCE });
    if (isUserError(answer)) throw new Error(answer.error.message);
    expect(answer.articles.map((a) => a.article.id)).toEqual([
      'wikinews-20160714-UN',
      'wikinews-20160706-telescope',
      'wikinews-20070306-drain',
      'wikinews-20070223-train',
      'putin-belarus-transition',
    ]);
    for (const item of answer.articles) {
      const summary = summarize(corpus, { article: item.article.id, length: 2 });
      if (isUserError(summary)) throw new Error(summary.error.message);
      expect(item.points).toEqual(summary.points);
      expect(item.points).toHaveLength(2);
      for (const point of item.points) {
        const paragraph = corpus.byId.get(point.article)!.article.paragraphs.find((p) => p.n === point.paragraph)!;
        expect(paragraph.text).toContain(point.text.slice(0, 40));
      }
    }
    expect(answer.articles[0]!.added).toBe('2026-12-01T10:00:00.000Z');
    expect(answer.articles.at(-1)!.added).toBeNull();
    expect(answer.moreArticles).toBe(0);
    expect(answer.citations).toEqual(uniqueCitations(answer.articles.flatMap((a) => a.points)));
  });

  it.each([
    [2, 2, 3],
    [10, 5, 0],
  ])('GIVEN a cap of %i articles THEN %i are shown and %i counted as more', (maxArticles, shown, more) => {
    const answer = roundup(corpus, { articleIds: ids, since: SINCE, maxArticles }) as RoundupAnswer;
    expect(answer.articles).toHaveLength(shown);
    expect(answer.moreArticles).toBe(more);
  });

  it.each<[string, string[], string | null, string]>([
    ['no articles', [], SINCE, 'Nothing new since 1 December 2026, 06:00 UTC.'],
    ['only ids the server cannot see', ['someone-elses-article'], SINCE, 'Nothing new since 1 December 2026, 06:00 UTC.'],
    ['no articles and no last digest', [], null, 'No articles have been added yet.'],
  ])('GIVEN %s THEN the answer is a user error saying nothing is new', (_label, articleIds, since, message) => {
    const answer = roundup(corpus, { articleIds, since });
    expect(answer).toEqual({ error: { code: 'not-found', message } });
  });

  it('GIVEN three points asked per article THEN each article has three', () => {
    const answer = roundup(corpus, { articleIds: ['wikinews-20070223-train'], since: null, pointsPerArticle: 3 }) as RoundupAnswer;
    expect(answer.articles[0]!.points).toHaveLength(3);
  });

  it('GIVEN a time THEN it is described in words, in UTC', () => {
    expect(describeTime('2026-12-01T18:05:00+01:00')).toBe('1 December 2026, 17:05 UTC');
  });
});

describe('the round-up rendered', () => {
  it('GIVEN twelve real articles added THEN Discord gets one message within its limits: a headline line, ten embeds with cited points, and the rest counted', () => {
    const big = corpusOf(addedArticles(3));
    const answer = roundup(big, { articleIds: big.articles.map((a) => a.article.id), since: SINCE, pointsPerArticle: 3 }) as RoundupAnswer;
    const { payload } = renderAnswer(answer);
    expect(payloadViolations(payload)).toEqual([]);
    expect(payload.embeds).toHaveLength(10);
    expect(payload.content).toBe(
      `**Round-up**: 15 new articles since <t:${Date.parse(SINCE) / 1000}:f>\n…and 5 more; /article list shows them all.`,
    );
    for (const embed of payload.embeds) expect(embed.description).toMatch(/^• .+ \(¶ \d+\)$/m);
  });

  it('GIVEN hostile, very long text in every field THEN the message stays within Discord limits and nothing pings or renders as markdown', () => {
    const long = `${HOSTILE} ${'word '.repeat(400)}`;
    const answer: RoundupAnswer = {
      command: 'roundup',
      since: SINCE,
      moreArticles: 7,
      citations: [],
      articles: Array.from({ length: 12 }, (_, i) => ({
        article: { id: `a${i}`, title: long, source: long, url: 'javascript:alert(1)', published: long },
        added: null,
        points: [1, 2, 3].map((n) => ({ article: `a${i}`, paragraph: n, text: long })),
      })),
    };
    const { payload } = renderAnswer(answer);
    expect(payloadViolations(payload)).toEqual([]);
    expect(payload.embeds).toHaveLength(10);
    expect(payload.embeds.every((e) => e.url === undefined)).toBe(true);
    expect(payload.content).toContain('…and 9 more');
    // Footers are plain text in Discord (no markdown, no mentions); everything else is escaped.
    const text = [payload.content, ...payload.embeds.flatMap((e) => [e.title, e.description])].join('\n');
    for (const embed of payload.embeds)
      expect(embed.description!.split('\n').map((line) => line.slice(-7))).toEqual(['… (¶ 1)', '… (¶ 2)', '… (¶ 3)']);
    expect(text).not.toMatch(/(^|[^\\])\*\*bold/);
    expect(text).not.toContain('<@123456789012345678>');
    expect(text).not.toMatch(/@everyone/);
  });

  it('GIVEN a round-up of a dated article THEN the Discord footer and the terminal show its date as a reader reads it', () => {
    const answer: RoundupAnswer = {
      command: 'roundup',
      since: SINCE,
      moreArticles: 0,
      citations: [{ article: 'bridge', paragraph: 1 }],
      articles: [
        {
          article: { id: 'bridge', title: 'Council backs bridge plan', source: 'Westby Gazette', url: null, published: '2009-05-04' },
          added: null,
          points: [{ article: 'bridge', paragraph: 1, text: 'The council backed the bridge plan on Monday.' }],
        },
      ],
    };
    expect(renderAnswer(answer).payload.embeds[0]!.footer!.text).toBe('Westby Gazette · 4 May 2009');
    expect(renderAnswerText(answer)).toContain('Council backs bridge plan\nWestby Gazette · 4 May 2009');
  });

  it('GIVEN a round-up THEN the terminal shows each headline and its cited points', () => {
    const answer = roundup(corpus, { articleIds: ['wikinews-20070223-train', 'wikinews-20070306-drain'], since: SINCE }) as RoundupAnswer;
    const text = renderAnswerText(answer);
    expect(text.split('\n')[0]).toBe(`Round-up: 2 new articles since ${SINCE}`);
    expect(text).toContain(answer.articles[0]!.article.title);
    expect(text.match(/\(¶\u00a0\d+\)/g)).toHaveLength(4);
  });
});
