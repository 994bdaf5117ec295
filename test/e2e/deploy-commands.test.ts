import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accessHint, deployCommands } from '../../src/bot/deploy-commands.ts';
import { loadCommands } from '../../src/bot/load-commands.ts';
import { startFakeDiscord, type FakeDiscord } from './fake-discord/index.ts';

let fake: FakeDiscord;

beforeAll(async () => {
  fake = await startFakeDiscord();
});

afterAll(async () => {
  await fake?.close();
});

const deploy = async (guildId: string | null) =>
  deployCommands({
    token: fake.token,
    applicationId: fake.applicationId,
    guildId,
    api: fake.apiUrl,
    commands: (await loadCommands()).values(),
  });

describe('npm run deploy-commands', () => {
  it('GIVEN commands deployed to a server, THEN a global deploy removes that server set, so members never see each command twice', async () => {
    const toServer = await deploy(fake.guildId);
    expect(toServer).toMatchObject({ count: 8, globalCommandsLeft: 0 });
    expect(fake.commands(fake.guildId)).toHaveLength(8);

    const global = await deploy(null);
    expect(global).toEqual({ count: 8, clearedGuilds: [fake.guildId], uncheckedGuilds: false, globalCommandsLeft: 0 });
    expect(fake.commands(fake.guildId)).toEqual([]);
    const deployed = fake.commands();
    expect(deployed.map((c: any) => [c.name, c.integration_types, c.contexts]).sort()).toEqual([
      ['article', [0], [0]],
      ['digest', [0], [0]],
      ['feed', [0], [0]],
      ['quote', [0], [0, 1]],
      ['related', [0], [0, 1]],
      ['summary', [0], [0, 1]],
      ['watch', [0], [0]],
      ['who', [0], [0, 1]],
    ]);
  });

  it('GIVEN global commands, THEN a server deploy says they are left and show twice there', async () => {
    expect(await deploy(fake.guildId)).toMatchObject({ count: 8, clearedGuilds: [], globalCommandsLeft: 8 });
  });

  it.each([
    ['Missing Access', { code: 50001, status: 403 }, /Missing Access — the bot is not in DISCORD_GUILD_ID.*npm run invite/],
    ['a refused token', { status: 401 }, /refused the token \(401\)/],
    ['anything else', new Error('boom'), /^$/],
  ])('GIVEN %s THEN the failure line says what to do', (_label, err, hint) => {
    expect(accessHint(err)).toMatch(hint);
  });
});
