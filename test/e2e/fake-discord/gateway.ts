import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import type { ChangeSignal } from './change-signal.ts';
import { applicationPayload, guildPayload, memberPayload, userPayload, type World } from './world.ts';

/** Gateway opcodes the fake speaks. */
const Op = {
  Dispatch: 0,
  Heartbeat: 1,
  Identify: 2,
  PresenceUpdate: 3,
  VoiceStateUpdate: 4,
  Resume: 6,
  Reconnect: 7,
  RequestGuildMembers: 8,
  InvalidSession: 9,
  Hello: 10,
  HeartbeatAck: 11,
} as const;

/** One gateway session: survives a dropped connection so RESUME can replay what was missed. */
interface Session {
  id: string;
  seq: number;
  events: Array<{ op: 0; t: string; s: number; d: unknown }>;
  socket: WebSocket | undefined;
}

/** What the fake gateway offers the rest of the fake. */
export interface FakeGateway {
  /** Hands an HTTP upgrade request to the gateway. */
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void;
  /** Sends a dispatch event to the current session (queued for replay if its socket is down). */
  dispatch(t: string, d: unknown): void;
  /** Whether a client has logged in (IDENTIFY answered with READY + GUILD_CREATE). */
  hasSession(): boolean;
  /** Forgets every session, so the next RESUME gets INVALID_SESSION and the client re-identifies. */
  forgetSessions(): void;
  /** Closes the current connection abruptly. */
  drop(how?: 'terminate' | number): void;
  /** Closes every connection. */
  close(): Promise<void>;
  readonly counters: { identifies: number; resumes: number; logins: number };
  readonly received: Array<{ op: number; d: any; at: number }>;
  readonly connections: Array<Record<string, string>>;
}

/** Sends one payload as a JSON text frame (the fake never compresses, see handleConnection). */
function send(socket: WebSocket, payload: unknown): void {
  if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(payload));
}

/**
 * Creates the JSON gateway: HELLO on connect, heartbeat ACKs, IDENTIFY → READY + GUILD_CREATE,
 * RESUME → replay + RESUMED (or INVALID_SESSION when the session is unknown), and
 * REQUEST_GUILD_MEMBERS → GUILD_MEMBERS_CHUNK.
 */
