/** Article metadata a page declares in its markup: canonical URL, JSON-LD, meta tags, <time>. */

import type { DomDocument } from './dom-shapes.ts';

/** What the page says about its article (null when it does not say). */
export interface PageMetadata {
  headline: string | null;
  byline: string | null;
  published: string | null;
  url: string | null;
  siteName: string | null;
  tags: string[];
}

/** JSON-LD types that describe an article. */
const ARTICLE_TYPE = /^(?:\w*Article|BlogPosting|LiveBlogPosting|Report|ScholarlyArticle|SocialMediaPosting|WebPage)$/;
/** At most this many JSON-LD nodes are looked at (a page cannot make the walk long). */
const MAX_JSON_LD_NODES = 2_000;

/**
 * Reads the page's own metadata: JSON-LD (`NewsArticle` and kin, in `@graph` or lists, `@type`
 * as a list), then Open Graph / article meta tags, `<link rel=canonical>`, `itemprop` and the
 * first `<time datetime>`. Only http(s) URLs are kept: absolute ones, or relative ones resolved
 * against `baseUrl` when the page's address is known. Malformed JSON-LD is ignored.
 */
export function readPageMetadata(document: DomDocument, baseUrl: string | null = null): PageMetadata {
  const ld = readJsonLd(document);
  const meta = readMetaTags(document);
  const time = document.querySelector('time[datetime]')?.getAttribute('datetime') ?? null;
  const itemprop = (name: string) => {
    const element = document.querySelector(`[itemprop="${name}"]`);
    return clean(element?.getAttribute('content') ?? element?.getAttribute('datetime') ?? null);
  };
  const canonical = document.querySelector('link[rel~="canonical"]')?.getAttribute('href') ?? null;
  const tags = ld.tags.length > 0 ? ld.tags : (meta.get('article:tag') ?? []);
  return {
    headline: ld.headline ?? first(meta, 'og:title') ?? first(meta, 'twitter:title'),
    byline:
      ld.byline ?? first(meta, 'author') ?? first(meta, 'article:author', (v) => !/^https?:/i.test(v)) ?? first(meta, 'parsely-author'),
    published:
      ld.published ??
      first(meta, 'article:published_time') ??
      first(meta, 'parsely-pub-date') ??
      first(meta, 'date') ??
      first(meta, 'dc.date') ??
      itemprop('datePublished') ??
      clean(time),
    url: [canonical, first(meta, 'og:url'), ld.url].map((url) => toHttpUrl(url, baseUrl)).find((url) => url !== null) ?? null,
    siteName: ld.siteName ?? first(meta, 'og:site_name') ?? first(meta, 'application-name'),
    tags: unique(tags.map((tag) => tag.trim()).filter((tag) => tag !== '')),
  };
}

/** Meta tags by lower-cased `property` or `name`, all values kept in order. */
function readMetaTags(document: DomDocument): Map<string, string[]> {
  const values = new Map<string, string[]>();
  for (const element of Array.from(document.querySelectorAll('meta[content]'))) {
    const key = (element.getAttribute('property') ?? element.getAttribute('name') ?? element.getAttribute('itemprop'))
      ?.trim()
      .toLowerCase();
    const content = clean(element.getAttribute('content'));
    if (!key || content === null) continue;
    values.set(key, [...(values.get(key) ?? []), content]);
  }
  return values;
}

function first(meta: Map<string, string[]>, key: string, accept: (value: string) => boolean = () => true): string | null {
  return meta.get(key)?.find(accept) ?? null;
}

/** What the JSON-LD says: the same facts as the page's metadata. */
type JsonLdFacts = PageMetadata;

/** The first article node of the page's JSON-LD scripts, read for its facts. */
function readJsonLd(document: DomDocument): JsonLdFacts {
  const facts: JsonLdFacts = { headline: null, byline: null, published: null, url: null, siteName: null, tags: [] };
  for (const script of Array.from(document.querySelectorAll('script[type="application/ld+json"]'))) {
    let data: unknown;
    try {
      data = JSON.parse((script.textContent ?? '').replace(/^\s*<!\[CDATA\[|\]\]>\s*$/g, ''));
    } catch {
      continue;
    }
    const article = findArticleNode(data);
    if (article === null) continue;
    facts.headline = text(article['headline']) ?? text(article['name']);
    facts.byline = readNames(article['author']);
    facts.published = text(article['datePublished']) ?? text(article['dateCreated']);
    const page = article['mainEntityOfPage'];
    facts.url = text(article['url']) ?? (isRecord(page) ? (text(page['@id']) ?? text(page['url'])) : text(page));
    const publisher = article['publisher'];
    facts.siteName = isRecord(publisher) ? text(publisher['name']) : null;
    const keywords = article['keywords'];
    facts.tags = Array.isArray(keywords) ? keywords.map(text).filter((k): k is string => k !== null) : (text(keywords)?.split(',') ?? []);
    return facts;
  }
  return facts;
}

/** Breadth-first through lists, `@graph`s and nested objects for a node whose `@type` is an article type. */
function findArticleNode(data: unknown): Record<string, unknown> | null {
  const queue: unknown[] = [data];
  let fallback: Record<string, unknown> | null = null;
  for (let seen = 0; queue.length > 0 && seen < MAX_JSON_LD_NODES; seen++) {
    const node = queue.shift();
    if (Array.isArray(node)) {
      queue.push(...(node as unknown[]));
      continue;
    }
    if (!isRecord(node)) continue;
    const types = ([] as unknown[]).concat(node['@type'] ?? []).filter((t): t is string => typeof t === 'string');
    if (types.some((type) => ARTICLE_TYPE.test(type) && type !== 'WebPage')) return node;
    if (fallback === null && types.includes('WebPage') && typeof node['datePublished'] === 'string') fallback = node;
    if (node['@graph'] !== undefined) queue.push(node['@graph']);
  }
  return fallback;
}

/** Authors as text, `{name}` or lists of either → "A, B and C". */
function readNames(value: unknown): string | null {
  const names = ([] as unknown[])
    .concat(value ?? [])
    .map((item) => (isRecord(item) ? text(item['name']) : text(item)))
    .filter((name): name is string => name !== null && !/^https?:/i.test(name));
  const distinct = unique(names);
  if (distinct.length === 0) return null;
  return distinct.length === 1 ? distinct[0]! : `${distinct.slice(0, -1).join(', ')} and ${distinct[distinct.length - 1]}`;
}

function text(value: unknown): string | null {
  return typeof value === 'string' ? clean(value) : null;
}

function clean(value: string | null | undefined): string | null {
  const trimmed = value?.replace(/\s+/g, ' ').trim() ?? '';
  return trimmed === '' ? null : trimmed;
}

function toHttpUrl(value: string | null, baseUrl: string | null): string | null {
  if (value === null) return null;
  try {
    const url = new URL(value.trim(), baseUrl ?? undefined);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function unique(items: readonly string[]): string[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    const key = item.toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
