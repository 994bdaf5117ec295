/** An article's date as a reader reads it, the same in the terminal and on Discord. */

/** An ISO 8601 day, and an optional time with its zone, as ingestion stores dates. */
const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::\d{2}(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

const MONTHS = Array.from({ length: 12 }, (_, m) =>
  new Date(Date.UTC(2000, m, 1)).toLocaleDateString('en-GB', { month: 'long', timeZone: 'UTC' }),
);

/**
 * "15 August 2008" for an ISO day; "12 March 2021, 10:42 UTC" or "9 July 2023, 20:00 UTC-04:00"
 * for a timestamp, in the zone the source gave (the day is the one it wrote, the same for every
 * reader); a time without a zone is left out; any other text as written (a source's own words).
 */
export function describeDate(published: string): string {
  const text = published.trim();
  const match = ISO.exec(text);
  if (match === null) return text;
  const [, year, month, day, hour, minute, zone] = match;
  if (
    new Date(Date.UTC(Number(year), Number(month) - 1, Number(day))).getUTCDate() !== Number(day) ||
    Number(month) < 1 ||
    Number(month) > 12
  )
    return text;
  const date = `${Number(day)} ${MONTHS[Number(month) - 1]} ${year}`;
  if (hour === undefined || zone === undefined) return date;
  return `${date}, ${hour}:${minute} UTC${zone === 'Z' || /^[+-]00:?00$/.test(zone) ? '' : zone}`;
}
