import Fuse from 'fuse.js';
import type { EntityKind } from '../model/analysis.ts';
import type { AnalysedArticle, NameHit, SearchOptions } from '../model/corpus.ts';
import { clampLimit, cutAtWord, roundScore } from './clamp-results.ts';
import { fuseCloseness } from './fuse-closeness.ts';
import { entityKey, groupNames, restrictNameGroups, type GroupableEntity, type NameGroups } from './group-names.ts';
import { EXACT_SCORE, FUZZY_MAX_SCORE, scoreTier } from './match-tier.ts';
import { nameWords } from './index-words.ts';
import {
  MAX_FUSE_PATTERN_CHARS,
  MAX_NAME_QUERY_CHARS,
  MAX_QUERY_CHARS,
  NAME_CANDIDATES,
  NAME_FUSE_OPTIONS,
  TERM_SCORING,
  expandNameWord,
} from './search-settings.ts';
import { TermIndex, type SerialisedTermIndex } from './term-index.ts';

/** One entity that a name string belongs to. */
interface NameOwner {
  article: string;
  entityId: string;
  name: string;
  /** The entity's kind and how often its article mentions it (to group it with other articles'). */
  kind: EntityKind;
  mentions: number;
  /** The string is one of the entity's roles ("Russian President"), not a name or alias. */
  role: boolean;
}

/** A match on a role counts a little less than the same match on a name or alias. */
const ROLE_FACTOR = 0.95;

/**
 * A query that holds a whole name of two words or more among other words ("coach samuel okafor",
 * "ivan dejesus jr") names that person: above every fuzzy match, below the prefix tiers, more for
 * covering more of the query. One-word names are left out ("john smith" is not "smith").
 */
const CONTAINED_SCORE = 0.81;

function containedTier(text: string, query: string): number {
  if (!text.includes(' ') || text.length >= query.length || !` ${query} `.includes(` ${text} `)) return 0;
  return CONTAINED_SCORE + (0.03 * text.length) / query.length;
}

/** Leading words that do not tell names apart ("the Russian President" = "Russian President"). */
const LEADING_DETERMINER = /^(?:the|a|an|his|her|its|their) /;

/** A distinct name or alias string (folded form) and every entity that uses it. */
export interface NameDoc {
  id: number;
  /** The string as first written in an article ("Sergei Lavrov"). */
  text: string;
  /** Lowercased, accent-folded, punctuation-free form used for exact/prefix tiers. */
  key: string;
  owners: NameOwner[];
}

/** Collects the distinct name, alias and role strings of every entity, in corpus order. */
export function collectNameDocs(articles: readonly AnalysedArticle[]): NameDoc[] {
  const byKey = new Map<string, NameDoc>();
  const fold = nameKeyMemo();
  // One entity's strings are added together, so a doc's owner is this entity's only if added for it in this turn.
  const ownersOfEntity = new Map<NameDoc, NameOwner>();
  const add = (text: string, owner: NameOwner) => {
    const key = fold(text);
    if (key === '') return;
    let doc = byKey.get(key);
    if (!doc) {
      doc = { id: byKey.size, text, key, owners: [] };
      byKey.set(key, doc);
    }
    const same = ownersOfEntity.get(doc);
    if (!same) {
      ownersOfEntity.set(doc, owner);
      doc.owners.push(owner);
    } else if (same.role && !owner.role) {
      same.role = false;
    }
  };
  for (const { article, analysis } of articles) {
    for (const entity of analysis.entities) {
      ownersOfEntity.clear();
      const owner = (role: boolean): NameOwner => ({
        article: article.id,
        entityId: entity.id,
        name: entity.name,
        kind: entity.kind,
        mentions: entity.mentions.length,
        role,
      });
      for (const text of [entity.name, ...entity.aliases]) add(text, owner(false));
      for (const role of entity.roles) add(role.text, owner(true));
    }
  }
  return [...byKey.values()];
}

/** The comparable form of a name or query: folded words separated by single spaces, a leading "the"/"his"… dropped. */
export function nameKey(text: string): string {
  return nameWords(text.slice(0, MAX_QUERY_CHARS * 4))
    .join(' ')
    .replace(LEADING_DETERMINER, '');
}

/**
 * nameKey remembering each text it folded, for one pass over a corpus: the same names recur in
 * article after article (a person quoted in many, an alias, a role), and folding each again was
 * most of the cost of collecting and grouping the names at every start.
 */
function nameKeyMemo(): (text: string) => string {
  const keys = new Map<string, string>();
  return (text) => {
    let key = keys.get(text);
    if (key === undefined) {
      key = nameKey(text);
      keys.set(text, key);
    }
    return key;
  };
}

