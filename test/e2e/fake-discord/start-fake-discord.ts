import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createChangeSignal } from './change-signal.ts';
import { createGateway } from './gateway.ts';
import {
  buildAutocompleteInteraction,
  buildButtonInteraction,
  buildSlashInteraction,
  InteractionType,
  type OptionValues,
  type ResolvedAttachment,
} from './interactions.ts';
import { createRestHandler } from './rest.ts';
import { createSnowflakeSource } from './snowflake.ts';
import { createState, type FakeState, type InteractionRecord } from './state.ts';
import type { FakeAttachment, FakeDiscord, FakeDiscordOptions, InteractionReply, RecordedRequest } from './types.ts';
import { createWorld } from './world.ts';

const DEFAULT_TIMEOUT_MS = 5000;

/** The id of a deployed command with this name (guild commands first), or a fresh id. */
function commandIdFor(state: FakeState, name: string): string {
  for (const scope of [state.world.guildId, 'global']) {
    const found = state.commands.get(scope)?.find((c) => c.name === name);
    if (found) return found.id;
  }
  return state.nextId();
}

/** Whether a stored message carries a button with this custom id. */
function hasButton(message: any, customId: string): boolean {
  return (message?.components ?? []).some((row: any) => (row?.components ?? []).some((c: any) => c?.custom_id === customId));
}

/**
 * Starts a Discord-compatible REST + JSON gateway server on 127.0.0.1 (random port) that the
 * real discord.js client can log in to. See {@link FakeDiscord} for what tests can do with it.
 */
