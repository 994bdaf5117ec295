import type { RelatedResult } from '../model/answer.ts';

/** Most word pairs named in one note. */
const MAX_PAIRS = 3;

/**
 * Why a related paragraph was found by meaning, for display: "by meaning: protests ≈ demonstrations"
 * (the paragraph's word first, then the topic's); '' when it matched the topic's own words.
 */
export function describeMeaning(result: Pick<RelatedResult, 'meaning'>): string {
  const pairs = result.meaning ?? [];
  if (pairs.length === 0) return '';
  return `by meaning: ${pairs
    .slice(0, MAX_PAIRS)
    .map((p) => `${p.text} ≈ ${p.topic}`)
    .join(', ')}`;
}
