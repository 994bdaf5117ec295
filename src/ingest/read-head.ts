/** The top of a scraped page, before the body: headline, kicker, related headlines, furniture. */
import {
  cleanItem,
  endsSentence,
  endsWithPunctuation,
  findMarker,
  isBylineOrDate,
  isHeadlineLike,
  isHeadlineLikeAtTop,
  isJunkLine,
  startsContinuation,
  takeListLine,
  wordCount,
  type MarkerKind,
} from './classify-line.ts';
import { readDateLine } from './read-published.ts';
import type { Block } from './split-blocks.ts';

/** What the top of the page holds and where the body starts. */
export interface Head {
  title: string | null;
  kicker: string | null;
  tags: string[];
  related: string[];
  /** The date of the first date line around the headline ("Friday, August 15, 2008"), ISO 8601; null when none. */
  published: string | null;
  /** Index of the first body block. */
  bodyStart: number;
}

/** A bullet with fewer words than this is a navigation link, not a headline. */
const MIN_HEADLINE_BULLET_WORDS = 4;
/** A line above the headline with at most this many words can be its section kicker; such lines in a run are navigation. */
const MAX_KICKER_WORDS = 3;
/** After the headline, an unpunctuated line longer than this is body text. */
const MAX_HEADLINE_WORDS = 25;

/**
 * Reads the head of the page: furniture (bylines, dates, share lines, navigation bullets and
 * runs of short lines, markers) is skipped; the first other headline-like line (bullet or not)
 * is the headline; later headline bullets are related headlines. Before a headline, the body
 * starts at the first block that is not headline-like, so an article that opens with body text
 * has no headline; after it, at the first block that ends a sentence, is long, or is continued.
 * The first date line among the furniture gives the article's date.
 */
export function readHead(blocks: readonly Block[]): Head {
  const head: Head = { title: null, kicker: null, tags: [], related: [], published: null, bodyStart: blocks.length };
  let mode: MarkerKind | null = null;
  for (let i = 0; i < blocks.length; i++) {
    const block = blocks[i]!;
    const next = blocks[i + 1];
    const text = block.text;
    if (isJunkLine(text)) continue;
    if (isBylineOrDate(text)) {
      head.published ??= readDateLine(text);
      continue;
    }
    if (block.level === null && !block.bullet) {
      const taken = takeListLine(block, head);
      if (taken === 'listed') continue;
      if (taken !== null) {
        mode = taken;
        continue;
      }
    }
    const continued = next !== undefined && startsContinuation(next.text);
    const headline = isHeadlineLikeAtTop(text) && !continued;
    if (block.bullet) {
      if (mode === 'tags') head.tags.push(cleanItem(text));
      else if (mode !== 'nav' && headline && wordCount(text) >= MIN_HEADLINE_BULLET_WORDS) {
        if (head.title === null && mode === null) head.title = text;
        else head.related.push(text);
      }
      continue;
    }
    if (block.level !== null) {
      if (block.level === 1 && head.title === null) {
        head.title = text;
        continue;
      }
      head.bodyStart = i;
      break;
    }
    if (head.title === null) {
      if (!headline) {
        head.bodyStart = i;
        break;
      }
      if (isTeaserLink(next) && isFollowedByHeadline(blocks, i + 1)) {
        // A headline line with its "Read more" link under it, and another headline after: a teaser for related coverage.
        head.related.push(cleanItem(text));
        i++;
        continue;
      }
      if (mode === 'related' && isFollowedByHeadline(blocks, i)) {
        // Under a related marker, a headline line with another headline line after it is related coverage; the last is the headline.
        head.related.push(cleanItem(text));
        continue;
      }
      if (isShortLine(block) && (isShortLine(blocks[i - 1]) || isShortLine(next))) continue; // a navigation run
      if (isKickerAbove(block, next, blocks[i + 2])) {
        head.kicker = text;
        head.title = next!.text;
        i++;
      } else head.title = text;
      mode = null;
      continue;
    }
    if (endsSentence(text) || wordCount(text) > MAX_HEADLINE_WORDS || continued) {
      head.bodyStart = i;
      break;
    }
    // Between the headline and the body: a role line, an unpunctuated standfirst, furniture.
  }
  if (head.title !== null) {
    // A kicker glued to the headline is the nearest section: it wins over a line above (a breadcrumb's first crumb).
    const split = splitKicker(head.title);
    head.title = split.title;
    head.kicker = split.kicker ?? head.kicker;
  }
  return head;
}

