/** Headlines of related coverage a page lists in its own boxes ("Related coverage", "Most read", "Read more"). */
import { cleanItem, findMarker, isHeadlineLike, wordCount } from './classify-line.ts';
import type { DomDocument, DomElement } from './dom-shapes.ts';

/** A link text with fewer words than this is navigation, not a headline. */
const MIN_HEADLINE_WORDS = 4;
/** At most this many related headlines are kept from one page. */
const MAX_RELATED = 30;
/** Class or id naming a box of related links. */
const RELATED_NAME = /(?:^|[\s_-])(?:related|more-on|read-?more|recommended|most-?read|most-?popular|also-?read)(?:$|[\s_-])/i;

/**
 * Link texts in boxes of related coverage: an element whose class or id says so, or whose first
 * heading is a related-list marker the text cleaner knows ("Related coverage", "More on this
 * story", "Most read"). Only headline-like texts of four words or more are kept. Read before
 * the page is cleaned, since Readability drops such boxes.
 */
export function readRelatedLinks(document: DomDocument): string[] {
  const found: string[] = [];
  for (const box of Array.from(document.querySelectorAll('aside, section, div, ul, ol'))) {
    if (!isRelatedBox(box)) continue;
    for (const link of Array.from(box.querySelectorAll('a'))) {
      const text = cleanItem((link.textContent ?? '').replace(/\s+/g, ' ').trim());
      if (wordCount(text) >= MIN_HEADLINE_WORDS && isHeadlineLike(text) && !found.includes(text)) found.push(text);
      if (found.length >= MAX_RELATED) return found;
    }
  }
  return found;
}

function isRelatedBox(box: DomElement): boolean {
  const names = `${box.getAttribute('class') ?? ''} ${box.getAttribute('id') ?? ''}`;
  if (RELATED_NAME.test(names)) return true;
  const heading = box.querySelector('h2, h3, h4, h5, h6');
  return heading !== null && findMarker((heading.textContent ?? '').replace(/\s+/g, ' ').trim()) === 'related';
}
