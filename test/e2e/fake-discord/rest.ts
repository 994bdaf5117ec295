import type { IncomingMessage, ServerResponse } from 'node:http';
import { checkDiscordLimits } from './limits.ts';
import { applyBody, buildMessage, EPHEMERAL, isEmptyMessage, LOADING } from './messages.ts';
import { Permission } from './permissions.ts';
import { readBody, type ReceivedFile } from './read-body.ts';
import type { FakeState, InteractionRecord } from './state.ts';
import type { RecordedRequest } from './types.ts';
import {
  applicationPayload,
  channelPayload,
  findChannel,
  guildPayload,
  memberPayload,
  permissionsIn,
  rolesPayload,
  userPayload,
  type WorldChannel,
} from './world.ts';

/** What a route answers. */
interface Reply {
  status: number;
  body?: unknown;
}

/** What a route handler gets. */
interface RouteContext {
  state: FakeState;
  params: string[];
  body: any;
  files: ReceivedFile[];
  query: Record<string, string>;
  record: RecordedRequest;
}

/** One REST route; `auth: false` for interaction callbacks and webhook-token routes. */
interface Route {
  method: string;
  pattern: RegExp;
  auth: boolean;
  handle(context: RouteContext): Reply;
}

const ok = (body: unknown): Reply => ({ status: 200, body });
const noContent: Reply = { status: 204 };
/** A Discord JSON error. */
const fail = (status: number, code: number, message: string, errors?: unknown): Reply => ({
  status,
  body: { message, code, ...(errors ? { errors } : {}) },
});
const unknownChannel = () => fail(404, 10003, 'Unknown Channel');
const unknownMessage = () => fail(404, 10008, 'Unknown Message');
const unknownWebhook = () => fail(404, 10015, 'Unknown Webhook');

/** 50035 Invalid Form Body when a body breaks Discord's limits, else undefined. */
function rejectOverLimits(body: unknown): Reply | undefined {
  const violations = checkDiscordLimits(body);
  if (violations.length === 0) return undefined;
  return fail(400, 50035, 'Invalid Form Body', { _errors: violations.map((message) => ({ code: 'BASE_TYPE_MAX_LENGTH', message })) });
}

/** Gives each command of a deployment an id (keeping the id of a same-named command). */
function storeCommands(state: FakeState, scope: string, bodies: any[]): any[] {
  const previous = state.commands.get(scope) ?? [];
  const stored = bodies.map((body) => toCommand(state, scope, body, previous.find((c) => c.name === body?.name)?.id));
  state.commands.set(scope, stored);
  return stored;
}

/** A command object as Discord returns it. */
function toCommand(state: FakeState, scope: string, body: any, id?: string): any {
  return {
    type: 1,
    description: '',
    options: [],
    default_member_permissions: null,
    dm_permission: true,
    nsfw: false,
    ...body,
    id: id ?? state.nextId(),
    application_id: state.world.applicationId,
    version: state.nextId(),
    ...(scope === 'global' ? {} : { guild_id: scope }),
  };
}

