/** Optional YAML-like front matter at the very top of an article file. */

/** The metadata an article file may declare in its front matter. */
export interface FrontMatter {
  title: string | null;
  source: string | null;
  url: string | null;
  published: string | null;
  tags: string[];
}

/** Front matter split from the rest of the text, or why it is malformed. */
export type FrontMatterResult = { frontMatter: FrontMatter; body: string } | { reason: string };

const FENCE = /^---\s*$/;
const KEY_VALUE = /^([A-Za-z][\w-]*)\s*:\s*(.*)$/;
const LIST_ITEM = /^\s*-\s+(.*)$/;

/** Empty metadata, for texts without front matter. */
export function emptyFrontMatter(): FrontMatter {
  return { title: null, source: null, url: null, published: null, tags: [] };
}

/**
 * Splits front matter (`---` on the first line, `key: value` lines, `---`) from the body.
 * Texts that do not start with `---` have no front matter. Unknown keys are ignored; a line
 * that is not `key: value` (or a `- item` under a key), or a missing closing fence, is malformed.
 */
export function splitFrontMatter(text: string): FrontMatterResult {
  const lines = text.split('\n');
  if (lines.length === 0 || !FENCE.test(lines[0] ?? '')) return { frontMatter: emptyFrontMatter(), body: text };
  const close = lines.findIndex((line, i) => i > 0 && FENCE.test(line));
  if (close < 0) return { reason: 'malformed front matter: no closing "---" line' };
  const frontMatter = emptyFrontMatter();
  let listKey: string | null = null;
  for (let i = 1; i < close; i++) {
    const line = lines[i] ?? '';
    if (line.trim() === '' || line.trim().startsWith('#')) continue;
    const item = LIST_ITEM.exec(line);
    if (item && listKey !== null) {
      if (listKey === 'tags') frontMatter.tags.push(unquote(item[1] ?? ''));
      continue;
    }
    const pair = KEY_VALUE.exec(line);
    if (!pair) return { reason: `malformed front matter: line ${i + 1} is not "key: value" ("${line.trim().slice(0, 40)}")` };
    const key = (pair[1] ?? '').toLowerCase();
    const value = (pair[2] ?? '').trim();
    listKey = value === '' ? key : null;
    const problem = applyField(frontMatter, key, value);
    if (problem) return { reason: `malformed front matter: ${problem}` };
  }
  return { frontMatter, body: lines.slice(close + 1).join('\n') };
}

function applyField(frontMatter: FrontMatter, key: string, value: string): string | null {
  switch (key) {
    case 'title':
    case 'source':
    case 'url':
    case 'published':
      frontMatter[key] = value === '' ? null : unquote(value);
      return null;
    case 'date':
      if (frontMatter.published === null && value !== '') frontMatter.published = unquote(value);
      return null;
    case 'tags': {
      const tags = parseTags(value);
      if (tags === null) return `tags value "${value}" has an unclosed "["`;
      frontMatter.tags.push(...tags);
      return null;
    }
    default:
      return null;
  }
}

/** `[a, b]` or `a, b` → ["a", "b"]; null when a bracket is left open. */
function parseTags(value: string): string[] | null {
  let inner = value;
  if (inner.startsWith('[')) {
    if (!inner.endsWith(']')) return null;
    inner = inner.slice(1, -1);
  } else if (inner.endsWith(']')) return null;
  return inner
    .split(',')
    .map((tag) => unquote(tag.trim()))
    .filter((tag) => tag !== '');
}

function unquote(value: string): string {
  const match = /^(["'])(.*)\1$/.exec(value.trim());
  return (match ? (match[2] ?? '') : value).trim();
}
