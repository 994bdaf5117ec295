/**
 * Parse step for one name chunk: person, organisation or neither (a place, a nationality, an
 * ordinary word), with its role, decided by ordered named rules (organisation-rules.ts, then
 * person-rules.ts once the title is split from the name). The first rule that applies decides,
 * and the verdict keeps its rule and reason, so "why is X a person?" has an answer.
 */
import type { ChunkContext, Verdict } from './entity-candidate.ts';
import { firstVerdict } from './entity-candidate.ts';
import type { NameChunk } from './name-chunks.ts';
import { ORGANISATION_RULES } from './organisation-rules.ts';
import { parseName } from './name-context.ts';
import { PERSON_RULES, noVerdict } from './person-rules.ts';

/** Classifies one chunk of a paragraph; `orgList` is where a list of organisations runs in its sentence, if anywhere. */
export function classifyChunk(chunk: NameChunk, text: string, orgList: [number, number] | null): Verdict {
  let tokens = chunk.tokens;
  let start = chunk.start;
  if (tokens.length > 1 && tokens[0] === 'The') {
    tokens = tokens.slice(1);
    start = text.indexOf(tokens[0]!, start);
  }
  const whole = tokens.join(' ');
  const ctx: ChunkContext = {
    chunk,
    text,
    orgList,
    tokens,
    lower: tokens.map((t) => t.toLowerCase().replace(/\.$/u, '')),
    whole,
    start,
    after: text.slice(chunk.end, chunk.end + 240),
    base: { chunk, name: whole, text: text.slice(start, chunk.end), start, kind: null, role: null, place: false },
  };
  const early = firstVerdict(ORGANISATION_RULES, ctx);
  if (early) return early;
  const named = parseName(ctx);
  return firstVerdict(PERSON_RULES, named) ?? noVerdict(named);
}
