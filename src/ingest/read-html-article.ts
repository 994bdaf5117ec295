/** An HTML page (a saved news article) → cleaned, numbered Article, through Readability and the text cleaner. */
import type { Article } from '../model/article.ts';
import { decodeHtml } from './decode-html.ts';
import { loadLinkedom, loadReadability } from './load-parsers.ts';
import type { DomDocument, DomElement, DomNode } from './dom-shapes.ts';
import { emptyFrontMatter } from './front-matter.ts';
import { htmlToBlocks } from './html-to-blocks.ts';
import { findBinaryReason } from './normalise-text.ts';
import { assembleArticle } from './parse-article.ts';
import { readPageMetadata, type PageMetadata } from './read-page-metadata.ts';
import { readRelatedLinks } from './read-related-links.ts';
import type { Block } from './split-blocks.ts';

/** Files with these extensions are read as HTML pages. */
export const HTML_FILE = /\.(?:html?|xhtml)$/i;

/** Pages with more elements than this are refused (a hostile page cannot make parsing slow); real article pages have a few thousand. */
const MAX_ELEMENTS = 30_000;
/** Pages nested deeper than this are refused (parsing and Readability recurse); real pages nest a few dozen levels. */
const MAX_NESTING = 400;
/** Elements without an end tag, and elements whose end tag is usually left out (the next one closes them). */
const NOT_NESTING = new Set(
  'area base br col embed hr img input link meta source track wbr p li dt dd tr td th option thead tbody tfoot'.split(' '),
);
/** Below this many characters of main text a page has no article (a section front, a login page). */
const MIN_ARTICLE_CHARS = 150;

/**
 * Page furniture taken out before Readability looks: navigation, banners, dialogs, hidden
 * elements, forms; and boxes whose class or id names a cookie/consent banner, a paywall or
 * subscription prompt, a newsletter sign-up, sharing tools or advertising — unless the box
 * holds a large share of the page's text.
 */
const FURNITURE_SELECTOR = [
  'nav',
  'form',
  'button',
  'dialog',
  '[hidden]',
  '[aria-hidden="true"]',
  '[role="navigation"]',
  '[role="banner"]',
  '[role="dialog"]',
  '[role="alertdialog"]',
  '[role="contentinfo"]',
].join(',');
const FURNITURE_NAME =
  /(?:^|[\s_-])(?:cookies?|consent|gdpr|cmp|paywall|meter(?:ed)?|subscribe|subscription|newsletter|sign-?up|share|sharing|social|promo|advert|ads?|breadcrumbs?)(?:$|[\s_-])/i;
/** A named furniture box is removed only when it holds less than this share of the page's text. */
const MAX_FURNITURE_SHARE = 0.3;

/** What is known about a page from outside it (a fetched page's HTTP response). */
export interface HtmlReadOptions {
  /** The Content-Type header's charset: used when the page declares none (see decodeHtml). */
  charset?: string | null;
  /** The page's own URL: a relative canonical link or og:url is resolved against it. */
  baseUrl?: string | null;
}

/**
 * Reads an HTML page's bytes into an Article, or `{ reason }` when it is not one. The page is
 * decoded by its declared charset, parsed with linkedom (no scripts run: there is no script
 * engine), furniture removed, and its main text found by Mozilla Readability. Headline,
 * byline, date, canonical URL, site name and tags come from the page's metadata (JSON-LD, meta
 * tags); paragraphs, list items and h2–h6 crossheads from the main text, which then goes
 * through the same cleaning and numbering as text files.
 */