/** Command routes for one scope ('global' when the guild param is absent). */
function commandRoutes(prefix: string, scopeOf: (params: string[]) => string | undefined): Route[] {
  const scopeOrError = (c: RouteContext): string | Reply => {
    const scope = scopeOf(c.params);
    if (c.params[0] !== c.state.world.applicationId || !scope) return fail(403, 50001, 'Missing Access');
    return scope;
  };
  const withScope = (f: (c: RouteContext, scope: string) => Reply) => (c: RouteContext) => {
    const scope = scopeOrError(c);
    return typeof scope === 'string' ? f(c, scope) : scope;
  };
  const one = `${prefix}/commands/(\\d+)`;
  const idParam = (c: RouteContext) => c.params[c.params.length - 1];
  return [
    {
      method: 'GET',
      pattern: new RegExp(`^${prefix}/commands$`),
      auth: true,
      handle: withScope((c, s) => ok(c.state.commands.get(s) ?? [])),
    },
    {
      method: 'PUT',
      pattern: new RegExp(`^${prefix}/commands$`),
      auth: true,
      handle: withScope((c, s) => (Array.isArray(c.body) ? ok(storeCommands(c.state, s, c.body)) : fail(400, 50035, 'Invalid Form Body'))),
    },
    {
      method: 'POST',
      pattern: new RegExp(`^${prefix}/commands$`),
      auth: true,
      handle: withScope((c, s) => {
        const others = (c.state.commands.get(s) ?? []).filter((cmd) => cmd.name !== c.body?.name);
        const previous = (c.state.commands.get(s) ?? []).find((cmd) => cmd.name === c.body?.name);
        const command = toCommand(c.state, s, c.body, previous?.id);
        c.state.commands.set(s, [...others, command]);
        return { status: previous ? 200 : 201, body: command };
      }),
    },
    {
      method: 'GET',
      pattern: new RegExp(`^${one}$`),
      auth: true,
      handle: withScope((c, s) => {
        const command = (c.state.commands.get(s) ?? []).find((cmd) => cmd.id === idParam(c));
        return command ? ok(command) : fail(404, 10063, 'Unknown application command');
      }),
    },
    {
      method: 'PATCH',
      pattern: new RegExp(`^${one}$`),
      auth: true,
      handle: withScope((c, s) => {
        const commands = c.state.commands.get(s) ?? [];
        const index = commands.findIndex((cmd) => cmd.id === idParam(c));
        if (index < 0) return fail(404, 10063, 'Unknown application command');
        commands[index] = { ...commands[index], ...c.body, id: commands[index].id, version: c.state.nextId() };
        return ok(commands[index]);
      }),
    },
    {
      method: 'DELETE',
      pattern: new RegExp(`^${one}$`),
      auth: true,
      handle: withScope((c, s) => {
        const commands = c.state.commands.get(s) ?? [];
        if (!commands.some((cmd) => cmd.id === idParam(c))) return fail(404, 10063, 'Unknown application command');
        c.state.commands.set(
          s,
          commands.filter((cmd) => cmd.id !== idParam(c)),
        );
        return noContent;
      }),
    },
  ];
}

/** The channel of the fake guild named by the first route param. */
function channelParam(c: RouteContext): WorldChannel | undefined {
  return findChannel(c.state.world, c.params[0] ?? '');
}

/** The payload of a direct-message channel with a member (type 1). */
function dmChannelPayload(c: RouteContext, channelId: string, userId: string): Record<string, unknown> {
  return { id: channelId, type: 1, last_message_id: null, recipients: [userPayload(c.state.world, userId)] };
}

/** Opens (or finds) the direct-message channel with a member: POST /users/@me/channels {recipient_id}. */
function openDmChannel(c: RouteContext): Reply {
  const userId = String((c.body as { recipient_id?: unknown } | null)?.recipient_id ?? '');
  if (!/^\d+$/.test(userId)) return fail(400, 50035, 'Invalid Form Body');
  for (const [channelId, user] of c.state.dmChannels) if (user === userId) return ok(dmChannelPayload(c, channelId, userId));
  const channelId = c.state.nextId();
  c.state.dmChannels.set(channelId, userId);
  return ok(dmChannelPayload(c, channelId, userId));
}

/** A bot message in a direct-message channel: refused with 50007 when the member closed them. */
function postDmMessage(c: RouteContext, userId: string): Reply {
  const { state } = c;
  const channelId = c.params[0]!;
  if (state.closedDms.has(userId)) return fail(403, 50007, 'Cannot send messages to this user');
  if (isEmptyMessage(c.body, c.files.length)) return fail(400, 50006, 'Cannot send an empty message');
  const overLimits = rejectOverLimits(c.body);
  if (overLimits) return overLimits;
  const id = state.nextId();
  const message = buildMessage(state.world, id, { channelId }, c.body);
  state.messages.set(id, message);
  const posts = state.channelPosts.get(channelId) ?? [];
  posts.push({ ...c.body, id, channel_id: channelId });
  state.channelPosts.set(channelId, posts);
  return ok(message);
}

