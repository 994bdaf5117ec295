import { BlockedAddressError } from './create-guarded-agent.ts';
import { describeNetworkError } from './describe-refusal.ts';
import { refuse } from './fetch-types.ts';
import type { FetchResult } from './fetch-types.ts';

/** Errors of a connection closed before any answer (a kept-alive socket the server dropped). */
const CUT_BEFORE_ANSWER = new Set(['UND_ERR_SOCKET', 'ECONNRESET', 'EPIPE']);

/** What a failed request (fetch rejected, or the body failed) means, as a refusal naming the host. */
export function refuseFailure(error: unknown, url: URL): FetchResult {
  const cause = findCause(error);
  if (cause instanceof BlockedAddressError) return refuse('blocked-address', `refused ${url.host}: ${cause.reason}`);
  // The Fetch standard's "bad ports" (SMTP, SSH, IRC…) are refused by undici itself.
  if (cause instanceof Error && cause.message === 'bad port')
    return refuse('bad-url', `refused ${url.host}: that port is not used for web pages`);
  return refuse('network', `${url.host} could not be fetched: ${describeNetworkError(errorCode(cause))}`);
}

/** True when the connection was cut before the server answered: a GET may be sent once more. */
export function isCutBeforeAnswer(error: unknown): boolean {
  return CUT_BEFORE_ANSWER.has(errorCode(findCause(error)) ?? '');
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
