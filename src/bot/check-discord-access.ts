import { DiscordAPIError, HTTPError, REST, Routes } from 'discord.js';

/** How long the start-up check waits for Discord's answer, in ms. */
export const ACCESS_CHECK_TIMEOUT_MS = 4000;

/**
 * Asks Discord once (GET /gateway/bot, what logging in asks first) whether the token is accepted
 * and the API answers, before anything else starts, so that a fatal start-up problem is one
 * clear line and a non-zero exit within seconds — not a process that hangs or half-runs.
 * Returns null when all is well, else the line to print.
 */
export async function checkDiscordAccess(token: string, api: string | null, timeoutMs = ACCESS_CHECK_TIMEOUT_MS): Promise<string | null> {
  const where = api ?? 'https://discord.com/api';
  const rest = new REST({ ...(api ? { api } : {}), retries: 0, timeout: timeoutMs }).setToken(token);
  try {
    await rest.get(Routes.gatewayBot());
    return null;
  } catch (err) {
    return describeAccessError(err, where, timeoutMs);
  } finally {
    rest.clearHashSweeper();
    rest.clearHandlerSweeper();
  }
}

/** One line for why Discord could not be used at start-up. */
export function describeAccessError(err: unknown, where: string, timeoutMs: number): string {
  if (err instanceof DiscordAPIError || err instanceof HTTPError) {
    if (err.status === 401)
      return `Discord refused DISCORD_TOKEN (401 Unauthorized): the token is wrong or was reset; copy the current one from the Developer Portal (Bot → Reset Token).`;
    if (err.status === 403) return `Discord refused the bot (403 Forbidden) at ${where}: ${err.message}`;
    if (err.status >= 500) return `Discord's API answered ${err.status} at start-up (${where}); it is having trouble, try again later.`;
    return `Discord's API answered ${err.status} at start-up (${where}): ${err.message}`;
  }
  const error = err as (Error & { code?: string; cause?: { code?: string; message?: string } }) | undefined;
  if (error?.name === 'AbortError' || error?.name === 'TimeoutError')
    return `No answer from the Discord API at ${where} within ${Math.round(timeoutMs / 1000)} s.`;
  const code = error?.cause?.code ?? error?.code;
  return `Cannot reach the Discord API at ${where}${code ? ` (${code})` : ''}: ${error?.cause?.message ?? error?.message ?? String(err)}`;
}
