import type { EntityKind } from '../model/analysis.ts';
import type { NameGroup, NameGroupMember } from '../model/corpus.ts';

/** What grouping needs to know of one entity of one article. */
export interface GroupableEntity {
  article: string;
  entityId: string;
  /** The entity's fullest name in its article ("Vladimir Putin", or just "Putin"). */
  name: string;
  /** `name` folded the way the name index compares names ("vladimir putin"). */
  key: string;
  kind: EntityKind;
  mentions: number;
}

/** People and organisations across the corpus, ready for lookups. */
export interface NameGroups {
  /** The group of an entity, by `${article}\u0000${entityId}` (entityKey). */
  byEntity: EntityGroups;
  /** Groups by mentions, most first (ties by name), at most PROMINENT_GROUPS. */
  prominent: readonly NameGroup[];
  /** Every group with what restrictNameGroups needs to name it again: its folded name and its members' names (in member order). */
  all: readonly RootedGroup[];
}

/** The group of an entity by entityKey (a Map, or a view of one). */
export interface EntityGroups {
  get(key: string): NameGroup | undefined;
  has(key: string): boolean;
}

/** A group, the folded name it was grouped under, and each member's name as written and folded. */
export interface RootedGroup {
  group: NameGroup;
  root: string;
  names: ReadonlyArray<{ name: string; key: string }>;
}

/** How many of the most mentioned groups are kept for suggestions and empty autocomplete. */
export const PROMINENT_GROUPS = 50;

/** The key of one entity in a per-entity map. */
export function entityKey(article: string, entityId: string): string {
  return `${article}\u0000${entityId}`;
}

/**
 * Groups the entities of all articles into people and organisations across the corpus:
 * - the same folded full name and kind is the same group;
 * - a person's shorter multi-word name joins a longer one with the same first and last
 *   words ("John Smith" → "John Fitzgerald Smith") when exactly one such longer name exists;
 * - a person known by one word only ("Putin") joins the one multi-word person whose name
 *   has that word, when there is exactly one; otherwise it stays on its own.
 * Linear in the number of entities (plus the few longer names sharing first and last words).
 */
export function groupNames(entities: readonly GroupableEntity[]): NameGroups {
  const rootOf = resolvePersonRoots(entities);
  const groups = new Map<string, { kind: EntityKind; members: Array<NameGroupMember & { order: number; name: string; key: string }> }>();
  entities.forEach((entity, order) => {
    const root = entity.kind === 'person' ? (rootOf.get(entity.key) ?? entity.key) : entity.key;
    const groupKey = `${entity.kind}\u0000${root}`;
    let group = groups.get(groupKey);
    if (!group) {
      group = { kind: entity.kind, members: [] };
      groups.set(groupKey, group);
    }
    group.members.push({
      article: entity.article,
      entityId: entity.entityId,
      mentions: entity.mentions,
      order,
      name: entity.name,
      key: entity.key,
    });
  });
  const byEntity = new Map<string, NameGroup>();
  const all: NameGroup[] = [];
  const rooted: RootedGroup[] = [];
  for (const [groupKey, { kind, members }] of groups) {
    members.sort((a, b) => b.mentions - a.mentions || a.order - b.order);
    const root = groupKey.slice(groupKey.indexOf('\u0000') + 1);
    const group: NameGroup = {
      id: all.length,
      name: displayName(members, root),
      kind,
      members: members.map(({ article, entityId, mentions }) => ({ article, entityId, mentions })),
      articles: new Set(members.map((m) => m.article)).size,
      mentions: members.reduce((n, m) => n + m.mentions, 0),
    };
    all.push(group);
    rooted.push({ group, root, names: members.map(({ name, key }) => ({ name, key })) });
    for (const m of members) byEntity.set(entityKey(m.article, m.entityId), group);
  }
  return { byEntity, prominent: mostMentioned(all), all: rooted };
}

/** String.prototype.localeCompare's order, from one collator made once (a localeCompare call makes its own: ~10× slower). */
const compareNames = new Intl.Collator().compare;

function mostMentioned(groups: NameGroup[]): NameGroup[] {
  return groups.sort((a, b) => b.mentions - a.mentions || compareNames(a.name, b.name) || a.id - b.id).slice(0, PROMINENT_GROUPS);
}