export async function startFakeDiscord(options: FakeDiscordOptions = {}): Promise<FakeDiscord> {
  const nextId = createSnowflakeSource();
  const signal = createChangeSignal();
  const world = createWorld(options, nextId);
  let port = 0;
  const gatewayUrl = () => `ws://127.0.0.1:${port}/gateway`;
  const state = createState(world, nextId, signal, gatewayUrl);
  const gateway = createGateway(world, {
    gatewayUrl,
    heartbeatIntervalMs: options.heartbeatIntervalMs ?? 41_250,
    signal,
    nextId,
  });

  const rest = createRestHandler(state);
  // Attachments are served like Discord's CDN (a plain GET, no token); everything else is the API.
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://fake').pathname;
    if (!path.startsWith('/attachments/')) return rest(req, res);
    const file = req.method === 'GET' ? state.attachments.get(path) : undefined;
    if (!file) return void res.writeHead(404, { 'content-type': 'text/plain' }).end('404: Not Found');
    state.downloads.push(path);
    res
      .writeHead(200, { ...(file.contentType ? { 'content-type': file.contentType } : {}), 'content-length': file.bytes.byteLength })
      .end(file.bytes);
  });
  server.on('upgrade', (req, socket, head) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname.replace(/\/+$/, '');
    if (path === '/gateway') gateway.handleUpgrade(req, socket, head);
    else socket.destroy();
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;

  /** Sends an interaction and waits for its initial callback. */
  const send = async (record: InteractionRecord, payload: Record<string, unknown>, timeoutMs: number): Promise<InteractionReply> => {
    state.interactions.set(record.token, record);
    if (options.callbackWindowMs !== undefined) record.callbackDeadline = Date.now() + options.callbackWindowMs;
    gateway.dispatch('INTERACTION_CREATE', payload);
    const what = `the callback to interaction ${record.id} (${record.commandName ?? 'component'})`;
    const callback = await signal.waitUntil(
      () => {
        if (record.rejected) {
          throw new Error(`fake-discord: ${what} was refused: ${record.rejected.status} ${JSON.stringify(record.rejected.body)}`);
        }
        return record.callback;
      },
      timeoutMs,
      what,
    );
    return { callback, callbackAt: record.callbackAt ?? Date.now(), later: record.later, interactionId: record.id, token: record.token };
  };

  const newRecord = (type: number, userId: string, channelId: string, extra: Partial<InteractionRecord> = {}): InteractionRecord => ({
    id: nextId(),
    token: `fake-interaction-token-${nextId()}`,
    type,
    userId,
    channelId,
    later: [],
    ...extra,
  });

  /** Puts attached files on the fake CDN and describes them as Discord resolves them. */
  const attach = (channelId: string, files: Record<string, FakeAttachment> = {}): Record<string, ResolvedAttachment> =>
    Object.fromEntries(
      Object.entries(files).map(([name, file]) => {
        const id = nextId();
        const bytes = typeof file.body === 'string' ? new TextEncoder().encode(file.body) : file.body;
        const filePath = `/attachments/${channelId}/${id}/${encodeURIComponent(file.filename)}`;
        state.attachments.set(filePath, { contentType: file.contentType ?? null, bytes });
        const url = `http://127.0.0.1:${port}${filePath}`;
        const resolved: ResolvedAttachment = {
          id,
          filename: file.filename,
          size: file.size ?? bytes.byteLength,
          url,
          proxy_url: url,
          ephemeral: true,
          ...(file.contentType ? { content_type: file.contentType } : {}),
        };
        return [name, resolved];
      }),
    );

  const requireLogin = () => {
    if (!gateway.hasSession()) throw new Error('fake-discord: no client has logged in yet (await waitForLogin())');
  };

  const fake: FakeDiscord = {
    apiUrl: `http://127.0.0.1:${port}/api`,
    gatewayUrl: gatewayUrl(),
    token: world.token,
    applicationId: world.applicationId,
    botUserId: world.botUserId,
    guildId: world.guildId,
    channelId: world.channels[0]!.id,
    channels: world.channels.map((c) => ({ id: c.id, name: c.name })),
    memberUserId: world.memberUserId,
    adminUserId: world.adminUserId,
    ownerUserId: world.ownerUserId,
    downloads: state.downloads,
    requests: state.requests,
    gatewayReceived: gateway.received,
    gatewayConnections: gateway.connections,
    sessions: gateway.counters,
    commands: (scope = 'global') => state.commands.get(scope) ?? [],
    async waitForLogin(timeoutMs = DEFAULT_TIMEOUT_MS) {
      await signal.waitUntil(() => gateway.counters.logins > 0, timeoutMs, 'a client to log in');
    },
    async waitForSessions(predicate, timeoutMs = DEFAULT_TIMEOUT_MS) {
      await signal.waitUntil(() => predicate({ ...gateway.counters }), timeoutMs, 'the gateway sessions to change');
    },
    async slash(name, values: OptionValues = {}, extra = {}) {
      requireLogin();
      const record = newRecord(InteractionType.ApplicationCommand, extra.userId ?? world.memberUserId, extra.channelId ?? fake.channelId, {
        commandName: name,
      });
      const payload = buildSlashInteraction(world, record, { id: commandIdFor(state, name), name }, values, extra.channelOptionIds ?? [], {
        subcommand: extra.subcommand,
        attachments: attach(record.channelId, extra.attachments),
      });
      return send(record, payload, extra.timeoutMs ?? DEFAULT_TIMEOUT_MS);
    },
    async autocomplete(name, focused, value, values: OptionValues = {}, extra = {}) {
      requireLogin();
      const record = newRecord(InteractionType.Autocomplete, extra.userId ?? world.memberUserId, fake.channelId, { commandName: name });
      const payload = buildAutocompleteInteraction(world, record, { id: commandIdFor(state, name), name }, focused, value, values, {
        subcommand: extra.subcommand,
      });
      return send(record, payload, DEFAULT_TIMEOUT_MS);
    },
    async button(customId, extra = {}) {
      requireLogin();
      const candidates = [...state.messages.values()].filter((m) => !extra.messageId || m.id === extra.messageId);
      const message = candidates.reverse().find((m) => hasButton(m, customId)) ?? (extra.messageId ? candidates[0] : undefined);
      if (!message)
        throw new Error(`fake-discord: no bot message with a button "${customId}"${extra.messageId ? ` (id ${extra.messageId})` : ''}`);
      const record = newRecord(InteractionType.MessageComponent, extra.userId ?? world.memberUserId, message.channel_id, {
        sourceMessageId: message.id,
      });
      const payload = buildButtonInteraction(world, record, customId, message);
      return send(record, payload, extra.timeoutMs ?? DEFAULT_TIMEOUT_MS);
    },
    async waitForLater(reply, predicate: (later: RecordedRequest[]) => boolean, timeoutMs = DEFAULT_TIMEOUT_MS) {
      await signal.waitUntil(() => predicate(reply.later), timeoutMs, `later requests for interaction ${reply.interactionId}`);
    },
    channelMessages: (channelId) => [...(state.channelPosts.get(channelId) ?? [])],
    directMessages: (userId) =>
      [...state.dmChannels].filter(([, user]) => user === userId).flatMap(([channelId]) => state.channelPosts.get(channelId) ?? []),
    closeDirectMessages: (userId) => {
      state.closedDms.add(userId);
    },
    message: (messageId) => state.messages.get(messageId),
    fault(rule) {
      state.faults.push(rule);
      return () => {
        const i = state.faults.indexOf(rule);
        if (i >= 0) state.faults.splice(i, 1);
      };
    },
    dropGateway(how) {
      if (how === 'invalidate') gateway.forgetSessions();
      gateway.drop(how === 'invalidate' ? undefined : how);
    },
    async close() {
      signal.abort('the fake Discord closed');
      await gateway.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  return fake;
}
