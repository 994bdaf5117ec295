import { afterEach, describe, expect, it, vi } from 'vitest';
import { readBotConfig } from '../../src/bot/read-bot-config.ts';

const TOKEN = 'test-token.not-real.abcdefghijklmnopqrstuvwxyz0123456789';

afterEach(() => vi.restoreAllMocks());

describe('readBotConfig', () => {
  it.each([
    [{}, 'DISCORD_TOKEN is not set'],
    [{ DISCORD_TOKEN: 'short' }, 'DISCORD_TOKEN is not a valid bot token'],
    [{ DISCORD_TOKEN: TOKEN, LOG_LEVEL: 'chatty' }, 'LOG_LEVEL'],
  ])('GIVEN %j THEN one line names the variable and nothing starts', (env, message) => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    expect(readBotConfig(env, 'pilcrow')).toBeNull();
    expect(error).toHaveBeenCalledTimes(1);
    expect(String(error.mock.calls[0]![0])).toMatch(new RegExp(`^pilcrow: ${message}`));
    expect(String(error.mock.calls[0]![0])).not.toContain(TOKEN);
  });

  it('GIVEN a token THEN the configuration and a logger', () => {
    const proc = readBotConfig({ DISCORD_TOKEN: TOKEN, LOG_LEVEL: 'silent' }, 'pilcrow');
    expect(proc?.config.discordToken).toBe(TOKEN);
    expect(proc?.log.level).toBe('silent');
  });
});
