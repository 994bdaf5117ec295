/**
 * A small trainer for the speaker ranker: conditional logistic regression (a softmax over each
 * quotation's candidates; McFadden's conditional logit), fitted by full-batch gradient descent
 * with AdaGrad steps and an L2 penalty. An example is one quotation: its candidates' features and
 * which candidates are right (several may be: a name and the rules' description of the same
 * person); the loss is −log of the probability the model gives the right ones together.
 */

/** One quotation: each candidate's features (name → value) and the indices of the right candidates. */
export interface RankingExample {
  candidates: Array<Map<string, number>>;
  right: number[];
}

export interface FitOptions {
  epochs?: number;
  l2?: number;
  rate?: number;
}

export interface FitResult {
  weights: Map<string, number>;
  loss: number;
  accuracy: number;
}

/** Fits weights to the examples. Deterministic: no sampling. */
export function fitSpeakerModel(examples: RankingExample[], options: FitOptions = {}): FitResult {
  const epochs = options.epochs ?? 300;
  const l2 = options.l2 ?? 0.01;
  const rate = options.rate ?? 0.3;
  const names = [...new Set(examples.flatMap((e) => e.candidates.flatMap((c) => [...c.keys()])))].sort();
  const index = new Map(names.map((n, k) => [n, k]));
  // Candidates as parallel arrays of feature indices and values.
  const data = examples.map((e) => ({
    candidates: e.candidates.map((c) => ({ at: [...c.keys()].map((n) => index.get(n)!), value: [...c.values()] })),
    right: new Set(e.right),
  }));
  const w = new Float64Array(names.length);
  const squared = new Float64Array(names.length);
  let loss = 0;
  for (let epoch = 0; epoch < epochs; epoch++) {
    const gradient = new Float64Array(names.length);
    loss = 0;
    for (const e of data) {
      const scores = e.candidates.map((c) => c.at.reduce((s, at, k) => s + w[at]! * c.value[k]!, 0));
      const top = Math.max(...scores);
      const exps = scores.map((s) => Math.exp(s - top));
      const sum = exps.reduce((a, b) => a + b, 0);
      const rightSum = [...e.right].reduce((a, k) => a + exps[k]!, 0);
      loss -= Math.log(rightSum / sum);
      e.candidates.forEach((c, k) => {
        // d(−log P(right))/d score_k = p_k − [k right] · p_k / P(right)
        const g = exps[k]! / sum - (e.right.has(k) ? exps[k]! / rightSum : 0);
        c.at.forEach((at, j) => (gradient[at]! += g * c.value[j]!));
      });
    }
    for (let k = 0; k < w.length; k++) {
      const g = gradient[k]! / data.length + l2 * w[k]!;
      squared[k]! += g * g;
      w[k]! -= (rate * g) / (Math.sqrt(squared[k]!) + 1e-8);
    }
    loss = loss / data.length;
  }
  const weights = new Map(names.map((n, k) => [n, w[k]!]));
  return { weights, loss, accuracy: rankingAccuracy(examples, weights) };
}

/** Share of examples whose best-scored candidate is a right one. */
export function rankingAccuracy(examples: RankingExample[], weights: ReadonlyMap<string, number>): number {
  let right = 0;
  for (const e of examples) {
    let best = -1;
    let bestScore = -Infinity;
    e.candidates.forEach((c, k) => {
      let s = 0;
      for (const [n, v] of c) s += (weights.get(n) ?? 0) * v;
      if (s > bestScore) {
        bestScore = s;
        best = k;
      }
    });
    if (e.right.includes(best)) right++;
  }
  return examples.length === 0 ? 0 : right / examples.length;
}
