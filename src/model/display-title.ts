import type { Article } from './article.ts';

/** Words of the first paragraph used as a title for an article that has no headline. */
const UNTITLED_WORDS = 12;

/** The article's headline, or its opening words when it has none, or its id when it is empty. */
export function displayTitle(article: Article): string {
  if (article.title && article.title.trim() !== '') return article.title.trim();
  const first = article.paragraphs[0]?.text.trim();
  if (!first) return article.id;
  const words = first.split(/\s+/);
  return words.length > UNTITLED_WORDS ? `${words.slice(0, UNTITLED_WORDS).join(' ')}…` : first;
}
