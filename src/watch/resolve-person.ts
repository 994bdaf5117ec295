import { matchEntities } from '../answers/name-match.ts';
import type { Corpus } from '../model/corpus.ts';

/**
 * The person a member means, as the corpus names them across articles ("lavrov" → "Sergei
 * Lavrov", the name of the best match's group, as /who answers), or null when no article names
 * such a person (the watch then keeps the name as typed).
 */
export function resolvePerson(corpus: Corpus, typed: string): string | null {
  const { matches } = matchEntities(corpus, typed, undefined, 10);
  const best = matches.find((m) => m.entity.kind === 'person');
  if (!best) return null;
  return best.hit.group?.name ?? best.entity.name;
}

/** Suggestions for a person option: people only (no organisation), each person across articles once, as the corpus names them. */
export function completePerson(corpus: Corpus, partial: string, limits: { choices: number; length: number }): string[] {
  const names = new Set<string>();
  const groups = new Set<number>();
  const hits = corpus.search.names(partial.slice(0, limits.length), { limit: limits.choices * 3 });
  for (const hit of hits) {
    const kind = hit.group?.kind ?? corpus.byId.get(hit.article)?.analysis.entities.find((e) => e.id === hit.entityId)?.kind;
    if (kind !== 'person') continue;
    if (hit.group) {
      if (groups.has(hit.group.id)) continue;
      groups.add(hit.group.id);
    }
    const name = hit.group?.name ?? hit.name;
    if (name.length <= limits.length) names.add(name);
    if (names.size >= limits.choices) break;
  }
  return [...names];
}
