/** Inline Markdown syntax removal (links everywhere; emphasis and the rest only for .md files). */

/** `[text](url)` → text, `![alt](url)` and `<https://…>` autolinks removed. Safe on plain text. */
export function stripLinks(line: string): string {
  return line
    .replace(/!\[[^\]]*\]\([^)\s]*(?:\s+"[^"]*")?\)/g, '')
    .replace(/\[([^\]]+)\]\([^)\s]*(?:\s+"[^"]*")?\)/g, '$1')
    .replace(/\[([^\]]+)\]\[[^\]]*\]/g, '$1')
    .replace(/<(https?:\/\/[^>\s]+)>/g, '$1');
}

/** Emphasis (`**b**`, `__b__`, `*i*`, `_i_`), strike-through and inline code markers removed. */
export function stripEmphasis(line: string): string {
  return line
    .replace(/(\*\*|__)(?=\S)(.+?)(?<=\S)\1/g, '$2')
    .replace(/~~(?=\S)(.+?)(?<=\S)~~/g, '$1')
    .replace(/(^|[^\p{L}\p{N}*])\*(?=\S)([^*]+?)(?<=\S)\*(?![\p{L}\p{N}*])/gu, '$1$2')
    .replace(/(^|[^\p{L}\p{N}_])_(?=\S)([^_]+?)(?<=\S)_(?![\p{L}\p{N}_])/gu, '$1$2')
    .replace(/`([^`]+)`/g, '$1');
}
