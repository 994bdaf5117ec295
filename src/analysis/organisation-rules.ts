/**
 * The first rules of the parse step, in order: is a chunk an organisation, a place or a
 * nationality before anyone asks whether it is a person? Each returns a verdict and a reason.
 */
import type { ChunkContext, ChunkRule } from './entity-candidate.ts';
import { isDemonym, isPlaceName } from './gazetteer.ts';
import { isRoleWord } from './entity-roles.ts';
import { FIRST_NAMES, ORG_HEADS, ORG_NOUNS, PARTICLES, ROLE_NOUNS, TITLE_WORDS } from './name-cues.ts';
import { ACRONYM, ROMAN } from './name-shapes.ts';
import { wordList } from './word-lists.ts';

const GROUP_NOUNS_AFTER_PLACE = wordList('organisations', 'groupsAfterPlace');
/** Words that continue an organisation's name after its head word ("Bank of England", "Union for the Mediterranean"). */
const NAME_LINKERS: ReadonlySet<string> = new Set([...PARTICLES, 'of', 'the', 'and', 'on', 'for']);
const FUNCTION_WORDS = /^(?:of|and|or|in|to|for|the|a|an|with|by|from|at|on|as|is|was|has|had|which|that|who)$/u;

/** A lower-case organisation noun within three words after a name: "Wagner military company". */
export function findOrgNounAfter(after: string): { noun: string; adjacent: boolean } | null {
  const words = /^\s+(\p{Ll}[\p{Ll}-]*)(?:\s+(\p{Ll}[\p{Ll}-]*))?(?:\s+(\p{Ll}[\p{Ll}-]*))?/u.exec(after);
  if (!words) return null;
  for (let k = 1; k <= 3; k++) {
    const word = words[k];
    if (word === undefined || FUNCTION_WORDS.test(word)) return null;
    if (ORG_NOUNS.has(word)) return { noun: word, adjacent: k === 1 };
  }
  return null;
}

const organisation = (ctx: ChunkContext, name: string) => ({ ...ctx.base, name, text: name, kind: 'organisation' as const });

export const ORGANISATION_RULES: ReadonlyArray<ChunkRule> = [
  {
    name: 'place-with-group-noun',
    apply: (ctx) => {
      const group = /^\s+(\p{Ll}+)/u.exec(ctx.after)?.[1];
      if (!group || !GROUP_NOUNS_AFTER_PLACE.has(group) || !(ctx.lower.every((w) => isDemonym(w)) || isPlaceName(ctx.whole))) return null;
      return {
        verdict: organisation(ctx, `${ctx.whole} ${group}`),
        reason: `"${ctx.whole}" is a place or nationality followed by "${group}"`,
      };
    },
  },
  {
    name: 'organisation-head-word',
    apply: (ctx) => {
      if (ctx.tokens.length < 2) return null;
      let head = -1;
      ctx.lower.forEach((w, k) => {
        if (ORG_HEADS.has(w)) head = k;
      });
      if (head < 0) return null;
      // "White House Press Secretary Josh Earnest": a title and a given name after the head make it a person's title.
      if (ctx.lower.some((w, k) => k > head && FIRST_NAMES.has(w) && (TITLE_WORDS.has(ctx.lower[k - 1]!) || isRoleWord(ctx.lower[k - 1]!))))
        return null;
      // "Royal Air Force", cut before "Sea King" unless a linker continues it ("Bank of England").
      const cut = ctx.lower.slice(head + 1).some((w) => NAME_LINKERS.has(w)) ? ctx.tokens.length : head + 1;
      if (head === 0 && cut === 1) return null;
      const name = ctx.tokens.slice(0, cut).join(' ');
      return { verdict: organisation(ctx, name), reason: `"${ctx.tokens[head]}" is an organisation's head word` };
    },
  },
  {
    name: 'place',
    apply: (ctx) => (isPlaceName(ctx.whole) ? { verdict: { ...ctx.base, place: true }, reason: `"${ctx.whole}" is a place` } : null),
  },
  {
    name: 'nationality',
    apply: (ctx) => (ctx.lower.every((w) => isDemonym(w)) ? { verdict: ctx.base, reason: `"${ctx.whole}" is a nationality` } : null),
  },
  {
    name: 'acronym',
    apply: (ctx) => {
      const single = ctx.tokens.length === 1 ? ctx.tokens[0]! : null;
      if (single === null || !ACRONYM.test(single) || ROMAN.test(single) || /\p{N}/u.test(single)) return null;
      if (ROLE_NOUNS.has(ctx.lower[0]!) || TITLE_WORDS.has(ctx.lower[0]!)) return null;
      return { verdict: { ...ctx.base, kind: 'organisation' }, reason: `"${single}" is an acronym` };
    },
  },
  {
    name: 'listed-organisation',
    apply: (ctx) =>
      ctx.orgList && ctx.chunk.start >= ctx.orgList[0] && ctx.chunk.start < ctx.orgList[1]
        ? { verdict: { ...ctx.base, kind: 'organisation' }, reason: `"${ctx.whole}" is in a list of organisations ("groups such as …")` }
        : null,
  },
  {
    name: 'organisation-noun-after',
    apply: (ctx) => {
      const found = findOrgNounAfter(ctx.after);
      if (found === null) return null;
      const name = found.adjacent && GROUP_NOUNS_AFTER_PLACE.has(found.noun) ? `${ctx.whole} ${found.noun}` : ctx.whole;
      return { verdict: organisation(ctx, name), reason: `"${ctx.whole}" is followed by the organisation noun "${found.noun}"` };
    },
  },
];
