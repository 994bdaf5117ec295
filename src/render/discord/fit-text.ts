import { escapeText } from './escape-text.ts';

const ELLIPSIS = '…';

/**
 * Shortens plain text to at most `max` characters, at a word boundary when one is near,
 * ending with "…" when anything was cut.
 */
export function truncateText(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max <= 1) return ELLIPSIS.slice(0, max);
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  const body = space > max * 0.6 ? cut.slice(0, space) : cut;
  return body.trimEnd() + ELLIPSIS;
}

/**
 * Escapes raw text (see escapeText) and shortens it so the ESCAPED form fits in `max`
 * characters; the cut happens in the raw text, so no escape sequence is broken.
 */
export function escapeAndTruncate(raw: string, max: number): string {
  let escaped = escapeText(raw);
  if (escaped.length <= max) return escaped;
  let limit = Math.min(raw.length, max);
  while (limit > 0) {
    escaped = escapeText(truncateText(raw, limit));
    if (escaped.length <= max) return escaped;
    limit -= Math.max(1, escaped.length - max);
  }
  return '';
}

/**
 * Splits raw text into pieces whose escaped forms each fit in `max` characters, cutting
 * between words (inside a word only when a single word is too long). Returns escaped pieces.
 * Linear: each word is escaped once; each piece is checked once more as a whole.
 */
export function escapeAndSplit(raw: string, max: number): string[] {
  const whole = escapeText(raw);
  if (whole.length <= max) return [whole];
  const budget = Math.max(4, max - 8);
  const escapedLength = (word: string): number => (/[\\*_`~|[\]>#+\-.@<]/.test(word) ? escapeText(word).length : word.length);
  const words = raw.split(/(?<=\s)/).flatMap((word) => {
    if (escapedLength(word) <= budget) return [word];
    // A word longer than a piece is cut by characters; escaping at most doubles a character.
    const size = Math.max(1, Math.floor(budget / 2));
    const parts: string[] = [];
    for (let i = 0; i < word.length; i += size) parts.push(word.slice(i, i + size));
    return parts;
  });
  const groups: string[][] = [];
  let current: string[] = [];
  let length = 0;
  for (const word of words) {
    const size = escapedLength(word);
    if (current.length > 0 && length + size > budget) {
      groups.push(current);
      current = [];
      length = 0;
    }
    current.push(word);
    length += size;
  }
  if (current.length > 0) groups.push(current);
  const pieces: string[] = [];
  for (const group of groups) {
    // Context-dependent escapes can add a little: drop words to a next piece until it fits.
    let words = group;
    while (words.length > 0) {
      let take = words.length;
      while (take > 1 && escapeText(words.slice(0, take).join('').trim()).length > max) take -= 1;
      const piece = escapeText(words.slice(0, take).join('').trim());
      if (piece) pieces.push(piece.length <= max ? piece : piece.slice(0, max));
      words = words.slice(take);
    }
  }
  return pieces;
}

/**
 * Joins as many whole items as fit in `max` characters with `separator`, adding
 * "… and N more" when some had to be left out. Items are already formatted (escaped).
 */
export function joinWithinLimit(items: string[], separator: string, max: number): string {
  const out: string[] = [];
  let length = 0;
  for (let i = 0; i < items.length; i++) {
    const item = items[i]!;
    const remaining = items.length - i - 1;
    const tail = remaining > 0 ? `${separator}… and ${remaining} more` : '';
    const next = length + (out.length > 0 ? separator.length : 0) + item.length;
    if (next + tail.length <= max || (remaining === 0 && next <= max)) {
      out.push(item);
      length = next;
      continue;
    }
    const left = items.length - out.length;
    const more = `… and ${left} more`;
    return out.length > 0 ? out.join(separator) + separator + more : more.slice(0, max);
  }
  return out.join(separator);
}