/** Creates a bot message in a channel (POST /channels/{id}/messages), checking permissions. */
function postChannelMessage(c: RouteContext): Reply {
  const { state } = c;
  const dmUser = state.dmChannels.get(c.params[0] ?? '');
  if (dmUser) return postDmMessage(c, dmUser);
  const channel = channelParam(c);
  if (!channel) return unknownChannel();
  const permissions = permissionsIn(state.world, state.world.botUserId, channel);
  if ((permissions & Permission.ViewChannel) === 0n) return fail(403, 50001, 'Missing Access');
  if ((permissions & Permission.SendMessages) === 0n) return fail(403, 50013, 'Missing Permissions');
  if (isEmptyMessage(c.body, c.files.length)) return fail(400, 50006, 'Cannot send an empty message');
  const overLimits = rejectOverLimits(c.body);
  if (overLimits) return overLimits;
  const id = state.nextId();
  const message = buildMessage(state.world, id, { channelId: channel.id }, c.body);
  // Without Embed Links, Discord accepts the message but shows no embeds.
  if ((permissions & Permission.EmbedLinks) === 0n) message.embeds = [];
  state.messages.set(id, message);
  const posts = state.channelPosts.get(channel.id) ?? [];
  posts.push({ ...c.body, id, channel_id: channel.id });
  state.channelPosts.set(channel.id, posts);
  return ok(message);
}

/** The interaction behind a webhook-token route, or the error Discord would give. */
function interactionOf(c: RouteContext): InteractionRecord | Reply {
  const [applicationId, token] = c.params;
  const interaction = token ? c.state.interactions.get(token) : undefined;
  if (applicationId !== c.state.world.applicationId || !interaction) return unknownWebhook();
  interaction.later.push(c.record);
  return interaction;
}

/** Resolves `@original` or a message id for a webhook route to a stored message. */
function webhookMessage(c: RouteContext, interaction: InteractionRecord): any | undefined {
  const which = c.params[2];
  const id = which === '@original' ? interaction.originalMessageId : which;
  const message = id ? c.state.messages.get(id) : undefined;
  if (!message || (message.webhook_id === undefined && which !== '@original')) return undefined;
  return message;
}

/** Creates a message through the interaction (initial reply or follow-up). */
function createInteractionMessage(state: FakeState, interaction: InteractionRecord, body: any): any {
  const id = state.nextId();
  const message = buildMessage(
    state.world,
    id,
    {
      channelId: interaction.channelId,
      interaction: { id: interaction.id, type: interaction.type, userId: interaction.userId, name: interaction.commandName },
    },
    body,
  );
  state.messages.set(id, message);
  return message;
}

/** Answers POST /interactions/{id}/{token}/callback, remembering a refusal of the first callback. */
function answerCallback(c: RouteContext): Reply {
  const reply = acknowledgeInteraction(c);
  const interaction = c.state.interactions.get(c.params[1] ?? '');
  if (reply.status >= 400 && interaction && !interaction.callback) {
    interaction.rejected = { status: reply.status, body: reply.body };
  }
  return reply;
}

