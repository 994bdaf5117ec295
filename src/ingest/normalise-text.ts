/** Character-level clean-up of raw article text, before it is split into blocks. */

/** Why a text is not readable text at all (binary), or null when it is text. */
export function findBinaryReason(text: string): string | null {
  if (text.includes('\u0000')) return 'binary file (contains NUL bytes)';
  const controls = text.match(/[\u0001-\u0008\u000e-\u001f]/g)?.length ?? 0;
  if (controls > 0 && controls / text.length > 0.01) return 'binary file (many control characters)';
  return null;
}

/**
 * Normalises line endings and whitespace: BOM removed, CRLF/CR → LF, NBSP and other Unicode
 * spaces and tabs → one space, zero-width characters removed, runs of spaces collapsed, lines
 * trimmed. Quotes (straight or curly) are kept as they are.
 */
export function normaliseWhitespace(text: string): string {
  return text
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .replace(/[\u200B-\u200D\u2060\uFEFF\u00AD]/g, '')
    .replace(/[\t\f\v\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]/g, ' ')
    .replace(/[\u0001-\u0008\u000e-\u001f]/g, '')
    .split('\n')
    .map((line) => line.replace(/ {2,}/g, ' ').trim())
    .join('\n');
}
