import { userError, type UserError } from './user-error.ts';

/** Every IANA time zone this Node knows, plus UTC (Intl lists only canonical zones). */
const ZONES: readonly string[] = ['UTC', ...Intl.supportedValuesOf('timeZone').filter((z) => z !== 'UTC')];

/** Offered before anything is typed: UTC and a zone per populated region (each checked against Intl's list). */
const FIRST_OFFERED = [
  'UTC',
  'Europe/London',
  'Europe/Paris',
  'Europe/Berlin',
  'Europe/Moscow',
  'America/New_York',
  'America/Chicago',
  'America/Denver',
  'America/Los_Angeles',
  'America/Sao_Paulo',
  'Africa/Lagos',
  'Africa/Johannesburg',
  'Asia/Kolkata',
  'Asia/Shanghai',
  'Asia/Tokyo',
  'Australia/Sydney',
].filter((z) => ZONES.includes(z));

/** Reads a 24-hour "HH:MM" (also "8:00"), normalised to two digits each. */
export function readClockTime(text: string): string | UserError<'bad-option'> {
  const match = /^\s*(\d{1,2}):(\d{2})\s*$/.exec(text);
  const hours = match ? Number(match[1]) : NaN;
  const minutes = match ? Number(match[2]) : NaN;
  if (!(hours >= 0 && hours <= 23 && minutes >= 0 && minutes <= 59)) {
    return userError('bad-option', `"${text.slice(0, 20)}" is not a time of day: give it as 24-hour HH:MM, e.g. 08:00 or 18:30.`);
  }
  return `${String(hours).padStart(2, '0')}:${String(minutes).padStart(2, '0')}`;
}

/** Reads an IANA time zone name (any case), returned as Intl spells it. */
export function readTimeZone(text: string): string | UserError<'bad-option'> {
  const wanted = text.trim();
  const known = ZONES.find((z) => z.toLowerCase() === wanted.toLowerCase());
  if (known) return known;
  try {
    // Aliases Intl accepts but does not list (e.g. "Asia/Calcutta").
    return new Intl.DateTimeFormat('en', { timeZone: wanted }).resolvedOptions().timeZone;
  } catch {
    return userError('bad-option', `"${wanted.slice(0, 64)}" is not a time zone I know; pick one as you type, e.g. Europe/Paris.`);
  }
}

/** Up to 25 time zones matching what was typed (anywhere in the name, spaces as underscores). */
export function completeTimeZone(partial: string): Array<{ name: string; value: string }> {
  const wanted = partial.trim().toLowerCase().replace(/\s+/g, '_');
  const matches = wanted === '' ? FIRST_OFFERED : ZONES.filter((z) => z.toLowerCase().includes(wanted));
  const starts = matches.filter((z) =>
    z
      .toLowerCase()
      .split('/')
      .some((part) => part.startsWith(wanted)),
  );
  const ordered = [...new Set([...starts, ...matches])];
  return ordered.slice(0, 25).map((z) => ({ name: z, value: z }));
}
