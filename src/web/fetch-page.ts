import { fetch } from 'undici';
import type { Agent, Response } from 'undici';
import { acceptHeader, isAcceptedType } from './accepted-types.ts';
import { checkUrl } from './check-url.ts';
import { BlockedAddressError, createGuardedAgent } from './create-guarded-agent.ts';
import type { ResolveHost } from './create-guarded-agent.ts';
import { describeBytes, describeDuration, describeExpected, describeNetworkError, describeStatus } from './describe-refusal.ts';
import { parseRetryAfter } from './parse-retry-after.ts';
import { readCappedBody } from './read-capped-body.ts';
import { readContentType } from './read-content-type.ts';

/*
 * Safe fetching of pages, feeds and attachments. Only bytes are read here: nothing fetched is
 * ever run (no scripts, no styles, no sub-resources); the HTML is parsed later, without scripts.
 */

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

export interface PageFetcherSettings {
  /** ALLOW_PRIVATE_URLS: also fetch from loopback and private networks (tests, local development). */
  allowPrivateUrls: boolean;
  /** Sent with every request; default names Pilcrow. */
  userAgent?: string;
  /** Looks host names up; default the system resolver (dns.lookup). */
  resolveHost?: ResolveHost;
  /** For Retry-After dates; default Date.now. */
  clock?: () => number;
}

export const DEFAULT_FETCH_LIMITS = Object.freeze({ maxBytes: 5 * 1024 * 1024, timeoutMs: 10_000, maxRedirects: 5 });
export const DEFAULT_USER_AGENT = 'Pilcrow/0.1 (news digest bot for Discord; fetches the links its users add)';

const CUT_BEFORE_ANSWER = new Set(['UND_ERR_SOCKET', 'ECONNRESET', 'EPIPE']);
const REDIRECTS = new Set([300, 301, 302, 303, 307, 308]);

/**
 * A fetcher that refuses what a bot fetching users' links must not fetch: other schemes, the
 * host's own network (checked on every connection, after DNS and after each redirect), bodies
 * over the size cap, requests over the time cap, redirect chains and loops, unwanted types.
 * Each refusal is a value with a code and a message for a person; only bugs throw.
 */
