/** Inline Markdown syntax removal (links everywhere; emphasis and the rest only for .md files). */

/** `[text](url)` → text, `![alt](url)` removed, `<https://…>` → the URL. Safe on plain text; bounded spans keep it linear. */
export function stripLinks(line: string): string {
  return line
    .replace(/!\[[^\]]{0,300}\]\([^)\s]{0,2000}(?:\s+"[^"]{0,300}")?\)/g, '')
    .replace(/\[([^\]]{1,300})\]\([^)\s]{0,2000}(?:\s+"[^"]{0,300}")?\)/g, '$1')
    .replace(/\[([^\]]{1,300})\]\[[^\]]{0,300}\]/g, '$1')
    .replace(/<(https?:\/\/[^>\s]+)>/g, '$1');
}

/** Emphasis (`**b**`, `__b__`, `*i*`, `_i_`), strike-through and inline code markers removed (spans up to 300 characters, so any input stays linear). */
export function stripEmphasis(line: string): string {
  return line
    .replace(/(\*\*|__)(?=\S)(.{1,300}?)(?<=\S)\1/g, '$2')
    .replace(/~~(?=\S)(.{1,300}?)(?<=\S)~~/g, '$1')
    .replace(/(^|[^\p{L}\p{N}*])\*(?=\S)([^*]{1,300}?)(?<=\S)\*(?![\p{L}\p{N}*])/gu, '$1$2')
    .replace(/(^|[^\p{L}\p{N}_])_(?=\S)([^_]{1,300}?)(?<=\S)_(?![\p{L}\p{N}_])/gu, '$1$2')
    .replace(/`([^`]+)`/g, '$1');
}
