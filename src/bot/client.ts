import { Client, DefaultRestOptions, GatewayIntentBits, type RESTOptions } from 'discord.js';
import { scrubSecret, secretVariants } from '../scrub-secret.ts';

/** What the client needs from the configuration. */
export interface ClientOptions {
  /** Base URL of a Discord-compatible REST API (discord.js appends /v10); null = Discord. */
  discordApiUrl: string | null;
  /** The bot token: scrubbed from the body of every request the client sends (replies, posts, edits). */
  discordToken?: string | null;
}

type MakeRequest = RESTOptions['makeRequest'];
type RequestBody = Parameters<MakeRequest>[1]['body'];

/**
 * A discord.js client with the minimal intent (Guilds): slash commands need no more. Every REST
 * request it sends — interaction replies and edits, follow-ups, channel posts, digest
 * announcements — passes through one `makeRequest`, where the token is scrubbed from the body: a
 * member who types the token into an option never gets it back, privately or publicly. (The
 * Authorization header, which must carry it, is not touched.)
 */
export function createClient(options: ClientOptions): Client {
  const variants = secretVariants(options.discordToken);
  const makeRequest: MakeRequest = async (url, init) =>
    DefaultRestOptions.makeRequest(url, { ...init, body: await scrubBody(init.body, variants) });
  return new Client({
    intents: [GatewayIntentBits.Guilds],
    rest: { ...(options.discordApiUrl ? { api: options.discordApiUrl } : {}), ...(variants.length > 0 ? { makeRequest } : {}) },
  });
}

/** The request body with the secret replaced: a JSON string, or each part of a multipart form (payload_json and text files). */
export async function scrubBody(body: RequestBody, variants: readonly string[]): Promise<RequestBody> {
  if (variants.length === 0 || body === null || body === undefined) return body;
  if (typeof body === 'string') return scrubSecret(body, variants);
  if (body instanceof FormData) {
    const form = new FormData();
    for (const [key, value] of body.entries()) {
      if (typeof value === 'string') {
        form.append(key, scrubSecret(value, variants));
      } else {
        const text = await value.text();
        const scrubbed = scrubSecret(text, variants);
        // Binary attachments (images) are passed on as they are: only text can carry the token.
        const isText = /^text\/|json|^$/.test(value.type) && !text.includes('\uFFFD');
        form.append(key, isText && scrubbed !== text ? new Blob([scrubbed], { type: value.type }) : value, value.name);
      }
    }
    return form;
  }
  return body;
}
