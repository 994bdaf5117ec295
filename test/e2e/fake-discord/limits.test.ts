import { describe, expect, it } from 'vitest';
import { checkDiscordLimits, checkMessage } from './limits.ts';

const quiet = { allowed_mentions: { parse: [] } };
const text = (n: number) => 'a'.repeat(n);
const button = (id: string, label = 'Go') => ({ type: 2, style: 1, custom_id: id, label });
const row = (count: number) => ({ type: 1, components: Array.from({ length: count }, (_, i) => button(`b${i}`)) });

describe('checkMessage', () => {
  it.each([
    ['content at the limit', { ...quiet, content: text(2000) }],
    ['an embed at every limit', { ...quiet, embeds: [{ title: text(256), description: text(4096), footer: { text: text(100) } }] }],
    ['5 fields of 1024', { ...quiet, embeds: [{ fields: Array.from({ length: 5 }, () => ({ name: 'n', value: text(1024) })) }] }],
    ['5 rows of 5 buttons', { ...quiet, components: Array.from({ length: 5 }, () => row(5)) }],
    ['mentions allowed without a parse list', { allowed_mentions: {}, content: 'hi' }],
    ['25 autocomplete choices', { choices: Array.from({ length: 25 }, (_, i) => ({ name: `c${i}`, value: text(100) })) }],
  ])('GIVEN %s THEN there is no violation', (_name, body) => {
    expect(checkMessage(body)).toEqual([]);
  });

  it.each([
    ['content over 2000', { ...quiet, content: text(2001) }, 'content is 2001 characters (max 2000)'],
    ['11 embeds', { ...quiet, embeds: Array.from({ length: 11 }, () => ({ description: 'x' })) }, '11 embeds (max 10)'],
    ['a long title', { ...quiet, embeds: [{ title: text(257) }] }, 'embeds[0].title is 257 characters (max 256)'],
    ['a long description', { ...quiet, embeds: [{ description: text(4097) }] }, 'embeds[0].description is 4097 characters (max 4096)'],
    [
      '26 fields',
      { ...quiet, embeds: [{ fields: Array.from({ length: 26 }, () => ({ name: 'n', value: 'v' })) }] },
      'embeds[0] has 26 fields (max 25)',
    ],
    [
      'a long field value',
      { ...quiet, embeds: [{ fields: [{ name: 'n', value: text(1025) }] }] },
      'embeds[0].fields[0].value is 1025 characters (max 1024)',
    ],
    ['an empty field value', { ...quiet, embeds: [{ fields: [{ name: 'n', value: '' }] }] }, 'embeds[0].fields[0].value is empty'],
    [
      'a long field name',
      { ...quiet, embeds: [{ fields: [{ name: text(257), value: 'v' }] }] },
      'embeds[0].fields[0].name is 257 characters (max 256)',
    ],
    ['a long footer', { ...quiet, embeds: [{ footer: { text: text(2049) } }] }, 'embeds[0].footer.text is 2049 characters (max 2048)'],
    ['a long author', { ...quiet, embeds: [{ author: { name: text(257) } }] }, 'embeds[0].author.name is 257 characters (max 256)'],
    [
      'two embeds over 6000 together',
      { ...quiet, embeds: [{ description: text(4000) }, { description: text(2001) }] },
      'embeds hold 6001 characters in total (max 6000)',
    ],
    ['6 action rows', { ...quiet, components: Array.from({ length: 6 }, () => row(1)) }, '6 action rows (max 5)'],
    ['6 buttons in a row', { ...quiet, components: [row(6)] }, 'components[0] has 6 buttons (max 5)'],
    [
      'a long custom id',
      { ...quiet, components: [{ type: 1, components: [button(text(101))] }] },
      'components[0].components[0].custom_id is 101 characters (max 100)',
    ],
    [
      'a long label',
      { ...quiet, components: [{ type: 1, components: [button('b', text(81))] }] },
      'components[0].components[0].label is 81 characters (max 80)',
    ],
    ['no allowed_mentions', { content: 'hi' }, 'allowed_mentions is missing'],
    ['mentions parsed', { content: 'hi', allowed_mentions: { parse: ['users'] } }, 'allowed_mentions.parse is not empty'],
    ['26 choices', { choices: Array.from({ length: 26 }, (_, i) => ({ name: `c${i}`, value: 'v' })) }, '26 autocomplete choices (max 25)'],
    ['an empty choice name', { choices: [{ name: '', value: 'v' }] }, 'choices[0].name is 0 characters (must be 1..100)'],
    ['a long choice value', { choices: [{ name: 'n', value: text(101) }] }, 'choices[0].value is 101 characters (max 100)'],
  ])('GIVEN %s THEN the violation is named', (_name, body, violation) => {
    expect(checkMessage(body)).toContain(violation);
  });

  it('GIVEN only the mention rule is broken THEN checkDiscordLimits accepts what Discord would accept', () => {
    expect(checkDiscordLimits({ content: 'hi' })).toEqual([]);
    expect(checkMessage({ content: 'hi' })).toEqual(['allowed_mentions is missing']);
  });
});
