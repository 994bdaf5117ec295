/** A usable result count from any number (negative, fractional, NaN → 0; capped at 1000). */
export function clampLimit(limit: number): number {
  return Number.isFinite(limit) && limit > 0 ? Math.min(1000, Math.floor(limit)) : 0;
}

/** A score rounded to 4 decimals and kept within 0..1 (higher is better). */
export function roundScore(score: number): number {
  return Number.isFinite(score) ? Math.max(0, Math.min(1, Math.round(score * 10_000) / 10_000)) : 0;
}
