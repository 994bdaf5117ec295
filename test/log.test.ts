import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../src/log.ts';

const TOKEN = 'test-token.not-real.abcdefghijklmnopqrstuvwxyz0123456789';

function capture(): { stream: Writable; text: () => string } {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk, _enc, done) {
      chunks.push(String(chunk));
      done();
    },
  });
  return { stream, text: () => chunks.join('') };
}

describe('createLogger', () => {
  it('GIVEN the token in fields, messages and errors THEN no line contains it', () => {
    const out = capture();
    const log = createLogger({ destination: out.stream, secret: TOKEN });
    log.info({ token: TOKEN, config: { discordToken: TOKEN }, headers: { authorization: `Bot ${TOKEN}` } }, 'starting');
    log.warn(`login failed with ${TOKEN}`);
    log.error({ err: new Error(`An invalid token was provided: ${TOKEN}`) }, 'login failed');
    log.child({ command: 'who' }).info({ options: { name: `token ${TOKEN}` } }, 'interaction');
    const text = out.text();
    expect(text).not.toContain(TOKEN);
    expect(text).toContain('[Redacted]');
    expect(text.trim().split('\n')).toHaveLength(4);
    for (const line of text.trim().split('\n')) expect(() => JSON.parse(line)).not.toThrow();
  });
});

describe('createLogger at a terminal', () => {
  it('GIVEN a terminal THEN each line is one readable line (time, level, message, fields), the token still scrubbed', () => {
    const out = capture();
    Object.assign(out.stream, { isTTY: true });
    const log = createLogger({ destination: out.stream, secret: TOKEN });
    log.fatal({ program: 'pilcrow' }, `Discord refused DISCORD_TOKEN ${TOKEN} (401 Unauthorized)`);
    const lines = out.text().trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      /^\[\d\d:\d\d:\d\d\] FATAL: Discord refused DISCORD_TOKEN \[Redacted\] \(401 Unauthorized\) \{"program":"pilcrow"\}$/,
    );
  });

  it('GIVEN readable: false at a terminal THEN JSON lines', () => {
    const out = capture();
    Object.assign(out.stream, { isTTY: true });
    createLogger({ destination: out.stream, readable: false }).info('ready');
    expect(JSON.parse(out.text())).toMatchObject({ level: 30, msg: 'ready' });
  });
});
