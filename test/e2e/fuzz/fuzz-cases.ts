import type { FakeAttachment } from '../fake-discord/index.ts';
import { hostileFloat, hostileInteger, hostileString, type ValueSources } from './hostile-values.ts';
import type { Prng } from './prng.ts';

type OptionValue = string | number | boolean;

/** One interaction the fuzzer sends. */
export type FuzzCase =
  | {
      kind: 'slash';
      command: string;
      options: Record<string, OptionValue>;
      userId: string;
      channelOptionIds: string[];
      /** Channel the command is used in (default: the fake's default channel). */
      channelId?: string;
      /** Set when an option has a type Discord would never send (discord.js throws on reading it). */
      wrongType?: string;
      /** The subcommand used (the news commands: /article add …). */
      subcommand?: string;
      /** Attachment options (served by the fake's CDN on 127.0.0.1, which the bot must refuse to fetch: no private URLs in the fuzz). */
      attachments?: Record<string, FakeAttachment>;
    }
  | {
      kind: 'autocomplete';
      command: string;
      focused: string;
      value: string;
      options: Record<string, OptionValue>;
      subcommand?: string;
      userId?: string;
    }
  | { kind: 'button'; customId: string; userId: string; source: 'seen' | 'mutated' | 'forged' | 'garbage' };

/** What the generator draws from besides the corpus. */
export interface CaseSources extends ValueSources {
  /** Members who invoke commands (several, so per-member cooldowns bite but do not block everything). */
  userIds: readonly string[];
  /** Channels a /summary may be posted to. */
  channelIds: readonly string[];
  /** Custom ids of buttons the bot has sent so far (grows during the run). */
  seenCustomIds: readonly string[];
  /** Members with Manage Server, so that the news commands get past the permission check too. */
  adminUserIds: readonly string[];
}

/** The news commands' subcommands and their options (url and text are strings, page and interval integers). */
const NEWS_COMMANDS: Readonly<Record<string, Readonly<Record<string, readonly string[]>>>> = {
  article: { add: ['url', 'file'], list: ['page'], remove: ['article'] },
  feed: { add: ['url', 'channel', 'interval'], list: [], remove: ['feed'], status: [] },
  digest: { schedule: ['channel', 'time', 'timezone'], off: [] },
};
const NEWS_AUTOCOMPLETE: ReadonlyArray<[string, string, string]> = [
  ['article', 'remove', 'article'],
  ['feed', 'remove', 'feed'],
  ['digest', 'schedule', 'timezone'],
];
/**
 * Links the bot must refuse or fail on at once with no network: not http(s), credentials,
 * loopback, private and metadata addresses, and names that do not resolve (.invalid). No public
 * address: the fuzz has no network and must stay fast.
 */
const HOSTILE_URLS = [
  'http://127.0.0.1:1/story',
  'http://localhost/',
  'http://169.254.169.254/latest/meta-data/',
  'http://[::1]:80/',
  'http://10.0.0.7/admin',
  'http://0x7f000001/',
  'file:///etc/passwd',
  'ftp://files.example.org/story.txt',
  'javascript:alert(1)',
  'https://user:secret@news.invalid/',
  'https://news.invalid/feed.xml',
  'data:text/html,<h1>hi</h1>',
];
const FILE_NAMES = ['story.md', 'story.txt', 'page.html', 'setup.exe', 'noext', '.md', 'a.MD', 'x'.repeat(300) + '.txt'];
const FILE_TYPES = [
  null,
  'text/markdown; charset=utf-8',
  'text/plain',
  'text/html',
  'application/octet-stream',
  'image/png',
  'application/x-msdownload',
];

