import type { QuoteAnswer, RelatedAnswer, SummaryAnswer, WhoAnswer, ArticleRef } from '../../../src/model/answer.ts';

/** A small article reference for hand-built answers. */
export const REF: ArticleRef = {
  id: 'putin-belarus-transition',
  title: 'Putin meets Lukashenko as Belarus prepares a transition',
  source: 'Example News',
  url: 'https://news.example.org/putin-belarus',
  published: '2024-05-24',
};

/** Hostile text: markdown, mentions, a code fence, long words. */
export const HOSTILE =
  '@everyone **bold** <@123456789012345678> `code` ```fence``` [link](https://evil.example) __u__ ~~s~~ ||spoiler|| # heading\n> quote @here ';

/** A summary with `count` points of `size` characters each. */
export function summaryOf(count: number, text: (i: number) => string = (i) => `Point number ${i + 1} says something.`): SummaryAnswer {
  const points = Array.from({ length: count }, (_, i) => ({ article: REF.id, paragraph: i + 1, text: text(i) }));
  return { command: 'summary', article: REF, points, citations: points.map(({ article, paragraph }) => ({ article, paragraph })) };
}

/** A quote answer with `count` quotes. */
export function quotesOf(count: number, text: (i: number) => string = (i) => `We will act on proposal ${i + 1}`): QuoteAnswer {
  const quotes = Array.from({ length: count }, (_, i) => ({
    article: REF.id,
    paragraph: 3 + i,
    text: text(i),
    speaker: i % 3 === 2 ? null : 'Sergei Lavrov',
    role: i % 2 === 0 ? 'Foreign Minister' : null,
  }));
  return {
    command: 'quote',
    speaker: 'Sergei Lavrov',
    about: null,
    quotes,
    citations: quotes.map(({ article, paragraph }) => ({ article, paragraph })),
  };
}

/** A profile with lists of the given sizes. */
export function whoOf(size: { roles: number; aliases: number; mentions: number; quotes: number }, text = 'word'): WhoAnswer {
  const quotes = [...quotesOf(size.quotes, (i) => `${text} ${i}`).quotes];
  const mentions = Array.from({ length: size.mentions }, (_, i) => ({ article: REF.id, paragraph: i + 1 }));
  return {
    command: 'who',
    name: 'Sergei Lavrov',
    kind: 'person',
    article: REF,
    roles: Array.from({ length: size.roles }, (_, i) => `${text} role ${i}`),
    aliases: Array.from({ length: size.aliases }, (_, i) => `${text} alias ${i}`),
    mentions,
    quotes,
    articles: [{ article: REF, roles: Array.from({ length: size.roles }, (_, i) => `${text} role ${i}`), mentions }],
    moreArticles: 0,
    namesakes: [],
    citations: [...mentions, ...quotes.map(({ article, paragraph }) => ({ article, paragraph }))],
  };
}

/** A related answer over two articles. */
export function relatedOf(
  count: number,
  text: (i: number) => string = (i) => `Paragraph ${i} about the transition of power.`,
): RelatedAnswer {
  const results = Array.from({ length: count }, (_, i) => ({
    article: i % 2 === 0 ? REF.id : 'other-article',
    paragraph: i + 1,
    text: text(i),
    score: 1 - i / 100,
  }));
  return {
    command: 'related',
    topic: 'transition',
    results,
    articles: [{ ...REF, id: 'other-article', title: 'Another [bracketed] headline', url: 'https://news.example.org/a_(b)' }],
    citations: results.map(({ article, paragraph }) => ({ article, paragraph })),
  };
}
