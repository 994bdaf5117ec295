/**
 * Recognising what a single line of scraped text is: site boilerplate, a list marker, a
 * headline-like line, the end of a sentence. Rules are about page furniture, never about words
 * of a particular article.
 */

import { getDanglingWords } from './dangling-words.ts';

/** What a list that follows a marker line holds. */
export type MarkerKind = 'tags' | 'related' | 'nav' | 'sources';

const MARKERS: ReadonlyArray<[MarkerKind, RegExp]> = [
  ['tags', /^(?:know more|tags|tagged(?: with| in)?|topics|related topics|keywords|subjects|more about|more on|filed under|categories)$/],
  [
    'related',
    /^(?:related|related (?:articles?|stories|story|news|content|coverage|links|reading)|see also|read (?:more|also|next)|also read|more (?:stories|news|articles|headlines)|more on this (?:story|topic|subject)|you (?:may|might) also (?:like|be interested in)|recommended(?: for you)?|most (?:read|popular|viewed)|top stories|latest news|trending(?: now)?|more from [\p{L} ]+)$/u,
  ],
  [
    'nav',
    /^(?:see links of interest|links of interest|(?:quick |useful |more )?links|menu|navigation|sections|services|follow us(?: on [\p{L} ]+)?|share(?: this)?(?: (?:article|story|page|on))?|connect with us|site map|sitemap|about us|contact(?: us)?)$/u,
  ],
  // The citations a report is based on, as wikis and some news sites list them at the end.
  ['sources', /^(?:sources?|references|bibliography|citations|works cited)$/],
];

/** A marker line introducing a list ("Know more", "Tags", "Related", "See links of interest"), or null. */
export function findMarker(text: string): MarkerKind | null {
  const key = text
    .toLowerCase()
    .replace(/[\s:.…»›>|–—►▶-]+$/, '')
    .trim();
  for (const [kind, pattern] of MARKERS) if (pattern.test(key)) return kind;
  return null;
}

/** An inline tag list item has at most this many words. */
const MAX_INLINE_TAG_WORDS = 4;

/** A label, a separator (":", " | ", " — ", " - ", "►", "»"…), the list: "Read more | Headline". */
const INLINE_LIST = /^([^:|►▶»›>–—]{2,30}?)(?::\s+|\s+[|►▶»›>–—-]\s+|\s*[►▶»›]\s*)(\S.*)$/;

/**
 * A line outside a heading read for lists (the head's and the body's alike): a marker that opens
 * a list below it ("Related:"; not on a bullet line, which is an item), returned; or a list
 * written inline ("Tags: a, b"), its items added to `lists`, 'listed'; else null.
 */
export function takeListLine(
  block: { text: string; bullet: boolean },
  lists: Record<'tags' | 'related', string[]>,
): MarkerKind | 'listed' | null {
  const marker = block.bullet ? null : findMarker(block.text);
  if (marker) return marker;
  const list = findInlineList(block.text);
  if (!list) return null;
  lists[list.kind].push(...list.items);
  return 'listed';
}

/** An inline list: "Tags: a, b" → tags; "Read more: Headline" → related; else null. */
export function findInlineList(text: string): { kind: 'tags' | 'related'; items: string[] } | null {
  const match = INLINE_LIST.exec(text);
  if (!match) return null;
  const kind = findMarker(match[1] ?? '');
  const rest = (match[2] ?? '').trim();
  if (kind === 'tags') {
    const items = rest
      .split(/\s*[,;|]\s*/)
      .map(cleanItem)
      .filter((t) => t !== '');
    // "Topics: the talks covered trade, security and energy." is a sentence, not a tag list.
    if (/[.!?]$/.test(rest) || items.some((item) => wordCount(item) > MAX_INLINE_TAG_WORDS)) return null;
    return { kind, items };
  }
  if (kind === 'related' && isHeadlineLike(rest)) return { kind, items: [cleanItem(rest)] };
  return null;
}

/** Furniture lines recognised whatever they end with. */
const ALWAYS_JUNK: readonly RegExp[] = [
  /^according to the criteria of\b/i,
  /\bthe trust project\b/i,
  /^(?:©|\(c\)|copyright\b)/i,
  /\ball rights reserved\b/i,
  /^(?:this (?:article|story) (?:was|has been) (?:updated|corrected|amended)|we use cookies|accept (?:all )?cookies)\b/i,
  /^this (?:article|story|content) is (?:more than|over) .{1,20} old$/i,
  /^reuse this content$/i,
  // Image captions ending with a credit ("Protesters on Sunday. Photograph: A. Name/Agency").
  /\b(?:photograph|photo|image|picture|illustration|credit)s?(?: by)?\s*:\s*[^!?]{0,79}[^.!?\s]$/i,
  /(?:\/|\bvia )getty images\)?$|\((?:ap|afp|reuters) photo[^)]*\)$/i,
];

/** Short call-to-action and credit lines; never a finished sentence. */
const SHORT_JUNK: readonly RegExp[] = [
  /^(?:advertisement|advertising|sponsored(?: content)?|ad|promoted|paid content|skip (?:to )?(?:main )?content|skip advert(?:isement)?)$/i,
  /^(?:share|tweet|email|print|save|copy link|subscribe|sign up|sign in|log in|register|follow|click here|listen|download (?:the )?app|comments?|\d+ comments?|leave a comment|join the conversation)\b(?:\s+\S+){0,10}$/i,
  /^(?:photo|image|picture|video|credit|credits|source|illustration|graphic)s?\s*:\s*\S(?:\s*\S+){0,12}$/i,
  /^(?:reporting|additional reporting|editing|written|compiled) by\b.{0,100}$/i,
];

