import type { Entity } from '../model/analysis.ts';
import type { AnalysedArticle, Corpus, NameHit } from '../model/corpus.ts';
import { FUZZY_MAX_SCORE } from '../search/match-tier.ts';

/** Lowest name-search score accepted as the person or organisation a member meant. */
export const NAME_MATCH_MIN_SCORE = 0.55;

/** Scores above this are exact, prefix or word-prefix matches (search/match-tier.ts); up to it, fuzzy guesses. */
export const FUZZY_NAME_MAX_SCORE = FUZZY_MAX_SCORE;

export interface MatchedEntity {
  hit: NameHit;
  article: AnalysedArticle;
  entity: Entity;
}

/** Name hits turned into the entities they point at, best first; hits below the bar are left out. */
export function matchEntities(
  corpus: Corpus,
  query: string,
  article: string | undefined,
  limit: number,
): { matches: MatchedEntity[]; near: string[] } {
  const hits = corpus.search.names(query, { article, limit: Math.max(limit, 10) });
  const matches: MatchedEntity[] = [];
  const near: string[] = [];
  for (const hit of hits) {
    const owner = corpus.byId.get(hit.article);
    const entity = owner?.analysis.entities.find((e) => e.id === hit.entityId);
    if (!owner || !entity) continue;
    if (hit.score >= NAME_MATCH_MIN_SCORE) matches.push({ hit, article: owner, entity });
    else {
      const name = article === undefined ? (hit.group?.name ?? entity.name) : entity.name;
      if (!near.includes(name)) near.push(name);
    }
  }
  return { matches: matches.slice(0, limit), near: near.slice(0, 3) };
}

/**
 * The most-mentioned names, to suggest when a query matched nothing: an article's own entities,
 * or (no article) the people and organisations of the corpus, each once, as the index ranked them.
 */
export function prominentNames(corpus: Corpus, article: string | undefined, limit: number): string[] {
  if (article === undefined) {
    const names = corpus.search.names('', { limit }).map((h) => h.group?.name ?? h.name);
    return [...new Set(names)].slice(0, limit);
  }
  const owner = corpus.byId.get(article);
  const counts = new Map<string, number>();
  for (const e of owner?.analysis.entities ?? []) counts.set(e.name, (counts.get(e.name) ?? 0) + e.mentions.length);
  return [...counts.entries()]
    .sort((x, y) => y[1] - x[1] || x[0].localeCompare(y[0]))
    .slice(0, limit)
    .map(([n]) => n);
}
