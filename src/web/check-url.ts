import { checkAddress, checkHostName, isIpLiteral } from './check-address.ts';

/** Longer links are refused: no news page needs one, and they end up in messages and logs. */
export const MAX_URL_LENGTH = 4096;

/** A URL fit to fetch, or why not: `bad-url` (what it is) or `blocked-address` (where it points). */
export type UrlCheck = { ok: true; url: URL } | { ok: false; code: 'bad-url' | 'blocked-address'; reason: string };

/**
 * Checks a URL before any connection: http or https only, no user name or password in it, and a
 * host that is not a blocked IP literal or a name meaning this machine. Names are checked again
 * when they are resolved, at connect time (see create-guarded-agent.ts). WHATWG URL parsing has
 * already turned odd IPv4 spellings (2130706433, 0x7f.1) into dotted form.
 */
export function checkUrl(text: string, allowPrivate: boolean, base?: URL): UrlCheck {
  if (text.length > MAX_URL_LENGTH) return { ok: false, code: 'bad-url', reason: `that link is longer than ${MAX_URL_LENGTH} characters` };
  let url: URL;
  try {
    url = new URL(text, base);
  } catch {
    return { ok: false, code: 'bad-url', reason: 'that is not a web address' };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    return { ok: false, code: 'bad-url', reason: `only http and https links can be fetched, not ${url.protocol.replace(/:$/, '')}` };
  if (url.username !== '' || url.password !== '')
    return { ok: false, code: 'bad-url', reason: 'links with a user name or password in them are not fetched' };
  if (url.hostname === '') return { ok: false, code: 'bad-url', reason: 'that link has no host' };
  const reason = isIpLiteral(url.hostname) ? checkAddress(url.hostname, allowPrivate) : checkHostName(url.hostname, allowPrivate);
  if (reason !== null) return { ok: false, code: 'blocked-address', reason };
  return { ok: true, url };
}
