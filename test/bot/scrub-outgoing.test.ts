import { describe, expect, it } from 'vitest';
import { scrubBody } from '../../src/bot/client.ts';
import { scrubSecret, secretVariants } from '../../src/scrub-secret.ts';

const TOKEN = 'fake-bot-id-not-a-real-one.GhIjKl.abcdefghijklmnopqrstuvwxyz0123456789AB';

describe('scrubbing the token from what the bot sends', () => {
  it.each([
    ['the whole token', `here: ${TOKEN}`, 'here: [Redacted]'],
    ['its secret part alone (a reply cut short)', 'abcdefghijklmnopqrstuvwxyz0123456789AB…', '[Redacted]…'],
    ['its id part alone', 'fake-bot-id-not-a-real-one', '[Redacted]'],
    ['ordinary text', 'GhIjKl is short and stays', 'GhIjKl is short and stays'],
  ])('GIVEN %s THEN it is replaced', (_label, text, expected) => {
    expect(scrubSecret(text, secretVariants(TOKEN))).toBe(expected);
  });

  it('GIVEN a multipart body (payload_json and a text attachment) THEN every text part is scrubbed and binary parts pass as they are', async () => {
    const form = new FormData();
    form.append('payload_json', JSON.stringify({ content: `token ${TOKEN}` }));
    form.append('files[0]', new Blob([`notes ${TOKEN}`], { type: 'text/plain' }), 'notes.txt');
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0xff, 0xfe]);
    form.append('files[1]', new Blob([png], { type: 'image/png' }), 'pic.png');
    const scrubbed = (await scrubBody(form, secretVariants(TOKEN))) as FormData;
    expect(JSON.parse(String(scrubbed.get('payload_json')))).toEqual({ content: 'token [Redacted]' });
    expect(await (scrubbed.get('files[0]') as File).text()).toBe('notes [Redacted]');
    expect((scrubbed.get('files[0]') as File).name).toBe('notes.txt');
    expect(new Uint8Array(await (scrubbed.get('files[1]') as File).arrayBuffer())).toEqual(png);
  });

  it('GIVEN a JSON body THEN the token is replaced and the JSON stays valid', async () => {
    const body = JSON.stringify({ embeds: [{ description: `Nobody called "${TOKEN}" appears` }] });
    expect(JSON.parse(String(await scrubBody(body, secretVariants(TOKEN))))).toEqual({
      embeds: [{ description: 'Nobody called "[Redacted]" appears' }],
    });
  });
});
