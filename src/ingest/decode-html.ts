/** HTML bytes → text in the page's declared character encoding. */

/** How many leading bytes are searched for a `<meta charset>` declaration (the HTML standard says 1024; some pages put it later). */
const PRESCAN_BYTES = 4096;

/** The decoded page, or why its bytes are not text. */
export type DecodedHtml = { text: string; encoding: string } | { reason: string };

/**
 * Decodes an HTML page: a byte-order mark wins, then `<meta charset="…">` or
 * `<meta http-equiv="Content-Type" content="…; charset=…">` in the first bytes, then the
 * `charsetHint` (the HTTP Content-Type header's charset, for fetched pages), then UTF-8.
 * Encoding labels are the WHATWG ones TextDecoder knows (ISO-8859-1 reads as windows-1252, as
 * browsers do). An undeclared page that is not valid UTF-8 is read as windows-1252, the
 * browsers' fallback; a page declared as UTF-8 that is not is refused. A header hint is weaker
 * than a declaration in the page: a hinted single-byte encoding on bytes that are valid UTF-8
 * with non-ASCII characters (a server default left on a UTF-8 page) reads as UTF-8, and a hinted
 * UTF-8 that is not falls back to windows-1252.
 */
export function decodeHtml(bytes: Uint8Array, charsetHint: string | null = null): DecodedHtml {
  const declared = findBomEncoding(bytes) ?? findMetaCharset(bytes);
  if (declared === null && charsetHint !== null && isKnownEncoding(charsetHint)) return decodeWithHint(bytes, charsetHint);
  const label = declared !== null && isKnownEncoding(declared) ? declared : null;
  if (label !== null && !/^(?:utf-?8|unicode-1-1-utf-8)$/i.test(label)) {
    const decoder = new TextDecoder(label);
    const text = decoder.decode(bytes);
    return { text: decoder.encoding === 'windows-1252' ? fixWindows1252(text) : text, encoding: decoder.encoding };
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    if (label !== null) return { reason: 'binary or not UTF-8 text (the page declares UTF-8 but is not valid UTF-8)' };
    return { text: fixWindows1252(new TextDecoder('windows-1252').decode(bytes)), encoding: 'windows-1252' };
  }
}

/** Decoding by a header's charset when the page declares none (see {@link decodeHtml}). */
function decodeWithHint(bytes: Uint8Array, hint: string): DecodedHtml {
  const decoder = new TextDecoder(hint);
  let utf8: string | null;
  try {
    utf8 = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    utf8 = null;
  }
  if (decoder.encoding === 'utf-8') {
    return utf8 !== null
      ? { text: utf8, encoding: 'utf-8' }
      : { text: fixWindows1252(new TextDecoder('windows-1252').decode(bytes)), encoding: 'windows-1252' };
  }
  if (utf8 !== null && isSingleByte(decoder.encoding) && /[^\u0000-\u007f]/.test(utf8)) return { text: utf8, encoding: 'utf-8' };
  const text = decoder.decode(bytes);
  return { text: decoder.encoding === 'windows-1252' ? fixWindows1252(text) : text, encoding: decoder.encoding };
}

/** Single-byte encodings (windows-125x, ISO-8859-x, KOI8, Mac…): every byte sequence decodes, so a header naming one may be a server default. */
function isSingleByte(encoding: string): boolean {
  return /^(?:windows-12\d\d|iso-8859-\d+|koi8-[ru]|macintosh|x-mac-cyrillic|ibm866|windows-874)$/.test(encoding);
}

/** Windows-1252 bytes 0x80–0x9F (curly quotes, dashes, €…), by the WHATWG table; the five unassigned ones stay as they are. */
const WINDOWS_1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ';

/**
 * Node 20's TextDecoder reads "windows-1252" (and "iso-8859-1", its WHATWG alias) as Latin-1,
 * leaving 0x80–0x9F as C1 control characters; browsers read them as Windows-1252 punctuation.
 */
function fixWindows1252(text: string): string {
  return text.replace(/[\u0080-\u009F]/g, (c) => WINDOWS_1252_HIGH[c.charCodeAt(0) - 0x80] ?? c);
}

/** The encoding a byte-order mark at the start names (UTF-8, UTF-16 BE/LE), or null. */
export function findBomEncoding(bytes: Uint8Array): string | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  return null;
}

/** The charset a `<meta>` tag in the first bytes declares, or null. */
function findMetaCharset(bytes: Uint8Array): string | null {
  // Latin-1 maps each byte to one character, so the ASCII markup is found whatever the encoding.
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, PRESCAN_BYTES));
  for (const tag of head.match(/<meta\b[^>]{0,500}>/gi) ?? []) {
    const charset = /\bcharset\s*=\s*["']?\s*([\w.:-]{1,40})/i.exec(tag);
    if (charset) return charset[1] ?? null;
  }
  return null;
}

function isKnownEncoding(label: string): boolean {
  try {
    new TextDecoder(label);
    return true;
  } catch {
    return false;
  }
}
