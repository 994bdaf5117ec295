import type { FaultRule } from './state.ts';

/** Options for {@link startFakeDiscord}. */
export interface FakeDiscordOptions {
  /** Extra text channels besides the default one; permissions per channel below. */
  channels?: Array<{
    id?: string;
    name: string;
    /** Whether the bot may send messages there (default true). */
    botCanSend?: boolean;
    /** Whether the bot may embed links there (default true). */
    botCanEmbed?: boolean;
    /** Whether ordinary members may send messages there (default true). */
    memberCanSend?: boolean;
  }>;
  /** HELLO's heartbeat interval in ms (default 41250, as Discord). */
  heartbeatIntervalMs?: number;
  /**
   * Refuse an interaction's first callback (404, 10062 Unknown interaction) when it arrives
   * more than this many ms after the interaction was sent, as Discord does after 3 s.
   * Default: no window (tests on a busy machine stay deterministic).
   */
  callbackWindowMs?: number;
}

/** One REST request the fake server received. */
export interface RecordedRequest {
  method: string;
  /** Path after `/api/v10`, percent-decoded, without the query (e.g. `/webhooks/1/t/messages/@original`). */
  path: string;
  /** Parsed JSON body; for multipart, the `payload_json` part (plus `files` describing attachments); null if none. */
  body: any;
  /** Lower-cased request headers. */
  headers: Record<string, string>;
  /** When it arrived: ms since the epoch, with a fraction (the performance clock, so benchmarks can time answers of a few ms). */
  at: number;
  /** Query string parameters (extra to the brief). */
  query: Record<string, string>;
  /** HTTP status the fake answered with (extra to the brief). */
  status: number;
}

/** What the bot answered to one interaction. */
export interface InteractionReply {
  /** The initial callback (POST /interactions/{id}/{token}/callback) body: {type, data}. */
  callback: { type: number; data?: any };
  /** When the callback arrived (as RecordedRequest.at). */
  callbackAt: number;
  /** Every later request for this interaction token (edits of @original, follow-ups), in order. */
  later: RecordedRequest[];
  /** The interaction id and token (extra to the brief). */
  interactionId: string;
  token: string;
}

/** Extra details of a slash command invocation. */
export interface SlashExtra {
  /** Invoking user (default: the fake's member user). */
  userId?: string;
  /** Names of options in `options` whose values are channel ids (type 7). */
  channelOptionIds?: string[];
  /** Channel the command is used in (default: the default channel). Extra to the brief. */
  channelId?: string;
  /** Timeout for the initial callback in ms (default 5000). Extra to the brief. */
  timeoutMs?: number;
  /** The subcommand used (`/article add`): the options are sent as its options. */
  subcommand?: string;
  /** Attachment options (type 11) by name: the fake serves each file on its own loopback HTTP server (its CDN). */
  attachments?: Record<string, FakeAttachment>;
}

/** A file a member attaches to a command. */
export interface FakeAttachment {
  filename: string;
  /** The content type Discord reports (absent: none, as for unknown types). */
  contentType?: string | null;
  /** What the CDN serves. */
  body: Uint8Array | string;
  /** The size Discord reports; default the body's length (a larger one tests refusals without serving that much). */
  size?: number;
}

