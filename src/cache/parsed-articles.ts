/**
 * The cache of parsed articles: what ingestion made of each article file's bytes, so that a start
 * from a warm cache reads the files but parses none of them (cleaning 25,000 paragraphs, with the
 * date parser, YAML and the prepositions list it loads, cost 1.3 s of CPU at every start; measured
 * in docs/benchmarks.md, start-up). Parsing is pure: the same bytes, the same kind of file (text,
 * Markdown, HTML) and the same ingest code give the same article, so those are the key; where the
 * file is (its path and id) is set again on every hit.
 *
 * One entry, `articles.json` under the cache dir ({format} \n {key: article}), for the articles of
 * the last load. Nothing read from it is trusted: an entry of the wrong shape is a miss (one
 * warning per load), the file parsed again and the entry rewritten. Files that are skipped are
 * never cached (they are few, and parsed again to say why).
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { DEFAULT_CACHE_DIR } from '../files/default-cache-dir.ts';
import { installedVersions } from '../files/installed-versions.ts';
import type { ParseArticleBytes } from '../ingest/load-articles.ts';
import { INGEST_PACKAGES } from '../ingest/load-parsers.ts';
import { parseArticleBytes } from '../ingest/read-article-file.ts';
import type { Article } from '../model/article.ts';
import { hash, hashSourceFiles, readEntry, writeEntry } from './corpus-cache.ts';

/** Layout version of articles.json. */
const LAYOUT_VERSION = 1;

const text = z.string();
/**
 * The shape of a parsed Article (a type error here means the model changed: update the schema).
 * Strict: a key the model does not have is a miss, never carried into the corpus.
 */
const articleSchema: z.ZodType<Omit<Article, 'scope'>> = z.strictObject({
  id: text,
  file: text,
  title: text.nullable(),
  kicker: text.nullable(),
  byline: text.nullable().optional(),
  source: text.nullable(),
  url: text.nullable(),
  published: text.nullable(),
  added: text.nullable().optional(),
  tags: z.array(text),
  related: z.array(text),
  headings: z.array(z.strictObject({ before: z.number().int().min(1), text })),
  paragraphs: z.array(z.strictObject({ n: z.number().int().min(1), text })).min(1),
});

/** Why `value` is not a usable parsed article, or null when it is. */
function findArticleProblem(value: unknown): string | null {
  const parsed = articleSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return `wrong shape at ${issue?.path.join('.') || 'the top'}: ${issue?.message ?? 'invalid'}`;
  }
  if (parsed.data.paragraphs.some((p, i) => p.n !== i + 1)) return 'paragraphs not numbered 1..N';
  return null;
}

export interface ParsedArticlesOptions {
  /** Directory holding the cache. Default DEFAULT_CACHE_DIR. */
  dir?: string;
  /** Told about every cache problem that was worked around (unreadable, corrupt, unwritable). */
  onWarning?: (message: string, err?: unknown) => void;
}

/** A parse that answers from the cache, and the write that keeps the cache to what was parsed since. */
export interface ParsedArticles {
  parse: ParseArticleBytes;
  /** Rewrites the cache (when anything was parsed, or cached entries went unused); a failed write is a warning. Says how many articles came from the cache and how many were parsed. */
  save(): Promise<{ reused: number; parsed: number }>;
}

let ingestVersion: Promise<string> | undefined;

/**
 * A hash of the ingest code (src/ingest/), the Article model and the versions of the libraries
 * parsing uses: a cache written by other code, or parsed by other library versions, is never read.
 */
function currentIngestVersion(): Promise<string> {
  ingestVersion ??= Promise.all([
    hashSourceFiles(new URL('../ingest/', import.meta.url)),
    readFile(new URL('../model/article.ts', import.meta.url), 'utf8'),
    installedVersions(INGEST_PACKAGES),
  ]).then(([ingest, model, libraries]) => hash(ingest, model, libraries).slice(0, 16));
  return ingestVersion;
}

/** The kind of file, as parsing tells them apart by the extension. */
function kindOf(path: string): string {
  return /\.(?:html?|xhtml)$/i.test(path) ? 'html' : /\.(?:md|markdown)$/i.test(path) ? 'markdown' : 'text';
}

/** Reads the cache of parsed articles (a missing, stale or unusable one is empty) for one load. */
export async function openParsedArticles(options: ParsedArticlesOptions): Promise<ParsedArticles> {
  const file = join(options.dir ?? DEFAULT_CACHE_DIR, 'articles.json');
  const warn = options.onWarning ?? (() => undefined);
  const format = `layout${LAYOUT_VERSION}-ingest:${await currentIngestVersion()}`;
  const read = readEntry(file, { format });
  let cached: Record<string, unknown> = {};
  if ('payload' in read && typeof read.payload === 'object' && read.payload !== null && !Array.isArray(read.payload)) {
    cached = read.payload as Record<string, unknown>;
  } else if ('payload' in read || ('problem' in read && !read.stale)) {
    warn(
      `ignored the cached parsed articles (${file}: ${'problem' in read ? read.problem : 'not an object'}); parsing again and rewriting`,
    );
  }
  const kept: Record<string, Omit<Article, 'scope'>> = {};
  const unusable: string[] = [];
  let parsedNow = 0;
  let reused = 0;

  const parse: ParseArticleBytes = (bytes, path, id) => {
    const key = createHash('sha256')
      .update(`${format}\u0000${kindOf(path)}\u0000`)
      .update(bytes)
      .digest('hex');
    const hit = Object.hasOwn(cached, key) ? cached[key] : undefined;
    if (hit !== undefined) {
      const problem = findArticleProblem(hit);
      // The cached article first, so its keys keep the order parsing gives them (the analysis cache hashes the article as JSON).
      if (problem === null) {
        reused++;
        return { article: (kept[key] = { ...(hit as Omit<Article, 'scope'>), id, file: path }) };
      }
      unusable.push(`${key}: ${problem}`);
    }
    const result = parseArticleBytes(bytes, path, id);
    if ('article' in result) {
      kept[key] = result.article;
      parsedNow++;
    }
    return result;
  };

  const save = async (): Promise<{ reused: number; parsed: number }> => {
    if (unusable.length > 0) {
      warn(
        `ignored ${unusable.length} unusable cached parsed ${unusable.length === 1 ? 'article' : 'articles'}, parsing again and rewriting (${unusable[0]}${unusable.length > 1 ? ', …' : ''})`,
      );
    }
    const unused = Object.keys(cached).some((key) => !Object.hasOwn(kept, key));
    if (parsedNow > 0 || unused) {
      try {
        await writeEntry(file, { format }, kept);
      } catch (err) {
        warn('could not write the parsed articles to the cache', err);
      }
    }
    return { reused, parsed: parsedNow };
  };
  return { parse, save };
}
