/** Turning what is added (a fetched page, an uploaded file) into a cleaned Article, with the loader's own readers. */
import { decodeHtml } from '../ingest/decode-html.ts';
import { parseArticle } from '../ingest/parse-article.ts';
import { readHtmlArticle } from '../ingest/read-html-article.ts';
import type { Article } from '../model/article.ts';
import type { FetchedPage } from '../web/fetch-page.ts';
import { libraryError, type LibraryError } from './library-error.ts';

/** Uploaded files larger than this are refused: 5 MB, the data folder's limit. */
export const MAX_FILE_BYTES = 5 * 1024 * 1024;

/** The file kinds that can be added, by name. */
const FILE_KIND: ReadonlyArray<[RegExp, 'html' | 'markdown' | 'text']> = [
  [/\.html?$/i, 'html'],
  [/\.(?:md|markdown)$/i, 'markdown'],
  [/\.txt$/i, 'text'],
];
const HTML_TYPES = new Set(['text/html', 'application/xhtml+xml']);
const MARKDOWN_TYPES = new Set(['text/markdown', 'text/x-markdown']);

/**
 * A fetched page as an Article: HTML and XHTML through the HTML reader (Readability, the page's
 * metadata; the header's charset when the page declares none, relative canonical links resolved
 * against the page's URL), plain text and Markdown through the text cleaner (decoded as a
 * browser would: the header's charset, else UTF-8, else windows-1252).
 */
export function readFetchedPage(page: FetchedPage): Article | LibraryError {
  const host = hostOf(page.url);
  const type = page.contentType.toLowerCase();
  let read: Article | { reason: string };
  if (HTML_TYPES.has(type)) read = readHtmlArticle(page.bytes, page.url, { charset: page.charset, baseUrl: page.url });
  else if (type === 'text/plain' || MARKDOWN_TYPES.has(type)) {
    // As a browser reads text: a byte-order mark, the header's charset, UTF-8, else windows-1252.
    const decoded = decodeHtml(page.bytes, page.charset);
    if ('reason' in decoded) return libraryError('not-an-article', `The page at ${host} is not readable text: ${decoded.reason}.`);
    read = parseArticle(decoded.text, MARKDOWN_TYPES.has(type) ? 'page.md' : 'page.txt');
  } else return libraryError('not-an-article', `The page at ${host} is ${page.contentType || 'of no stated type'}, not an article page.`);
  if ('reason' in read) return libraryError('not-an-article', `No article found at ${host}: ${read.reason}.`);
  return read;
}

/**
 * An uploaded file as an Article, cleaned as files in the data folder are: only .txt, .md and
 * .html/.htm by name; at most 5 MB; a stated content type must be text, HTML or unspecific
 * (application/octet-stream); text files must be UTF-8 (or the charset the type names) without
 * NUL bytes; HTML pages are decoded by their own declaration.
 */
export function readUploadedFile(file: { name: string; bytes: Uint8Array; contentType?: string | null }): Article | LibraryError {
  const name = file.name.trim();
  const kind = FILE_KIND.find(([pattern]) => pattern.test(name))?.[1];
  const shown = JSON.stringify(name.slice(0, 80));
  if (kind === undefined) return libraryError('bad-file', `${shown} is not a .txt, .md or .html file: only those can be added.`);
  if (file.bytes.length > MAX_FILE_BYTES)
    return libraryError(
      'too-large',
      `${shown} is ${describeBytes(file.bytes.length)}; files up to ${describeBytes(MAX_FILE_BYTES)} can be added.`,
    );
  if (file.bytes.length === 0) return libraryError('bad-file', `${shown} is empty.`);
  const { type, charset } = parseContentType(file.contentType ?? null);
  if (type !== null && !(type.startsWith('text/') || HTML_TYPES.has(type) || type === 'application/octet-stream'))
    return libraryError('bad-file', `${shown} is ${type}, not text: only .txt, .md and .html files can be added.`);
  let read: Article | { reason: string };
  if (kind === 'html') {
    read = readHtmlArticle(file.bytes, name, { charset });
  } else {
    if (file.bytes.includes(0)) return libraryError('bad-file', `${shown} is a binary file (it contains NUL bytes), not text.`);
    const text = decodeText(file.bytes, charset);
    if (typeof text !== 'string') return libraryError('bad-file', `${shown} is not text: ${text.reason}.`);
    read = parseArticle(text, name);
  }
  if ('reason' in read) {
    const code = /^(?:binary|malformed|unreadable)|not UTF-8/.test(read.reason) ? 'bad-file' : 'not-an-article';
    return libraryError(code, `${shown} has no article to add: ${read.reason}.`);
  }
  return read;
}

/** Text bytes in the stated charset, else UTF-8 (strict: a file that is not UTF-8 is refused rather than misread). */
function decodeText(bytes: Uint8Array, charset: string | null): string | { reason: string } {
  if (charset !== null && !/^utf-?8$/i.test(charset)) {
    try {
      return new TextDecoder(charset).decode(bytes);
    } catch {
      // An unknown label: read as UTF-8 below.
    }
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return { reason: 'it is not valid UTF-8 (save it as UTF-8 and try again)' };
  }
}

function parseContentType(value: string | null): { type: string | null; charset: string | null } {
  if (value === null || value.trim() === '') return { type: null, charset: null };
  const [type, ...params] = value.split(';');
  const charset = params.map((param) => /^\s*charset\s*=\s*"?([\w.:-]+)"?\s*$/i.exec(param)?.[1] ?? null).find((c) => c !== null) ?? null;
  return { type: (type ?? '').trim().toLowerCase() || null, charset: charset?.toLowerCase() ?? null };
}

function describeBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / (1024 * 1024)).toFixed(1).replace(/\.0$/, '')} MB` : `${Math.ceil(bytes / 1024)} KB`;
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url.slice(0, 80);
  }
}
