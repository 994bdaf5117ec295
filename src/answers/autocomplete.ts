import type { Corpus } from '../model/corpus.ts';
import { displayTitle } from '../model/display-title.ts';
import { prominentNames } from './name-match.ts';
import { normaliseUserText } from './user-text.ts';

/** Discord's limits for autocomplete: choices per answer and characters per name/value. */
export const MAX_CHOICES = 25;
export const MAX_CHOICE_LENGTH = 100;

export interface Choice {
  name: string;
  value: string;
}

function clip(text: string): string {
  return text.length <= MAX_CHOICE_LENGTH ? text : `${text.slice(0, MAX_CHOICE_LENGTH - 1)}…`;
}

/**
 * Suggestions for an option as a member types: articles by headline, or people/organisations
 * by name (fuzzy, prefix first), each person once. At most 25 choices of at most 100 characters; never throws.
 */
export function completeOption(corpus: Corpus, kind: 'article' | 'name', partial: string, context: { article?: string } = {}): Choice[] {
  const query = normaliseUserText(partial).slice(0, MAX_CHOICE_LENGTH);
  if (kind === 'article') {
    return corpus.search.articles(query, MAX_CHOICES).flatMap((hit) => {
      const a = corpus.byId.get(hit.article);
      return a ? [{ name: clip(displayTitle(a.article)), value: a.article.id.slice(0, MAX_CHOICE_LENGTH) }] : [];
    });
  }
  const article = context.article && corpus.byId.has(context.article) ? context.article : undefined;
  if (query === '') return prominentNames(corpus, article, MAX_CHOICES).map((n) => ({ name: clip(n), value: clip(n) }));
  // Each person once: hits of the same group (one per article, or "Putin" beside "Vladimir Putin") are one choice,
  // named as the corpus names them, or as the article does when one is chosen.
  const groups = new Set<number>();
  const names = new Set<string>();
  for (const hit of corpus.search.names(query, { article, limit: MAX_CHOICES * 2 })) {
    if (hit.group) {
      if (groups.has(hit.group.id)) continue;
      groups.add(hit.group.id);
    }
    names.add(article === undefined ? (hit.group?.name ?? hit.name) : hit.name);
    if (names.size >= MAX_CHOICES) break;
  }
  return [...names].map((n) => ({ name: clip(n), value: clip(n) }));
}