/**
 * People/organisations by name, alias or stated role. Candidates: every string of the article (or of a small
 * corpus), else the NAME_CANDIDATES best of a TermIndex over name words (prefix and fuzzy). Then
 * exact, prefix and word-prefix matches by tier, and fuse.js fuzzy matches below them.
 */
export class NameSearch {
  private readonly byArticle: ReadonlyMap<string, NameDoc[]>;
  /** People and organisations across articles (see groupNames). */
  private readonly groups: NameGroups;
  /** fuse.js indexes of small scopes (an article's names, or a small corpus's under ''), made on first use. */
  private readonly fuseByScope = new Map<string, Fuse<NameDoc>>();
  /** What a set of visible article ids (SearchOptions.articles) sees, worked out once per set. */
  private readonly restricted = new WeakMap<ReadonlySet<string>, RestrictedNames>();
  /**
   * Each doc's owners' entity keys (entityKey), in owner order, made once here: a query expands
   * its candidates to tens of thousands of owners at 100k paragraphs, and building each key
   * again (and hashing the new string for the lookups) was about a quarter of /who.
   */
  private readonly ownerKeys = new Map<NameDoc, readonly string[]>();

  constructor(
    private readonly docs: readonly NameDoc[],
    private readonly terms: TermIndex,
  ) {
    const byArticle = new Map<string, NameDoc[]>();
    const entities = new Map<string, GroupableEntity>();
    const fold = nameKeyMemo();
    for (const doc of docs) {
      const keys: string[] = [];
      this.ownerKeys.set(doc, keys);
      for (const owner of doc.owners) {
        const list = byArticle.get(owner.article) ?? [];
        if (list[list.length - 1] !== doc) list.push(doc);
        byArticle.set(owner.article, list);
        const id = entityKey(owner.article, owner.entityId);
        keys.push(id);
        if (!entities.has(id)) {
          entities.set(id, {
            article: owner.article,
            entityId: owner.entityId,
            name: owner.name,
            key: fold(owner.name),
            kind: owner.kind ?? 'person',
            mentions: owner.mentions ?? 0,
          });
        }
      }
    }
    this.byArticle = byArticle;
    this.groups = groupNames([...entities.values()]);
  }

  /** Indexes the name strings from scratch. */
  static build(docs: readonly NameDoc[]): NameSearch {
    return new NameSearch(
      docs,
      TermIndex.build(
        docs.map((d) => d.key),
        nameWords,
      ),
    );
  }

  /** Restores from `serialise()` output; the docs must be the list the index was built from. */
  static load(docs: readonly NameDoc[], data: SerialisedTermIndex): NameSearch {
    const terms = TermIndex.load(data);
    if (terms.size !== docs.length) throw new Error('name index does not match its documents');
    return new NameSearch(docs, terms);
  }

  /** The term index as JSON-ready data. */
  serialise(): SerialisedTermIndex {
    return this.terms.serialise();
  }

  /**
   * Entities whose name or alias matches `query`, one hit per entity per article, best first,
   * each with its group across articles. An empty query with an article filter lists that
   * article's entities; without one, the most mentioned groups (for autocomplete).
   */
  search(query: string, options: SearchOptions): NameHit[] {
    const limit = clampLimit(options.limit);
    if (limit === 0) return [];
    const article = options.article;
    const visible = options.articles;
    if (article !== undefined && visible && !visible.has(article)) return [];
    const only = visible ? this.restrictTo(visible) : null;
    const scope = article === undefined ? (only?.docs ?? this.docs) : (this.byArticle.get(article) ?? []);
    const key = nameKey(query).slice(0, MAX_NAME_QUERY_CHARS).trim();
    if (key === '') {
      return article === undefined
        ? this.prominentHits(limit, only?.groups ?? this.groups)
        : this.collectHits(
            scope.map((doc) => ({ doc, score: EXACT_SCORE })),
            article,
            limit,
            visible,
          );
    }
    const small = scope.length <= NAME_CANDIDATES;
    const candidates = small ? scope : this.findCandidates(key, only?.mask);
    const scored: Array<{ doc: NameDoc; score: number }> = [];
    const tiered = new Set<NameDoc>();
    for (const doc of candidates) {
      const tier = scoreTier(doc.key, key) || containedTier(doc.key, key);
      if (tier > 0) {
        scored.push({ doc, score: tier });
        tiered.add(doc);
      }
    }
    // A small scope keeps its fuse.js index between queries; big ones score their candidates as a Fuse over them would.
    const pattern = cutAtWord(key, MAX_FUSE_PATTERN_CHARS);
    const fuzzy = small
      ? (article === undefined && only ? (only.fuse ??= smallFuse(scope)) : this.scopeFuse(article ?? '', scope))
          .search(pattern)
          .map((result) => ({ doc: result.item, distance: result.score ?? 1 }))
      : inFuseOrder(candidates, fuseCloseness(pattern, candidates, NAME_FUSE_OPTIONS));
    for (const { doc, distance } of fuzzy) {
      if (!tiered.has(doc)) scored.push({ doc, score: FUZZY_MAX_SCORE * (1 - distance) });
    }
    return this.collectHits(scored, article, limit, visible);
  }

