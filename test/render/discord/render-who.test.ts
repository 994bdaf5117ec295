import { describe, expect, it } from 'vitest';
import { runCommand } from '../../../src/answers/run-command.ts';
import type { ArticleRef, WhoAnswer } from '../../../src/model/answer.ts';
import { pageButtonId } from '../../../src/render/discord/custom-ids.ts';
import { renderAnswer } from '../../../src/render/discord/render-answer.ts';
import { ministerInTwoArticles, seedCorpus } from '../../support/corpus.ts';
import { payloadText, payloadViolations } from './payload-limits.ts';
import { HOSTILE, REF, quotesOf } from './sample-answers.ts';

const pager = (page: number) => pageButtonId('who', ['Maria Okonkwo'], page)!;

/** A profile gathered over `count` articles, each with the given list sizes, and `more` articles left out. */
function acrossArticles(count: number, size: { roles: number; mentions: number; quotes: number }, more: number, text = 'word'): WhoAnswer {
  const refs: ArticleRef[] = Array.from({ length: count }, (_, i) => ({
    ...REF,
    id: `article-${i + 1}-${'x'.repeat(20)}`,
    title: `${text} headline ${i + 1}`,
  }));
  const articles = refs.map((article) => ({
    article,
    roles: Array.from({ length: size.roles }, (_, r) => `${text} role ${r}`),
    mentions: Array.from({ length: size.mentions }, (_, p) => ({ article: article.id, paragraph: p + 1 })),
  }));
  const quotes = refs.flatMap((ref) => quotesOf(size.quotes, (i) => `${text} ${i}`).quotes.map((q) => ({ ...q, article: ref.id })));
  const mentions = articles.flatMap((a) => a.mentions);
  return {
    command: 'who',
    name: 'Maria Okonkwo',
    kind: 'person',
    article: refs[0]!,
    roles: [...new Set(articles.flatMap((a) => a.roles))],
    aliases: ['Okonkwo', `${text} alias`],
    mentions,
    quotes,
    articles,
    moreArticles: more,
    namesakes: [],
    citations: [...mentions, ...quotes.map(({ article, paragraph }) => ({ article, paragraph }))],
  };
}

describe('renderWho across articles', () => {
  it.each<[string, WhoAnswer]>([
    ['three small articles', acrossArticles(3, { roles: 1, mentions: 3, quotes: 1 }, 0)],
    [
      'ten articles with long hostile lists and 40 more',
      acrossArticles(10, { roles: 40, mentions: 300, quotes: 4 }, 40, HOSTILE + 'y'.repeat(200)),
    ],
  ])('GIVEN %s THEN every page is within Discord limits and mentions are disabled', (_name, answer) => {
    const first = renderAnswer(answer, { pageButtonId: pager });
    for (const page of new Set([0, first.pageCount - 1])) {
      const { payload } = renderAnswer(answer, { page, pageButtonId: pager });
      expect(payloadViolations(payload)).toEqual([]);
      expect(payloadText(payload)).not.toMatch(/(^|[^\u200b])@everyone/);
    }
  });

  it('GIVEN a person in three articles THEN one field per article with its roles and paragraphs, after roles and aliases', () => {
    const { payload } = renderAnswer(acrossArticles(3, { roles: 1, mentions: 2, quotes: 1 }, 0));
    const embed = payload.embeds[0]!;
    expect(embed.fields!.map((f) => f.name)).toEqual(['Roles', 'Also called', 'word headline 1', 'word headline 2', 'word headline 3']);
    expect(embed.fields![2]!.value).toBe('word role 0\n¶ 1, ¶ 2');
    expect(embed.description).toMatch(/^Person in 3 articles/);
  });

  it('GIVEN articles left out THEN the embed says how many more', () => {
    const { payload } = renderAnswer(acrossArticles(10, { roles: 1, mentions: 1, quotes: 0 }, 7));
    const embed = payload.embeds[0]!;
    expect(embed.fields!.at(-1)).toEqual({ name: 'More', value: '… and 7 more articles' });
    expect(embed.description).toMatch(/10 articles \(and 7 more\)/);
  });

  it('GIVEN other people the name fits THEN they are a field of their own', () => {
    const { payload } = renderAnswer({
      ...acrossArticles(1, { roles: 1, mentions: 1, quotes: 0 }, 0),
      namesakes: ['Peter Okonkwo', HOSTILE],
    });
    const field = payload.embeds[0]!.fields!.find((f) => f.name === 'Others by that name')!;
    expect(field.value).toMatch(/^Peter Okonkwo, /);
    expect(payloadViolations(payload)).toEqual([]);
  });

  it('GIVEN one article THEN the profile looks as it always did', () => {
    const { payload } = renderAnswer(acrossArticles(1, { roles: 1, mentions: 3, quotes: 0 }, 0));
    expect(payload.embeds[0]!.fields!.map((f) => f.name)).toEqual(['Roles', 'Also called', 'Mentioned in 3 paragraphs']);
  });

  it('GIVEN real made-up articles naming one minister THEN each article is a field and the quotes cite their article', () => {
    const corpus = ministerInTwoArticles();
    const answer = runCommand(corpus, 'who', { name: 'Okonkwo' }) as WhoAnswer;
    const { payload } = renderAnswer(answer, { pageButtonId: pager });
    expect(payload.embeds[0]!.fields!.map((f) => f.name)).toEqual(
      expect.arrayContaining(['Rail budget cuts regional lines', 'Minister speaks on the radio']),
    );
    const buttons = payload.components.flatMap((r) => r.components.map((b) => ('custom_id' in b ? b.custom_id : '')));
    expect(buttons).toEqual(expect.arrayContaining(['cite:rail-budget:2', 'cite:radio-interview:2']));
    expect(payloadViolations(payload)).toEqual([]);
  });
});

describe('renderWho for words found but not recognised', () => {
  it('GIVEN a mention answer on the bundled article THEN no roles field, the paragraphs found, and an honest line', () => {
    const answer = runCommand(seedCorpus(), 'who', { name: 'Minsk' }) as WhoAnswer;
    const { payload } = renderAnswer(answer, { pageButtonId: pager });
    const embed = payload.embeds[0]!;
    expect(embed.title).toBe('Minsk');
    expect(embed.fields!.map((f) => f.name)).toEqual([`Found in ${answer.mentions.length} paragraphs`]);
    expect(embed.description).toMatch(/^Found in the text of \*.+\*, but Pilcrow does not know who or what this is\./);
    expect(payloadViolations(payload)).toEqual([]);
  });
});
