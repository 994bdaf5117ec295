/**
 * The servers' watches as /watch manages them and alerts read them: kept per server in a
 * WatchStore (files or PostgreSQL), cached once read, every change written before it is answered.
 * Requests are member input: every value is checked here and a bad one is a user error.
 */
import { randomBytes } from 'node:crypto';
import { hasWordCharacter, normaliseUserText } from '../answers/user-text.ts';
import type { Corpus } from '../model/corpus.ts';
import { userError, type UserError } from '../model/user-error.ts';
import type { WatchStore } from '../store/watch-store.ts';
import { resolvePerson } from './resolve-person.ts';
import { WATCH_LIMITS, type FeedFilter, type WatchRecord } from '../store/watch-record.ts';

/** What a member asked for with /watch add (raw option values). */
export interface WatchRequest {
  person?: string | null;
  topic?: string | null;
  quotedOnly?: boolean | null;
  /** A text channel of the server (checked by the dispatcher), or null with `dm`. */
  channelId?: string | null;
  dm?: boolean | null;
  userId: string;
}

export interface WatchBook {
  /** A server's watches, oldest first (an invalid stored list reads as none, with a warning). */
  list(guildId: string): Promise<WatchRecord[]>;
  /** Adds a watch; a bad request is a user error with a message saying what to change. */
  add(guildId: string, request: WatchRequest, corpus: Corpus): Promise<WatchRecord | UserError<string>>;
  /** Removes a watch by id: any with `manager`, else only the member's own direct-message watches. */
  remove(guildId: string, id: string, member: { userId: string; manager: boolean }): Promise<WatchRecord | UserError<string>>;
  /** Pauses a watch (a closed direct-message channel): no alert is sent until it is added again. */
  pause(guildId: string, id: string, reason: string): Promise<void>;
  /** Servers with watches. */
  guilds(): Promise<string[]>;
  /** Sets a feed's filter (/feed add … only:): a person the corpus knows by that name, or (prefix "topic:" or no such person) a topic. */
  setFeedFilter(guildId: string, feedId: string, only: string, corpus: Corpus): Promise<FeedFilter | UserError<string>>;
  /** A feed's filter, or null. */
  feedFilter(guildId: string, feedId: string): Promise<FeedFilter | null>;
  /** Counts one item of a feed stored but not announced (it did not match the filter). */
  heldBack(guildId: string, feedId: string): Promise<void>;
  /** The server's feed filters. */
  feedFilters(guildId: string): Promise<FeedFilter[]>;
  /** Forgets a feed's filter (the feed was removed); the filter removed, or null when it had none. */
  removeFeedFilter(guildId: string, feedId: string): Promise<FeedFilter | null>;
}

export interface WatchBookOptions {
  store: WatchStore;
  clock?: () => number;
  /** Told when a server's stored watches are invalid (they are then read as none). */
  onInvalid?: (guildId: string, problem: string) => void;
}

/** Words in a name or a topic at most: longer is a sentence, not something to follow. */
const MAX_WORDS = { person: 8, topic: 12 } as const;

