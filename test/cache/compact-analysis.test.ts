import { describe, expect, it } from 'vitest';
import { compactAnalysis, expandAnalysis } from '../../src/cache/compact-analysis.ts';
import type { ArticleAnalysis } from '../../src/model/analysis.ts';
import type { Article } from '../../src/model/article.ts';

const article: Article = {
  id: 'harbour-ferry',
  file: '/data/harbour-ferry.txt',
  title: 'The harbour ferry returns',
  paragraphs: [
    { n: 1, text: 'The ferry returned to the harbour on Monday. Crowds waited on the pier.' },
    { n: 2, text: '"It is good to be back," said the captain, Ana Reyes.' },
  ],
} as Article;

const analysis: ArticleAnalysis = {
  sentences: [
    { paragraph: 1, index: 0, text: 'The ferry returned to the harbour on Monday.', start: 0, end: 44 },
    { paragraph: 1, index: 1, text: 'Crowds waited on the pier.', start: 45, end: 71 },
    // Not the paragraph's text between its offsets (say, a cleaned text): kept as it is.
    { paragraph: 2, index: 0, text: 'It is good to be back, said the captain, Ana Reyes.', start: 0, end: 53 },
  ],
  entities: [],
  quotes: [],
  ranking: [
    { paragraph: 1, index: 0, text: 'The ferry returned to the harbour on Monday.', score: 1 },
    { paragraph: 2, index: 0, text: 'It is good to be back, said the captain, Ana Reyes.', score: 0.5 },
    { paragraph: 1, index: 1, text: 'A ranked text of its own.', score: 0.25 },
  ],
};

describe('compact cached analyses', () => {
  it('GIVEN texts that repeat the article THEN they are left out on disk, and put back exactly when read', () => {
    const written = JSON.parse(JSON.stringify(compactAnalysis(analysis, article)));
    expect(written.sentences.map((s: { text?: string }) => s.text)).toEqual([undefined, undefined, analysis.sentences[2]!.text]);
    expect(written.ranking.map((r: { text?: string }) => r.text)).toEqual([undefined, undefined, 'A ranked text of its own.']);
    expect(expandAnalysis(written, article)).toEqual(analysis);
  });

  it('GIVEN an entry written before (texts present) THEN it is read as it is', () => {
    expect(expandAnalysis(JSON.parse(JSON.stringify(analysis)), article)).toEqual(analysis);
  });

  it('GIVEN a sentence in a paragraph the article does not have THEN its text stays missing (the schema check refuses it)', () => {
    const written = JSON.parse(JSON.stringify(compactAnalysis(analysis, article)));
    written.sentences[0].paragraph = 9;
    expect((expandAnalysis(written, article) as ArticleAnalysis).sentences[0]!.text).toBeUndefined();
  });
});
