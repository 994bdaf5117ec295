/**
 * What a cached analysis must look like to be used: the shapes of ArticleAnalysis (zod), and
 * plausibility against the article it claims to describe (paragraph numbers and offsets in range,
 * speakers that exist, sentences and a ranking when the article has text). Anything else is a
 * cache miss.
 */
import { z } from 'zod';
import type { ArticleAnalysis } from '../model/analysis.ts';
import type { Article } from '../model/article.ts';

const paragraph = z.number().int().min(1);
const offset = z.number().int().min(0);

// Loose objects: fields added to the model later are kept, not stripped.
const sentence = z.looseObject({ paragraph, index: offset, text: z.string(), start: offset, end: offset });
const mention = z.looseObject({ paragraph, text: z.string() });
const role = z.looseObject({ text: z.string(), paragraph });
const entity = z.looseObject({
  id: z.string().min(1),
  name: z.string().min(1),
  kind: z.enum(['person', 'organisation']),
  roles: z.array(role),
  aliases: z.array(z.string()),
  mentions: z.array(mention),
});
const quote = z.looseObject({
  text: z.string(),
  kind: z.enum(['full', 'partial', 'scare']),
  paragraph,
  speakerId: z.string().nullable(),
  speaker: z.string().nullable(),
  attribution: z.enum(['said', 'added', 'continuation', 'according-to', 'colon', 'context', 'none']),
  reason: z.string().optional(),
});
const ranked = z.looseObject({ paragraph, index: offset, text: z.string(), score: z.number() });

/** The shape of ArticleAnalysis (a type error here means the model changed: update the schema). */
export const articleAnalysisSchema: z.ZodType<ArticleAnalysis> = z.looseObject({
  sentences: z.array(sentence),
  entities: z.array(entity),
  quotes: z.array(quote),
  ranking: z.array(ranked),
});

/** Why `value` is not a usable analysis of `article`, or null when it is. */
export function findAnalysisProblem(value: unknown, article: Article): string | null {
  const parsed = articleAnalysisSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return `wrong shape at ${issue?.path.join('.') || 'the top'}: ${issue?.message ?? 'invalid'}`;
  }
  const analysis = parsed.data;
  const count = article.paragraphs.length;
  const lengthOf = (n: number): number => article.paragraphs[n - 1]?.text.length ?? -1;
  if (count > 0 && analysis.sentences.length === 0) return `no sentences for an article of ${count} paragraphs`;
  if (analysis.sentences.length > 0 && analysis.ranking.length === 0) return 'no ranking for an article with sentences';
  for (const s of analysis.sentences) {
    if (s.paragraph > count) return `a sentence in paragraph ${s.paragraph} of ${count}`;
    if (s.start > s.end || s.end > lengthOf(s.paragraph)) return `a sentence outside its paragraph (¶ ${s.paragraph}, ${s.start}–${s.end})`;
  }
  const positions = [
    ...analysis.ranking.map((r) => r.paragraph),
    ...analysis.quotes.map((q) => q.paragraph),
    ...analysis.entities.flatMap((e) => [...e.mentions.map((m) => m.paragraph), ...e.roles.map((r) => r.paragraph)]),
  ];
  const outside = positions.find((n) => n > count);
  if (outside !== undefined) return `a reference to paragraph ${outside} of ${count}`;
  const ids = new Set(analysis.entities.map((e) => e.id));
  const stranger = analysis.quotes.find((q) => q.speakerId !== null && !ids.has(q.speakerId));
  if (stranger) return `a quote by an unknown entity "${stranger.speakerId}"`;
  return null;
}
