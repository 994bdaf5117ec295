/**
 * The learned speaker ranker: a conditional logistic regression (one softmax over a quotation's
 * candidates, "nobody" among them) whose weights were fitted on the PolNeAR training articles by
 * `npm run train:attribution` (bench/train-attribution.ts) and are read from speaker-model.json.
 * No training happens at run time.
 */
import model from './speaker-model.json' with { type: 'json' };
import type { SpeakerCandidate } from './speaker-candidates.ts';

/** The committed model file: weights by feature name, and how they were obtained. */
export interface SpeakerModel {
  about: string;
  trained: string;
  examples: number;
  trainAccuracy: number;
  trainingSeconds: number;
  features: number;
  weights: Record<string, number>;
}

const WEIGHTS: ReadonlyMap<string, number> = new Map(Object.entries((model as SpeakerModel).weights));

/** A candidate with its score and probability among its quotation's candidates. */
export interface RankedCandidate {
  candidate: SpeakerCandidate;
  score: number;
  probability: number;
}

/** A candidate's score: the sum of its features' weights (times their values). */
export function scoreCandidate(candidate: SpeakerCandidate, weights: ReadonlyMap<string, number> = WEIGHTS): number {
  let score = 0;
  for (const [name, value] of candidate.features) score += (weights.get(name) ?? 0) * value;
  return score;
}

/** The candidates best first, with their softmax probabilities. */
export function rankCandidates(candidates: SpeakerCandidate[], weights: ReadonlyMap<string, number> = WEIGHTS): RankedCandidate[] {
  const scores = candidates.map((c) => scoreCandidate(c, weights));
  const top = Math.max(...scores);
  const exps = scores.map((s) => Math.exp(s - top));
  const sum = exps.reduce((a, b) => a + b, 0);
  return candidates
    .map((candidate, k) => ({ candidate, score: scores[k]!, probability: exps[k]! / sum }))
    .sort((a, b) => b.score - a.score);
}

/** The features that raised a candidate's score most, strongest first ("rule:after:said +2.1"). */
export function topFeatures(candidate: SpeakerCandidate, count = 3, weights: ReadonlyMap<string, number> = WEIGHTS): string[] {
  return [...candidate.features]
    .map(([name, value]) => ({ name, contribution: (weights.get(name) ?? 0) * value }))
    .filter((f) => f.contribution > 0)
    .sort((a, b) => b.contribution - a.contribution)
    .slice(0, count)
    .map((f) => `${f.name} +${f.contribution.toFixed(1)}`);
}
