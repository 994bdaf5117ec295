import { PermissionFlagsBits } from 'discord.js';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { checkDeployment } from '../../src/bot/check-deployment.ts';
import { findCommandDrift } from '../../src/bot/command-drift.ts';
import { ANNOUNCING_PERMISSIONS } from '../../src/bot/command-module.ts';
import { botPermissionsNeeded, commandContexts, commandJson, inviteUrl } from '../../src/bot/invite.ts';
import { loadCommands } from '../../src/bot/load-commands.ts';
import { applicationIdOfToken, main } from '../../src/bot/print-invite.ts';
import { captureWarnings } from '../support/capture-warnings.ts';

const APP = '123456789012345678';

describe('the invite', () => {
  it('GIVEN the commands THEN the permissions asked are exactly the union of what the code checks before posting', async () => {
    const commands = [...(await loadCommands()).values()];
    let checked = 0n;
    for (const p of [...ANNOUNCING_PERMISSIONS, ...commands.flatMap((c) => c.rules?.posts?.botPermissions ?? [])]) checked |= p;
    expect(botPermissionsNeeded(commands)).toBe(checked);
    expect(checked).toBe(
      PermissionFlagsBits.ViewChannel |
        PermissionFlagsBits.SendMessages |
        PermissionFlagsBits.EmbedLinks |
        PermissionFlagsBits.ReadMessageHistory,
    );
  });

  it('GIVEN an application id THEN the URL asks for the bot and applications.commands scopes, a server install and those permissions', () => {
    const url = new URL(inviteUrl(APP, 19456n));
    expect(url.origin + url.pathname).toBe('https://discord.com/oauth2/authorize');
    expect(url.searchParams.get('client_id')).toBe(APP);
    expect(url.searchParams.get('scope')).toBe('bot applications.commands');
    expect(url.searchParams.get('permissions')).toBe('19456');
    expect(url.searchParams.get('integration_type')).toBe('0');
    expect(inviteUrl(APP, 19456n)).toContain('scope=bot+applications.commands');
  });

  it.each([
    ['DISCORD_APPLICATION_ID', { DISCORD_APPLICATION_ID: APP }, 0, new RegExp(`client_id=${APP}&`)],
    [
      'the id inside DISCORD_TOKEN',
      { DISCORD_TOKEN: `${Buffer.from(APP).toString('base64')}.GhIjKl.${'x'.repeat(27)}` },
      0,
      new RegExp(`client_id=${APP}&`),
    ],
    ['neither', {}, 1, /set DISCORD_APPLICATION_ID/],
    ['an invalid id', { DISCORD_APPLICATION_ID: 'abc' }, 1, /DISCORD_APPLICATION_ID must be a Discord id/],
  ])('GIVEN %s THEN npm run invite prints the URL or says what to set', async (_label, env, code, printed) => {
    const lines: string[] = [];
    expect(await main(env, (line) => lines.push(line))).toBe(code);
    expect(lines.join('\n')).toMatch(printed);
    if (code === 0) expect(lines[0]).toContain('permissions=84992');
  });

  it.each([
    ['not a token', null],
    ['garbage', 'zzz'],
  ])('GIVEN a token that is %s THEN no application id is made up', (_label, token) => {
    expect(applicationIdOfToken(token)).toBeNull();
  });
});

describe('install type and contexts', () => {
  it('GIVEN the commands THEN each is a server install, server-only commands only in servers, the answers also in a DM with the bot', async () => {
    const commands = await loadCommands();
    for (const [name, command] of commands) {
      const json = commandJson(command);
      expect(json.integration_types, name).toEqual([0]);
      expect(json.contexts, name).toEqual(['article', 'feed', 'digest', 'watch'].includes(name) ? [0] : [0, 1]);
      expect(json.contexts).toEqual(commandContexts(command));
    }
  });
});

describe('deployed commands against the code', () => {
  const summary = { name: 'summary', description: 'Summarise', options: [{ name: 'length', type: 4, description: 'Points' }] };
  it.each([
    [
      'the same, with fields Discord adds',
      [{ ...summary, id: '1', version: '2', nsfw: false, default_member_permissions: null }],
      [summary],
      [],
    ],
    ['nothing deployed', [], [summary], ['/summary is not deployed']],
    ['a command left over', [summary, { name: 'old', description: 'x' }], [summary], ['/old is deployed but not in this code']],
    [
      'an option changed',
      [{ ...summary, options: [{ ...summary.options[0], required: true }] }],
      [summary],
      ["/summary differs from this code's"],
    ],
  ])('GIVEN %s THEN the drift is %j', (_label, deployed, wanted, drift) => {
    expect(findCommandDrift(deployed, wanted)).toEqual(drift);
  });

  it('GIVEN a bot in no server THEN the start logs the invite URL', async () => {
    const { lines, log } = captureWarnings();
    const client = { shard: null, guilds: { cache: { size: 0 } }, application: { id: APP }, rest: { get: () => Promise.resolve([]) } };
    await checkDeployment({ client: client as never, commands: await loadCommands(), guildId: null }, log);
    expect(lines.map((l) => l.msg)).toEqual([
      expect.stringMatching(/in no server yet/),
      expect.stringMatching(/differ from this code: run `npm run deploy-commands`/),
    ]);
    expect(JSON.stringify(lines[0])).toContain(`client_id=${APP}`);
  });

  it('GIVEN Discord failing to list the commands THEN the start only warns', async () => {
    const { lines, log } = captureWarnings();
    const client = {
      shard: null,
      guilds: { cache: { size: 1 } },
      application: { id: APP },
      rest: { get: () => Promise.reject(new Error('503')) },
    };
    await checkDeployment({ client: client as never, commands: await loadCommands(), guildId: APP }, log);
    expect(lines.map((l) => l.msg)).toEqual(['could not compare the deployed commands with this code']);
  });

  it('GIVEN a silent logger THEN nothing is thrown', async () => {
    const client = { shard: null, guilds: { cache: { size: 1 } }, application: { id: APP }, rest: { get: () => Promise.resolve([]) } };
    await expect(
      checkDeployment({ client: client as never, commands: await loadCommands(), guildId: null }, pino({ level: 'silent' })),
    ).resolves.toBeUndefined();
  });
});
