/** The main text of a page (an element Readability chose) → blocks for the cleaner: paragraphs, list items, headings. */
import type { DomElement, DomNode } from './dom-shapes.ts';
import { normaliseWhitespace } from './normalise-text.ts';
import type { Block } from './split-blocks.ts';

/** Elements whose text starts and ends a block. */
const BLOCK_TAGS = new Set([
  'ADDRESS',
  'ARTICLE',
  'ASIDE',
  'BLOCKQUOTE',
  'DD',
  'DETAILS',
  'DIV',
  'DL',
  'DT',
  'FIELDSET',
  'FOOTER',
  'FORM',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'HEADER',
  'HR',
  'LI',
  'MAIN',
  'NAV',
  'OL',
  'P',
  'PRE',
  'SECTION',
  'SUMMARY',
  'TABLE',
  'TBODY',
  'TD',
  'TH',
  'THEAD',
  'TR',
  'UL',
]);
/** Elements whose text is never article text: captions, media, scripts, forms. */
const SKIPPED_TAGS = new Set([
  'BUTTON',
  'CANVAS',
  'FIGCAPTION',
  'IFRAME',
  'IMG',
  'INPUT',
  'NOSCRIPT',
  'OBJECT',
  'PICTURE',
  'SCRIPT',
  'SELECT',
  'STYLE',
  'SVG',
  'TEMPLATE',
  'TEXTAREA',
  'VIDEO',
  'AUDIO',
]);

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;

/**
 * Walks `root` in document order (iteratively, so deep nesting cannot overflow the stack) and
 * returns one block per paragraph-like element: `h1`–`h6` are headings (their level), `li`
 * items are bullets, `<br>` ends a line, everything else in between is joined inline text.
 * Captions, media, forms and scripts are left out.
 */
export function htmlToBlocks(root: DomNode): Block[] {
  const blocks: Block[] = [];
  let text = '';
  let bullet = false;
  let level: number | null = null;
  const flush = (): void => {
    const cleaned = normaliseWhitespace(text.replace(/\s+/g, ' ')).trim();
    if (cleaned !== '') blocks.push({ text: cleaned, bullet, level });
    text = '';
    bullet = false;
    level = null;
  };
  // A stack of nodes to visit, with markers for leaving a block element.
  const stack: Array<DomNode | { leave: string }> = [root];
  while (stack.length > 0) {
    const item = stack.pop()!;
    if (!('nodeType' in item)) {
      flush();
      continue;
    }
    if (item.nodeType === TEXT_NODE) {
      text += item.textContent ?? '';
      continue;
    }
    if (item.nodeType !== ELEMENT_NODE) continue;
    const tag = (item as DomElement).tagName.toUpperCase();
    if (SKIPPED_TAGS.has(tag) || tag === 'FIGURE') {
      if (tag === 'FIGURE')
        pushChildren(
          stack,
          item,
          (child) => child.nodeType === ELEMENT_NODE && (child as DomElement).tagName.toUpperCase() !== 'FIGCAPTION',
        );
      continue;
    }
    if (tag === 'BR') {
      flush();
      continue;
    }
    if (BLOCK_TAGS.has(tag)) {
      flush();
      const heading = /^H([1-6])$/.exec(tag);
      if (heading) level = Number(heading[1]);
      if (tag === 'LI') bullet = true;
      stack.push({ leave: tag });
    }
    pushChildren(stack, item);
  }
  flush();
  return blocks;
}

function pushChildren(stack: Array<DomNode | { leave: string }>, node: DomNode, keep: (child: DomNode) => boolean = () => true): void {
  const children = Array.from(node.childNodes).filter(keep);
  for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
}