export function createGateway(
  world: World,
  options: { gatewayUrl: () => string; heartbeatIntervalMs: number; signal: ChangeSignal; nextId: () => string },
): FakeGateway {
  const wss = new WebSocketServer({ noServer: true });
  const sessions = new Map<string, Session>();
  let current: Session | undefined;
  const counters = { identifies: 0, resumes: 0, logins: 0 };
  const received: FakeGateway['received'] = [];
  const connections: FakeGateway['connections'] = [];

  const dispatchTo = (session: Session, t: string, d: unknown): void => {
    const event = { op: Op.Dispatch, t, s: ++session.seq, d } as const;
    session.events.push(event);
    if (session.socket) send(session.socket, event);
  };

  const identify = (socket: WebSocket, d: any): Session => {
    counters.identifies++;
    const session: Session = { id: options.nextId(), seq: 0, events: [], socket };
    sessions.set(session.id, session);
    if (current?.socket && current.socket !== socket) current.socket.close(4009, 'Session replaced');
    current = session;
    dispatchTo(session, 'READY', {
      v: 10,
      user: userPayload(world, world.botUserId),
      guilds: [{ id: world.guildId, unavailable: true }],
      session_id: session.id,
      session_type: 'normal',
      resume_gateway_url: options.gatewayUrl(),
      shard: Array.isArray(d?.shard) ? d.shard : [0, 1],
      application: { id: world.applicationId, flags: applicationPayload(world).flags },
      user_settings: {},
      private_channels: [],
      presences: [],
      relationships: [],
      guild_join_requests: [],
      geo_ordered_rtc_regions: [],
      auth: {},
      _trace: ['["fake-discord",{"micros":0}]'],
    });
    dispatchTo(session, 'GUILD_CREATE', guildPayload(world));
    counters.logins++;
    return session;
  };

  const resume = (socket: WebSocket, d: any): Session | undefined => {
    counters.resumes++;
    const session = typeof d?.session_id === 'string' ? sessions.get(d.session_id) : undefined;
    if (!session || d?.token !== world.token) {
      send(socket, { op: Op.InvalidSession, d: false, s: null, t: null });
      return undefined;
    }
    if (session.socket && session.socket !== socket) session.socket.close(4009, 'Session resumed elsewhere');
    session.socket = socket;
    current = session;
    const after = typeof d.seq === 'number' ? d.seq : 0;
    for (const event of session.events) if (event.s > after) send(socket, event);
    dispatchTo(session, 'RESUMED', { _trace: ['["fake-discord",{"micros":0}]'] });
    return session;
  };

  const handleConnection = (socket: WebSocket, req: IncomingMessage): void => {
    const query = Object.fromEntries(new URL(req.url ?? '/', 'http://x').searchParams);
    connections.push(query);
    // discord.js asks for `encoding=json` and, only when zlib-sync is installed,
    // `compress=zlib-stream`. The fake always answers with uncompressed JSON text frames,
    // which discord.js parses as JSON whatever it asked for (binary frames are the only ones
    // it inflates), so a compression request is safely ignored. ETF cannot be served.
    if (query.encoding !== undefined && query.encoding !== 'json') {
      socket.close(4002, 'fake-discord only speaks encoding=json');
      return;
    }
    if (query.v !== undefined && query.v !== '10') {
      socket.close(4012, 'fake-discord only speaks gateway v10');
      return;
    }
    let session: Session | undefined;
    send(socket, { op: Op.Hello, d: { heartbeat_interval: options.heartbeatIntervalMs, _trace: [] }, s: null, t: null });
    socket.on('message', (data, isBinary) => {
      let payload: any;
      try {
        payload = JSON.parse(isBinary ? '' : data.toString());
      } catch {
        socket.close(4002, 'Error while decoding payload');
        return;
      }
      received.push({ op: payload?.op, d: payload?.d, at: Date.now() });
      switch (payload?.op) {
        case Op.Heartbeat:
          send(socket, { op: Op.HeartbeatAck, d: null, s: null, t: null });
          break;
        case Op.Identify:
          if (session) return socket.close(4005, 'Already authenticated');
          if (payload.d?.token !== world.token) return socket.close(4004, 'Authentication failed');
          session = identify(socket, payload.d);
          break;
        case Op.Resume:
          if (session) return socket.close(4005, 'Already authenticated');
          session = resume(socket, payload.d);
          break;
        case Op.RequestGuildMembers: {
          if (!session) return socket.close(4003, 'Not authenticated');
          const ids = [world.ownerUserId, world.botUserId, world.memberUserId];
          const wanted: string[] | undefined = payload.d?.user_ids ? [payload.d.user_ids].flat().map(String) : undefined;
          const found = wanted ? ids.filter((id) => wanted.includes(id)) : ids;
          dispatchTo(session, 'GUILD_MEMBERS_CHUNK', {
            guild_id: world.guildId,
            members: found.map((id) => memberPayload(world, id)),
            chunk_index: 0,
            chunk_count: 1,
            not_found: wanted ? wanted.filter((id) => !ids.includes(id)) : [],
            ...(payload.d?.nonce ? { nonce: payload.d.nonce } : {}),
          });
          break;
        }
        case Op.PresenceUpdate:
        case Op.VoiceStateUpdate:
          if (!session) return socket.close(4003, 'Not authenticated');
          break;
        default:
          socket.close(4001, 'Unknown opcode');
      }
      options.signal.notify();
    });
    socket.on('close', () => {
      if (session?.socket === socket) session.socket = undefined;
      options.signal.notify();
    });
    socket.on('error', () => undefined);
  };

  wss.on('connection', handleConnection);

  return {
    counters,
    received,
    connections,
    handleUpgrade(req, socket, head) {
      wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
    },
    dispatch(t, d) {
      if (!current) throw new Error('fake-discord: no client has logged in to the gateway yet');
      dispatchTo(current, t, d);
    },
    hasSession: () => current !== undefined,
    forgetSessions: () => sessions.clear(),
    drop(how) {
      const socket = current?.socket;
      if (!socket) throw new Error('fake-discord: no gateway connection to drop');
      if (how === 'terminate') socket.terminate();
      else socket.close(how ?? 4000, 'Dropped by the test');
    },
    close() {
      for (const client of wss.clients) client.terminate();
      return new Promise((resolve) => wss.close(() => resolve()));
    },
  };
}
