import ipaddr from 'ipaddr.js';

/**
 * Why an address may not be fetched, in words for a person ("that address is on a private
 * network"), or null when it is an ordinary public address.
 *
 * Classification is ipaddr.js's (the IANA special-purpose ranges): only plain `unicast` addresses
 * are public. With `allowPrivate` (ALLOW_PRIVATE_URLS, for tests and local development) loopback,
 * RFC 1918 private, IPv6 unique-local and carrier-grade NAT addresses are allowed too; link-local
 * (the cloud metadata address 169.254.169.254 is one), unspecified, multicast, broadcast and
 * reserved addresses, and the known metadata addresses, are refused whatever the setting.
 */
export function checkAddress(address: string, allowPrivate: boolean): string | null {
  const text = address.startsWith('[') && address.endsWith(']') ? address.slice(1, -1) : address;
  if (!ipaddr.isValid(text)) return 'that is not an IP address';
  let parsed = ipaddr.parse(text);
  // An IPv4 address written as IPv6 (::ffff:127.0.0.1) is that IPv4 address.
  if (parsed.kind() === 'ipv6' && (parsed as ipaddr.IPv6).isIPv4MappedAddress()) parsed = (parsed as ipaddr.IPv6).toIPv4Address();
  const normal = parsed.toNormalizedString();
  if (METADATA_ADDRESSES.has(normal)) return 'that is a cloud metadata address';
  const range = parsed.range();
  // ::a.b.c.d (IPv4-compatible, deprecated by RFC 4291) is "unicast" to ipaddr.js but names an IPv4 address.
  if (range === 'unicast' && parsed.kind() === 'ipv6' && (parsed as ipaddr.IPv6).parts.slice(0, 6).every((part) => part === 0))
    return 'that address is reserved (an IPv4 address written as IPv6)';
  if (range === 'unicast') return null;
  if (allowPrivate && PRIVATE_RANGES.has(range)) return null;
  return REASONS[range] ?? `that address is in a special-purpose range (${range})`;
}

/**
 * Why a host name may not be fetched before it is even looked up (names that mean this machine
 * or its private network by convention), or null.
 */
export function checkHostName(hostname: string, allowPrivate: boolean): string | null {
  const name = hostname.toLowerCase().replace(/\.$/, '');
  if (name === 'localhost' || name.endsWith('.localhost')) return allowPrivate ? null : 'that address is this machine (localhost)';
  if (name === 'metadata.google.internal' || name === 'metadata') return 'that is a cloud metadata address';
  return null;
}

/** True for an IPv4 or IPv6 literal (brackets allowed). */
export function isIpLiteral(hostname: string): boolean {
  const text = hostname.startsWith('[') && hostname.endsWith(']') ? hostname.slice(1, -1) : hostname;
  return ipaddr.isValid(text);
}

/** Ranges ALLOW_PRIVATE_URLS opens: the host itself and its private network. */
const PRIVATE_RANGES = new Set(['loopback', 'private', 'uniqueLocal', 'carrierGradeNat']);

/**
 * Instance metadata services, refused even when private addresses are allowed: AWS/GCP/Azure
 * (169.254.169.254, also link-local), AWS over IPv6 (fd00:ec2::254, unique-local) and Alibaba
 * Cloud (100.100.100.200, carrier-grade NAT).
 */
const METADATA_ADDRESSES = new Set(['169.254.169.254', 'fd00:ec2:0:0:0:0:0:254', '100.100.100.200']);

const REASONS: Record<string, string> = {
  loopback: 'that address is this machine (loopback)',
  private: 'that address is on a private network',
  uniqueLocal: 'that address is on a private network',
  carrierGradeNat: 'that address is on a private network (carrier-grade NAT)',
  linkLocal: 'that address is link-local (the range of cloud metadata services)',
  unspecified: 'that address is unspecified (0.0.0.0 or ::)',
  multicast: 'that address is multicast',
  broadcast: 'that address is broadcast',
  reserved: 'that address is reserved',
};
