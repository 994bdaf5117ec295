import { checkMessage, type RecordedRequest } from '../fake-discord/index.ts';

/** Initial callback types Discord allows per interaction kind. */
export const ALLOWED_CALLBACKS: Readonly<Record<'slash' | 'autocomplete' | 'button', readonly number[]>> = Object.freeze({
  slash: [4, 5],
  autocomplete: [8],
  button: [4, 5, 6, 7],
});

/** The requests of one interaction: its callbacks (by path) and everything later sent with its token. */
export interface InteractionTraffic {
  callbacks: RecordedRequest[];
  later: RecordedRequest[];
}

/** Groups the fake's recorded requests by interaction token (callbacks and webhook routes). */
export function groupByToken(requests: readonly RecordedRequest[]): Map<string, InteractionTraffic> {
  const byToken = new Map<string, InteractionTraffic>();
  const entry = (token: string): InteractionTraffic => {
    let found = byToken.get(token);
    if (!found) byToken.set(token, (found = { callbacks: [], later: [] }));
    return found;
  };
  for (const request of requests) {
    const callback = /^\/interactions\/\d+\/([^/]+)\/callback$/.exec(request.path);
    if (callback && request.method === 'POST') {
      entry(callback[1]!).callbacks.push(request);
      continue;
    }
    const webhook = /^\/webhooks\/\d+\/([^/]+)(\/|$)/.exec(request.path);
    if (webhook) entry(webhook[1]!).later.push(request);
  }
  return byToken;
}

/** Violations of the limits rules in an outgoing body (autocomplete results are checked by checkChoices). */
export function checkBody(what: string, body: unknown): string[] {
  return checkMessage(body).map((v) => `${what}: ${v}`);
}

/** Whether the deferred reply of an interaction was followed by its answer (an edit of @original or a follow-up). */
export function isAnswered(later: readonly RecordedRequest[]): boolean {
  return later.some(
    (r) =>
      (r.method === 'PATCH' && r.path.endsWith('/messages/@original')) || (r.method === 'POST' && /^\/webhooks\/\d+\/[^/]+$/.test(r.path)),
  );
}

/** Violations of an autocomplete result: choices must be an array of ≤ 25 with names and values of 1..100 characters. */
function checkChoices(data: any): string[] {
  const choices = data?.choices;
  if (!Array.isArray(choices)) return ['autocomplete result has no choices array'];
  const violations: string[] = [];
  if (choices.length > 25) violations.push(`${choices.length} choices`);
  choices.forEach((c: any, i: number) => {
    for (const key of ['name', 'value'] as const) {
      const text = c?.[key];
      if (typeof text !== 'string' || text.length < 1 || text.length > 100)
        violations.push(
          `choices[${i}].${key} is ${JSON.stringify(text)?.slice(0, 40)} (${typeof text === 'string' ? text.length : typeof text})`,
        );
    }
  });
  return violations;
}

const EPHEMERAL = 64;

/** Whether a body is a text-only notice (user error, cooldown, expired button, apology, confirmation). */
function isNotice(body: any): boolean {
  return typeof body?.content === 'string' && body.content.length > 0 && (!Array.isArray(body.embeds) || body.embeds.length === 0);
}

/**
 * Everything wrong with how the bot answered one interaction: not exactly one accepted
 * callback, a callback type not allowed for the kind, a refused or out-of-limits body, a
 * deferral never followed by the answer, a text-only notice that went public.
 */
export function checkInteraction(kind: 'slash' | 'autocomplete' | 'button', traffic: InteractionTraffic | undefined): string[] {
  if (!traffic || traffic.callbacks.length === 0) return ['no initial callback'];
  const violations: string[] = [];
  if (traffic.callbacks.length !== 1)
    violations.push(`${traffic.callbacks.length} callbacks (statuses ${traffic.callbacks.map((c) => c.status).join(', ')})`);
  const first = traffic.callbacks[0]!;
  const type = first.body?.type;
  if (first.status >= 400) violations.push(`callback refused with ${first.status}`);
  if (!ALLOWED_CALLBACKS[kind].includes(type)) violations.push(`callback type ${type} is not allowed for ${kind}`);
  if (type === 8) violations.push(...checkChoices(first.body?.data));
  else if (type === 4 || type === 7) violations.push(...checkBody('callback', first.body?.data));
  if (type === 4 && isNotice(first.body?.data) && !(first.body.data.flags & EPHEMERAL)) violations.push('a notice was answered publicly');
  const deferredPrivately = type === 5 && (first.body?.data?.flags ?? 0) & EPHEMERAL;
  for (const request of traffic.later) {
    if (request.status >= 400) violations.push(`${request.method} ${request.path} answered ${request.status}`);
    if ((request.method === 'PATCH' || request.method === 'POST') && request.body)
      violations.push(...checkBody(`${request.method} ${request.path}`, request.body));
    const isFollowUp = request.method === 'POST' && /^\/webhooks\/\d+\/[^/]+$/.test(request.path);
    const isEdit = request.method === 'PATCH' && request.path.endsWith('/messages/@original');
    if (isNotice(request.body) && ((isFollowUp && !(request.body.flags & EPHEMERAL)) || (isEdit && type === 5 && !deferredPrivately))) {
      violations.push(`a notice went public: ${request.method} ${request.path}`);
    }
  }
  if (type === 5 && !isAnswered(traffic.later)) violations.push('deferred but never answered');
  return violations;
}
