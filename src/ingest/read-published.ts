/**
 * An article's publication date, read from what the source wrote: a date line ("Friday, August
 * 15, 2008"), a news-agency dateline ("WASHINGTON, May 4, 2009 (AP) — …"), front matter, page
 * metadata or a feed item. Dates are parsed by chrono-node in strict mode (formal dates only,
 * never "yesterday" or a bare weekday); a date is kept only when its day, month and year are
 * all written, so no part of it is ever guessed from the clock.
 */
import type { ParsedComponents } from 'chrono-node';
import { loadChrono } from './load-parsers.ts';

/** chrono fills missing parts from this reference; with day, month and year required, it never shows. */
const REFERENCE = new Date(Date.UTC(2000, 0, 1));

/** Longest text read as a date line: a date with a weekday, a time and a zone, or "Updated …" before it. */
const MAX_DATE_LINE_CHARS = 80;

/** What may stand around the date in a date line: a label ("Published", "Updated on"), separators, "at". */
const DATE_LINE_REST =
  /^(?:(?:first\s+)?(?:published|posted|updated|last\s+updated|last\s+modified|modified|dated?)(?:\s+on)?|on|at|[\s,.:;|·•–—-])*$/i;

/**
 * The date of a text, as ISO 8601: "2008-08-15" for a day, a timestamp with the text's own UTC
 * offset when it also gives the time and its zone ("Tue, 12 Mar 2021 10:42:00 +0200" →
 * "2021-03-12T10:42:00+02:00": the day stays the one the source wrote). Null when the text
 * holds no complete date (day, month and year).
 */
export function parseDate(text: string): string | null {
  const found = loadChrono().strict.parse(text, REFERENCE)[0];
  return found ? toIso(found.start) : null;
}

/**
 * The date of a line that is only a date ("Friday, August 15, 2008", "Updated 3 September 2020
 * 10:42 GMT", "2009-05-04"), else null: a sentence that mentions a date is not a date line.
 */
export function readDateLine(text: string): string | null {
  const line = text.trim();
  if (line.length === 0 || line.length > MAX_DATE_LINE_CHARS) return null;
  const found = loadChrono().strict.parse(line, REFERENCE)[0];
  if (!found) return null;
  const rest = line.slice(0, found.index) + ' ' + line.slice(found.index + found.text.length);
  return DATE_LINE_REST.test(rest) ? toIso(found.start) : null;
}

/**
 * A news-agency dateline that opens a paragraph: a place in capitals, then optionally a date and
 * an agency, then a dash ("WASHINGTON, May 4, 2009 (AP) — …", "LONDON, 4 May 2009 -- …").
 * The prefix up to the dash, when it starts with a word in capitals.
 */
const AGENCY_DATELINE = /^(\p{Lu}[\p{Lu}\p{M}'’.-]+(?:[ ,]+[\p{Lu}\p{M}'’.-]+)*[^—–]{0,60}?)\s+(?:—|–|--|-)\s+\S/u;

/** Characters of a paragraph's opening read for a dateline (place, date, agency and dash fit well within). */
const MAX_DATELINE_CHARS = 160;

/** A weekday opening a full date at the start of a paragraph: "Thursday, March 15, 2012 Wikinews interviewed…". */
const WEEKDAY_FIRST = /^(?:mon|tues|wednes|thurs|fri|satur|sun)day\b/i;

/**
 * The date of a dateline that opens the paragraph, else null: an agency dateline ("WASHINGTON,
 * May 4, 2009 (AP) — The Senate…") or a full date with its weekday glued to the first sentence
 * ("Thursday, March 15, 2012 The council…"). A date elsewhere in the sentence is not a dateline.
 */
export function readOpeningDateline(paragraph: string): string | null {
  // A dateline is short: only the paragraph's opening is read, so a long paragraph costs nothing.
  const opening = paragraph.slice(0, MAX_DATELINE_CHARS);
  const match = AGENCY_DATELINE.exec(opening);
  if (match) return parseDate(match[1]!);
  if (!WEEKDAY_FIRST.test(opening)) return null;
  const found = loadChrono().strict.parse(opening.slice(0, MAX_DATE_LINE_CHARS), REFERENCE)[0];
  return found?.index === 0 ? toIso(found.start) : null;
}

/** An ISO 8601 day or timestamp, as metadata and feeds usually give it. */
const ISO_DATE = /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;

/**
 * A date written elsewhere (front matter, page metadata, a feed): kept when it is ISO 8601
 * already, else in ISO 8601 form when it can be read completely ("Tue, 12 Mar 2021 10:42:00
 * GMT"), else as written (the source's own words, shown as such); null when empty.
 */
export function normalisePublished(written: string | null | undefined): string | null {
  const text = written?.trim();
  if (!text) return null;
  if (ISO_DATE.test(text) && !Number.isNaN(Date.parse(text))) return text;
  return parseDate(text) ?? text;
}

function toIso(start: ParsedComponents): string | null {
  if (!start.isCertain('day') || !start.isCertain('month') || !start.isCertain('year')) return null;
  const year = start.get('year')!;
  const day = `${String(year).padStart(4, '0')}-${pad(start.get('month')!)}-${pad(start.get('day')!)}`;
  // A time counts only with its zone: "10:42" alone could be any of 24 instants.
  const offset = start.get('timezoneOffset');
  if (!start.isCertain('hour') || !start.isCertain('timezoneOffset') || offset === null) return day;
  const time = `${pad(start.get('hour')!)}:${pad(start.get('minute') ?? 0)}:${pad(start.get('second') ?? 0)}`;
  return `${day}T${time}${offset === 0 ? 'Z' : formatOffset(offset)}`;
}

/** Minutes east of UTC → "+02:00", "-04:30". */
function formatOffset(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
