import { describe, expect, it } from 'vitest';
import type { Article } from '../../src/model/article.ts';
import type { RankedSentence, Sentence } from '../../src/model/analysis.ts';
import { rankSentences, selectSummary } from '../../src/analysis/rank-sentences.ts';
import { extractTerms } from '../../src/analysis/rank-terms.ts';
import { splitSentences } from '../../src/analysis/sentences.ts';
import { articleFromParagraphs, devArticle, seedArticle } from '../support/article-from-paragraphs.ts';

const fixtures: Array<[string, () => Article]> = [
  ['the bundled article', seedArticle],
  ['the train crash article', () => devArticle('wikinews-20070223-train')],
  ['the sinkhole article', () => devArticle('wikinews-20070306-drain')],
  ['the telescope article', () => devArticle('wikinews-20160706-telescope')],
  ['the South China Sea article', () => devArticle('wikinews-20160714-UN')],
];

const key = (s: { paragraph: number; index: number }): string => `${s.paragraph}.${s.index}`;
const byReadingOrder = (a: RankedSentence, b: RankedSentence): number => a.paragraph - b.paragraph || a.index - b.index;

/** Cosine similarity of content-term counts, the plainest notion of "says the same thing". */
function similarity(a: string, b: string): number {
  const count = (text: string): Map<string, number> => {
    const m = new Map<string, number>();
    for (const t of extractTerms(text)) m.set(t, (m.get(t) ?? 0) + 1);
    return m;
  };
  const x = count(a);
  const y = count(b);
  let dot = 0;
  for (const [t, n] of x) dot += n * (y.get(t) ?? 0);
  const norm = (m: Map<string, number>): number => Math.sqrt([...m.values()].reduce((s, n) => s + n * n, 0));
  return dot === 0 ? 0 : dot / (norm(x) * norm(y));
}

function rank(article: Article): { sentences: Sentence[]; ranked: RankedSentence[] } {
  const sentences = splitSentences(article);
  return { sentences, ranked: rankSentences(article, sentences) };
}

