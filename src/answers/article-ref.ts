import type { Article } from '../model/article.ts';
import type { ArticleRef, Citation, QuoteItem } from '../model/answer.ts';
import type { Entity, Quote } from '../model/analysis.ts';
import { displayTitle } from '../model/display-title.ts';

/** How answers refer to an article. */
export function toArticleRef(article: Article): ArticleRef {
  return { id: article.id, title: displayTitle(article), source: article.source, url: article.url, published: article.published };
}

/** Citations in first-seen order without repeats. */
export function uniqueCitations(items: readonly Citation[]): Citation[] {
  const seen = new Set<string>();
  const out: Citation[] = [];
  for (const { article, paragraph } of items) {
    const key = `${article}\u0000${paragraph}`;
    if (!seen.has(key)) {
      seen.add(key);
      out.push({ article, paragraph });
    }
  }
  return out;
}

/** A quote as answers show it: text, speaker and their role, citation. */
export function toQuoteItem(articleId: string, quote: Quote, entities: readonly Entity[]): QuoteItem {
  const entity = quote.speakerId ? entities.find((e) => e.id === quote.speakerId) : undefined;
  return {
    text: quote.text,
    speaker: entity?.name ?? quote.speaker,
    role: entity?.roles[0]?.text ?? null,
    article: articleId,
    paragraph: quote.paragraph,
    ...(quote.reason !== undefined ? { reason: quote.reason } : {}),
  };
}
