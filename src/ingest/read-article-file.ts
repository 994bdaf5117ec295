/** Reading one article file: size limit, UTF-8 check, parse. */
import type { Article, SkippedFile } from '../model/article.ts';
import { describeEntryKind, type ArticleFs } from './article-fs.ts';
import { parseArticle } from './parse-article.ts';
import { HTML_FILE, readHtmlArticle } from './read-html-article.ts';

/** Files larger than this (bytes) are skipped unless `maxBytes` says otherwise: 5 MB. */
export const DEFAULT_MAX_BYTES = 5 * 1024 * 1024;

/** Article files are `.txt`, `.md` (also `.markdown`) and `.html` (also `.htm`, `.xhtml`); dot-files (editor temp files) are ignored. */
export function isArticleFileName(name: string): boolean {
  return !name.startsWith('.') && (/\.(?:txt|md|markdown)$/i.test(name) || HTML_FILE.test(name));
}

/**
 * Reads and parses one file at `path` under the given id. Never throws for a bad file: it
 * returns a SkippedFile with the reason (a symbolic link — never followed, whatever it points
 * to —, not a regular file — FIFO, socket, device, directory —, unreadable, too large, empty,
 * binary, invalid UTF-8, malformed front matter, no paragraphs; for HTML pages also no article
 * found, too many elements or too deep nesting).
 */
export async function readArticleFile(
  fs: ArticleFs,
  path: string,
  id: string,
  maxBytes: number,
): Promise<{ article: Article } | { skipped: SkippedFile }> {
  const read = await readArticleBytes(fs, path, maxBytes);
  return 'skipped' in read ? read : parseArticleBytes(read.bytes, path, id);
}

/** The bytes of the article file at `path`, or why it is skipped before parsing (see {@link readArticleFile}). */
export async function readArticleBytes(
  fs: ArticleFs,
  path: string,
  maxBytes: number,
): Promise<{ bytes: Uint8Array } | { skipped: SkippedFile }> {
  const skip = (reason: string) => ({ skipped: { file: path, reason } });
  let bytes: Uint8Array;
  try {
    const info = await fs.lstat(path);
    if (info.isSymbolicLink?.()) return skip('a symbolic link: links are not followed (copy the file into the data directory instead)');
    if (!info.isFile()) return skip(`not a regular file: ${describeEntryKind(info)}`);
    if (info.size > maxBytes) return skip(`too large: ${info.size} bytes (limit ${maxBytes})`);
    bytes = await fs.readFile(path);
  } catch (err) {
    return skip(`unreadable: ${describeError(err)}`);
  }
  if (bytes.length > maxBytes) return skip(`too large: ${bytes.length} bytes (limit ${maxBytes})`);
  if (bytes.length === 0) return skip('empty file');
  return { bytes };
}

/** Parses the bytes of the article file at `path` (read by {@link readArticleBytes}) under the given id. Pure: the same bytes and kind of file give the same article. */
export function parseArticleBytes(bytes: Uint8Array, path: string, id: string): { article: Article } | { skipped: SkippedFile } {
  const skip = (reason: string) => ({ skipped: { file: path, reason } });
  if (HTML_FILE.test(path)) {
    // The page's own charset declaration decides how its bytes read (UTF-16 pages hold NUL bytes).
    const page = readHtmlArticle(bytes, path);
    return 'reason' in page ? skip(page.reason) : { article: { ...page, id } };
  }
  if (bytes.includes(0)) return skip('binary file (contains NUL bytes)');
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return skip('binary or not UTF-8 text (invalid UTF-8)');
  }
  const parsed = parseArticle(text, path);
  if ('reason' in parsed) return skip(parsed.reason);
  return { article: { ...parsed, id } };
}

/** A short message for an I/O error ("ENOENT: no such file…" → its code and message). */
export function describeError(err: unknown): string {
  if (err instanceof Error) return err.message;
  return String(err);
}
