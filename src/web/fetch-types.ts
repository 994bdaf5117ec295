/** The fetcher's contract (see fetch-page.ts): what a fetch is asked, and what it answers. */

export type FetchRefusalCode =
  | 'bad-url' // not http/https, unparsable, credentials in URL
  | 'blocked-address' // loopback/private/link-local/metadata/unspecified/multicast… (also after redirect/DNS)
  | 'too-large' // body over maxBytes (Content-Length or while streaming)
  | 'timeout' // whole request over timeoutMs
  | 'too-many-redirects' // more than maxRedirects, or a loop
  | 'http-error' // 4xx/5xx (status set; retryAfterMs from Retry-After on 429/503)
  | 'wrong-type' // content-type not acceptable for `accept`
  | 'network'; // DNS failure, refused, reset…

export interface FetchRefusal {
  code: FetchRefusalCode;
  /** For a person; names the URL's host ("example.com answered 404 Not Found"). */
  message: string;
  /** The HTTP status, for http-error (and the 3xx of a redirect that could not be followed). */
  status?: number;
  /** How long the server asked us to wait (Retry-After on 429 and 503), in ms. */
  retryAfterMs?: number;
}

export interface FetchedPage {
  /** The final URL, after redirects. */
  url: string;
  status: number;
  /** Media type, lower case, no parameters ('text/html'). */
  contentType: string;
  /** The charset the Content-Type header names, lower case; null when it names none. */
  charset: string | null;
  /** The body, decompressed (gzip, deflate, br). */
  bytes: Uint8Array;
  etag: string | null;
  lastModified: string | null;
}

export type FetchResult =
  | { kind: 'page'; page: FetchedPage }
  | { kind: 'not-modified'; url: string } // 304 to a conditional request
  | { kind: 'refused'; refusal: FetchRefusal };

export interface FetchOptions {
  /**
   * What the fetch is for: `article` takes text/html, application/xhtml+xml, text/plain and
   * text/markdown; `feed` takes RSS, Atom, RDF and JSON Feed types, generic XML and JSON, and
   * text/html (so the caller can say "a web page, not a feed"); `attachment` takes text/*, XHTML
   * and application/octet-stream.
   */
  accept: 'article' | 'feed' | 'attachment';
  /** Largest body taken, decompressed; default 5 MB. */
  maxBytes?: number;
  /** The whole request, redirects and body included; default 10 000 ms. */
  timeoutMs?: number;
  /** Redirects followed; default 5. */
  maxRedirects?: number;
  /** From the last fetch of this URL: sent as If-None-Match / If-Modified-Since. */
  etag?: string | null;
  lastModified?: string | null;
  /** Cancels the fetch: the promise then rejects with the signal's reason (it is not a refusal). */
  signal?: AbortSignal;
}

export type FetchPage = (url: string, options: FetchOptions) => Promise<FetchResult>;

/** A refusal as a result; `status` is kept for HTTP errors. */
export function refuse(code: FetchRefusalCode, message: string, status?: number): FetchResult {
  const refusal: FetchRefusal = { code, message };
  if (status !== undefined && code === 'http-error') refusal.status = status;
  return { kind: 'refused', refusal };
}