/** Applies an interaction callback: creates or updates the original message, or refuses. */
function acknowledgeInteraction(c: RouteContext): Reply {
  const { state } = c;
  const [interactionId, token] = c.params;
  const interaction = token ? state.interactions.get(token) : undefined;
  if (!interaction || interaction.id !== interactionId) return fail(404, 10062, 'Unknown interaction');
  if (!interaction.callback && interaction.callbackDeadline !== undefined && Date.now() > interaction.callbackDeadline) {
    return fail(404, 10062, 'Unknown interaction');
  }
  if (interaction.callback) {
    interaction.later.push(c.record);
    return fail(400, 40060, 'Interaction has already been acknowledged.');
  }
  const type = c.body?.type;
  const data = c.body?.data;
  const isComponent = interaction.type === 3;
  const isAutocomplete = interaction.type === 4;
  const allowed = isAutocomplete ? [8] : isComponent ? [4, 5, 6, 7, 9] : [4, 5, 9];
  if (!allowed.includes(type)) {
    return fail(400, 50035, 'Invalid Form Body', {
      type: { _errors: [{ code: 'INTERACTION_RESPONSE_TYPE_INVALID', message: `Callback type ${type} is not valid here` }] },
    });
  }
  const overLimits = rejectOverLimits(data);
  if (overLimits) return overLimits;
  if (type === 4 && isEmptyMessage(data, c.files.length)) return fail(400, 50006, 'Cannot send an empty message');
  let message: any;
  if (type === 4) message = createInteractionMessage(state, interaction, data);
  if (type === 5) message = createInteractionMessage(state, interaction, { flags: ((data?.flags ?? 0) & EPHEMERAL) | LOADING });
  if (type === 6 || type === 7) {
    message = interaction.sourceMessageId ? state.messages.get(interaction.sourceMessageId) : undefined;
    if (message && type === 7) applyBody(message, data, true);
  }
  if (message) interaction.originalMessageId = message.id;
  interaction.callback = { type, ...(data !== undefined ? { data } : {}) };
  interaction.callbackAt = c.record.at;
  if (c.query.with_response !== 'true') return noContent;
  return ok({
    interaction: {
      id: interaction.id,
      type: interaction.type,
      response_message_id: message?.id,
      response_message_loading: type === 5,
      response_message_ephemeral: ((message?.flags ?? 0) & EPHEMERAL) !== 0,
    },
    ...(message ? { resource: { type, message } } : {}),
  });
}

