import type { Entity, EntityKind } from '../model/analysis.ts';
import type { AnalysedArticle, Corpus } from '../model/corpus.ts';
import type { MatchedEntity } from './name-match.ts';

/** One article's entities that are the person (usually one; two when the article did not merge "Putin" and "Vladimir Putin"). */
export interface GatheredArticle {
  owner: AnalysedArticle;
  entities: Entity[];
}

/** A person or organisation gathered across articles. */
export interface GatheredPerson {
  name: string;
  kind: EntityKind;
  /** The matched entity's article first when one was asked, else the most mentioned first. */
  articles: GatheredArticle[];
  /** Articles of the same person that were not gathered (over `maxArticles`). */
  more: number;
}

/**
 * The person a name hit points at, across articles: the entities of its group (same name, or
 * an unambiguous variant, grouped when the index was built), at most `maxArticles` articles,
 * most mentioned first. With `article`, only that article. Work is bounded by the articles
 * gathered, never by the corpus.
 */
export function gatherPerson(corpus: Corpus, match: MatchedEntity, options: { article?: string; maxArticles: number }): GatheredPerson {
  const group = match.hit.group;
  const scoped = options.article !== undefined;
  const members = group
    ? group.members
    : [{ article: match.article.article.id, entityId: match.entity.id, mentions: match.entity.mentions.length }];
  const byArticle = new Map<string, GatheredArticle>();
  if (scoped) byArticle.set(match.article.article.id, { owner: match.article, entities: [match.entity] });
  for (const member of members) {
    if (scoped && member.article !== options.article) continue;
    let gathered = byArticle.get(member.article);
    if (!gathered) {
      if (byArticle.size >= options.maxArticles) break;
      const owner = corpus.byId.get(member.article);
      if (!owner) continue;
      gathered = { owner, entities: [] };
      byArticle.set(member.article, gathered);
    }
    if (gathered.entities.some((e) => e.id === member.entityId)) continue;
    const entity = gathered.owner.analysis.entities.find((e) => e.id === member.entityId);
    if (entity) gathered.entities.push(entity);
  }
  const articles = [...byArticle.values()].filter((a) => a.entities.length > 0);
  const totalArticles = scoped ? articles.length : (group?.articles ?? articles.length);
  return {
    name: scoped || !group ? match.entity.name : group.name,
    kind: group?.kind ?? match.entity.kind,
    articles,
    more: Math.max(0, totalArticles - articles.length),
  };
}

/** Name matches this close to the best are the same question ("Vladimir": Vladimir Putin and Vladimir Makei). */
export const NAME_TIE = 0.02;

/**
 * The entities (`article \u0000 entity id`) of the person or people a speaker name means, for
 * /quote: every match as good as the best one, each with its group's members across articles
 * (all of them: the quotes are the answer), or within `article` when one is given. Costs one key
 * per member; no article is read.
 */
export function speakerEntityKeys(matches: readonly MatchedEntity[], article: string | undefined): string[] {
  const top = matches[0];
  const keys: string[] = [];
  const groups = new Set<number>();
  for (const match of matches) {
    if (match.hit.score < top!.hit.score - NAME_TIE) break;
    const group = match.hit.group;
    if (!group || article !== undefined) {
      keys.push(`${match.article.article.id}\u0000${match.entity.id}`);
      if (!group) continue;
    }
    if (groups.has(group.id)) continue;
    groups.add(group.id);
    // The group's members are (article, entity id) already: no article needs reading.
    for (const m of group.members) if (article === undefined || m.article === article) keys.push(`${m.article}\u0000${m.entityId}`);
  }
  return keys;
}
