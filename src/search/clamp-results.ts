/** A usable result count from any number (negative, fractional, NaN → 0; capped at 1000). */
export function clampLimit(limit: number): number {
  return Number.isFinite(limit) && limit > 0 ? Math.min(1000, Math.floor(limit)) : 0;
}

/** A score rounded to 4 decimals and kept within 0..1 (higher is better). */
export function roundScore(score: number): number {
  return Number.isFinite(score) ? Math.max(0, Math.min(1, Math.round(score * 10_000) / 10_000)) : 0;
}

/** The first words of `text` that fit in `max` characters (or the start of the first word). */
export function cutAtWord(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.lastIndexOf(' ', max);
  return cut > 0 ? text.slice(0, cut) : text.slice(0, max);
}
