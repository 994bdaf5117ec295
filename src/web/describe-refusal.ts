import { STATUS_CODES } from 'node:http';

/** Sizes and durations as a person reads them: "5 MB", "10 seconds", "2 minutes". */
export function describeBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${formatNumber(bytes / (1024 * 1024))} MB`;
  if (bytes >= 1024) return `${formatNumber(bytes / 1024)} KB`;
  return `${bytes} bytes`;
}

export function describeDuration(ms: number): string {
  if (ms < 1000) return `${ms} ms`;
  const seconds = Math.round(ms / 1000);
  if (seconds < 120) return seconds === 1 ? '1 second' : `${seconds} seconds`;
  const minutes = Math.round(seconds / 60);
  if (minutes < 120) return `${minutes} minutes`;
  return `${Math.round(minutes / 60)} hours`;
}

/** "404 Not Found" */
export function describeStatus(status: number): string {
  const text = STATUS_CODES[status];
  return text ? `${status} ${text}` : String(status);
}

/** What a network failure's code means, in words. */
export function describeNetworkError(code: string | undefined): string {
  switch (code) {
    case 'ENOTFOUND':
    case 'EAI_NONAME':
      return 'there is no such host name';
    case 'EAI_AGAIN':
      return 'the host name could not be looked up right now';
    case 'ECONNREFUSED':
      return 'the connection was refused';
    case 'ECONNRESET':
    case 'UND_ERR_SOCKET':
    case 'EPIPE':
      return 'the connection was cut';
    case 'UND_ERR_CONNECT_TIMEOUT':
    case 'ETIMEDOUT':
      return 'the connection timed out';
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return 'the host is unreachable';
    case 'CERT_HAS_EXPIRED':
    case 'DEPTH_ZERO_SELF_SIGNED_CERT':
    case 'SELF_SIGNED_CERT_IN_CHAIN':
    case 'UNABLE_TO_VERIFY_LEAF_SIGNATURE':
    case 'ERR_TLS_CERT_ALTNAME_INVALID':
      return 'its HTTPS certificate is not valid';
    default:
      // zlib (Z_DATA_ERROR…) and brotli (ERR__ERROR_FORMAT_…) decoding errors
      if (code?.startsWith('Z_') || code?.startsWith('ERR__ERROR_FORMAT')) return 'it sent a damaged compressed response';
      return code ? `the connection failed (${code})` : 'the connection failed';
  }
}

/** What a purpose expected, for wrong-type messages. */
export function describeExpected(purpose: 'article' | 'feed' | 'attachment'): string {
  switch (purpose) {
    case 'article':
      return 'a web page or a text file';
    case 'feed':
      return 'a feed (RSS, Atom or JSON Feed)';
    case 'attachment':
      return 'a text, Markdown or HTML file';
  }
}

function formatNumber(n: number): string {
  return Number.isInteger(n) ? String(n) : n.toFixed(1).replace(/\.0$/, '');
}
