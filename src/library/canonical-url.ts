/** Article URLs made comparable: the address stored for an article, and the key two addresses of one story share. */

/** Query parameters that only say where a click came from (campaign and click trackers), never which story. */
const TRACKING_PARAM =
  /^(?:utm_\w+|fbclid|gclid|gclsrc|dclid|gbraid|wbraid|msclkid|yclid|twclid|igshid|mc_cid|mc_eid|mkt_tok|_hsenc|_hsmi|oly_anon_id|oly_enc_id|vero_id|__twitter_impression|ga_\w+|_ga|_gl)$/i;
/** A last path segment naming the directory's default page. */
const INDEX_PAGE = /\/(?:index|default)\.(?:html?|php|aspx?)$/i;

/**
 * An absolute http(s) URL, parsed (scheme and host lower case, default port dropped) and without
 * its fragment; null for anything else. The common ground of article and feed addresses.
 */
export function parseHttpUrl(value: string): URL | null {
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  url.hash = '';
  return url;
}

/**
 * The URL as Pilcrow stores it, or null when it is not an absolute http(s) URL: host lower
 * case (the URL parser does it), no fragment, no tracking parameters, no trailing `index.html`.
 * Everything else (scheme, path case, the other parameters and their order) is kept.
 */
export function cleanUrl(value: string): string | null {
  const url = parseHttpUrl(value);
  if (url === null) return null;
  url.username = '';
  url.password = '';
  for (const name of Array.from(url.searchParams.keys())) if (TRACKING_PARAM.test(name)) url.searchParams.delete(name);
  if (url.searchParams.size === 0) url.search = '';
  url.pathname = url.pathname.replace(INDEX_PAGE, '/');
  return url.href;
}

/**
 * The dedupe key of a URL: its {@link cleanUrl} form without the scheme, a leading `www.`, a
 * trailing slash, and with the parameters sorted — so the http and https, www and bare, AMP-less
 * variants of one address compare equal. Null when the URL is not http(s).
 */
export function toUrlKey(value: string): string | null {
  const clean = cleanUrl(value);
  if (clean === null) return null;
  const url = new URL(clean);
  url.searchParams.sort();
  const host = url.host.replace(/^www\./, '');
  const path = url.pathname.length > 1 ? url.pathname.replace(/\/+$/, '') : '';
  return `${host}${path}${url.search}`;
}

/**
 * The canonical URL of a fetched page: the one the page declares (canonical link, og:url,
 * JSON-LD) unless it is a site's front page while the page itself is not (a misconfigured
 * canonical would make every story of the site one article), else the final URL.
 */
export function chooseCanonicalUrl(declared: string | null, finalUrl: string): string | null {
  const final = cleanUrl(finalUrl);
  const page = declared === null ? null : cleanUrl(declared);
  if (page === null) return final;
  if (final !== null && isFrontPage(page) && !isFrontPage(final)) return final;
  return page;
}

function isFrontPage(value: string): boolean {
  const url = new URL(value);
  return url.pathname === '/' && url.search === '';
}
