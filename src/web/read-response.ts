import type { Response } from 'undici';
import { isAcceptedType } from './accepted-types.ts';
import { describeBytes, describeDuration, describeExpected, describeStatus } from './describe-refusal.ts';
import { refuse } from './fetch-types.ts';
import type { FetchOptions, FetchRefusal, FetchResult } from './fetch-types.ts';
import { parseRetryAfter } from './parse-retry-after.ts';
import { readCappedBody } from './read-capped-body.ts';
import { readContentType } from './read-content-type.ts';

/** Statuses that send the client elsewhere (with a Location header). */
export const REDIRECTS = new Set([300, 301, 302, 303, 307, 308]);

/**
 * What an answer that is not a redirect to follow means: 304 → not-modified; another status
 * outside 2xx → http-error (with Retry-After on 429 and 503); then the content type is checked
 * against what the fetch is for, the size against the cap (Content-Length first, then while
 * reading), and the body is read.
 */
export async function readResponse(
  response: Response,
  url: URL,
  options: FetchOptions,
  limits: { maxBytes: number; now: number },
): Promise<FetchResult> {
  const { maxBytes } = limits;
  const host = url.host;
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
      const retryAfterMs = parseRetryAfter(response.headers.get('retry-after'), limits.now);
      if (retryAfterMs !== null) {
        refusal.retryAfterMs = retryAfterMs;
        refusal.message += ` (it asks to wait ${describeDuration(retryAfterMs)})`;
      }
    }
    if (REDIRECTS.has(response.status)) refusal.message = `${host} answered ${describeStatus(response.status)} without saying where to`;
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
    return refuse('too-large', `${host} sent ${describeBytes(declared)}, more than the ${describeBytes(maxBytes)} limit`, response.status);
  }
  const body = await readCappedBody(response.body, maxBytes);
  if (body.kind === 'too-large') return refuse('too-large', `${host} sent more than the ${describeBytes(maxBytes)} limit`, response.status);

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

/** Drops a body we will not read (the connection is closed or reused). */
export async function discard(response: Response): Promise<void> {
  await response.body?.cancel().catch(() => undefined);
}
