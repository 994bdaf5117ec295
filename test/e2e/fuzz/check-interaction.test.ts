import { describe, expect, it } from 'vitest';
import type { RecordedRequest } from '../fake-discord/index.ts';
import { checkInteraction, groupByToken } from './check-interaction.ts';

const TOKEN = 'fake-interaction-token-1';
const message = { content: 'Hello', embeds: [], components: [], allowed_mentions: { parse: [] } };

function request(method: string, path: string, body: unknown, status = 200): RecordedRequest {
  return { method, path, body, status, headers: {}, at: 0, query: {} };
}
const callback = (body: unknown, status = 204) => request('POST', `/interactions/1/${TOKEN}/callback`, body, status);
const edit = (body: unknown, status = 200) => request('PATCH', `/webhooks/9/${TOKEN}/messages/@original`, body, status);

describe('checkInteraction, the judge of every fuzzed interaction', () => {
  it.each<[string, 'slash' | 'autocomplete' | 'button', RecordedRequest[], RegExp | null]>([
    ['one reply within limits', 'slash', [callback({ type: 4, data: { ...message, flags: 64 } })], null],
    ['a deferral edited later', 'slash', [callback({ type: 5, data: { flags: 64 } }), edit(message)], null],
    [
      'a public deferral answered privately (follow-up, then the deferral deleted)',
      'slash',
      [
        callback({ type: 5 }),
        request('POST', `/webhooks/9/${TOKEN}`, { ...message, flags: 64 }),
        request('DELETE', `/webhooks/9/${TOKEN}/messages/@original`, null, 204),
      ],
      null,
    ],
    ['a page update', 'button', [callback({ type: 7, data: message })], null],
    ['a public answer', 'slash', [callback({ type: 4, data: { ...message, content: '', embeds: [{ title: 'x' }] } })], null],
    [
      '25 good choices',
      'autocomplete',
      [callback({ type: 8, data: { choices: Array.from({ length: 25 }, (_, i) => ({ name: `n${i}`, value: `v${i}` })) } })],
      null,
    ],
    ['no callback', 'slash', [], /no initial callback/],
    ['a second callback', 'button', [callback({ type: 4, data: message }), callback({ type: 4, data: message }, 400)], /2 callbacks/],
    ['a refused callback', 'slash', [callback({ type: 4, data: message }, 400)], /refused with 400/],
    ['an update answering a command', 'slash', [callback({ type: 7, data: message })], /type 7 is not allowed for slash/],
    ['a message answering autocomplete', 'autocomplete', [callback({ type: 4, data: message })], /type 4 is not allowed/],
    [
      '26 choices',
      'autocomplete',
      [callback({ type: 8, data: { choices: Array.from({ length: 26 }, (_, i) => ({ name: `n${i}`, value: `v${i}` })) } })],
      /26 choices/,
    ],
    ['an empty choice name', 'autocomplete', [callback({ type: 8, data: { choices: [{ name: '', value: 'x' }] } })], /choices\[0\]\.name/],
    [
      'a 101-character choice value',
      'autocomplete',
      [callback({ type: 8, data: { choices: [{ name: 'x', value: 'v'.repeat(101) }] } })],
      /choices\[0\]\.value/,
    ],
    [
      'mentions left on',
      'slash',
      [callback({ type: 4, data: { ...message, allowed_mentions: { parse: ['everyone'] } } })],
      /allowed_mentions\.parse is not empty/,
    ],
    [
      'content over 2000 characters in an edit',
      'slash',
      [callback({ type: 5 }), edit({ ...message, content: 'x'.repeat(2001) })],
      /content is 2001/,
    ],
    ['a deferral never edited', 'slash', [callback({ type: 5, data: { flags: 64 } })], /deferred but never answered/],
    ['an edit the server refused', 'slash', [callback({ type: 5 }), edit(message, 400)], /answered 400/],
    ['a private notice', 'button', [callback({ type: 4, data: { ...message, flags: 64 } })], null],
    ['a private notice after a private deferral', 'slash', [callback({ type: 5, data: { flags: 64 } }), edit(message)], null],
    ['a public notice', 'button', [callback({ type: 4, data: message })], /notice was answered publicly/],
    ['a notice edited into a public deferral', 'slash', [callback({ type: 5 }), edit(message)], /notice went public/],
    [
      'a public notice as a follow-up',
      'slash',
      [callback({ type: 5 }), request('POST', `/webhooks/9/${TOKEN}`, message)],
      /notice went public/,
    ],
  ])('GIVEN %s THEN the verdict is right', (_name, kind, requests, expected) => {
    const violations = checkInteraction(kind, groupByToken(requests).get(TOKEN));
    if (expected) expect(violations.join('\n')).toMatch(expected);
    else expect(violations).toEqual([]);
  });
});