/** A hostile value for one option of a news subcommand. */
function newsValue(prng: Prng, sources: CaseSources, option: string): OptionValue {
  switch (option) {
    case 'url':
      return prng.chance(0.5) ? prng.pick(HOSTILE_URLS) : hostileString(prng, sources);
    case 'page':
    case 'interval':
      return hostileInteger(prng);
    case 'channel':
      return prng.pick(sources.channelIds);
    case 'time':
      return prng.chance(0.5) ? prng.pick(['08:00', '8:5', '23:59', '24:00', '-1:00', '']) : hostileString(prng, sources);
    case 'timezone':
      return prng.chance(0.5) ? prng.pick(['UTC', 'Europe/Paris', 'europe/paris', 'Mars/Olympus', '../etc']) : hostileString(prng, sources);
    default:
      return stringValue(prng, sources, 'article');
  }
}

/** A news command (/article, /feed, /digest) with a random subcommand and hostile options, by an admin more often than not. */
function newsCase(prng: Prng, sources: CaseSources): FuzzCase {
  const userId = prng.chance(0.6) && sources.adminUserIds.length > 0 ? prng.pick(sources.adminUserIds) : prng.pick(sources.userIds);
  const command = prng.pick(Object.keys(NEWS_COMMANDS));
  const subcommands = NEWS_COMMANDS[command]!;
  // Rarely no subcommand at all, or one the command does not have (a stale client).
  const subcommand = prng.chance(0.03) ? undefined : prng.chance(0.03) ? 'nope' : prng.pick(Object.keys(subcommands));
  const options: Record<string, OptionValue> = {};
  const channelOptionIds: string[] = [];
  let attachments: Record<string, FakeAttachment> | undefined;
  for (const name of subcommand ? (subcommands[subcommand] ?? []) : []) {
    if (!prng.chance(0.8)) continue;
    if (name === 'file') {
      const body = hostileString(prng, sources);
      attachments = {
        file: {
          filename: prng.pick(FILE_NAMES),
          contentType: prng.pick(FILE_TYPES),
          body,
          ...(prng.chance(0.2) ? { size: prng.pick([0, 1, 5 * 1024 * 1024, 5 * 1024 * 1024 + 1, 2 ** 40]) } : {}),
        },
      };
      continue;
    }
    options[name] = newsValue(prng, sources, name);
    if (name === 'channel') channelOptionIds.push('channel');
  }
  return {
    kind: 'slash',
    command,
    options,
    userId,
    channelOptionIds,
    ...(subcommand ? { subcommand } : {}),
    ...(attachments ? { attachments } : {}),
  };
}

/** String options of each command (Discord option type 3) and which of them autocomplete. */
const STRING_OPTIONS: Readonly<Record<string, readonly string[]>> = {
  summary: ['article'],
  quote: ['speaker', 'about', 'article'],
  who: ['name', 'article'],
  related: ['topic', 'article'],
};
const AUTOCOMPLETE_OPTIONS: Readonly<Record<string, readonly string[]>> = {
  summary: ['article'],
  quote: ['speaker', 'article'],
  who: ['name', 'article'],
  related: ['article'],
};
const COMMANDS = Object.keys(STRING_OPTIONS);
const REQUIRED = new Set(['name', 'topic']);

/** A random string option value: mostly hostile, sometimes a real article id for `article`. */
function stringValue(prng: Prng, sources: ValueSources, option: string): string {
  if (option === 'article' && prng.chance(0.3)) return prng.pick(sources.articles);
  return hostileString(prng, sources);
}