/** Whether the next block after `i` that is not furniture is a plain headline-like line (not a byline, date, marker or body text). */
function isFollowedByHeadline(blocks: readonly Block[], i: number): boolean {
  let j = i + 1;
  while (j < blocks.length && isJunkLine(blocks[j]!.text)) j++;
  const next = blocks[j];
  if (next === undefined || next.bullet || next.level !== null || isBylineOrDate(next.text) || findMarker(next.text) !== null) return false;
  const after = blocks[j + 1];
  return isHeadlineLike(next.text) && !(after !== undefined && startsContinuation(after.text));
}

/** The link text that closes a teaser ("Read more", "Continue reading »", "Full story"), never a list marker on its own. */
const TEASER_LINK = /^(?:read more|continue reading|read on|(?:read )?(?:the )?full (?:story|article))$/;

function isTeaserLink(block: Block | undefined): boolean {
  if (block === undefined || block.bullet || block.level !== null) return false;
  return TEASER_LINK.test(
    block.text
      .toLowerCase()
      .replace(/[\s:.…»›>|–—►▶→-]+$/, '')
      .trim(),
  );
}

/** A short unpunctuated plain line: a navigation link, a kicker or a role line. */
function isShortLine(block: Block | undefined): boolean {
  return (
    block !== undefined &&
    !block.bullet &&
    block.level === null &&
    wordCount(block.text) <= MAX_KICKER_WORDS &&
    !endsWithPunctuation(block.text)
  );
}

function isKickerAbove(block: Block, next: Block | undefined, afterNext: Block | undefined): boolean {
  if (next === undefined || next.bullet || next.level !== null) return false;
  if (wordCount(block.text) > MAX_KICKER_WORDS || wordCount(next.text) <= wordCount(block.text)) return false;
  if (afterNext !== undefined && startsContinuation(afterNext.text)) return false;
  return isHeadlineLike(next.text) && findMarker(next.text) === null && !isJunkLine(next.text) && !isBylineOrDate(next.text);
}

/** One crumb of a breadcrumb or a section kicker: one to three words, the first capitalised. */
const CRUMB = String.raw`\p{Lu}[\p{L}\p{N}'’&-]*(?: [\p{L}\p{N}'’&-]+){0,2}`;
/**
 * A breadcrumb trail, then a kicker glued to the headline by a period: "Crisis.Putin…",
 * "Home › News.City…", "Home.News.City…". The headline starts with a capital, a digit or an
 * opening quote right after the period.
 */
const GLUED_KICKER = new RegExp(
  String.raw`^(?:${CRUMB}\s*(?:[›>/»|→·]\s*|\.(?=\p{Lu}[\p{L}\p{N}'’&-]+\.)))*(\p{Lu}[\p{L}\p{N}'’&-]+(?: [\p{L}\p{N}'’&-]+){0,2})\.(?=[\p{Lu}\p{N}‘“"'«])`,
  'u',
);
/** Abbreviations that end in a period and are glued to a name ("St.Louis"), never a kicker. */
const ABBREVIATION = /^(?:st|ste|dr|mr|mrs|ms|mt|ft|jr|sr|no|nos|vol|gen|gov|sen|rep|prof|capt|lt|col|sgt|rev|inc|ltd|co|corp|ave|rd)$/i;

/**
 * Splits a section kicker glued to a headline, after any breadcrumb trail: "Crisis.Putin
 * delays…" → kicker "Crisis", title "Putin delays…"; "Home › News.City council…" → kicker
 * "News" (the last crumb). An abbreviation before the period ("St.Louis") is no kicker.
 */
export function splitKicker(headline: string): { kicker: string | null; title: string } {
  const match = GLUED_KICKER.exec(headline);
  const kicker = match?.[1];
  if (!match || kicker === undefined || ABBREVIATION.test(kicker)) return { kicker: null, title: headline };
  const title = headline.slice(match[0].length).trim();
  return title === '' ? { kicker: null, title: headline } : { kicker, title };
}
