import type { ChangeSignal } from './change-signal.ts';
import type { SnowflakeSource } from './snowflake.ts';
import type { InteractionReply, RecordedRequest } from './types.ts';
import type { World } from './world.ts';

/** One interaction the fake sent, and what the bot did with it. */
export interface InteractionRecord {
  id: string;
  token: string;
  type: number;
  userId: string;
  channelId: string;
  commandName?: string;
  /** For components: the message the button was on (its @original). */
  sourceMessageId?: string;
  /** The message @original refers to, once the interaction was answered. */
  originalMessageId?: string;
  /** The initial callback, once it arrived. */
  callback?: InteractionReply['callback'];
  /** When the initial callback arrived (its request's `at`). */
  callbackAt?: number;
  /** Date.now() after which the first callback is refused as Unknown interaction (callbackWindowMs). */
  callbackDeadline?: number;
  /** Set when the bot's initial callback was refused (status and Discord's error body). */
  rejected?: { status: number; body: unknown };
  /** Later requests for this token (live array shared with the InteractionReply). */
  later: RecordedRequest[];
}

/** Everything the fake remembers; shared by the REST handler and the test-facing API. */
export interface FakeState {
  world: World;
  nextId: SnowflakeSource;
  signal: ChangeSignal;
  gatewayUrl: () => string;
  requests: RecordedRequest[];
  /** Every message the bot created, by id (current state after edits). */
  messages: Map<string, any>;
  /** Bodies posted with POST /channels/{id}/messages, plus `id` and `channel_id`, per channel. */
  channelPosts: Map<string, any[]>;
  /** Interactions by token. */
  interactions: Map<string, InteractionRecord>;
  /** Deployed application commands: key 'global' or a guild id. */
  commands: Map<string, any[]>;
  /** Fault rules (FakeDiscord.fault): matching REST requests are delayed and/or answered with an error. */
  faults: FaultRule[];
  /** Files the fake CDN serves, by path (/attachments/<channel>/<id>/<filename>). */
  attachments: Map<string, { contentType: string | null; bytes: Uint8Array }>;
  /** Paths of attachment downloads, in order. */
  downloads: string[];
  /** Direct-message channels the bot opened (POST /users/@me/channels): channel id → the member's user id. */
  dmChannels: Map<string, string>;
  /** Members who do not take direct messages from the bot: a post to them is refused with 50007. */
  closedDms: Set<string>;
}

/** A fault injected into REST answers (see FakeDiscord.fault). */
export interface FaultRule {
  /** HTTP method to match; any when absent. */
  method?: string;
  /** Matched against the path after /api/v10 (e.g. /gateway/bot, /channels/123/messages). */
  path: RegExp;
  /** Answer with this status (Discord's JSON error body) instead of routing; absent = route normally (after the delay). */
  status?: number;
  /** Wait this long before answering, in ms. */
  delayMs?: number;
  /** Route the request at once (a post is made), then wait this long before answering, in ms: Discord slow to answer what it did. */
  answerDelayMs?: number;
  /** Only until this Date.now(); afterwards the rule no longer applies. */
  untilMs?: number;
  /** How many requests the rule matched so far (counted on arrival, before the delay). */
  hits?: number;
}

/** Creates empty state for a world. */
export function createState(world: World, nextId: SnowflakeSource, signal: ChangeSignal, gatewayUrl: () => string): FakeState {
  return {
    world,
    nextId,
    signal,
    gatewayUrl,
    requests: [],
    messages: new Map(),
    channelPosts: new Map(),
    interactions: new Map(),
    commands: new Map(),
    faults: [],
    attachments: new Map(),
    downloads: [],
    dmChannels: new Map(),
    closedDms: new Set(),
  };
}
