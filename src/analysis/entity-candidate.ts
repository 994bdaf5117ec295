/**
 * What the parse step makes of one name chunk (a Candidate), and the context its rules read:
 * the chunk's tokens, the text around it and, once a title is split off, the name itself.
 */
import type { EntityKind, EntityReason } from '../model/analysis.ts';
import type { NameChunk } from './name-chunks.ts';

/** A classified chunk: what it names and how. */
export interface Candidate {
  chunk: NameChunk;
  /** The name without titles or honorifics ("Sergei Lavrov", "Haddox"). */
  name: string;
  /** The words as they appear, without titles ("Sergei Lavrov", "Mr. Haddox"). */
  text: string;
  start: number;
  kind: EntityKind | null;
  role: string | null;
  /** A second role stated in the same place: "Attorney Robert Sarvis, the Libertarian Party's nominee …". */
  moreRole?: string | null;
  /** A parenthesised alias written right after it: "(CSTO)", "(Right Sector)". */
  alias: NameChunk | null;
  isAlias: boolean;
  place: boolean;
  /** The rule that decided what the chunk is, and why. */
  reason: EntityReason;
}

/** A rule's verdict on a chunk: the candidate without its neighbours (aliases). */
export type Verdict = Omit<Candidate, 'alias' | 'isAlias'>;

/** What every rule may read about a chunk. */
export interface ChunkContext {
  chunk: NameChunk;
  /** The paragraph's text (chunk offsets are in it). */
  text: string;
  /** Where, in the paragraph, a list of organisations runs ("groups such as A, B and C"), if anywhere. */
  orgList: [number, number] | null;
  /** The chunk's tokens without a leading "The". */
  tokens: string[];
  /** Lower case, without a final period. */
  lower: string[];
  whole: string;
  start: number;
  /** What follows the chunk, enough for every look-ahead. */
  after: string;
  /** The verdict "nothing": the chunk as written, no kind. */
  base: Omit<Verdict, 'reason'>;
}

/** A named rule: a verdict with its reason, or null when the rule does not apply. */
export interface ChunkRule<C extends ChunkContext = ChunkContext> {
  name: string;
  apply: (ctx: C) => { verdict: Omit<Verdict, 'reason'>; reason: string } | null;
}

/** Runs rules in order; the first that applies decides. */
export function firstVerdict<C extends ChunkContext>(rules: ReadonlyArray<ChunkRule<C>>, ctx: C): Verdict | null {
  for (const rule of rules) {
    const found = rule.apply(ctx);
    if (found) return { ...found.verdict, reason: { rule: rule.name, text: found.reason } };
  }
  return null;
}
