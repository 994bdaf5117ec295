/**
 * A Retry-After header as milliseconds to wait from `now`: either a number of seconds or an HTTP
 * date (RFC 9110 §10.2.3). Null when absent or unreadable; a date in the past is 0.
 */
export function parseRetryAfter(header: string | null, now: number): number | null {
  if (header === null) return null;
  const text = header.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  if (!/[a-z]/i.test(text)) return null;
  const at = Date.parse(text);
  if (Number.isNaN(at)) return null;
  return Math.max(0, at - now);
}