export function readHtmlArticle(bytes: Uint8Array, file: string, options: HtmlReadOptions = {}): Article | { reason: string } {
  const decoded = decodeHtml(bytes, options.charset ?? null);
  if ('reason' in decoded) return decoded;
  const binary = findBinaryReason(decoded.text);
  if (binary) return { reason: binary };
  // Counted before parsing: the parser is slow on tens of thousands of nested elements.
  const elements = decoded.text.match(/<[a-zA-Z]/g)?.length ?? 0;
  if (elements > MAX_ELEMENTS) return { reason: `too many HTML elements: ${elements} (limit ${MAX_ELEMENTS})` };
  const depth = estimateNesting(decoded.text);
  if (depth > MAX_NESTING) return { reason: `HTML nested too deeply: about ${depth} levels (limit ${MAX_NESTING})` };
  let extracted: Extracted | null;
  try {
    extracted = extract(decoded.text, options.baseUrl ?? null);
  } catch (err) {
    return { reason: `unreadable HTML: ${err instanceof Error ? err.message.split('\n')[0] : String(err)}` };
  }
  if (extracted === null || extracted.chars < MIN_ARTICLE_CHARS) {
    return {
      reason: `no article found in the page (main text: ${extracted?.chars ?? 0} characters, at least ${MIN_ARTICLE_CHARS} needed)`,
    };
  }
  const { blocks, metadata } = extracted;
  const title = metadata.headline;
  const known = {
    ...emptyFrontMatter(),
    title,
    byline: metadata.byline,
    source: metadata.siteName,
    url: metadata.url,
    published: metadata.published,
    tags: metadata.tags,
  };
  // The headline leads, as on the page, so the cleaner reads the head (kicker, byline, dateline) after it.
  const sameAsTitle = (block: Block) => title !== null && block.level !== null && sameText(block.text, title);
  const body = blocks.filter((block) => !sameAsTitle(block));
  const lead: Block[] = title === null ? [] : [{ text: title, bullet: false, level: 1 }];
  const article = assembleArticle([...lead, ...body], file, { ...known, title: null });
  if ('reason' in article) return article;
  const finalTitle = article.title ?? title;
  const related = [...article.related, ...extracted.related].filter(
    (headline, i, all) => headline !== finalTitle && all.findIndex((other) => other.toLowerCase() === headline.toLowerCase()) === i,
  );
  return { ...article, title: finalTitle, related };
}

/** What a page gives before cleaning: main-text blocks, their length, metadata, related headlines. */
interface Extracted {
  blocks: Block[];
  chars: number;
  metadata: PageMetadata;
  related: string[];
}

function extract(html: string, baseUrl: string | null): Extracted | null {
  // linkedom's types describe browser globals, which this project compiles without.
  const { document } = loadLinkedom().parseHTML(html) as unknown as { document: DomDocument };
  const metadata = readPageMetadata(document, baseUrl);
  const firstHeadline = clean(document.querySelector('h1')?.textContent);
  const related = readRelatedLinks(document);
  removeFurniture(document);
  const readability = new (loadReadability().Readability)<DomNode>(document, {
    maxElemsToParse: MAX_ELEMENTS,
    serializer: (node: unknown) => node as DomNode,
  });
  const result = readability.parse();
  if (result === null || !result.content) return null;
  const blocks = htmlToBlocks(result.content);
  const chars = blocks.filter((block) => block.level === null).reduce((sum, block) => sum + block.text.length, 0);
  return {
    blocks,
    chars,
    related,
    metadata: {
      ...metadata,
      headline: metadata.headline ?? clean(result.title) ?? firstHeadline,
      byline: metadata.byline ?? clean(result.byline),
      siteName: metadata.siteName ?? clean(result.siteName),
      published: metadata.published ?? clean(result.publishedTime),
    },
  };
}

function removeFurniture(document: DomDocument): void {
  const total = document.body?.textContent?.length ?? 0;
  // Never a box holding much of the page: some sites wrap the whole page in a <form> (ASP.NET) or mark the story "paywall".
  const small = (element: DomElement) => (element.textContent?.length ?? 0) < total * MAX_FURNITURE_SHARE;
  for (const element of Array.from(document.querySelectorAll(FURNITURE_SELECTOR))) if (small(element)) element.remove();
  for (const element of Array.from(document.querySelectorAll('[class], [id]'))) {
    if (element.tagName.toUpperCase() === 'BODY' || element.tagName.toUpperCase() === 'HTML') continue;
    const names = `${element.getAttribute('class') ?? ''} ${element.getAttribute('id') ?? ''}`;
    if (FURNITURE_NAME.test(names) && small(element)) element.remove();
  }
}

/** The deepest nesting of start and end tags, counted on the markup (an upper estimate; comments and scripts are not set apart). */
function estimateNesting(html: string): number {
  let depth = 0;
  let deepest = 0;
  for (const match of html.matchAll(/<(\/?)([a-zA-Z][\w-]*)[^>]*?(\/?)>/g)) {
    const name = (match[2] ?? '').toLowerCase();
    if (NOT_NESTING.has(name) || match[3] === '/') continue;
    if (match[1] === '/') depth = Math.max(0, depth - 1);
    else deepest = Math.max(deepest, ++depth);
  }
  return deepest;
}

function sameText(a: string, b: string): boolean {
  const key = (text: string) =>
    text
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, ' ')
      .trim();
  return key(a) === key(b);
}

function clean(value: string | null | undefined): string | null {
  const trimmed = value?.replace(/\s+/g, ' ').trim() ?? '';
  return trimmed === '' ? null : trimmed;
}
