import type { Agent, Response } from 'undici';
import { acceptHeader } from './accepted-types.ts';
import { checkUrl } from './check-url.ts';
import { isCutBeforeAnswer, refuseFailure } from './classify-fetch-error.ts';
import { createGuardedAgent } from './create-guarded-agent.ts';
import type { ResolveHost } from './create-guarded-agent.ts';
import { describeDuration } from './describe-refusal.ts';
import { loadUndici } from './load-undici.ts';
import { refuse } from './fetch-types.ts';
import type { FetchOptions, FetchPage } from './fetch-types.ts';
import { discard, readResponse, REDIRECTS } from './read-response.ts';

/*
 * Safe fetching of pages, feeds and attachments. Only bytes are read here: nothing fetched is
 * ever run (no scripts, no styles, no sub-resources); the HTML is parsed later, without scripts.
 */

export type { FetchedPage, FetchOptions, FetchPage, FetchRefusal, FetchRefusalCode, FetchResult } from './fetch-types.ts';

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
  let agent: Promise<Agent> | null = null;
  const dispatcher = (): Promise<Agent> => (agent ??= createGuardedAgent({ allowPrivate, resolveHost: settings.resolveHost }));

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
        const request = async (): Promise<Response> => {
          const [{ fetch }, guarded] = await Promise.all([loadUndici(), dispatcher()]);
          return fetch(url, {
            method: 'GET',
            redirect: 'manual',
            signal: controller.signal,
            dispatcher: guarded,
            headers: requestHeaders(options, userAgent),
          });
        };
        // A kept-alive connection the server has just closed fails before any answer: a GET is
        // safe to send once more, on a new connection (which is checked like any other).
        const response = await request().catch((error: unknown) => {
          if (controller.signal.aborted || !isCutBeforeAnswer(error)) throw error;
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

        return await readResponse(response, url, options, { maxBytes, now: clock() });
      }
    } catch (error) {
      if (timedOut) return refuse('timeout', `${url.host} did not answer within ${describeDuration(timeoutMs)}`);
      if (options.signal?.aborted) throw options.signal.reason;
      return refuseFailure(error, url);
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