/** Builds the route table. */
function buildRoutes(): Route[] {
  const w = (c: RouteContext) => c.state.world;
  const guildOnly = (f: (c: RouteContext) => Reply) => (c: RouteContext) =>
    c.params[0] === w(c).guildId ? f(c) : fail(404, 10004, 'Unknown Guild');
  const memberIds = (c: RouteContext) => [w(c).ownerUserId, w(c).botUserId, w(c).memberUserId];
  const webhook = (f: (c: RouteContext, i: InteractionRecord) => Reply) => (c: RouteContext) => {
    const interaction = interactionOf(c);
    return 'status' in interaction ? interaction : f(c, interaction);
  };
  return [
    {
      method: 'GET',
      pattern: /^\/gateway\/bot$/,
      auth: true,
      handle: (c) =>
        ok({
          url: c.state.gatewayUrl(),
          shards: 1,
          session_start_limit: { total: 1000, remaining: 999, reset_after: 86_400_000, max_concurrency: 1 },
        }),
    },
    { method: 'GET', pattern: /^\/gateway$/, auth: false, handle: (c) => ok({ url: c.state.gatewayUrl() }) },
    { method: 'GET', pattern: /^\/users\/@me$/, auth: true, handle: (c) => ok(userPayload(w(c), w(c).botUserId)) },
    {
      method: 'GET',
      pattern: /^\/users\/@me\/guilds$/,
      auth: true,
      handle: (c) => ok([{ id: w(c).guildId, name: 'Pilcrow Test Guild', icon: null, owner: false, permissions: '0', features: [] }]),
    },
    { method: 'GET', pattern: /^\/users\/(\d+)$/, auth: true, handle: (c) => ok(userPayload(w(c), c.params[0]!)) },
    { method: 'GET', pattern: /^\/applications\/@me$/, auth: true, handle: (c) => ok(applicationPayload(w(c))) },
    { method: 'PATCH', pattern: /^\/applications\/@me$/, auth: true, handle: (c) => ok({ ...applicationPayload(w(c)), ...c.body }) },
    ...commandRoutes('/applications/(\\d+)', () => 'global'),
    ...commandRoutes('/applications/(\\d+)/guilds/(\\d+)', (p) => p[1]),
    { method: 'GET', pattern: /^\/applications\/(\d+)\/guilds\/(\d+)\/commands\/permissions$/, auth: true, handle: () => ok([]) },
    {
      method: 'GET',
      pattern: /^\/channels\/(\d+)$/,
      auth: true,
      handle: (c) => {
        const dmUser = c.state.dmChannels.get(c.params[0] ?? '');
        if (dmUser) return ok(dmChannelPayload(c, c.params[0]!, dmUser));
        const ch = channelParam(c);
        return ch ? ok(channelPayload(w(c), ch)) : unknownChannel();
      },
    },
    { method: 'POST', pattern: /^\/users\/@me\/channels$/, auth: true, handle: openDmChannel },
    { method: 'POST', pattern: /^\/channels\/(\d+)\/messages$/, auth: true, handle: postChannelMessage },
    {
      method: 'GET',
      pattern: /^\/channels\/(\d+)\/messages$/,
      auth: true,
      handle: (c) => {
        if (!channelParam(c)) return unknownChannel();
        const inChannel = [...c.state.messages.values()].filter((m) => m.channel_id === c.params[0] && !(m.flags & EPHEMERAL));
        return ok(inChannel.reverse().slice(0, Number(c.query.limit ?? 50)));
      },
    },
    {
      method: 'GET',
      pattern: /^\/channels\/(\d+)\/messages\/(\d+)$/,
      auth: true,
      handle: (c) => {
        const m = c.state.messages.get(c.params[1]!);
        return m && m.channel_id === c.params[0] ? ok(m) : unknownMessage();
      },
    },
    {
      method: 'PATCH',
      pattern: /^\/channels\/(\d+)\/messages\/(\d+)$/,
      auth: true,
      handle: (c) => {
        const m = c.state.messages.get(c.params[1]!);
        if (!m || m.channel_id !== c.params[0]) return unknownMessage();
        const overLimits = rejectOverLimits(c.body);
        if (overLimits) return overLimits;
        applyBody(m, c.body, true);
        return ok(m);
      },
    },
    {
      method: 'DELETE',
      pattern: /^\/channels\/(\d+)\/messages\/(\d+)$/,
      auth: true,
      handle: (c) => (c.state.messages.delete(c.params[1]!) ? noContent : unknownMessage()),
    },
    { method: 'POST', pattern: /^\/channels\/(\d+)\/typing$/, auth: true, handle: (c) => (channelParam(c) ? noContent : unknownChannel()) },
    {
      method: 'GET',
      pattern: /^\/guilds\/(\d+)$/,
      auth: true,
      handle: guildOnly((c) => ok({ ...guildPayload(w(c)), approximate_member_count: 3, approximate_presence_count: 1 })),
    },
    {
      method: 'GET',
      pattern: /^\/guilds\/(\d+)\/channels$/,
      auth: true,
      handle: guildOnly((c) => ok(w(c).channels.map((ch) => channelPayload(w(c), ch)))),
    },
    { method: 'GET', pattern: /^\/guilds\/(\d+)\/roles$/, auth: true, handle: guildOnly((c) => ok(rolesPayload(w(c)))) },
    {
      method: 'GET',
      pattern: /^\/guilds\/(\d+)\/members$/,
      auth: true,
      handle: guildOnly((c) => ok(memberIds(c).map((id) => memberPayload(w(c), id)))),
    },
    {
      method: 'GET',
      pattern: /^\/guilds\/(\d+)\/members\/(\d+)$/,
      auth: true,
      handle: guildOnly((c) =>
        memberIds(c).includes(c.params[1]!) ? ok(memberPayload(w(c), c.params[1]!)) : fail(404, 10007, 'Unknown Member'),
      ),
    },
    { method: 'POST', pattern: /^\/interactions\/(\d+)\/([^/]+)\/callback$/, auth: false, handle: answerCallback },
    {
      method: 'POST',
      pattern: /^\/webhooks\/(\d+)\/([^/]+)$/,
      auth: false,
      handle: webhook((c, i) => {
        if (!i.callback) return unknownWebhook();
        if (isEmptyMessage(c.body, c.files.length)) return fail(400, 50006, 'Cannot send an empty message');
        const overLimits = rejectOverLimits(c.body);
        return overLimits ?? ok(createInteractionMessage(c.state, i, c.body));
      }),
    },
    {
      method: 'GET',
      pattern: /^\/webhooks\/(\d+)\/([^/]+)\/messages\/(@original|\d+)$/,
      auth: false,
      handle: webhook((c, i) => {
        const m = webhookMessage(c, i);
        return m ? ok(m) : unknownMessage();
      }),
    },
    {
      method: 'PATCH',
      pattern: /^\/webhooks\/(\d+)\/([^/]+)\/messages\/(@original|\d+)$/,
      auth: false,
      handle: webhook((c, i) => {
        const m = webhookMessage(c, i);
        if (!m) return unknownMessage();
        const overLimits = rejectOverLimits(c.body);
        if (overLimits) return overLimits;
        applyBody(m, c.body, true);
        return ok(m);
      }),
    },
    {
      method: 'DELETE',
      pattern: /^\/webhooks\/(\d+)\/([^/]+)\/messages\/(@original|\d+)$/,
      auth: false,
      handle: webhook((c, i) => {
        const m = webhookMessage(c, i);
        if (!m) return unknownMessage();
        c.state.messages.delete(m.id);
        return noContent;
      }),
    },
  ];
}