export function createPageFetcher(settings: PageFetcherSettings): FetchPage {
  const allowPrivate = settings.allowPrivateUrls;
  const userAgent = settings.userAgent ?? DEFAULT_USER_AGENT;
  const clock = settings.clock ?? Date.now;
  let agent: Agent | null = null;
  const dispatcher = (): Agent => (agent ??= createGuardedAgent({ allowPrivate, resolveHost: settings.resolveHost }));

  return async (text, options) => {
    const maxBytes = options.maxBytes ?? DEFAULT_FETCH_LIMITS.maxBytes;
    const timeoutMs = options.timeoutMs ?? DEFAULT_FETCH_LIMITS.timeoutMs;
    const maxRedirects = options.maxRedirects ?? DEFAULT_FETCH_LIMITS.maxRedirects;
    options.signal?.throwIfAborted();

    const first = checkUrl(text, allowPrivate);
    if (!first.ok) return refuse(first.code, `refused ${describeTarget(text)}: ${first.reason}`);

    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort(new Error('timeout'));
    }, timeoutMs);
    const onAbort = (): void => controller.abort(options.signal?.reason);
    options.signal?.addEventListener('abort', onAbort, { once: true });

    let url = first.url;
    try {
      const seen = new Set<string>([withoutHash(url)]);
      for (let hops = 0; ; hops++) {
        const request = (): Promise<Response> =>
          fetch(url, {
            method: 'GET',
            redirect: 'manual',
            signal: controller.signal,
            dispatcher: dispatcher(),
            headers: requestHeaders(options, userAgent),
          });
        // A kept-alive connection the server has just closed fails before any answer: a GET is
        // safe to send once more, on a new connection (which is checked like any other).
        const response = await request().catch((error: unknown) => {
          if (controller.signal.aborted || !CUT_BEFORE_ANSWER.has(errorCode(findCause(error)) ?? '')) throw error;
          return request();
        });
        const host = url.host;

        if (REDIRECTS.has(response.status) && response.headers.has('location')) {
          await discard(response);
          const next = checkUrl(response.headers.get('location')!, allowPrivate, url);
          if (!next.ok) {
            const where =
              next.code === 'blocked-address'
                ? `${host} redirected to ${safeHost(response.headers.get('location')!, url)}`
                : `${host} redirected to a bad link`;
            return refuse(next.code, `refused: ${where}, and ${next.reason}`, response.status);
          }
          const key = withoutHash(next.url);
          if (seen.has(key)) return refuse('too-many-redirects', `${host} redirects in a loop`, response.status);
          if (hops + 1 > maxRedirects)
            return refuse('too-many-redirects', `${first.url.host} redirected more than ${maxRedirects} times`, response.status);
          seen.add(key);
          url = next.url;
          continue;
        }

        if (response.status === 304) {
          await discard(response);
          return { kind: 'not-modified', url: url.href };
        }

        if (response.status < 200 || response.status >= 300) {
          await discard(response);
          const refusal: FetchRefusal = {
            code: 'http-error',
            message: `${host} answered ${describeStatus(response.status)}`,
            status: response.status,
          };
          if (response.status === 429 || response.status === 503) {
            const retryAfterMs = parseRetryAfter(response.headers.get('retry-after'), clock());
            if (retryAfterMs !== null) {
              refusal.retryAfterMs = retryAfterMs;
              refusal.message += ` (it asks to wait ${describeDuration(retryAfterMs)})`;
            }
          }
          if (REDIRECTS.has(response.status))
            refusal.message = `${host} answered ${describeStatus(response.status)} without saying where to`;
          return { kind: 'refused', refusal };
        }

        const type =
          readContentType(response.headers.get('content-type')) ??
          (options.accept === 'attachment' ? { mediaType: 'application/octet-stream', charset: null } : null);
        if (type === null || !isAcceptedType(options.accept, type.mediaType)) {
          await discard(response);
          const sent = type === null ? 'did not say what kind of document it sent' : `sent ${type.mediaType}`;
          return refuse('wrong-type', `${host} ${sent}, not ${describeExpected(options.accept)}`, response.status);
        }

        const declared = Number(response.headers.get('content-length') ?? NaN);
        if (Number.isFinite(declared) && declared > maxBytes) {
          await discard(response);
          return refuse(
            'too-large',
            `${host} sent ${describeBytes(declared)}, more than the ${describeBytes(maxBytes)} limit`,
            response.status,
          );
        }
        const body = await readCappedBody(response.body, maxBytes);
        if (body.kind === 'too-large')
          return refuse('too-large', `${host} sent more than the ${describeBytes(maxBytes)} limit`, response.status);

        return {
          kind: 'page',
          page: {
            url: url.href,
            status: response.status,
            contentType: type.mediaType,
            charset: type.charset,
            bytes: body.bytes,
            etag: response.headers.get('etag'),
            lastModified: response.headers.get('last-modified'),
          },
        };
      }
    } catch (error) {
      if (timedOut) return refuse('timeout', `${url.host} did not answer within ${describeDuration(timeoutMs)}`);
      if (options.signal?.aborted) throw options.signal.reason;
      const cause = findCause(error);
      if (cause instanceof BlockedAddressError) return refuse('blocked-address', `refused ${url.host}: ${cause.reason}`);
      if (cause instanceof Error && cause.message === 'bad port')
        return refuse('bad-url', `refused ${url.host}: that port is not used for web pages`);
      return refuse('network', `${url.host} could not be fetched: ${describeNetworkError(errorCode(cause))}`);
    } finally {
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', onAbort);
    }
  };
}

function requestHeaders(options: FetchOptions, userAgent: string): Record<string, string> {
  const headers: Record<string, string> = {
    'user-agent': userAgent,
    accept: acceptHeader(options.accept),
    'accept-encoding': 'gzip, deflate, br',
  };
  if (options.etag) headers['if-none-match'] = options.etag;
  if (options.lastModified) headers['if-modified-since'] = options.lastModified;
  return headers;
}

function refuse(code: FetchRefusalCode, message: string, status?: number): FetchResult {
  const refusal: FetchRefusal = { code, message };
  if (status !== undefined && code === 'http-error') refusal.status = status;
  return { kind: 'refused', refusal };
}

async function discard(response: Response): Promise<void> {
  await response.body?.cancel().catch(() => undefined);
}

function withoutHash(url: URL): string {
  return url.href.replace(/#.*$/, '');
}

function safeHost(location: string, base: URL): string {
  try {
    return new URL(location, base).host || shorten(location);
  } catch {
    return shorten(location);
  }
}

/** The host of a URL for a message, or the (shortened) text when it has none. */
function describeTarget(text: string): string {
  try {
    const host = new URL(text).host;
    if (host) return host;
  } catch {
    // not a URL: quote it
  }
  return `"${shorten(text)}"`;
}

function shorten(text: string): string {
  return text.length > 80 ? `${text.slice(0, 77)}…` : text;
}

/** The innermost error of fetch's `cause` chain that says what went wrong. */
function findCause(error: unknown): unknown {
  let current = error;
  for (let depth = 0; depth < 5; depth++) {
    if (current instanceof BlockedAddressError) return current;
    const next = (current as { cause?: unknown } | null)?.cause;
    if (next === undefined || next === null) return current;
    current = next;
  }
  return current;
}

function errorCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}