/** A member's value checked: normalised, of words, not a link, short; or why not. */
export function readValue(kind: 'person' | 'topic', raw: string): string | UserError {
  const value = normaliseUserText(raw);
  const example = kind === 'person' ? 'person:Maria Okonkwo' : 'topic:harbour strikes';
  if (!hasWordCharacter(value)) return userError('bad-option', `Give a ${kind} in words, e.g. /watch add ${example}.`);
  if (value.length > WATCH_LIMITS.valueLength) {
    return userError('bad-option', `That ${kind} is too long: at most ${WATCH_LIMITS.valueLength} characters.`);
  }
  if (/:\/\/|^www\./i.test(value)) return userError('bad-option', `A ${kind} is words, not a link; e.g. /watch add ${example}.`);
  if (/[<>@#`*_~|\\]/.test(value)) {
    return userError('bad-option', `A ${kind} is words: leave out mentions, markdown and symbols such as < > @ # * _ ~ | \` \\.`);
  }
  if (value.split(' ').length > MAX_WORDS[kind])
    return userError('bad-option', `That is a sentence: a ${kind} is at most ${MAX_WORDS[kind]} words.`);
  return value;
}

/** Checks a feed filter's value (/feed add … only:) before the feed is added; null when fine, else why not. */
export function checkFeedOnly(only: string): UserError<string> | null {
  const raw = only.replace(/^(?:topic|person):\s*/i, '');
  const checked = readValue(/^topic:/i.test(only) ? 'topic' : 'person', raw);
  return typeof checked === 'string' ? null : checked;
}

export function openWatchBook(options: WatchBookOptions): WatchBook {
  const { store } = options;
  const clock = options.clock ?? Date.now;
  const cache = new Map<string, { watches: WatchRecord[]; filters: FeedFilter[] }>();
  /** One change at a time per book: a read-modify-write never interleaves with another. */
  let chain: Promise<unknown> = Promise.resolve();
  const serial = <T>(work: () => Promise<T>): Promise<T> => {
    const next = chain.then(work, work);
    chain = next.catch(() => undefined);
    return next;
  };

  const loadAll = async (guildId: string): Promise<{ watches: WatchRecord[]; filters: FeedFilter[] }> => {
    const cached = cache.get(guildId);
    if (cached) return cached;
    const read = await store.read(guildId);
    if (read.kind === 'invalid') options.onInvalid?.(guildId, read.problem);
    const state = read.kind === 'valid' ? { watches: read.watches, filters: read.feedFilters ?? [] } : { watches: [], filters: [] };
    cache.set(guildId, state);
    return state;
  };
  const load = async (guildId: string): Promise<WatchRecord[]> => (await loadAll(guildId)).watches;
  const save = async (guildId: string, watches: WatchRecord[], filters?: FeedFilter[]): Promise<void> => {
    const kept = filters ?? (await loadAll(guildId)).filters;
    await store.write(guildId, watches, kept);
    cache.set(guildId, { watches, filters: kept });
  };

  return {
    list: async (guildId) => [...(await load(guildId))],
    guilds: async () => [...new Set([...(await store.guilds()), ...cache.keys()])].sort(),
    add: (guildId, request, corpus) =>
      serial(async () => {
        const person = request.person?.trim() ? request.person : null;
        const topic = request.topic?.trim() ? request.topic : null;
        if ((person === null) === (topic === null)) {
          return userError(
            'bad-option',
            'Watch one thing: give person: or topic:, not both (e.g. /watch add person:Maria Okonkwo channel:#news).',
          );
        }
        if (topic !== null && request.quotedOnly) return userError('bad-option', 'quoted-only is for a person: a topic is not quoted.');
        const dm = request.dm === true;
        if (dm && request.channelId) return userError('bad-option', 'Choose channel: or dm:true, not both.');
        if (!dm && !request.channelId)
          return userError('bad-option', 'Say where alerts go: channel:#some-channel, or dm:true for your direct messages.');
        const kind = person !== null ? 'person' : 'topic';
        const checked = readValue(kind, (person ?? topic)!);
        if (typeof checked !== 'string') return checked;
        const value = kind === 'person' ? (resolvePerson(corpus, checked) ?? checked) : checked;
        const watches = await load(guildId);
        if (watches.length >= WATCH_LIMITS.perServer) {
          return userError(
            'bad-option',
            `This server has ${WATCH_LIMITS.perServer} watches, the most it may have; remove one with /watch remove.`,
          );
        }
        if (dm && watches.filter((w) => w.channelId === null && w.userId === request.userId).length >= WATCH_LIMITS.perMember) {
          return userError('bad-option', `You have ${WATCH_LIMITS.perMember} direct-message watches here, the most a member may have.`);
        }
        const channelId = dm ? null : request.channelId!;
        const quotedOnly = kind === 'person' && request.quotedOnly === true;
        const same = watches.find(
          (w) =>
            w.kind === kind &&
            w.value.toLowerCase() === value.toLowerCase() &&
            w.quotedOnly === quotedOnly &&
            w.channelId === channelId &&
            (channelId !== null || w.userId === request.userId),
        );
        if (same) return userError('bad-option', `That watch exists already (${same.id}); see /watch list.`);
        let id: string;
        do id = `w${randomBytes(4).toString('hex')}`;
        while (watches.some((w) => w.id === id));
        const record: WatchRecord = {
          id,
          kind,
          value,
          quotedOnly,
          channelId,
          userId: request.userId,
          addedAt: new Date(clock()).toISOString(),
          paused: null,
        };
        await save(guildId, [...watches, record]);
        return record;
      }),
    remove: (guildId, id, member) =>
      serial(async () => {
        const watches = await load(guildId);
        const wanted = id.trim();
        const watch = watches.find((w) => w.id === wanted);
        const mine = watch && watch.channelId === null && watch.userId === member.userId;
        if (!watch || (!member.manager && !mine)) {
          const none =
            watches.length === 0 || (!member.manager && !watches.some((w) => w.channelId === null && w.userId === member.userId));
          return userError(
            'not-found',
            none
              ? 'There is no watch of yours to remove here.'
              : `"${wanted.slice(0, 40)}" is not a watch you can remove; see /watch list.`,
          );
        }
        await save(
          guildId,
          watches.filter((w) => w !== watch),
        );
        return watch;
      }),
    feedFilters: async (guildId) => [...(await loadAll(guildId)).filters],
    feedFilter: async (guildId, feedId) => (await loadAll(guildId)).filters.find((f) => f.feedId === feedId) ?? null,
    setFeedFilter: (guildId, feedId, only, corpus) =>
      serial(async () => {
        const topicFirst = /^topic:\s*/i.exec(only);
        const personFirst = /^person:\s*/i.exec(only);
        const raw = only.slice((topicFirst ?? personFirst)?.[0].length ?? 0);
        const checked = readValue(topicFirst ? 'topic' : 'person', raw);
        if (typeof checked !== 'string') return checked;
        const person = topicFirst ? null : resolvePerson(corpus, checked);
        const filter: FeedFilter = person
          ? { feedId, kind: 'person', value: person, heldBack: 0 }
          : personFirst
            ? { feedId, kind: 'person', value: checked, heldBack: 0 }
            : { feedId, kind: 'topic', value: checked, heldBack: 0 };
        const { watches, filters } = await loadAll(guildId);
        await save(guildId, watches, [...filters.filter((f) => f.feedId !== feedId), filter]);
        return filter;
      }),
    removeFeedFilter: (guildId, feedId) =>
      serial(async () => {
        const { watches, filters } = await loadAll(guildId);
        const filter = filters.find((f) => f.feedId === feedId);
        if (!filter) return null;
        await save(
          guildId,
          watches,
          filters.filter((f) => f !== filter),
        );
        return filter;
      }),
    heldBack: (guildId, feedId) =>
      serial(async () => {
        const { watches, filters } = await loadAll(guildId);
        if (!filters.some((f) => f.feedId === feedId)) return;
        await save(
          guildId,
          watches,
          filters.map((f) => (f.feedId === feedId ? { ...f, heldBack: f.heldBack + 1 } : f)),
        );
      }),
    pause: (guildId, id, reason) =>
      serial(async () => {
        const watches = await load(guildId);
        if (!watches.some((w) => w.id === id)) return;
        await save(
          guildId,
          watches.map((w) => (w.id === id ? { ...w, paused: reason.slice(0, 300) } : w)),
        );
      }),
  };
}
