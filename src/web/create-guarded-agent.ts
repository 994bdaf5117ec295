import { promises as dns } from 'node:dns';
import type { LookupAddress, LookupOptions } from 'node:dns';
import type { Agent } from 'undici';
import { checkAddress, isIpLiteral } from './check-address.ts';
import { loadUndici } from './load-undici.ts';

/** Resolves a host name to its addresses (dns.lookup, all of them); passed in so tests can answer. */
export type ResolveHost = (hostname: string) => Promise<LookupAddress[]>;

export const resolveWithSystem: ResolveHost = (hostname) => dns.lookup(hostname, { all: true, verbatim: true });

/** The error a refused connection fails with; fetch reports it as its `cause`. */
export class BlockedAddressError extends Error {
  readonly code = 'EPILCROW_BLOCKED_ADDRESS';
  constructor(
    readonly hostname: string,
    readonly reason: string,
  ) {
    super(`${hostname}: ${reason}`);
    this.name = 'BlockedAddressError';
  }
}

/**
 * An undici Agent whose every connection is checked where it is made: a host name is resolved by
 * our lookup, which drops blocked addresses (and fails when none is left), so the socket can only
 * be opened to an address that passed; an IP literal is checked before connecting. Because the
 * check happens per connection, not once per URL, a redirect to another host and a DNS answer that
 * changes between check and use (rebinding) are both covered.
 */
export async function createGuardedAgent(options: {
  allowPrivate: boolean;
  resolveHost?: ResolveHost;
  connectTimeoutMs?: number;
}): Promise<Agent> {
  const { Agent, buildConnector } = await loadUndici();
  const { allowPrivate, resolveHost = resolveWithSystem } = options;
  const lookup = (
    hostname: string,
    lookupOptions: LookupOptions,
    callback: (err: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void,
  ): void => {
    resolveHost(hostname).then(
      (addresses) => {
        const wanted = addresses.filter((a) => !lookupOptions.family || a.family === lookupOptions.family);
        const allowed = wanted.filter((a) => checkAddress(a.address, allowPrivate) === null);
        if (allowed.length === 0) {
          const reason = wanted.length > 0 ? (checkAddress(wanted[0]!.address, allowPrivate) ?? '') : 'the name has no address';
          const error: NodeJS.ErrnoException =
            wanted.length > 0
              ? new BlockedAddressError(hostname, reason)
              : Object.assign(new Error(`${hostname}: no address`), { code: 'ENOTFOUND' });
          callback(error, lookupOptions.all ? [] : '', 0);
          return;
        }
        if (lookupOptions.all) callback(null, allowed);
        else callback(null, allowed[0]!.address, allowed[0]!.family);
      },
      (err: NodeJS.ErrnoException) => callback(err, lookupOptions.all ? [] : '', 0),
    );
  };
  const connect = buildConnector({ lookup, timeout: options.connectTimeoutMs ?? 10_000 });
  return new Agent({
    keepAliveTimeout: 4_000,
    connect: (connectOptions, callback) => {
      if (isIpLiteral(connectOptions.hostname)) {
        const reason = checkAddress(connectOptions.hostname, allowPrivate);
        if (reason !== null) {
          callback(new BlockedAddressError(connectOptions.hostname, reason), null);
          return;
        }
      }
      connect(connectOptions, callback);
    },
  });
}