describe('rankSentences on real articles', () => {
  describe.each(fixtures)('GIVEN %s', (_name, load) => {
    const article = load();
    const { sentences, ranked } = rank(article);

    it('THEN every sentence is ranked exactly once, with its own text', () => {
      expect(ranked).toHaveLength(sentences.length);
      expect(new Set(ranked.map(key)).size).toBe(sentences.length);
      const texts = new Map(sentences.map((s) => [key(s), s.text]));
      for (const r of ranked) expect(r.text).toBe(texts.get(key(r)));
    });

    it('THEN scores run best-first within (0, 1], the best at 1', () => {
      expect(ranked[0]!.score).toBe(1);
      for (let i = 1; i < ranked.length; i++) expect(ranked[i]!.score).toBeLessThanOrEqual(ranked[i - 1]!.score);
      for (const r of ranked) {
        expect(r.score).toBeGreaterThan(0);
        expect(r.score).toBeLessThanOrEqual(1);
      }
    });

    it('THEN ranking again, or from shuffled input, gives the same result', () => {
      expect(rankSentences(article, sentences)).toEqual(ranked);
      const shuffled = [...sentences].reverse();
      expect(rankSentences(article, shuffled)).toEqual(ranked);
    });

    it('THEN the first summary point is an informative statement from the top of the article', () => {
      const [first] = selectSummary(ranked, 1);
      const words = first!.text.split(/\s+/);
      expect(words.length).toBeGreaterThanOrEqual(10);
      expect(first!.text).toMatch(/[.!]["”]?$/);
      expect(first!.text).not.toMatch(/^["“]/);
      expect(words[0]!.toLowerCase()).not.toMatch(/^(and|but|so|it|they|this|he|she|these|those)$/);
      expect(first!.paragraph).toBeLessThanOrEqual(3);
    });

    it.each([1, 2, 3, 5, 7, 10])('THEN a summary of %i points has that many distinct points in article order', (length) => {
      const summary = selectSummary(ranked, length);
      expect(summary).toHaveLength(Math.min(length, sentences.length));
      expect(new Set(summary.map(key)).size).toBe(summary.length);
      expect([...summary].sort(byReadingOrder)).toEqual(summary);
    });

    it('THEN no two points of a ten-point summary are near-duplicates', () => {
      const summary = selectSummary(ranked, 10);
      for (let i = 0; i < summary.length; i++) {
        for (let j = i + 1; j < summary.length; j++) {
          expect(similarity(summary[i]!.text, summary[j]!.text)).toBeLessThan(0.6);
        }
      }
    });

    it('THEN asking for more points than sentences returns every sentence once, in article order', () => {
      const summary = selectSummary(ranked, sentences.length + 20);
      expect(summary.map(key)).toEqual(sentences.map(key));
    });
  });

  it('GIVEN the Wikinews articles THEN each opening news sentence ranks first', () => {
    for (const name of [
      'wikinews-20070223-train',
      'wikinews-20070306-drain',
      'wikinews-20160706-telescope',
      'wikinews-20160714-UN',
    ] as const) {
      const { ranked } = rank(devArticle(name));
      expect({ name, top: key(ranked[0]!) }).toEqual({ name, top: '1.0' });
    }
  });

  it('GIVEN the bundled article THEN the three-point summary speaks of the intervention in Belarus', () => {
    const text = selectSummary(rank(seedArticle()).ranked, 3)
      .map((s) => s.text)
      .join(' ');
    expect(text).toMatch(/intervention/);
    expect(text).toMatch(/Belarus/);
  });

  it('GIVEN the train article with a photo caption line THEN the caption ranks in the bottom half', () => {
    const { ranked } = rank(devArticle('wikinews-20070223-train'));
    const at = ranked.findIndex((r) => r.text.startsWith('Virgin West Coast Class 390'));
    expect(at).toBeGreaterThanOrEqual(ranked.length / 2);
  });
});

describe('rankSentences on made-up paragraphs', () => {
  const sentencesOf = (article: Article): Sentence[] => splitSentences(article);

  it('GIVEN no sentences THEN the ranking is empty', () => {
    expect(rankSentences(articleFromParagraphs('empty', []), [])).toEqual([]);
  });

  it('GIVEN a single sentence THEN it is ranked alone with the top score', () => {
    const article = articleFromParagraphs('one', ['The bridge across the river reopened to traffic on Friday after repairs.']);
    const ranked = rankSentences(article, sentencesOf(article));
    expect(ranked).toEqual([{ paragraph: 1, index: 0, text: article.paragraphs[0]!.text, score: 1 }]);
    expect(selectSummary(ranked, 3)).toEqual(ranked);
  });

  it('GIVEN a sentence with no words THEN it is ranked last without breaking the rest', () => {
    const article = articleFromParagraphs('dash', [
      'The city council approved the new budget for road repairs on Monday.',
      '—',
      'Road repairs will start in the spring after the council budget vote.',
    ]);
    const ranked = rankSentences(article, sentencesOf(article));
    expect(ranked).toHaveLength(3);
    expect(ranked[2]!.text).toBe('—');
    expect(ranked[2]!.score).toBeGreaterThanOrEqual(0);
  });

  it.each([
    ['a question', 'Will the council approve the new budget for road repairs across the whole city on Monday?'],
    ['a fragment', 'Road repairs approved.'],
  ])('GIVEN the same content as %s THEN the plain statement ranks above it', (_what, weak) => {
    const plain = 'The council approved the new budget for road repairs across the whole city on Monday.';
    const filler = [
      'Residents had complained about potholes on many roads in the city for years.',
      'The budget for road repairs is the largest the council has approved.',
    ];
    // The weak variant comes first, so the position prior favours it; being a statement must still win.
    const article = articleFromParagraphs('variants', [weak, plain, ...filler]);
    const ranked = rankSentences(article, sentencesOf(article));
    const pos = (text: string): number => ranked.findIndex((r) => r.text === text);
    expect(pos(plain)).toBeLessThan(pos(weak));
  });

  it.each([
    ['Ferry fares rise as board approves timetable', 'The board also approved higher fares for the evening ferry crossings.'],
    ['Harbour road closure changes school bus routes', 'Two school bus routes will change while the harbour road stays closed.'],
  ])('GIVEN the headline "%s" THEN the later sentence that shares its words outranks the one before it', (title, echo) => {
    const other = 'Members also heard a report from the island council about parking near the quay.';
    const paragraphs = [
      'The harbour board met on Thursday to discuss the summer timetable for the island ferries.',
      'Members spoke for three hours about the ferries and the harbour.',
      other,
      echo,
    ];
    const article = articleFromParagraphs('harbour', paragraphs, { title });
    const ranked = rankSentences(article, sentencesOf(article));
    const pos = (text: string): number => ranked.findIndex((r) => r.text === text);
    expect(pos(echo)).toBeLessThan(pos(other));
  });

  it('GIVEN a long article on one line THEN every sentence is ranked (linear work, no sentence graph)', () => {
    const topics = ['council budget', 'road repairs', 'school funding', 'river flooding', 'rail strike', 'harbour works'];
    const text = Array.from(
      { length: 20_000 },
      (_, i) => `Item ${i} of the ${topics[i % topics.length]} report was read to the city council on day ${i % 365}.`,
    ).join(' ');
    const article = articleFromParagraphs('long', [text]);
    const ranked = rankSentences(article, sentencesOf(article));
    expect(ranked).toHaveLength(20_000);
    expect(selectSummary(ranked, 5)).toHaveLength(5);
  });
});

describe('selectSummary', () => {
  const ranked = rank(devArticle('wikinews-20070306-drain')).ranked;

  it.each([0, -1, Number.NaN])('GIVEN a length of %s THEN no points are returned', (length) => {
    expect(selectSummary(ranked, length)).toEqual([]);
  });

  it('GIVEN an empty ranking THEN no points are returned', () => {
    expect(selectSummary([], 5)).toEqual([]);
  });

  it('GIVEN a fractional length THEN it is rounded down', () => {
    expect(selectSummary(ranked, 2.9)).toHaveLength(2);
  });

  it('GIVEN a ranking holding the same sentence twice THEN the summary takes it once', () => {
    const top = ranked[0]!;
    const copy = { ...top, paragraph: 99, index: 0, score: top.score * 0.99 };
    const summary = selectSummary([top, copy, ...ranked.slice(1)], 5);
    expect(summary.filter((s) => s.text === top.text)).toHaveLength(1);
    expect(summary).toHaveLength(5);
  });

  it('GIVEN the points it picks THEN they are the ranked objects themselves, not copies with new scores', () => {
    for (const point of selectSummary(ranked, 4)) expect(ranked).toContain(point);
  });

  it('GIVEN the same ranking twice THEN the same summary comes back', () => {
    expect(selectSummary(ranked, 4)).toEqual(selectSummary(ranked, 4));
  });
});