/**
 * The groups as the given articles alone show them: members of other articles left out, counts
 * recomputed, the name chosen again among the members kept (a name only another article writes
 * in full is never shown), groups with no member left dropped. A group whose members are all
 * kept is the same object. Linear in the number of entities, with no per-entity string keys:
 * `byEntity` looks an entity's group up in the original and maps it to its restricted one.
 */
export function restrictNameGroups(groups: NameGroups, visible: ReadonlySet<string>): NameGroups {
  const restrictedOf = new Map<NameGroup, NameGroup>();
  const kept: NameGroup[] = [];
  const rooted: RootedGroup[] = [];
  for (const { group, root, names } of groups.all) {
    const at: number[] = [];
    group.members.forEach((m, i) => {
      if (visible.has(m.article)) at.push(i);
    });
    if (at.length === 0) continue;
    let restricted = group;
    let keptNames = names;
    if (at.length < group.members.length) {
      const members = at.map((i) => group.members[i]!);
      keptNames = at.map((i) => names[i]!);
      restricted = {
        id: group.id,
        name: displayName(
          members.map((m, j) => ({ ...keptNames[j]!, mentions: m.mentions })),
          root,
        ),
        kind: group.kind,
        members,
        articles: new Set(members.map((m) => m.article)).size,
        mentions: members.reduce((n, m) => n + m.mentions, 0),
      };
    }
    restrictedOf.set(group, restricted);
    kept.push(restricted);
    rooted.push({ group: restricted, root, names: keptNames });
  }
  const get = (key: string): NameGroup | undefined => {
    if (!visible.has(key.slice(0, key.indexOf('\u0000')))) return undefined;
    const group = groups.byEntity.get(key);
    return group && restrictedOf.get(group);
  };
  return { byEntity: { get, has: (key) => get(key) !== undefined }, prominent: mostMentioned(kept), all: rooted };
}

/** The name most often written among the members whose folded name is the group's own. */
function displayName(members: ReadonlyArray<{ name: string; key: string; mentions: number }>, root: string): string {
  const counts = new Map<string, number>();
  for (const m of members) if (m.key === root) counts.set(m.name, (counts.get(m.name) ?? 0) + Math.max(1, m.mentions));
  let best = members[0]!.name;
  let most = -1;
  for (const [name, count] of counts) {
    if (count > most) {
      best = name;
      most = count;
    }
  }
  return best;
}

/** For each person key, the key of the group it joins (itself when it joins none). */
function resolvePersonRoots(entities: readonly GroupableEntity[]): Map<string, string> {
  const keys = [...new Set(entities.filter((e) => e.kind === 'person' && e.key !== '').map((e) => e.key))];
  const words = new Map(keys.map((k) => [k, k.split(' ')]));
  const multi = keys
    .filter((k) => words.get(k)!.length > 1)
    .sort((a, b) => words.get(b)!.length - words.get(a)!.length || compareNames(a, b));
  const rootOf = new Map<string, string>();
  const byEnds = new Map<string, string[]>();
  for (const key of multi) {
    const w = words.get(key)!;
    const ends = `${w[0]}\u0000${w[w.length - 1]}`;
    const longer = (byEnds.get(ends) ?? []).filter((other) => words.get(other)!.length > w.length && isSubsequence(w, words.get(other)!));
    const roots = new Set(longer.map((other) => rootOf.get(other)!));
    rootOf.set(key, roots.size === 1 ? [...roots][0]! : key);
    const bucket = byEnds.get(ends);
    if (bucket) bucket.push(key);
    else byEnds.set(ends, [key]);
  }
  const rootsByWord = new Map<string, Set<string>>();
  for (const key of multi) {
    for (const word of words.get(key)!) {
      if (word.length < 2) continue;
      const set = rootsByWord.get(word) ?? new Set<string>();
      set.add(rootOf.get(key)!);
      rootsByWord.set(word, set);
    }
  }
  for (const key of keys) {
    if (words.get(key)!.length !== 1) continue;
    const roots = rootsByWord.get(key);
    rootOf.set(key, roots && roots.size === 1 ? [...roots][0]! : key);
  }
  return rootOf;
}

/** True when every word of `short` appears in `long` in the same order. */
function isSubsequence(short: readonly string[], long: readonly string[]): boolean {
  let i = 0;
  for (const word of long) if (i < short.length && word === short[i]) i++;
  return i === short.length;
}
