import { describe, expect, it } from 'vitest';
import { citeButtonId, pageButtonId, pageKeyButtonId, parseCustomId } from '../../../src/render/discord/custom-ids.ts';
import { escapeText } from '../../../src/render/discord/escape-text.ts';
import { joinWithinLimit, truncateText } from '../../../src/render/discord/fit-text.ts';

describe('custom ids', () => {
  it.each<[string, Array<string | undefined>]>([
    ['plain values', ['Sergei Lavrov', 'Ukraine']],
    ['separators and percent signs', ['a|b', '100%|7C']],
    ['a missing middle value', [undefined, 'x', undefined]],
    ['unicode', ['Лавров ✓']],
  ])('GIVEN %s THEN a page id reads back the same values', (_name, values) => {
    const id = pageButtonId('quote', values, 3)!;
    const parsed = parseCustomId(id);
    expect(parsed).toMatchObject({ kind: 'page', command: 'quote', page: 3 });
    const back = (parsed as { values: Array<string | undefined> }).values;
    const trimmed = [...values];
    while (trimmed.length > 0 && trimmed.at(-1) === undefined) trimmed.pop();
    expect(back).toEqual(trimmed);
  });

  it('GIVEN options too long for 100 characters THEN no page id is made', () => {
    expect(pageButtonId('related', ['x'.repeat(200)], 1)).toBeNull();
  });

  it('GIVEN a citation THEN its id is cite:<article>:<n> and reads back', () => {
    expect(citeButtonId('putin-belarus-transition', 12)).toBe('cite:putin-belarus-transition:12');
    expect(parseCustomId('cite:putin-belarus-transition:12')).toEqual({ kind: 'cite', article: 'putin-belarus-transition', paragraph: 12 });
    expect(citeButtonId('a'.repeat(100), 1)).toBeNull();
  });

  it.each(['', 'nonsense', 'cite:x:0', 'cite:x:abc', 'pg|quote|x', 'pk||1'])(
    'GIVEN the foreign or stale id "%s" THEN it is not understood',
    (id) => {
      expect(parseCustomId(id)).toBeNull();
    },
  );

  it('GIVEN a remembered key THEN the page key id reads back', () => {
    expect(parseCustomId(pageKeyButtonId('abc123', 2))).toEqual({ kind: 'page-key', key: 'abc123', page: 2 });
  });
});

describe('text fitting', () => {
  it.each([
    ['@everyone hi', '@\u200beveryone hi'],
    ['ping <@123> and <#456> and <@&789>', 'ping <\u200b@123> and <\u200b#456> and <\u200b@&789>'],
    ['**bold** _it_', '\\*\\*bold\\*\\* \\_it\\_'],
  ])('GIVEN "%s" THEN escaping gives "%s"', (raw, escaped) => {
    expect(escapeText(raw)).toBe(escaped);
  });

  it('GIVEN a long sentence THEN truncation cuts at a word and ends with an ellipsis', () => {
    expect(truncateText('the quick brown fox jumps over', 17)).toBe('the quick brown…');
  });

  it('GIVEN too many items THEN the join says how many were left out', () => {
    const joined = joinWithinLimit(['alpha', 'beta', 'gamma', 'delta'], ', ', 30);
    expect(joined).toBe('alpha, beta, … and 2 more');
    expect(joined.length).toBeLessThanOrEqual(30);
  });
});
