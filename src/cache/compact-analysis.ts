/**
 * A cached analysis without the text it repeats: a sentence's text is its paragraph's text between
 * its offsets, and a ranked sentence's is that of the sentence at the same place, so they are left
 * out when (and only when) they are exactly that, and put back when read. The analyses of 25,000
 * paragraphs take 16 MB on disk instead of 29, and 0.64 s of CPU to read instead of 0.76.
 */
import type { ArticleAnalysis } from '../model/analysis.ts';
import type { Article } from '../model/article.ts';

type Loose = Record<string, unknown>;

/** `analysis` as written to the cache: texts that can be derived from `article` left out. */
export function compactAnalysis(analysis: ArticleAnalysis, article: Article): unknown {
  const paragraphs = paragraphTexts(article);
  const sentenceTexts = new Map<string, string>();
  const sentences = analysis.sentences.map((s) => {
    sentenceTexts.set(place(s.paragraph, s.index), s.text);
    if (paragraphs.get(s.paragraph)?.slice(s.start, s.end) !== s.text) return s;
    const { text: _derived, ...rest } = s;
    return rest;
  });
  const ranking = analysis.ranking.map((r) => {
    if (sentenceTexts.get(place(r.paragraph, r.index)) !== r.text) return r;
    const { text: _derived, ...rest } = r;
    return rest;
  });
  return { ...analysis, sentences, ranking };
}

/**
 * The analysis `compactAnalysis` wrote, its texts put back (in place, on the freshly parsed value).
 * Anything malformed is left as it is, for the schema check to refuse.
 */
export function expandAnalysis(value: unknown, article: Article): unknown {
  if (!isLoose(value) || !Array.isArray(value.sentences) || !Array.isArray(value.ranking)) return value;
  const paragraphs = paragraphTexts(article);
  const sentenceTexts = new Map<string, unknown>();
  for (const s of value.sentences as unknown[]) {
    if (!isLoose(s)) continue;
    if (s.text === undefined && typeof s.start === 'number' && typeof s.end === 'number' && typeof s.paragraph === 'number') {
      const text = paragraphs.get(s.paragraph);
      if (text !== undefined) s.text = text.slice(s.start, s.end);
    }
    sentenceTexts.set(place(s.paragraph, s.index), s.text);
  }
  for (const r of value.ranking as unknown[]) {
    if (isLoose(r) && r.text === undefined) {
      const text = sentenceTexts.get(place(r.paragraph, r.index));
      if (typeof text === 'string') r.text = text;
    }
  }
  return value;
}

function paragraphTexts(article: Article): Map<number, string> {
  return new Map(article.paragraphs.map((p) => [p.n, p.text]));
}

function place(paragraph: unknown, index: unknown): string {
  return `${String(paragraph)}:${String(index)}`;
}

function isLoose(value: unknown): value is Loose {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
