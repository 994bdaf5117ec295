import type { Prng } from './prng.ts';

/** Short hostile fragments, grouped by what they attack. */
export const HOSTILE_FRAGMENTS: Readonly<Record<string, readonly string[]>> = Object.freeze({
  blank: ['', ' ', '   ', '\t', '\n', '\r\n', '\u00a0', '\u3000'],
  punctuation: ['...', '?!', '—', '"', "'", '«»', '“”', ',;:', '()', '-', '¶', '§', '…', '***', '|||'],
  fuseOperators: [
    "'",
    '!',
    '^',
    '=',
    '|',
    '$',
    "'putin",
    '!belarus',
    '^lu',
    '=Minsk',
    'a | b',
    'kremlin$',
    '!^x$',
    '\'"quoted"',
    '| |',
    '^$',
    '!!',
    "''",
  ],
  regex: ['.*', '(a+)+$', '[^]', '\\', '\\d+', '(?=x)', '{1,}', '[a-', ')(', '$1', '\\u0000', '^(?:.*)*$', '*?+'],
  markdown: [
    '**bold**',
    '__under__',
    '~~strike~~',
    '`code`',
    '```js\nx\n```',
    '> quoted',
    '# Heading',
    '[link](http://evil.example)',
    '||spoiler||',
    '-# small',
    '* item',
    '1. item',
    '<https://x.example>',
    '\\*',
  ],
  invisible: ['\u200b', '\u200c', '\u200d', '\ufeff', '\u2060', '\u00ad', '\u034f'],
  bidi: ['\u202e', '\u202d', '\u202a', '\u202b', '\u202c', '\u2066', '\u2067', '\u2068', '\u2069', '\u200f', '\u200e'],
  mentions: [
    '@everyone',
    '@here',
    '<@123456789012345678>',
    '<@!123456789012345678>',
    '<@&987654321098765432>',
    '<#111111111111111111>',
    '<@&role>',
    '</summary:1>',
    '<t:0:R>',
    '<a:x:123>',
    '@\u200beveryone',
  ],
  emoji: ['🦀', '👩‍👩‍👧', '🇧🇾', '❤️', '🏳️‍🌈', '👍🏽', '©️', '🫠'],
  scripts: ['Лукашенко', 'Путин', 'Беларусь', '普京', '白俄罗斯', 'بوتين', 'مينسك', 'פוטין', 'पुतिन', 'Ελλάδα', 'ทดสอบ', '한국어'],
  surrogates: ['\ud800', '\udfff', 'a\ud83e', '\udc00b', '\ud83e\ud83e'],
  controls: ['\u0000', '\u0007', '\u001b[31m', '\u0085', '\u2028', '\u2029', '\u007f'],
});

const GROUPS = Object.keys(HOSTILE_FRAGMENTS);

/** A name with one random typo: a dropped, doubled, swapped or replaced letter, or changed case. */
export function typo(prng: Prng, name: string): string {
  if (name.length < 2) return name + name;
  const i = prng.int(0, name.length - 2);
  switch (prng.int(0, 4)) {
    case 0:
      return name.slice(0, i) + name.slice(i + 1);
    case 1:
      return name.slice(0, i) + name[i] + name.slice(i);
    case 2:
      return name.slice(0, i) + name[i + 1] + name[i] + name.slice(i + 2);
    case 3:
      return name.slice(0, i) + prng.pick('aeiouxyz'.split('')) + name.slice(i + 1);
    default:
      return prng.chance(0.5) ? name.toUpperCase() : name.toLowerCase();
  }
}

/** Repeats `text` (or a filler) up to exactly `length` characters. */
function fill(text: string, length: number): string {
  const unit = text.length > 0 ? text : 'x';
  return unit.repeat(Math.ceil(length / unit.length)).slice(0, length);
}

/** What hostile strings are made from: real words of the corpus so some inputs match. */
export interface ValueSources {
  /** People and organisations the articles name. */
  names: readonly string[];
  /** Article ids and headlines. */
  articles: readonly string[];
  /** Ordinary words from the articles. */
  words: readonly string[];
}

/** A random hostile (or sometimes ordinary) string for an option. */
export function hostileString(prng: Prng, sources: ValueSources): string {
  const roll = prng.int(0, 99);
  if (roll < 5) return '';
  if (roll < 9) return prng.pick(HOSTILE_FRAGMENTS.blank!) + prng.pick(HOSTILE_FRAGMENTS.blank!);
  if (roll < 13)
    return fill(
      prng.pick([...HOSTILE_FRAGMENTS.punctuation!, ...HOSTILE_FRAGMENTS.mentions!, ...HOSTILE_FRAGMENTS.emoji!, 'a', ' ', '\u202e']),
      prng.pick([201, 1000, 2001, 4097, 6000]),
    );
  if (roll < 25) return prng.chance(0.5) ? typo(prng, prng.pick(sources.names)) : prng.pick(sources.names);
  if (roll < 32) return prng.chance(0.3) ? typo(prng, prng.pick(sources.articles)) : prng.pick(sources.articles);
  if (roll < 40) {
    const count = prng.int(1, 4);
    return Array.from({ length: count }, () => prng.pick(sources.words)).join(' ');
  }
  // A mix of fragments from several groups, glued to corpus words, with random spacing.
  const parts: string[] = [];
  const count = prng.int(1, 6);
  for (let i = 0; i < count; i++) {
    const group = HOSTILE_FRAGMENTS[prng.pick(GROUPS)]!;
    parts.push(prng.chance(0.7) ? prng.pick(group) : prng.pick(sources.words));
  }
  const text = parts.join(prng.pick(['', ' ', '  ', '\u200b', '\n']));
  return prng.chance(0.1) ? fill(text, 6000) : text;
}

/** A random value for the integer option `length`: valid, out of range, huge or negative. */
export function hostileInteger(prng: Prng): number {
  return prng.pick([1, 3, 5, 10, 0, -1, 11, 100, -2147483648, 2147483647, 2 ** 53 - 1, -(2 ** 53 - 1), 1e21, prng.int(-1000, 1000)]);
}

/** A random float: Discord never sends one for an integer option (the type check of discord.js throws). */
export function hostileFloat(prng: Prng): number {
  return prng.pick([0.5, 2.5, -3.75, 1e-7, 9.999, Math.PI, -0.1]);
}