  /** One hit per group, most mentioned first: the group's most mentioned entity. */
  private prominentHits(limit: number, groups: NameGroups): NameHit[] {
    return groups.prominent.slice(0, limit).map((group) => {
      const top = group.members[0]!;
      return { article: top.article, entityId: top.entityId, name: group.name, matched: group.name, score: EXACT_SCORE, group };
    });
  }

  /** Expands strings to their entities (of the visible articles), keeps each entity's best string, sorts and cuts. */
  private collectHits(
    scored: Array<{ doc: NameDoc; score: number }>,
    article: string | undefined,
    limit: number,
    visible: ReadonlySet<string> | undefined,
  ): NameHit[] {
    const groups = visible ? this.restrictTo(visible).groups : this.groups;
    const best = new Map<string, NameHit & { order: number }>();
    for (const { doc, score } of scored) {
      const keys = this.ownerKeys.get(doc);
      for (let i = 0; i < doc.owners.length; i++) {
        const owner = doc.owners[i]!;
        if (article !== undefined && owner.article !== article) continue;
        if (visible && !visible.has(owner.article)) continue;
        const id = keys?.[i] ?? entityKey(owner.article, owner.entityId);
        const ownScore = roundScore(owner.role ? score * ROLE_FACTOR : score);
        const current = best.get(id);
        if (current && current.score >= ownScore) continue;
        const group = groups.byEntity.get(id);
        best.set(id, {
          article: owner.article,
          entityId: owner.entityId,
          name: owner.name,
          matched: doc.text,
          score: ownScore,
          ...(group ? { group } : {}),
          order: current?.order ?? best.size,
        });
      }
    }
    return [...best.values()]
      .sort((a, b) => b.score - a.score || a.order - b.order)
      .slice(0, limit)
      .map(({ order: _order, ...hit }) => hit);
  }

  private scopeFuse(scopeId: string, scope: readonly NameDoc[]): Fuse<NameDoc> {
    let fuse = this.fuseByScope.get(scopeId);
    if (!fuse) {
      fuse = smallFuse(scope);
      this.fuseByScope.set(scopeId, fuse);
    }
    return fuse;
  }

  private findCandidates(key: string, visible?: Uint8Array): NameDoc[] {
    return this.terms
      .search(nameWords(key), expandNameWord, TERM_SCORING, NAME_CANDIDATES, undefined, visible)
      .map((m) => this.docs[m.id]!);
  }

  /**
   * The name strings of the visible articles (one byte per doc: 1 when one of its owners is
   * visible) and the people and organisations restricted to those articles (restrictNameGroups),
   * so a group never names, counts or lists what another server's articles say.
   */
  private restrictTo(visible: ReadonlySet<string>): RestrictedNames {
    let found = this.restricted.get(visible);
    if (!found) {
      const mask = new Uint8Array(this.docs.length);
      const docs: NameDoc[] = [];
      this.docs.forEach((doc, i) => {
        if (!doc.owners.some((o) => visible.has(o.article))) return;
        mask[i] = 1;
        docs.push(doc);
      });
      found = { mask, docs, groups: restrictNameGroups(this.groups, visible) };
      this.restricted.set(visible, found);
    }
    return found;
  }
}

/** What one set of visible articles sees of the names. */
interface RestrictedNames {
  /** One byte per name doc (by position): 1 when an owner's article is visible. */
  mask: Uint8Array;
  /** Those docs, in corpus order. */
  docs: NameDoc[];
  groups: NameGroups;
  /** fuse.js over `docs` when they are few, made on first use. */
  fuse?: Fuse<NameDoc>;
}

/** The docs fuse.js matched (`distances` by id), in the order its search returns them: closest first, then as listed. */
function inFuseOrder(docs: readonly NameDoc[], distances: ReadonlyMap<number, number>): Array<{ doc: NameDoc; distance: number }> {
  const matched: Array<{ doc: NameDoc; distance: number; at: number }> = [];
  docs.forEach((doc, at) => {
    const distance = distances.get(doc.id);
    if (distance !== undefined) matched.push({ doc, distance, at });
  });
  return matched.sort((a, b) => a.distance - b.distance || a.at - b.at);
}

/** A fuse.js index over a small list of name strings, kept between queries. */
function smallFuse(scope: readonly NameDoc[]): Fuse<NameDoc> {
  return new Fuse(scope, { ...NAME_FUSE_OPTIONS }, Fuse.createIndex(NAME_FUSE_OPTIONS.keys ?? [], scope));
}