/** Site furniture that is never body text: trust/credit/copyright lines, share/subscribe lines, "Advertisement". */
export function isJunkLine(text: string): boolean {
  if (ALWAYS_JUNK.some((pattern) => pattern.test(text))) return true;
  return !/[.!?]["'”’]?$/.test(text) && SHORT_JUNK.some((pattern) => pattern.test(text));
}

const MONTH_NAME =
  '(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)';
/** A month name next to a day number: "3 September", "Sep 3", "3rd of May". */
const MONTH = new RegExp(`\\b\\d{1,2}(?:st|nd|rd|th)?(?: of)? ${MONTH_NAME}\\b|\\b${MONTH_NAME}\\.? \\d{1,2}\\b`, 'i');

/** A byline or dateline that sits around a headline ("By Jane Doe", "Updated 3 September 2020 10:42"). */
export function isBylineOrDate(text: string): boolean {
  if (wordCount(text) > 10) return false;
  if (/^[Bb]y\s+\p{Lu}/u.test(text) && !/[.!?]$/.test(text)) return true;
  if (/^(?:updated|published|posted|last (?:updated|modified)|modified)\b/i.test(text)) return true;
  const hasYear = /\b(?:19|20)\d{2}\b/.test(text);
  const hasTime = /\b\d{1,2}:\d{2}\b/.test(text);
  const numericDate = /\b\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4}\b/.test(text);
  return numericDate || (MONTH.test(text) && (hasYear || hasTime)) || (hasYear && hasTime);
}

/** Ends a sentence: terminal punctuation (optionally followed by closing quotes/brackets) or a closing quote. */
export function endsSentence(text: string): boolean {
  const end = endOf(text);
  return /[.!?…]["'”’»)\]]*$/.test(end) || /["”’»]$/.test(end) || /\w'$/.test(end);
}

/** Ends with any punctuation that a headline or crosshead would not end with. */
export function endsWithPunctuation(text: string): boolean {
  const end = endOf(text);
  return /[.!?…,;:]["'”’»)\]]*$/.test(end) || /["”’'»]$/.test(end);
}

/** Starts like the continuation of a broken sentence: closing punctuation or a lowercase word. */
export function startsContinuation(text: string): boolean {
  return /^[,.;:)\]!?…]/.test(text) || /^\p{Ll}/u.test(text);
}

/** Starts like a new paragraph: an uppercase letter or digit, possibly after an opening quote or bracket. */
export function startsNewParagraph(text: string): boolean {
  return /^[\p{Pi}"'“‘«([—–-]*[\p{Lu}\p{N}]/u.test(text);
}

/** Only punctuation (a lone "." left where a link was cut out). */
export function isPunctuationOnly(text: string): boolean {
  return /^[\p{P}\s]+$/u.test(text) && !/^[-–—*_=]{3,}$/.test(text);
}

/** Ends with a word that cannot end a sentence or a heading ("… with the", "… would be"). */
export function endsDangling(text: string): boolean {
  const last = /(?<!\p{L})(\p{L}+)$/u.exec(endOf(text))?.[1];
  return last !== undefined && getDanglingWords().has(last.toLowerCase());
}

/** The last characters of a text: end-anchored patterns only look here, so growing paragraphs stay cheap. */
function endOf(text: string): string {
  return text.length > 60 ? text.slice(-60) : text;
}

/** Number of whitespace-separated words. */
export function wordCount(text: string): number {
  return text.split(/\s+/).filter((w) => w !== '').length;
}

/** A headline's attribution after a comma: "…, mayor says", "…, officials said". */
const ATTRIBUTION_TAIL = /,\s(?:[\p{L}\p{N}'’.-]+\s){1,4}(?:says|say|said)$/u;

/**
 * Looks like a headline: starts with an uppercase letter, digit or opening quote, at most 25
 * words, and does not end with sentence punctuation (a final "?" or "!" is allowed).
 */
export function isHeadlineLike(text: string): boolean {
  const words = wordCount(text);
  if (words === 0 || words > 25 || text.length > 220) return false;
  if (!startsNewParagraph(text)) return false;
  if (/[?!]$/.test(endOf(text))) return true;
  if (endsWithPunctuation(text)) return false;
  return !endsDangling(text) || ATTRIBUTION_TAIL.test(endOf(text));
}

/**
 * At the top of a page, a headline may also end with a quoted phrase ("Mayor calls budget plan
 * 'a disaster'"); in the body such a line is a paragraph that lost its full stop, so only the
 * head reading asks this.
 */
export function isHeadlineLikeAtTop(text: string): boolean {
  if (isHeadlineLike(text)) return true;
  const unquoted = withoutQuotedEnd(text);
  return unquoted !== text && isHeadlineLike(unquoted);
}

/** Closing quotation marks that end a quoted phrase, after its last word ("… 'a disaster'", "… “a disaster”"). */
const QUOTED_PHRASE_END = /(?<=[\p{L}\p{N}])["'”’»]+$/u;
/** An opening quotation mark: at the start or after a space or bracket. */
const OPENING_QUOTE = /(?:^|[\s([])["'“‘«]/u;

/**
 * The text without the closing quotation marks of a quoted phrase it ends with (an opening mark
 * earlier, a word right before the closing one); the text itself otherwise. "Mayor calls plan
 * 'a disaster'" → "Mayor calls plan 'a disaster"; a quote closing after "." keeps its mark.
 */
export function withoutQuotedEnd(text: string): string {
  const end = QUOTED_PHRASE_END.exec(text);
  if (end === null || !OPENING_QUOTE.test(text.slice(0, end.index))) return text;
  return text.slice(0, end.index);
}

/** Cleans a tag or related headline: surrounding punctuation and list markers removed. */
export function cleanItem(text: string): string {
  return text
    .replace(/^[#•·▪\s]+/, '')
    .replace(/[\s,;|]+$/, '')
    .trim();
}
