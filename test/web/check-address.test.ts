import { describe, expect, it } from 'vitest';
import { checkAddress, checkHostName } from '../../src/web/check-address.ts';
import { checkUrl } from '../../src/web/check-url.ts';
import { parseRetryAfter } from '../../src/web/parse-retry-after.ts';

describe('checkAddress', () => {
  it.each([
    // address, refused by default?, refused with ALLOW_PRIVATE_URLS?, words in the reason
    ['127.0.0.1', true, false, 'this machine'],
    ['127.8.9.10', true, false, 'this machine'],
    ['::1', true, false, 'this machine'],
    ['[::1]', true, false, 'this machine'],
    ['10.0.0.1', true, false, 'private network'],
    ['172.16.5.4', true, false, 'private network'],
    ['192.168.1.1', true, false, 'private network'],
    ['fd12:3456::1', true, false, 'private network'],
    ['fc00::1', true, false, 'private network'],
    ['100.64.0.1', true, false, 'carrier-grade NAT'],
    ['169.254.169.254', true, true, 'metadata'],
    ['169.254.10.20', true, true, 'link-local'],
    ['fe80::1', true, true, 'link-local'],
    ['fd00:ec2::254', true, true, 'metadata'],
    ['100.100.100.200', true, true, 'metadata'],
    ['0.0.0.0', true, true, 'unspecified'],
    ['::', true, true, 'unspecified'],
    ['224.0.0.1', true, true, 'multicast'],
    ['ff02::1', true, true, 'multicast'],
    ['255.255.255.255', true, true, 'broadcast'],
    ['240.0.0.1', true, true, 'reserved'],
    ['192.0.2.10', true, true, 'reserved'],
    ['::ffff:127.0.0.1', true, false, 'this machine'],
    ['::ffff:169.254.169.254', true, true, 'metadata'],
    ['::ffff:10.1.1.1', true, false, 'private network'],
    ['::7f00:1', true, true, 'reserved'],
    ['64:ff9b::a00:1', true, true, 'special-purpose'],
    ['2002:7f00:1::1', true, true, 'special-purpose'],
    ['93.184.215.14', false, false, ''],
    ['2606:4700::6810:84e5', false, false, ''],
    ['::ffff:93.184.215.14', false, false, ''],
  ])('GIVEN %s THEN refused=%s by default, refused=%s with private addresses allowed', (address, byDefault, withPrivate, words) => {
    const strict = checkAddress(address, false);
    expect(strict !== null).toBe(byDefault);
    expect(checkAddress(address, true) !== null).toBe(withPrivate);
    if (byDefault) expect(strict).toContain(words);
  });

  it.each([
    ['localhost', true, false],
    ['LOCALHOST.', true, false],
    ['news.localhost', true, false],
    ['metadata.google.internal', true, true],
    ['example.com', false, false],
  ])('GIVEN the host name %s THEN refused=%s by default, refused=%s with private addresses allowed', (name, byDefault, withPrivate) => {
    expect(checkHostName(name, false) !== null).toBe(byDefault);
    expect(checkHostName(name, true) !== null).toBe(withPrivate);
  });
});

describe('checkUrl', () => {
  it.each([
    ['ftp://example.com/story.txt', 'bad-url', 'only http and https'],
    ['file:///etc/passwd', 'bad-url', 'only http and https'],
    ['javascript:alert(1)', 'bad-url', 'only http and https'],
    ['data:text/html,<p>hi</p>', 'bad-url', 'only http and https'],
    ['not a link', 'bad-url', 'not a web address'],
    ['https://user:secret@example.com/', 'bad-url', 'user name or password'],
    ['https://token@example.com/', 'bad-url', 'user name or password'],
    ['http://2130706433/', 'blocked-address', 'this machine'], // 127.0.0.1 written as one number
    ['http://0x7f.1/', 'blocked-address', 'this machine'],
    ['http://[::ffff:7f00:1]/', 'blocked-address', 'this machine'],
    ['http://169.254.169.254/latest/meta-data/', 'blocked-address', 'metadata'],
    ['http://localhost:8080/', 'blocked-address', 'localhost'],
  ])('GIVEN %s THEN it is refused (%s) before any connection', (text, code, words) => {
    const result = checkUrl(text, false);
    expect(result).toMatchObject({ ok: false, code });
    expect((result as { reason: string }).reason).toContain(words);
  });

  it('GIVEN a link of 5000 characters THEN it is refused as too long', () => {
    expect(checkUrl(`https://example.com/${'a'.repeat(5000)}`, false)).toMatchObject({
      ok: false,
      code: 'bad-url',
      reason: expect.stringContaining('longer than 4096'),
    });
  });

  it.each(['https://example.com/news/story?id=1', 'http://example.com:8080/story', 'HTTPS://EXAMPLE.COM/'])(
    'GIVEN %s THEN it may be fetched',
    (text) => {
      expect(checkUrl(text, false).ok).toBe(true);
    },
  );
});

describe('parseRetryAfter', () => {
  const now = Date.parse('2026-12-01T12:00:00Z');
  it.each([
    ['120', 120_000],
    [' 0 ', 0],
    ['Tue, 01 Dec 2026 12:01:30 GMT', 90_000],
    ['Tue, 01 Dec 2026 11:00:00 GMT', 0],
    ['soon', null],
    ['-5', null],
    ['1.5', null],
  ])('GIVEN Retry-After %j THEN the wait is %s ms', (header, ms) => {
    expect(parseRetryAfter(header, now)).toBe(ms);
  });
});
