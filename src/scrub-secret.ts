/** Removing a secret (the bot token) from text that leaves the process: log lines, Discord messages. */

/** What replaces a secret. */
export const REDACTED = '[Redacted]';

/** A part of the token shorter than this is not scrubbed on its own (it could be an ordinary word). */
const MIN_PART_LENGTH = 20;

/**
 * The strings to remove for a token: the token itself and each of its dot-separated parts of at
 * least 20 characters (a Discord token is id.timestamp.hmac: the hmac alone is what must never
 * leak, and a reply cut short could carry only a part). Longest first. None for a short or
 * missing secret (not a real token: scrubbing it would mangle ordinary text).
 */
export function secretVariants(secret: string | null | undefined): string[] {
  if (!secret || secret.length < 8) return [];
  const parts = secret.split('.').filter((part) => part.length >= MIN_PART_LENGTH && part !== secret);
  return [secret, ...parts].sort((a, b) => b.length - a.length);
}

/** `text` with every occurrence of each variant replaced by [Redacted]. */
export function scrubSecret(text: string, variants: readonly string[]): string {
  let out = text;
  for (const variant of variants) if (out.includes(variant)) out = out.split(variant).join(REDACTED);
  return out;
}