/** A slash command with a random subset of its options (required ones may be missing too). */
function slashCase(prng: Prng, sources: CaseSources): FuzzCase {
  if (prng.chance(0.2)) return newsCase(prng, sources);
  const userId = prng.pick(sources.userIds);
  if (prng.chance(0.02))
    return { kind: 'slash', command: prng.pick(['nope', 'boom', 'summary2']), options: {}, userId, channelOptionIds: [] };
  const command = prng.pick(COMMANDS);
  const options: Record<string, OptionValue> = {};
  const channelOptionIds: string[] = [];
  let wrongType: string | undefined;
  for (const name of STRING_OPTIONS[command]!) {
    // Required options (who name, related topic) are usually given, the others half the time.
    if (prng.chance(REQUIRED.has(name) ? 0.9 : 0.5)) options[name] = stringValue(prng, sources, name);
  }
  if (command === 'summary') {
    if (prng.chance(0.5)) options.length = hostileInteger(prng);
    if (prng.chance(0.2)) {
      options.channel = prng.pick(sources.channelIds);
      channelOptionIds.push('channel');
    }
  }
  if (prng.chance(0.3)) options.share = prng.chance(0.5);
  // An option the command does not declare (a stale client's definition): ignored.
  if (prng.chance(0.03)) options[prng.pick(['bogus', 'speaker', 'topic', 'name', 'page'])] ??= hostileString(prng, sources);
  if (prng.chance(0.03)) {
    // Deliberate type confusion: a float or text `length`, a number in a text option.
    if (command === 'summary') {
      options.length = prng.chance(0.5) ? hostileFloat(prng) : hostileString(prng, sources) || 'five';
      wrongType = 'length';
    } else {
      const name = prng.pick(STRING_OPTIONS[command]!);
      options[name] = prng.chance(0.5) ? hostileInteger(prng) : hostileFloat(prng);
      wrongType = name;
    }
  }
  const channelId = prng.chance(0.2) ? prng.pick(sources.channelIds) : undefined;
  return {
    kind: 'slash',
    command,
    options,
    userId,
    channelOptionIds,
    ...(channelId ? { channelId } : {}),
    ...(wrongType ? { wrongType } : {}),
  };
}

/** Autocomplete of an autocomplete option (or, rarely, of one that does not autocomplete). */
function autocompleteCase(prng: Prng, sources: CaseSources): FuzzCase {
  if (prng.chance(0.15)) {
    const [command, subcommand, focused] = prng.pick(NEWS_AUTOCOMPLETE);
    const value = prng.chance(0.1) ? '' : hostileString(prng, sources);
    const userId = prng.chance(0.5) && sources.adminUserIds.length > 0 ? prng.pick(sources.adminUserIds) : prng.pick(sources.userIds);
    return { kind: 'autocomplete', command, subcommand, focused, value, options: {}, userId };
  }
  const command = prng.pick(COMMANDS);
  const focused = prng.chance(0.9)
    ? prng.pick(AUTOCOMPLETE_OPTIONS[command]!)
    : prng.pick([...STRING_OPTIONS[command]!, 'length', 'share', 'bogus']);
  const value = prng.chance(0.1) ? '' : hostileString(prng, sources);
  const options: Record<string, OptionValue> = {};
  if (focused !== 'article' && prng.chance(0.4)) options.article = stringValue(prng, sources, 'article');
  return { kind: 'autocomplete', command, focused, value, options };
}

const PAGES = ['0', '1', '2', '3', '9', '9999', '10000', '-1', '1.5', 'x', '', '٣'];

/** A page id built by hand: known or unknown command, odd pages, hostile values. */
function forgedPageId(prng: Prng, sources: CaseSources): string {
  if (prng.chance(0.25))
    return `pk|${prng.pick(['', 'AAAAAAAAAAAAAAAA', 'zz', hostileString(prng, sources).slice(0, 20)])}|${prng.pick(PAGES)}`;
  const command = prng.pick([...COMMANDS, '', 'nope', 'SUMMARY']);
  const values = Array.from({ length: prng.int(0, 5) }, () =>
    prng.chance(0.3) ? '' : prng.chance(0.3) ? String(hostileInteger(prng)) : hostileString(prng, sources).slice(0, 40),
  );
  return ['pg', command, prng.pick(PAGES), ...values].join('|');
}

