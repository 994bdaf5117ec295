/** Optional YAML front matter at the very top of an article file, parsed with the `yaml` package. */
import { loadYaml } from './load-parsers.ts';

/** The metadata an article file may declare in its front matter. */
export interface FrontMatter {
  title: string | null;
  /** From `author` / `authors` / `byline` (a name, a list of names, or `{ name: … }`). */
  byline: string | null;
  source: string | null;
  url: string | null;
  published: string | null;
  tags: string[];
  /** When Pilcrow added the article (`added`, ISO 8601); absent when the file does not say. */
  added?: string | null;
}

/** Front matter split from the rest of the text, or why it is malformed. */
export type FrontMatterResult = { frontMatter: FrontMatter; body: string } | { reason: string };

const FENCE = /^---\s*$/;
/** YAML aliases expanded at most this many times (a "billion laughs" front matter is refused). */
const MAX_ALIAS_COUNT = 50;

/** Empty metadata, for texts without front matter. */
export function emptyFrontMatter(): FrontMatter {
  return { title: null, byline: null, source: null, url: null, published: null, tags: [] };
}

/**
 * Splits front matter (`---` on the first line, a YAML mapping, `---`) from the body. Texts
 * that do not start with `---` have no front matter. Any YAML is accepted (nested keys, folded
 * and literal text, comments); the known keys are read — title, source (text or `{name}`), url,
 * published (or date), tags (a list or "a, b"), author/authors/byline, added — and the rest
 * ignored (the `pilcrow:` block the article library writes included).
 * Invalid YAML, a missing closing fence, something other than a mapping or a known key of the
 * wrong shape is malformed, with the reason.
 */
export function splitFrontMatter(text: string): FrontMatterResult {
  const lines = text.split('\n');
  if (!FENCE.test(lines[0] ?? '')) return { frontMatter: emptyFrontMatter(), body: text };
  const close = lines.findIndex((line, i) => i > 0 && FENCE.test(line));
  if (close < 0) return { reason: 'malformed front matter: no closing "---" line' };
  const yaml = lines.slice(1, close).join('\n');
  const body = lines.slice(close + 1).join('\n');
  const { isMap, LineCounter, parseDocument } = loadYaml();
  const lineCounter = new LineCounter();
  const doc = parseDocument(yaml, { uniqueKeys: true, prettyErrors: false, lineCounter });
  const error = doc.errors[0];
  if (error) {
    // Line numbers of the file: the YAML starts on line 2, after the opening fence.
    const where = `line ${lineCounter.linePos(error.pos[0]).line + 1}: `;
    return { reason: `malformed front matter: ${where}${firstLine(error.message)}` };
  }
  if (doc.contents === null) return { frontMatter: emptyFrontMatter(), body };
  if (!isMap(doc.contents)) return { reason: 'malformed front matter: not a set of "key: value" lines' };
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (err) {
    return { reason: `malformed front matter: ${firstLine(err instanceof Error ? err.message : String(err))}` };
  }
  return readFields(data as Record<string, unknown>, body);
}

function readFields(data: Record<string, unknown>, body: string): FrontMatterResult {
  const fields = new Map(Object.entries(data).map(([key, value]) => [key.toLowerCase(), value]));
  const frontMatter = emptyFrontMatter();
  const problems: string[] = [];
  const text = (key: string, value: unknown): string | null => {
    const found = toText(value);
    if (found === undefined) problems.push(`"${key}" should be text, not ${describe(value)}`);
    return found ?? null;
  };
  frontMatter.title = text('title', fields.get('title'));
  const source = fields.get('source');
  frontMatter.source = isRecord(source) ? text('source.name', source['name']) : text('source', source);
  frontMatter.url = text('url', fields.get('url'));
  frontMatter.published = text('published', fields.get('published')) ?? text('date', fields.get('date'));
  // Lenient: a wrongly shaped `added` (it is only bookkeeping) is ignored rather than refusing the article.
  const added = toText(fields.get('added'));
  if (typeof added === 'string') frontMatter.added = added;
  frontMatter.byline = readNames(fields.get('author') ?? fields.get('authors') ?? fields.get('byline'), problems);
  const tags = fields.get('tags');
  if (Array.isArray(tags)) {
    for (const tag of tags) {
      const found = toText(tag);
      if (found === undefined) problems.push(`"tags" should be a list of words, not a list holding ${describe(tag)}`);
      else if (found !== null) frontMatter.tags.push(found);
    }
  } else {
    const found = text('tags', tags);
    if (found !== null) frontMatter.tags.push(...splitCommaList(found));
  }
  if (problems.length > 0) return { reason: `malformed front matter: ${problems[0]}` };
  return { frontMatter, body };
}

/** An author as text, a list of them, or `{ name }` objects → "A, B and C"; null when absent. */
function readNames(value: unknown, problems: string[]): string | null {
  if (value === undefined || value === null) return null;
  const items = Array.isArray(value) ? value : [value];
  const names: string[] = [];
  for (const item of items) {
    const name = toText(isRecord(item) ? item['name'] : item);
    if (name === undefined) {
      problems.push(`"author" should be a name or a list of names, not ${describe(item)}`);
      return null;
    }
    if (name !== null) names.push(name);
  }
  if (names.length === 0) return null;
  return names.length === 1 ? names[0]! : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

/** Text of a scalar (folded/literal text trimmed and its lines joined; numbers and dates as written); null when absent or empty; undefined for a list or mapping. */
function toText(value: unknown): string | null | undefined {
  if (value === undefined || value === null) return null;
  if (typeof value === 'string') {
    const text = value.replace(/\s*\n\s*/g, ' ').trim();
    return text === '' ? null : text;
  }
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString();
  return undefined;
}

function splitCommaList(value: string): string[] {
  return value
    .split(',')
    .map((tag) => tag.trim())
    .filter((tag) => tag !== '');
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date);
}

function describe(value: unknown): string {
  if (Array.isArray(value)) return 'a list';
  if (isRecord(value)) return 'a set of keys';
  return typeof value;
}

function firstLine(message: string): string {
  return (message.split('\n')[0] ?? message).trim();
}