/** A running fake Discord (REST + gateway on 127.0.0.1). */
export interface FakeDiscord {
  /** Give to discord.js as rest.api (DISCORD_API_URL), e.g. http://127.0.0.1:PORT/api. */
  apiUrl: string;
  /** The gateway URL served by GET /gateway/bot (extra to the brief). */
  gatewayUrl: string;
  /** The bot token the fake accepts (Authorization: Bot <token>; a wrong one gets 401). */
  token: string;
  applicationId: string;
  botUserId: string;
  guildId: string;
  /** The default text channel where interactions happen. */
  channelId: string;
  channels: Array<{ id: string; name: string }>;
  memberUserId: string;
  /** A member with the news-admins role (Manage Server); the owner has every permission anyway. */
  adminUserId: string;
  ownerUserId: string;
  /** Paths of attachment downloads from the fake CDN, in order. */
  downloads: string[];
  /** Every REST request received. */
  requests: RecordedRequest[];
  /** Gateway payloads received from clients, in order (extra to the brief). */
  gatewayReceived: Array<{ op: number; d: any; at: number }>;
  /** Query strings of gateway connections (e.g. {v: '10', encoding: 'json'}) (extra to the brief). */
  gatewayConnections: Array<Record<string, string>>;
  /** Application commands deployed, global under key 'global', else under the guild id (extra). */
  commands(scope?: string): any[];
  /** Resolves once a client has IDENTIFIED and got READY + GUILD_CREATE. */
  waitForLogin(timeoutMs?: number): Promise<void>;
  /** Resolves once the IDENTIFY/RESUME counters satisfy the predicate, e.g. after a drop (extra). */
  waitForSessions(predicate: (s: { identifies: number; resumes: number }) => boolean, timeoutMs?: number): Promise<void>;
  /**
   * Sends INTERACTION_CREATE for a chat-input command; resolves with the initial callback once it
   * arrives (rejects after timeoutMs, default 5000, or at once if the fake refused the callback,
   * e.g. 50035 for a body over Discord's limits). Throws if no client has logged in.
   */
  slash(name: string, options?: Record<string, string | number | boolean>, extra?: SlashExtra): Promise<InteractionReply>;
  /** Autocomplete interaction (type 4) for option `focused` with partial `value`; resolves with the callback (type 8). */
  autocomplete(
    name: string,
    focused: string,
    value: string,
    options?: Record<string, string | number | boolean>,
    extra?: { subcommand?: string; userId?: string },
  ): Promise<InteractionReply>;
  /** Button press (type 3, component_type 2) on a message previously sent by the bot. */
  button(customId: string, extra?: { userId?: string; messageId?: string; timeoutMs?: number }): Promise<InteractionReply>;
  /** Waits until the interaction's later requests satisfy a predicate (e.g. the deferred reply was edited). */
  waitForLater(reply: InteractionReply, predicate: (later: RecordedRequest[]) => boolean, timeoutMs?: number): Promise<void>;
  /** Messages posted to a channel via POST /channels/{id}/messages: the request body plus `id` and `channel_id`. */
  channelMessages(channelId: string): any[];
  /** Messages the bot sent a member by direct message (POST /users/@me/channels, then to that channel) (extra). */
  directMessages(userId: string): any[];
  /** The member no longer takes direct messages from the bot: posts to them get Discord's 50007 (extra). */
  closeDirectMessages(userId: string): void;
  /** The current state of a message the bot created (interaction reply, follow-up or channel post) (extra). */
  message(messageId: string): any | undefined;
  /**
   * Closes the gateway connection abruptly to test reconnects: by default with close code 4000
   * (discord.js resumes); 'terminate' kills the socket (1006, discord.js resumes); a number
   * closes with that code; 'invalidate' forgets the session first, so the resume gets
   * INVALID_SESSION and discord.js re-identifies (its identify throttle makes that take ~5-6.5 s
   * if the previous IDENTIFY was under 5 s ago).
   */
  dropGateway(how?: 'terminate' | 'invalidate' | number): void;
  /**
   * Injects a REST fault: requests matching `rule` (method, path after /api/v10) are delayed by
   * `delayMs` and/or answered with `status` (a Discord JSON error) until `untilMs`. Returns a
   * function that removes the rule. E.g. a 500 on posts for 6 s:
   * `fake.fault({ method: 'POST', path: /^\/channels\/\d+\/messages$/, status: 500, untilMs: Date.now() + 6000 })`.
   */
  fault(rule: FaultRule): () => void;
  /** Number of IDENTIFY + RESUME the server has seen (`logins`: IDENTIFYs answered with READY). */
  readonly sessions: { identifies: number; resumes: number; logins: number };
  close(): Promise<void>;
}
