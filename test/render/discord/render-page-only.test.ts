import { describe, expect, it } from 'vitest';
import type { Answer, QuoteAnswer, QuoteItem, RelatedAnswer, SummaryAnswer } from '../../../src/model/answer.ts';
import { pageButtonId } from '../../../src/render/discord/custom-ids.ts';
import { renderAnswer } from '../../../src/render/discord/render-answer.ts';
import { payloadViolations } from './payload-limits.ts';
import { REF } from './sample-answers.ts';

/** `count` quotes whose text is counted each time a renderer reads it. */
function countedQuotes(count: number): { answer: QuoteAnswer; reads: Set<number> } {
  const reads = new Set<number>();
  const quotes = Array.from({ length: count }, (_, i): QuoteItem => {
    const item = { article: REF.id, paragraph: i + 1, speaker: 'Sergei Lavrov', role: null } as QuoteItem;
    Object.defineProperty(item, 'text', { enumerable: true, get: () => (reads.add(i), `Quote number ${i + 1} is here`) });
    return item;
  });
  return {
    answer: {
      command: 'quote',
      speaker: null,
      about: null,
      quotes,
      citations: quotes.map(({ article, paragraph }) => ({ article, paragraph })),
    },
    reads,
  };
}

const pager = (page: number) => pageButtonId('quote', [], page)!;

describe('rendering only the page in view', () => {
  it('GIVEN a quote answer of 20,000 quotes THEN only the five quotes of the first page are read, and the footer counts 4,000 pages', () => {
    const { answer, reads } = countedQuotes(20_000);
    const { payload, page, pageCount } = renderAnswer(answer, { pageButtonId: pager });
    expect([page, pageCount]).toEqual([0, 4000]);
    expect([...reads].sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4]);
    expect(payload.embeds[0]!.footer!.text).toBe('20000 quotes · Page 1 of 4000');
    expect(payloadViolations(payload)).toEqual([]);
  });

  it.each([1, 1234, 3999])(
    'GIVEN a press for page %i of 20,000 quotes THEN that page is rendered from its own five quotes alone',
    (page) => {
      const { answer, reads } = countedQuotes(20_000);
      const { payload, page: shown } = renderAnswer(answer, { page, pageButtonId: pager });
      expect(shown).toBe(page);
      const first = page * 5;
      expect([...reads].sort((a, b) => a - b)).toEqual([first, first + 1, first + 2, first + 3, first + 4]);
      const numbers = [...payload.embeds[0]!.description!.matchAll(/Quote number (\d+)/g)].map((m) => Number(m[1]));
      expect(numbers).toEqual([first + 1, first + 2, first + 3, first + 4, first + 5]);
      const nav = payload.components.at(-1)!.components.map((b) => b.custom_id);
      expect(nav).toEqual([pager(page - 1), pager(Math.min(3999, page + 1))]);
      expect(payloadViolations(payload)).toEqual([]);
    },
  );

  it.each<[string, Answer]>([
    ['quotes', { command: 'quote', speaker: null, about: null, quotes: [], citations: [] }],
    ['summary points', { command: 'summary', article: REF, points: [], citations: [] } satisfies SummaryAnswer],
    ['related results', { command: 'related', topic: 'x', results: [], articles: [], citations: [] } satisfies RelatedAnswer],
  ])('GIVEN no %s and any page asked THEN one empty page is shown', (_what, answer) => {
    for (const page of [0, 5, -3, Number.NaN]) {
      const rendered = renderAnswer(answer, { page, pageButtonId: pager });
      expect([rendered.page, rendered.pageCount]).toEqual([0, 1]);
    }
  });

  it('GIVEN five quotes too long to share a page THEN all five are on it, shortened alike, each ending in its citation', () => {
    const long = (i: number) => `${'word '.repeat(300)}number ${i}`;
    const quotes = Array.from({ length: 5 }, (_, i): QuoteItem => ({
      article: REF.id,
      paragraph: i + 1,
      text: long(i),
      speaker: 'A Speaker',
      role: null,
    }));
    const { payload, pageCount } = renderAnswer({ command: 'quote', speaker: null, about: null, quotes, citations: [] });
    expect(pageCount).toBe(1);
    const blocks = payload.embeds[0]!.description!.split('\n\n');
    expect(blocks).toHaveLength(5);
    blocks.forEach((block, i) => expect(block).toMatch(new RegExp(`…”\\n> — \\*\\*A Speaker\\*\\* \\(¶ ${i + 1}\\)$`)));
    const lengths = blocks.map((b) => b.length);
    expect(Math.max(...lengths) - Math.min(...lengths)).toBeLessThan(10);
    expect(payloadViolations(payload)).toEqual([]);
  });

  it('GIVEN a short quote beside long ones THEN the short one is kept whole and the long ones share the rest', () => {
    const quotes: QuoteItem[] = [
      { article: REF.id, paragraph: 1, text: 'Short and whole.', speaker: null, role: null },
      ...Array.from({ length: 4 }, (_, i): QuoteItem => ({
        article: REF.id,
        paragraph: i + 2,
        text: 'long '.repeat(400),
        speaker: null,
        role: null,
      })),
    ];
    const { payload } = renderAnswer({ command: 'quote', speaker: null, about: null, quotes, citations: [] });
    expect(payload.embeds[0]!.description).toContain('> “Short and whole.”');
    expect(payloadViolations(payload)).toEqual([]);
  });
});
