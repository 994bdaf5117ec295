import { Client, GatewayIntentBits } from 'discord.js';

/** What the client needs from the configuration. */
export interface ClientOptions {
  /** Base URL of a Discord-compatible REST API (discord.js appends /v10); null = Discord. */
  discordApiUrl: string | null;
}

/** A discord.js client with the minimal intent (Guilds): slash commands need no more. */
export function createClient(options: ClientOptions): Client {
  return new Client({
    intents: [GatewayIntentBits.Guilds],
    ...(options.discordApiUrl ? { rest: { api: options.discordApiUrl } } : {}),
  });
}
