import { describe, expect, it } from 'vitest';
import { mergeRankings, type ParagraphDoc } from '../../src/search/paragraph-search.ts';

const docs: ParagraphDoc[] = Array.from({ length: 6 }, (_, id) => ({ id, article: 'a', n: id + 1, text: `paragraph ${id + 1}` }));
const lexical = (...ids: number[]) => ids.map((id, rank) => ({ doc: docs[id]!, score: 1 - rank / 10 }));
const meaning = (...ids: number[]) =>
  ids.map((id, rank) => ({ id, score: 0.9 - rank / 10, pairs: [{ query: 'troops', text: `word${id}` }] }));

describe('merging the word and meaning rankings', () => {
  it('GIVEN no meaning matches THEN the word ranking is kept as it is', () => {
    expect(mergeRankings(lexical(2, 0, 4), [], docs, 5).map((h) => h.paragraph)).toEqual([3, 1, 5]);
  });

  it('GIVEN no word matches THEN the meaning ranking is kept, each hit saying why', () => {
    const hits = mergeRankings([], meaning(5, 1), docs, 5);
    expect(hits.map((h) => h.paragraph)).toEqual([6, 2]);
    expect(hits[0]?.meaning).toEqual([{ topic: 'troops', text: 'word5' }]);
  });

  it('GIVEN a paragraph in both rankings THEN it rises above one found by words alone', () => {
    expect(mergeRankings(lexical(0, 1, 2), meaning(2), docs, 3).map((h) => h.paragraph)).toEqual([3, 1, 2]);
  });

  it('GIVEN the top word match THEN a paragraph found by meaning alone never passes it', () => {
    const hits = mergeRankings(lexical(0, 1), meaning(4, 5), docs, 4);
    expect(hits[0]?.paragraph).toBe(1);
    expect(hits.find((h) => h.paragraph === 1)?.meaning).toBeUndefined();
  });

  it('GIVEN any rankings THEN scores lie in 0..1 and never increase, and the limit holds', () => {
    const hits = mergeRankings(lexical(0, 1, 2, 3), meaning(3, 4, 5, 0), docs, 5);
    expect(hits).toHaveLength(5);
    hits.forEach((h, i) => {
      expect(h.score).toBeGreaterThanOrEqual(0);
      expect(h.score).toBeLessThanOrEqual(1);
      if (i > 0) expect(h.score).toBeLessThanOrEqual(hits[i - 1]!.score);
    });
    expect(mergeRankings(lexical(0), meaning(0), docs, 1)[0]?.score).toBe(1);
  });
});
