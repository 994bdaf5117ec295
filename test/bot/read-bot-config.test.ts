import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { readBotConfig } from '../../src/bot/read-bot-config.ts';

const TOKEN = 'test-token.not-real.abcdefghijklmnopqrstuvwxyz0123456789';

/** A destination that keeps every log line. */
function captured() {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk, _encoding, done) {
      lines.push(...String(chunk).split('\n').filter(Boolean));
      done();
    },
  });
  return { lines, destination };
}

describe('readBotConfig', () => {
  it.each([
    [{}, 'DISCORD_TOKEN is not set'],
    [{ DISCORD_TOKEN: 'short' }, 'DISCORD_TOKEN is not a valid bot token'],
    [{ DISCORD_TOKEN: TOKEN, LOG_LEVEL: 'chatty' }, 'LOG_LEVEL'],
  ])('GIVEN %j THEN one line names the variable and nothing starts', (env, message) => {
    const { lines, destination } = captured();
    expect(readBotConfig(env, 'pilcrow', { destination })).toBeNull();
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0]!)).toMatchObject({ level: 60, program: 'pilcrow', msg: expect.stringMatching(new RegExp(`^${message}`)) });
    expect(lines[0]).not.toContain(TOKEN);
  });

  it('GIVEN a token THEN the configuration and a logger', () => {
    const proc = readBotConfig({ DISCORD_TOKEN: TOKEN, LOG_LEVEL: 'silent' }, 'pilcrow');
    expect(proc?.config.discordToken).toBe(TOKEN);
    expect(proc?.log.level).toBe('silent');
  });
});
