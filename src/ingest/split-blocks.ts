/** Splitting normalised text into blocks: blank-line separated, hard wraps joined, bullets marked. */
import { findInlineList, findMarker } from './classify-line.ts';
import { joinFragments } from './join-fragments.ts';
import { stripEmphasis, stripLinks } from './strip-markdown.ts';

/** One unit of text before structure is decided: a paragraph candidate, bullet, heading line… */
export interface Block {
  text: string;
  /** The line started with a bullet marker (•, -, *, –, ·, ▪, "1."). */
  bullet: boolean;
  /** Markdown ATX heading level (`#` = 1, `##` = 2…), null when not a Markdown heading. */
  level: number | null;
}

/** Options for {@link splitBlocks}. */
export interface SplitOptions {
  /** Interpret Markdown syntax (headings, emphasis, block quotes, rules). Default false. */
  markdown?: boolean;
}

const BULLET = /^(?:[•·▪◦●■–—*+-]|\d{1,2}[.)])\s+(?=\S)/;
const ATX = /^(#{1,6})\s+(.*?)(?:\s+#+)?$/;
const RULE = /^(?:[-*_]\s*){3,}$/;
const SENTENCE_END = /[.!?…:;]["'”’»)\]]*$/;

/**
 * Splits text (already whitespace-normalised) into blocks. Blocks are separated by blank lines.
 * Inside a block, single newlines are joined with a space when the block looks hard-wrapped
 * (lines of similar length that do not end sentences); otherwise each line is its own block.
 */
export function splitBlocks(text: string, options: SplitOptions = {}): Block[] {
  const blocks: Block[] = [];
  for (const chunk of text.split(/\n\s*\n/)) {
    const lines = chunk
      .split('\n')
      .map((line) => prepareLine(line, options))
      .filter((line): line is string => line !== null);
    if (lines.length === 0) continue;
    const units = looksHardWrapped(lines) ? [lines.reduce(joinFragments)] : lines;
    for (const unit of units) {
      const block = toBlock(unit, options);
      if (block.text !== '') blocks.push(block);
    }
  }
  return blocks;
}

function prepareLine(line: string, options: SplitOptions): string | null {
  let text = line.trim();
  if (options.markdown) {
    if (RULE.test(text)) return null;
    text = text.replace(/^(?:>\s?)+/, '');
  }
  text = stripLinks(text).replace(/ {2,}/g, ' ').trim();
  return text === '' ? null : text;
}

function toBlock(line: string, options: SplitOptions): Block {
  let text = line;
  let level: number | null = null;
  if (options.markdown) {
    const atx = ATX.exec(text);
    if (atx) {
      level = (atx[1] ?? '#').length;
      text = atx[2] ?? '';
    }
  }
  const bullet = level === null && BULLET.test(text);
  if (bullet) text = text.replace(BULLET, '');
  if (options.markdown) text = stripEmphasis(text);
  return { text: text.trim(), bullet, level };
}

/**
 * A block is hard-wrapped when it has several lines, none is a bullet, a Markdown heading, a
 * list marker ("Read more", "Tags") or an inline related line ("Related: Headline", "Read more |
 * Headline": links the page set on their own line, which no wrapped paragraph holds), most
 * non-final lines do not end a sentence, and the non-final lines have similar lengths.
 */
export function looksHardWrapped(lines: string[]): boolean {
  if (lines.length < 2) return false;
  if (lines.some((line) => BULLET.test(line) || ATX.test(line) || findMarker(line) !== null || findInlineList(line)?.kind === 'related'))
    return false;
  const inner = lines.slice(0, -1);
  const ended = inner.filter((line) => SENTENCE_END.test(line)).length;
  if (ended > inner.length / 2) return false;
  const continued = lines.slice(1).every((line) => /^[,.;:)\]\p{Ll}]/u.test(line));
  if (continued) return true;
  const lengths = inner.map((line) => line.length);
  const longest = Math.max(...lengths);
  const shortest = Math.min(...lengths);
  return longest >= 45 && shortest >= longest * 0.6;
}