/** A citation id built by hand: known or unknown article, paragraphs out of range. */
function forgedCiteId(prng: Prng, sources: CaseSources): string {
  const article = prng.chance(0.6) ? prng.pick(sources.articles) : hostileString(prng, sources).slice(0, 60);
  const paragraph = prng.pick(['0', '1', '2', '41', '42', '999999', '1000000', '-1', '01', '1e3', '', '¶', String(prng.int(1, 60))]);
  return `cite:${article}:${paragraph}`;
}

/** A removal confirmation built by hand: a shared article (not the server's to remove), an unknown one, a forgotten key, cancel. */
function forgedRemoveId(prng: Prng, sources: CaseSources): string {
  return prng.pick([
    `rm:${prng.pick(sources.articles)}`.slice(0, 100),
    `rm:${hostileString(prng, sources)}`.slice(0, 100),
    `rmk:${prng.pick(['', 'AAAAAAAAAAAAAAAA', hostileString(prng, sources).slice(0, 20)])}`,
    'rm-cancel',
    'rm:',
  ]);
}

/** A seen id with a small corruption: cut short, a character changed, extra text, a new page. */
function mutatedId(prng: Prng, id: string, sources: CaseSources): string {
  switch (prng.int(0, 4)) {
    case 0:
      return id.slice(0, prng.int(0, Math.max(0, id.length - 1)));
    case 1: {
      const i = prng.int(0, Math.max(0, id.length - 1));
      return id.slice(0, i) + prng.pick(['|', ':', '%', 'x', '\u200b', '9']) + id.slice(i + 1);
    }
    case 2:
      return (id + prng.pick(['|', ':1', '|x', '%7C', hostileString(prng, sources).slice(0, 30)])).slice(0, 100);
    case 3:
      return id.replace(/\|\d+(\||$)/, `|${prng.pick(PAGES)}$1`).replace(/:\d+$/, `:${prng.pick(PAGES)}`);
    default:
      return id.toUpperCase();
  }
}

/** A button press: a real id the bot sent, a corrupted one, a forged one, or garbage. */
function buttonCase(prng: Prng, sources: CaseSources): FuzzCase {
  const userId = prng.pick(sources.userIds);
  const seen = sources.seenCustomIds;
  const roll = prng.int(0, 99);
  if (roll < 35 && seen.length > 0) return { kind: 'button', customId: prng.pick(seen), userId, source: 'seen' };
  if (roll < 55 && seen.length > 0)
    return { kind: 'button', customId: mutatedId(prng, prng.pick(seen), sources), userId, source: 'mutated' };
  if (roll < 85)
    return {
      kind: 'button',
      customId: prng.chance(0.1)
        ? forgedRemoveId(prng, sources)
        : prng.chance(0.5)
          ? forgedCiteId(prng, sources)
          : forgedPageId(prng, sources),
      userId,
      source: 'forged',
    };
  const garbage = prng.pick([
    '',
    'cite:',
    'cite::1',
    'pg|',
    'pg||1',
    'pk||',
    'pk|x|',
    '|',
    ':',
    'cite:a:b:c',
    hostileString(prng, sources),
  ]);
  return { kind: 'button', customId: garbage.slice(0, prng.chance(0.9) ? 100 : 200), userId, source: 'garbage' };
}

/** Draws the next case: about 45% slash commands, 25% autocomplete, 30% buttons. */
export function drawCase(prng: Prng, sources: CaseSources): FuzzCase {
  const roll = prng.next();
  if (roll < 0.45) return slashCase(prng, sources);
  if (roll < 0.7) return autocompleteCase(prng, sources);
  return buttonCase(prng, sources);
}

/** The case as short JSON for a failure message (long strings shortened, invisible characters escaped). */
export function describeCase(fuzzCase: FuzzCase): string {
  return JSON.stringify(fuzzCase, (_key, value: unknown) =>
    typeof value === 'string' && value.length > 120 ? `${value.slice(0, 120)}…(${value.length} chars)` : value,
  ).replace(/[^\x20-\x7e]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
