import 'dotenv/config';
import { pathToFileURL } from 'node:url';
import { readConfig } from '../config.ts';
import { isDiscordId } from '../model/discord-id.ts';
import { botPermissionsNeeded, inviteUrl, permissionNames } from './invite.ts';
import { loadCommands } from './load-commands.ts';

/**
 * The application id a bot token belongs to: a token's first part is the bot user's id in
 * base64, and a bot user's id is its application's id. Null when the token does not say.
 */
export function applicationIdOfToken(token: string | null): string | null {
  const first = token?.split('.')[0];
  if (!first) return null;
  const id = Buffer.from(first, 'base64').toString('utf8');
  return isDiscordId(id) ? id : null;
}

/**
 * `npm run invite`: prints the URL that adds the bot to a server, with the permissions the
 * commands need, from DISCORD_APPLICATION_ID (or the id inside DISCORD_TOKEN). Returns the exit code.
 */
export async function main(env: NodeJS.ProcessEnv = process.env, out: (line: string) => void = console.log): Promise<number> {
  const config = readConfig(env);
  if ('error' in config) {
    out(`pilcrow: ${config.error}`);
    return 1;
  }
  const applicationId = config.applicationId ?? applicationIdOfToken(config.discordToken);
  if (!applicationId) {
    out('pilcrow: set DISCORD_APPLICATION_ID in .env (Developer Portal → your application → General Information → Application ID).');
    return 1;
  }
  const permissions = botPermissionsNeeded((await loadCommands()).values());
  out(inviteUrl(applicationId, permissions));
  out(`Open it, pick a server you manage, and authorise. Permissions asked: ${permissionNames(permissions).join(', ')}.`);
  return 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = await main();
}