const ROUTES = buildRoutes();
const API_PREFIX = /^\/api\/v\d+/;

/** Lower-cases and flattens request headers. */
function flattenHeaders(req: IncomingMessage): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  return headers;
}

/** Writes a reply as Discord would (JSON, or an empty 204). */
function writeReply(res: ServerResponse, reply: Reply): void {
  if (reply.body === undefined) {
    res.writeHead(reply.status).end();
    return;
  }
  const text = JSON.stringify(reply.body);
  res.writeHead(reply.status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) }).end(text);
}

/**
 * Creates the REST request handler: records every request in `state.requests`, checks
 * `Authorization: Bot <token>` where Discord needs it (401 otherwise), routes, and answers
 * unknown routes with 404 `{message, code: 0}`.
 */
export function createRestHandler(state: FakeState): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://fake');
      const versioned = API_PREFIX.test(url.pathname);
      const path = versioned ? decodeURIComponent(url.pathname.replace(API_PREFIX, '')) || '/' : url.pathname;
      const record: RecordedRequest = {
        method: req.method ?? 'GET',
        path,
        body: null,
        headers: flattenHeaders(req),
        at: performance.timeOrigin + performance.now(),
        query: Object.fromEntries(url.searchParams),
        status: 0,
      };
      let reply: Reply;
      const fault = state.faults.find(
        (f) => (!f.method || f.method === record.method) && f.path.test(path) && (f.untilMs === undefined || Date.now() < f.untilMs),
      );
      if (fault) fault.hits = (fault.hits ?? 0) + 1;
      if (fault) state.signal.notify();
      if (fault?.delayMs) await new Promise((resolve) => setTimeout(resolve, fault.delayMs));
      try {
        const received = await readBody(req);
        record.body = received.json;
        if (received.files.length > 0) (record as RecordedRequest & { files: ReceivedFile[] }).files = received.files;
        reply = fault?.status
          ? fail(fault.status, 0, `${fault.status}: injected fault`)
          : versioned
            ? routeRequest(state, record, received.files)
            : fail(404, 0, '404: Not Found');
      } catch (error) {
        reply = fail(400, 50109, `The request body contains invalid JSON: ${(error as Error).message}`);
      }
      record.status = reply.status;
      state.requests.push(record);
      if (fault?.answerDelayMs) await new Promise((resolve) => setTimeout(resolve, fault.answerDelayMs));
      writeReply(res, reply);
      state.signal.notify();
    })();
  };
}

/** Finds the route for a request and runs it. */
function routeRequest(state: FakeState, record: RecordedRequest, files: ReceivedFile[]): Reply {
  for (const route of ROUTES) {
    if (route.method !== record.method) continue;
    const match = route.pattern.exec(record.path);
    if (!match) continue;
    if (route.auth && record.headers.authorization !== `Bot ${state.world.token}`) {
      return fail(401, 0, '401: Unauthorized');
    }
    return route.handle({ state, params: match.slice(1), body: record.body, files, query: record.query, record });
  }
  return fail(404, 0, '404: Not Found');
}
