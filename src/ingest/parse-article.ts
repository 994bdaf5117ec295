/** Raw article text → cleaned, numbered Article. Pure. */
import type { Article } from '../model/article.ts';
import { toArticleId } from './article-id.ts';
import { buildBody } from './build-body.ts';
import { splitFrontMatter, type FrontMatter } from './front-matter.ts';
import { findBinaryReason, normaliseWhitespace } from './normalise-text.ts';
import { readHead } from './read-head.ts';
import { normalisePublished, readOpeningDateline } from './read-published.ts';
import { separateLists } from './separate-lists.ts';
import { splitBlocks, type Block } from './split-blocks.ts';

/** Files with these extensions are read as Markdown (headings, emphasis, block quotes). */
const MARKDOWN_FILE = /\.(?:md|markdown)$/i;

/**
 * Parses one article file's text into an Article, or returns `{ reason }` when the text is
 * not an article (binary, malformed front matter, nothing left after cleaning, no paragraphs).
 * `file` is kept as `Article.file`; the id is the kebab-case of its base name. Front matter
 * title/source/url/published/tags win over what is detected in the text.
 */
export function parseArticle(text: string, file: string): Article | { reason: string } {
  const binary = findBinaryReason(text);
  if (binary) return { reason: binary };
  const split = splitFrontMatter(normaliseWhitespace(text));
  if ('reason' in split) return split;
  const { frontMatter, body: rawBody } = split;
  const blocks = splitBlocks(rawBody, { markdown: MARKDOWN_FILE.test(file) });
  if (blocks.length === 0) return { reason: 'empty: no text after front matter and whitespace' };
  return assembleArticle(blocks, file, frontMatter);
}

/**
 * The cleaning and numbering every source goes through once it is blocks (text files after
 * splitting, HTML pages after extraction): head (headline, kicker, furniture), lists, body.
 * `known` metadata (front matter, page metadata) wins over what is detected in the text.
 */
export function assembleArticle(blocks: readonly Block[], file: string, known: FrontMatter): Article | { reason: string } {
  const head = readHead(blocks);
  const lists = separateLists(blocks, head.bodyStart);
  const body = buildBody(lists.body);
  if (body.paragraphs.length === 0) return { reason: 'no body paragraphs found (only headlines, lists or site furniture)' };
  const title = known.title ?? head.title;
  return {
    id: toArticleId(file),
    file,
    title,
    kicker: head.kicker,
    ...(known.byline ? { byline: known.byline } : {}),
    source: known.source,
    url: known.url,
    // Metadata first; then a date line around the headline; then a dateline opening the body ("WASHINGTON, May 4, 2009 (AP) —").
    published: normalisePublished(known.published) ?? head.published ?? readOpeningDateline(body.paragraphs[0] ?? ''),
    ...(known.added ? { added: known.added } : {}),
    tags: unique([...known.tags, ...head.tags, ...lists.tags]),
    related: unique([...head.related, ...lists.related]).filter((headline) => headline !== title),
    headings: body.headings,
    paragraphs: body.paragraphs.map((paragraph, i) => ({ n: i + 1, text: paragraph })),
  };
}

function unique(items: readonly string[]): string[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    const key = item.toLowerCase();
    if (item === '' || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
