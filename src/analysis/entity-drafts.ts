/**
 * Merge step: every classified mention of the same entity becomes one draft. Full names and
 * organisations first; then parenthesised aliases and initials ("UN") point at them, a shorter
 * name ending a longer one ("Van Damme") joins it, and bare surnames, "Mr X" and near spellings
 * ("Ms Rowe" for Jane Roe, fuse.js) join the one person they fit.
 */
import type { EntityKind, EntityReason, Mention, Role } from '../model/analysis.ts';
import type { Candidate } from './entity-candidate.ts';
import { ACADEMIC_TITLES, HONORIFICS, PARTICLES } from './name-cues.ts';
import { createVariantFinder } from './name-variants.ts';

const NAME_LINKERS: ReadonlySet<string> = new Set([...PARTICLES, 'of', 'the', 'and', 'on', 'for']);

/** One entity as it is being gathered. */
export interface Draft {
  name: string;
  kind: EntityKind;
  roles: Role[];
  aliases: Set<string>;
  mentions: Array<Mention & { at: number }>;
  /** Lower-case words that point at gender (titles, first names, role nouns). */
  cues: Set<string>;
  /** Why its first full mention was taken for what it is. */
  reason: EntityReason;
}

/** Merges candidates into entity drafts: full names first, then surnames, acronyms and aliases. */
export function buildDrafts(found: Candidate[]): Map<string, Draft> {
  let candidates = found;
  const drafts = new Map<string, Draft>();
  const byAlias = new Map<string, Draft>();
  const suppressed = new Set<string>();
  const singles = new Map<string, Draft>();
  const ensure = (name: string, kind: EntityKind, reason: EntityReason): Draft => {
    const key = name.toLowerCase();
    let draft = drafts.get(key);
    if (!draft) {
      draft = { name, kind, roles: [], aliases: new Set(), mentions: [], cues: new Set(), reason };
      drafts.set(key, draft);
    }
    return draft;
  };
  // A full personal name in brackets after something that is not a named entity is a person of
  // its own, not an alias: "his brother Dean (Jensen Ackles)" (a character and its actor).
  candidates = candidates.map((c, k) => {
    const owner = candidates[k - 1];
    const ownerNamed = owner !== undefined && (owner.kind === 'organisation' || (owner.kind === 'person' && owner.name.includes(' ')));
    return c.isAlias && !ownerNamed && c.kind === 'person' && c.name.includes(' ') ? { ...c, isAlias: false } : c;
  });
  const independent = new Set(candidates.filter((d) => !d.isAlias).map((d) => d.chunk));
  // Pass 1: entities named in full (people with two or more name words, organisations);
  // parenthesised aliases and initials ("UN" for "United Nations") point at them.
  for (const c of candidates) {
    if (c.isAlias || c.alias === null) continue;
    if (independent.has(c.alias)) continue;
    if (c.kind === 'organisation' || (c.kind === 'person' && c.name.includes(' ')))
      byAlias.set(c.alias.text.toLowerCase(), ensure(c.name, c.kind, c.reason));
    else suppressed.add(c.alias.text.toLowerCase()); // "… Telescope (FAST)": the alias of a thing
  }
  for (const c of candidates) {
    if (c.isAlias || byAlias.has(c.name.toLowerCase())) continue;
    if (c.kind === 'organisation' || (c.kind === 'person' && c.name.includes(' '))) ensure(c.name, c.kind, c.reason);
  }
  // "Van Damme" is "Jean-Claude van Damme": a shorter name ending a single longer one.
  const fullNames = [...drafts.values()].filter((d) => d.kind === 'person');
  const bySuffix = new Map<string, Draft[]>(); // every proper word-suffix of a full name → its owners
  for (const d of fullNames) {
    const words = d.name.toLowerCase().split(' ');
    for (let k = 1; k < words.length; k++) {
      const suffix = words.slice(k).join(' ');
      const list = bySuffix.get(suffix);
      if (list) list.push(d);
      else bySuffix.set(suffix, [d]);
    }
  }
  for (const short of fullNames) {
    const longer = (bySuffix.get(short.name.toLowerCase()) ?? []).filter((d) => d !== short);
    if (longer.length === 1) {
      drafts.delete(short.name.toLowerCase());
      byAlias.set(short.name.toLowerCase(), longer[0]!);
    }
  }
  const people = [...drafts.values()].filter((d) => d.kind === 'person');
  for (const org of [...drafts.values()].filter((d) => d.kind === 'organisation' && d.name.includes(' '))) {
    const initials = org.name
      .split(/\s+/)
      .filter((w) => !NAME_LINKERS.has(w.toLowerCase()))
      .map((w) => w[0])
      .join('')
      .toLowerCase();
    if (initials.length >= 2 && !byAlias.has(initials)) {
      byAlias.set(initials, org);
      drafts.delete(initials);
    }
  }
  const findVariant = createVariantFinder(people);
  const byLast = new Map<string, Draft[]>();
  const byFirst = new Map<string, Draft[]>();
  for (const p of people) {
    const words = p.name.toLowerCase().split(' ');
    for (const [map, word] of [
      [byLast, words.at(-1)!],
      [byFirst, words[0]!],
    ] as const) {
      const list = map.get(word);
      if (list) list.push(p);
      else map.set(word, [p]);
    }
  }
  const surnameOwner = (word: string): Draft | null => {
    const lowerWord = word.toLowerCase();
    const last = byLast.get(lowerWord) ?? [];
    if (last.length === 1) return last[0]!;
    if (last.length > 1) return null;
    const first = byFirst.get(lowerWord) ?? [];
    if (first.length > 0) return first.length === 1 ? first[0]! : null;
    return findVariant(word); // a misspelt surname: "Ms Rowe" for "Jane Roe"
  };
  const seen = new Map<Draft, Set<string>>();
  // Pass 2: every mention, in reading order.
  for (const c of candidates) {
    const key = c.name.toLowerCase();
    if (c.place || suppressed.has(key)) continue;
    let draft: Draft | null = null;
    if (c.isAlias || byAlias.has(key)) {
      draft = byAlias.get(key) ?? null;
    } else if (drafts.has(key)) {
      draft = drafts.get(key)!;
    } else if (!c.name.includes(' ') && c.kind !== 'organisation') {
      // A person named by one word only: "Mrs. May" keeps the honorific so the name reads as one.
      draft = surnameOwner(c.name) ?? singles.get(key) ?? (c.kind === 'person' ? ensure(c.text, 'person', c.reason) : null);
      if (draft) singles.set(key, draft);
    }
    if (!draft) continue;
    const mention = { paragraph: c.chunk.paragraph, text: c.text, at: c.start };
    const seenKey = `${mention.paragraph}:${mention.at}`;
    if (!seen.has(draft)) seen.set(draft, new Set());
    if (!seen.get(draft)!.has(seenKey)) {
      seen.get(draft)!.add(seenKey);
      draft.mentions.push(mention);
    }
    if (c.text !== draft.name) draft.aliases.add(c.text);
    for (const stated of [c.role, c.moreRole]) {
      const role = stated === null || stated === undefined ? '' : withoutHonorifics(stated);
      if (role && draft.kind === 'person' && !draft.roles.some((r) => r.text === role))
        draft.roles.push({ text: role, paragraph: c.chunk.paragraph });
    }
    for (const w of `${c.chunk.text} ${c.role ?? ''}`.toLowerCase().split(/[\s.]+/)) draft.cues.add(w);
  }
  return drafts;
}

/**
 * A role without the honorifics at its end: "Ms", "Mr." say how a person is addressed, not what
 * they do ("economist Dr" → "economist", "Ms" → ""); academic titles stay.
 */
function withoutHonorifics(role: string): string {
  const words = role.split(/\s+/);
  const isHonorific = (w: string): boolean => {
    const word = w.toLowerCase().replace(/\.$/, '');
    return HONORIFICS.has(word) && !ACADEMIC_TITLES.has(word);
  };
  while (words.length > 0 && isHonorific(words.at(-1)!)) words.pop();
  return words.join(' ');
}
