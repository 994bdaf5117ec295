import { describe, expect, it } from 'vitest';
import { cleanQuery } from '../../src/search/clean-query.ts';
import { paragraphWords } from '../../src/search/index-words.ts';
import { TERM_SCORING } from '../../src/search/search-settings.ts';
import { TermIndex, selectKth, type TermExpansion } from '../../src/search/term-index.ts';

const texts = [
  'Russian mercenaries from the private Wagner company were sent back.',
  'The Kremlin shortens deadlines for the integration project.',
  'Ukrainian groups such as Pravy Sektor are engaged in provocations.',
  'Wagner mercenaries were arrested near Minsk.',
];
const index = TermIndex.build(texts, paragraphWords);
const exact = (): TermExpansion => ({ prefix: false, maxEdits: 0 });
const loose = (): TermExpansion => ({ prefix: true, maxEdits: 2 });

describe('TermIndex', () => {
  it('GIVEN exact words THEN documents with more of them and fewer other words rank first', () => {
    const ids = index.search(['wagner', 'mercenaries'], exact, TERM_SCORING, 10).map((m) => m.id);
    expect(ids).toEqual([3, 0]);
  });

  it('GIVEN a typo or a prefix THEN expansion finds the word, exact words still need no expansion', () => {
    expect(index.search(['mercenarys'], exact, TERM_SCORING, 10)).toEqual([]);
    expect(
      index
        .search(['mercenarys'], loose, TERM_SCORING, 10)
        .map((m) => m.id)
        .sort(),
    ).toEqual([0, 3]);
    expect(index.search(['ukrain'], loose, TERM_SCORING, 10).map((m) => m.id)).toEqual([2]);
  });

  it('GIVEN an id range THEN only documents inside it are returned', () => {
    expect(index.search(['wagner'], exact, TERM_SCORING, 10, { start: 1, end: 4 }).map((m) => m.id)).toEqual([3]);
    expect(index.search(['wagner'], exact, TERM_SCORING, 10, { start: 1, end: 3 })).toEqual([]);
  });

  it('GIVEN several query words THEN coverage is the share of them a document matched', () => {
    const [top] = index.search(['kremlin', 'wagner'], exact, TERM_SCORING, 1, { start: 1, end: 2 });
    expect(top).toMatchObject({ id: 1, coverage: 0.5 });
  });

  it('GIVEN a limit THEN at most that many come back, and repeated searches give the same result', () => {
    const first = index.search(['wagner', 'mercenaries', 'kremlin'], loose, TERM_SCORING, 2);
    expect(first).toHaveLength(2);
    expect(index.search(['wagner', 'mercenaries', 'kremlin'], loose, TERM_SCORING, 2)).toEqual(first);
  });

  it('GIVEN a serialised index THEN loading it gives the same answers', () => {
    const restored = TermIndex.load(JSON.parse(JSON.stringify(index.serialise())));
    for (const words of [['wagner'], ['mercenarys', 'minsk'], cleanQuery('pravy sektor').terms]) {
      expect(restored.search(words, loose, TERM_SCORING, 10)).toEqual(index.search(words, loose, TERM_SCORING, 10));
    }
  });

  it.each([
    ['missing postings', { ...index.serialise(), docs: undefined }],
    ['truncated postings', { ...index.serialise(), docs: index.serialise().docs.slice(0, 8) }],
    ['a vocabulary of the wrong size', { ...index.serialise(), terms: ['x'] }],
  ])('GIVEN %s THEN loading throws', (_label, data) => {
    expect(() => TermIndex.load(data as never)).toThrow();
  });
});

describe('cleanQuery', () => {
  it.each<[string, string, string[]]>([
    ["'wagner !nato ^putin =lavrov | $belarus", 'wagner nato putin lavrov belarus', ['wagner', 'nato', 'putin', 'lavrov', 'belarus']],
    ['the UN and the EU', 'the UN and the EU', ['un', 'eu']],
    ['wag\u200bner', 'wagner', ['wagner']],
    ['Łukaszénko', 'Łukaszénko', ['łukaszenko']],
    ['🔥🔥', '', []],
  ])('GIVEN %j THEN the text is %j and the terms %j', (raw, text, terms) => {
    expect(cleanQuery(raw)).toEqual({ text, terms });
  });

  it('GIVEN 6,000 characters THEN at most 200 are kept, cut at a word boundary', () => {
    const { text } = cleanQuery('belarus '.repeat(750));
    expect(text.length).toBeLessThanOrEqual(200);
    expect(text.endsWith('belarus')).toBe(true);
  });
});

describe('selectKth', () => {
  it.each<[string, number[], number, number]>([
    ['distinct values', [5, 1, 4, 2, 3], 0, 1],
    ['distinct values, the largest', [5, 1, 4, 2, 3], 4, 5],
    ['the middle of repeated values', [2, 2, 1, 2, 3, 2], 2, 2],
    ['all equal', [7, 7, 7, 7], 3, 7],
    ['one value', [9], 0, 9],
  ])('GIVEN %s THEN the k-th smallest is picked', (_name, values, k, expected) => {
    expect(selectKth(Float64Array.from(values), k)).toBe(expected);
  });

  it('GIVEN random scores THEN it agrees with sorting', () => {
    let seed = 7;
    const next = (): number => (seed = (seed * 48271) % 2147483647) / 2147483647;
    for (let run = 0; run < 200; run++) {
      const values = Float64Array.from({ length: 1 + Math.floor(next() * 200) }, () => Math.floor(next() * 30));
      const k = Math.floor(next() * values.length);
      const sorted = Float64Array.from(values).sort();
      expect(selectKth(Float64Array.from(values), k)).toBe(sorted[k]);
    }
  });
});
