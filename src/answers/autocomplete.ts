import type { Corpus } from '../model/corpus.ts';
import { displayTitle } from '../model/display-title.ts';
import { prominentNames } from './name-match.ts';
import { normaliseUserText } from './user-text.ts';

/** How many suggestions, and how long each may be: a front end passes its own (Discord: 25 of 100 characters). */
export interface SuggestionLimits {
  choices: number;
  length: number;
}

/** A list a person can scan, of names and headlines shortened past 100 characters. */
export const SUGGESTION_LIMITS: SuggestionLimits = Object.freeze({ choices: 25, length: 100 });

export interface Choice {
  name: string;
  value: string;
}

function clip(text: string, length: number): string {
  return text.length <= length ? text : `${text.slice(0, length - 1)}…`;
}

/**
 * Suggestions for an option as a member types: articles by headline, or people/organisations
 * by name (fuzzy, prefix first), each person once; within `limits`; never throws.
 */
export function completeOption(
  corpus: Corpus,
  kind: 'article' | 'name',
  partial: string,
  context: { article?: string } = {},
  limits: SuggestionLimits = SUGGESTION_LIMITS,
): Choice[] {
  const { choices, length } = limits;
  const cut = (text: string): string => clip(text, length);
  const query = normaliseUserText(partial).slice(0, length);
  if (kind === 'article') {
    return corpus.search.articles(query, choices).flatMap((hit) => {
      const a = corpus.byId.get(hit.article);
      return a ? [{ name: cut(displayTitle(a.article)), value: a.article.id.slice(0, length) }] : [];
    });
  }
  const article = context.article && corpus.byId.has(context.article) ? context.article : undefined;
  if (query === '') return prominentNames(corpus, article, choices).map((n) => ({ name: cut(n), value: cut(n) }));
  // Each person once: hits of the same group (one per article, or "Putin" beside "Vladimir Putin") are one choice,
  // named as the corpus names them, or as the article does when one is chosen.
  const groups = new Set<number>();
  const names = new Set<string>();
  for (const hit of corpus.search.names(query, { article, limit: choices * 2 })) {
    if (hit.group) {
      if (groups.has(hit.group.id)) continue;
      groups.add(hit.group.id);
    }
    names.add(article === undefined ? (hit.group?.name ?? hit.name) : hit.name);
    if (names.size >= choices) break;
  }
  return [...names].map((n) => ({ name: cut(n), value: cut(n) }));
}
