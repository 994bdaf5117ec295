import { describe, expect, it } from 'vitest';
import { checkAttachment, MAX_ATTACHMENT_BYTES } from '../../src/bot/read-attachment.ts';
import { completeTimeZone, readClockTime, readTimeZone } from '../../src/model/read-schedule-options.ts';

const file = (name: string, size: number, contentType: string | null) => ({ name, size, contentType, url: 'https://cdn.example/x' });

describe('checkAttachment', () => {
  it.each<[string, ReturnType<typeof file>, RegExp | null]>([
    ['a Markdown file', file('story.md', 2048, 'text/markdown; charset=utf-8'), null],
    ['a text file without a content type', file('Story.TXT', 10, null), null],
    ['an HTML page', file('page.html', 90_000, 'text/html; charset=utf-8'), null],
    ['a file Discord does not know the type of', file('notes.md', 10, 'application/octet-stream'), null],
    [
      'a program',
      file('setup.exe', 1000, 'application/x-msdownload'),
      /only add \.txt, \.md or \.html files as articles; "setup\.exe" is not one/,
    ],
    ['an image named as text', file('photo.txt', 1000, 'image/png'), /"photo\.txt" is image\/png, not text/],
    ['a 6 MB file', file('big.md', 6 * 1024 * 1024, 'text/markdown'), /"big\.md" is 6\.0 MB; article files may be at most 5 MB/],
    ['an empty file', file('empty.txt', 0, 'text/plain'), /"empty\.txt" is empty/],
  ])('GIVEN %s THEN the verdict is right before anything is downloaded', (_name, attachment, refusal) => {
    const result = checkAttachment(attachment);
    if (refusal === null) expect(result).toBeNull();
    else expect(result?.error.message).toMatch(refusal);
  });

  it('GIVEN a file of exactly the limit THEN it is taken', () => {
    expect(checkAttachment(file('a.txt', MAX_ATTACHMENT_BYTES, 'text/plain'))).toBeNull();
  });
});

describe('the digest schedule options', () => {
  it.each([
    ['08:00', '08:00'],
    ['8:05', '08:05'],
    [' 23:59 ', '23:59'],
  ])('GIVEN the time %j THEN it reads as %s', (text, time) => {
    expect(readClockTime(text)).toBe(time);
  });

  it.each(['24:00', '8', '08:60', 'eight', '', '-1:00', '08:00pm'])('GIVEN the time %j THEN it is refused with an example', (text) => {
    expect(readClockTime(text)).toMatchObject({ error: { code: 'bad-option', message: expect.stringContaining('HH:MM') } });
  });

  it.each([
    ['Europe/Paris', 'Europe/Paris'],
    ['europe/paris', 'Europe/Paris'],
    ['UTC', 'UTC'],
  ])('GIVEN the time zone %j THEN it reads as %s', (text, zone) => {
    expect(readTimeZone(text)).toBe(zone);
  });

  it.each(['Mars/Olympus', 'Paris', '../../etc/passwd'])('GIVEN the unknown time zone %j THEN it is refused', (text) => {
    expect(readTimeZone(text)).toMatchObject({ error: { code: 'bad-option' } });
  });

  it('GIVEN a partial zone THEN at most 25 real zones come back, those starting with it first', () => {
    const choices = completeTimeZone('new');
    expect(choices.length).toBeGreaterThan(0);
    expect(choices.length).toBeLessThanOrEqual(25);
    expect(choices[0]!.value).toMatch(/\/New_/);
    expect(completeTimeZone('').map((c) => c.value)).toContain('UTC');
    expect(completeTimeZone('x'.repeat(200))).toEqual([]);
  });
});
