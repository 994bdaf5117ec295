import { describe, expect, it } from 'vitest';
import { memoiseAnswers } from '../../src/bot/answer-memo.ts';
import type { Corpus } from '../../src/model/corpus.ts';
import { quotesOf } from '../render/discord/sample-answers.ts';

const corpus = () => ({ articles: [], byId: new Map(), skipped: [], search: {} }) as unknown as Corpus;

describe('memoiseAnswers', () => {
  it('GIVEN the same question twice on one corpus THEN it is answered once, whatever the order of its options', () => {
    let runs = 0;
    const run = memoiseAnswers(() => (runs++, quotesOf(3)));
    const c = corpus();
    expect(run(c, 'quote', { speaker: 'a', about: 'b' })).toBe(run(c, 'quote', { about: 'b', speaker: 'a', article: undefined }));
    expect(runs).toBe(1);
  });

  it('GIVEN a new corpus (a swap) THEN the question is answered afresh', () => {
    let runs = 0;
    const run = memoiseAnswers(() => (runs++, quotesOf(3)));
    run(corpus(), 'quote', {});
    run(corpus(), 'quote', {});
    expect(runs).toBe(2);
  });

  it.each([
    ['more answers than it keeps', 3, 1000, 4],
    ['answers holding more items than it keeps', 100, 20, 4],
  ])('GIVEN %s THEN the least recently used is asked afresh', (_what, size, items, questions) => {
    const asked: string[] = [];
    const run = memoiseAnswers((_c, _n, options) => (asked.push(String(options.speaker)), quotesOf(4)), size, items);
    const c = corpus();
    for (let i = 0; i < questions; i++) run(c, 'quote', { speaker: `s${i}` });
    run(c, 'quote', { speaker: `s${questions - 1}` });
    run(c, 'quote', { speaker: 's0' });
    expect(asked).toEqual([...Array.from({ length: questions }, (_, i) => `s${i}`), 's0']);
  });
});
