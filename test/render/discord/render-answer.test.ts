import { describe, expect, it } from 'vitest';
import type { Answer } from '../../../src/model/answer.ts';
import { pageButtonId } from '../../../src/render/discord/custom-ids.ts';
import { renderAnswer } from '../../../src/render/discord/render-answer.ts';
import { snippetOf } from '../../../src/render/discord/render-related.ts';
import { payloadText, payloadViolations } from './payload-limits.ts';
import { HOSTILE, quotesOf, relatedOf, summaryOf, whoOf } from './sample-answers.ts';

const pager = (command: string) => (page: number) => pageButtonId(command, ['Sergei Lavrov'], page)!;

/** Every item line of a page description that holds a bullet or a byline, and whether it ends in a citation. */
function itemsWithoutCitation(description: string): string[] {
  return description
    .split('\n\n')
    .filter((block) => block.startsWith('• ') || block.startsWith('> “'))
    .filter((block) => !/\((?:[^()]*, )?¶ \d+\)$/.test(block));
}

describe('renderAnswer', () => {
  it('GIVEN a short summary THEN it renders the headline, cited points, source footer and citation buttons', () => {
    const { payload, pageCount } = renderAnswer(summaryOf(3));
    expect(pageCount).toBe(1);
    expect(payload).toMatchSnapshot();
  });

  it.each<[string, Answer]>([
    ['summary', summaryOf(2)],
    ['quote', quotesOf(2)],
    ['who', whoOf({ roles: 2, aliases: 2, mentions: 3, quotes: 2 })],
    ['related', relatedOf(3)],
  ])('GIVEN a small %s answer THEN its payload matches the snapshot', (_name, answer) => {
    expect(renderAnswer(answer, { pageButtonId: pager(answer.command) }).payload).toMatchSnapshot();
  });

  it('GIVEN twelve quotes THEN they are paged five at a time with ◀ ▶ and each page cites its own quotes', () => {
    const answer = quotesOf(12);
    const pages = [0, 1, 2].map((page) => renderAnswer(answer, { page, pageButtonId: pager('quote') }));
    expect(pages.map((p) => p.pageCount)).toEqual([3, 3, 3]);
    const seen: string[] = [];
    for (const { payload, page } of pages) {
      const description = payload.embeds[0]!.description!;
      seen.push(...[...description.matchAll(/proposal (\d+)/g)].map((m) => m[1]!));
      const nav = payload.components.at(-1)!.components;
      expect(nav.map((b) => b.label)).toEqual(['◀', '▶']);
      expect(nav[0]!.disabled).toBe(page === 0);
      expect(nav[1]!.disabled).toBe(page === 2);
      const citeLabels = payload.components.slice(0, -1).flatMap((r) => r.components.map((b) => b.label));
      const citedOnPage = [...description.matchAll(/\(¶ (\d+)\)/g)].map((m) => `¶ ${m[1]}`);
      expect(citeLabels.slice(0, citedOnPage.length)).toEqual(citedOnPage);
      expect(payload.embeds[0]!.footer!.text).toContain(`Page ${page + 1} of 3`);
      expect(payloadViolations(payload)).toEqual([]);
    }
    expect(seen).toEqual(Array.from({ length: 12 }, (_, i) => String(i + 1)));
  });

  it('GIVEN a page beyond the last THEN the last page is shown', () => {
    const rendered = renderAnswer(quotesOf(7), { page: 9, pageButtonId: pager('quote') });
    expect(rendered.page).toBe(1);
  });

  it('GIVEN a paged answer without a page button id THEN no ◀ ▶ buttons are added', () => {
    const { payload } = renderAnswer(quotesOf(12));
    expect(payload.components.flatMap((r) => r.components).some((b) => b.label === '◀')).toBe(false);
  });

  const huge = (i: number) => `${HOSTILE}${'word '.repeat(400 + i * 50)}${HOSTILE}`;
  it.each<[string, Answer]>([
    ['summary of long hostile points', summaryOf(10, huge)],
    ['quotes of long hostile text', quotesOf(12, huge)],
    ['a profile with huge lists', whoOf({ roles: 300, aliases: 300, mentions: 400, quotes: 40 }, HOSTILE + 'x'.repeat(120))],
    ['related with long hostile paragraphs', relatedOf(25, huge)],
    ['one gigantic point', summaryOf(1, () => 'y'.repeat(9000))],
  ])('GIVEN %s THEN every page is within limits, escaped, and every item keeps its citation', (_name, answer) => {
    const first = renderAnswer(answer, { pageButtonId: pager(answer.command) });
    const last = first.pageCount - 1;
    for (const page of new Set([0, Math.floor(last / 2), last])) {
      const { payload } = renderAnswer(answer, { page, pageButtonId: pager(answer.command) });
      expect(payloadViolations(payload)).toEqual([]);
      const text = payloadText(payload);
      expect(text).not.toMatch(/(^|[^\u200b])@everyone/);
      expect(text).not.toMatch(/(^|[^\u200b])@here/);
      expect(text).not.toContain('<@123456789012345678>');
      expect(text).not.toMatch(/(^|[^\\])\*\*bold/);
      expect(itemsWithoutCitation(payload.embeds[0]!.description!)).toEqual([]);
    }
  });

  it('GIVEN a related answer over two articles THEN each snippet names its article and the related articles are linked', () => {
    const { payload } = renderAnswer(relatedOf(2));
    const embed = payload.embeds[0]!;
    expect(embed.description).toContain('(putin-belarus-transition, ¶ 1)');
    expect(embed.description).toContain('(Another \\[bracketed\\] headline, ¶ 2)');
    expect(embed.fields![0]!.value).toBe('• [Another (bracketed) headline](https://news.example.org/a_%28b%29)');
  });

  it('GIVEN a profile THEN roles, aliases and mention paragraphs are fields', () => {
    const { payload } = renderAnswer(whoOf({ roles: 1, aliases: 2, mentions: 3, quotes: 0 }));
    const fields = payload.embeds[0]!.fields!;
    expect(fields.map((f) => f.name)).toEqual(['Roles', 'Also called', 'Mentioned in 3 paragraphs']);
    expect(fields[2]!.value).toBe('¶ 1, ¶ 2, ¶ 3');
    expect(payload.embeds[0]!.description).toContain('No direct quotes');
  });

  it('GIVEN thirty cited paragraphs and pages THEN at most 4 rows of citation buttons plus the navigation row', () => {
    const { payload } = renderAnswer(whoOf({ roles: 1, aliases: 1, mentions: 30, quotes: 9 }), { pageButtonId: pager('who') });
    expect(payload.components).toHaveLength(5);
    expect(payload.components.slice(0, 4).every((r) => r.components.length === 5)).toBe(true);
    expect(payload.components[0]!.components[0]!.custom_id).toMatch(/^cite:putin-belarus-transition:\d+$/);
  });

  it('GIVEN related results from one article THEN its headline heads the list', () => {
    const answer = relatedOf(1);
    const { payload } = renderAnswer(answer, {
      articleTitle: (id) => (id === 'putin-belarus-transition' ? 'The *real* headline' : undefined),
    });
    expect(payload.embeds[0]!.description).toMatch(/^In \*The \\\*real\\\* headline\*\n\n• Paragraph 0/);
  });
});

describe('snippetOf', () => {
  it.each([
    ['Short text.', 'Short text.'],
    ['First sentence is here. Second sentence goes on and on past the limit', 'First sentence is here. …'],
    ['One very long sentence without any stop that keeps going on', 'One very long sentence…'],
  ])('GIVEN "%s" THEN the snippet is "%s"', (text, snippet) => {
    expect(snippetOf(text, 25)).toBe(snippet);
  });
});
