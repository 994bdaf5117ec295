import type { Corpus } from '../model/corpus.ts';
import { userError, type UserError } from '../model/user-error.ts';
import { articlesFiring } from './match-watch.ts';
import { resolvePerson } from './resolve-person.ts';
import { readValue } from './watch-book.ts';
import type { WatchAlert, WatchSpec } from '../model/watch-spec.ts';

/** `/watch test`: which loaded articles a watch would fire for, with the alert each would give. */
export interface WatchTestAnswer {
  command: 'watch test';
  spec: WatchSpec;
  /** Alerts of the first articles that fire, in corpus order. */
  alerts: WatchAlert[];
  /** Further articles that fire. */
  more: number;
}

/** Articles listed at most. */
export const WATCH_TEST_LIMIT = 25;

/** Tries a watch (person: / topic:, quoted-only) on the loaded articles; a bad option is a user error. */
export function testWatch(corpus: Corpus, options: { person?: string; topic?: string; quotedOnly?: boolean }): WatchTestAnswer | UserError {
  const person = options.person?.trim() ? options.person : undefined;
  const topic = options.topic?.trim() ? options.topic : undefined;
  if ((person === undefined) === (topic === undefined)) {
    return userError('bad-option', 'Try one thing: /watch test person:Lavrov, or /watch test topic:mercenaries.');
  }
  const value = readValue(person !== undefined ? 'person' : 'topic', (person ?? topic)!);
  if (typeof value !== 'string') return value;
  const spec: WatchSpec =
    person !== undefined
      ? { kind: 'person', person: resolvePerson(corpus, value) ?? value, quotedOnly: options.quotedOnly === true }
      : { kind: 'topic', topic: value };
  const { alerts, more } = articlesFiring(corpus, spec, WATCH_TEST_LIMIT);
  return { command: 'watch test', spec, alerts, more };
}
