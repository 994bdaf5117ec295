import { MessageFlags, PermissionFlagsBits, PermissionsBitField } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { createDispatcher } from '../../src/bot/dispatcher.ts';
import { loadCommands } from '../../src/bot/load-commands.ts';
import type { NewsDesk } from '../../src/news/news-desk-interface.ts';
import { captureLog } from '../support/capture-warnings.ts';
import { fakeInteraction } from './fake-interaction.ts';
import { onePrivateReply } from './private-reply.ts';
import { idleContext } from './idle-context.ts';

const commands = await loadCommands();

/** A dispatcher over the real command modules, without a news desk (unless given one), with a captured log. */
function setup(news?: NewsDesk) {
  const { lines, log } = captureLog('debug');
  const dispatch = createDispatcher({
    commands,
    log,
    prepare: () => Promise.resolve(),
    context: { ...idleContext(), ...(news ? { news } : {}) },
  });
  return { dispatch, lines };
}

/** /<command> <subcommand> as discord.js hands it over: the subcommand's options nested under it. */
function subcommandInteraction(command: string, subcommand: string, options: Record<string, string>, permissions: bigint[]) {
  const { interaction, calls } = fakeInteraction({ kind: 'command', name: command, options });
  interaction.options.data = [
    { name: subcommand, type: 1, options: Object.entries(options).map(([name, value]) => ({ name, type: 3, value })) },
  ];
  interaction.options.getSubcommand = () => subcommand;
  interaction.options.getAttachment = () => null;
  interaction.inGuild = () => true;
  interaction.memberPermissions = new PermissionsBitField(permissions);
  return { interaction, calls };
}

describe('the news commands through the dispatcher', () => {
  it('GIVEN a plain member using /article add THEN the refusal names Manage Server, and the log line names the subcommand and its options', async () => {
    const { dispatch, lines } = setup();
    const { interaction, calls } = subcommandInteraction('article', 'add', { url: 'https://news.example/story' }, [
      PermissionFlagsBits.SendMessages,
    ]);
    await dispatch(interaction);
    expect(calls).toEqual(onePrivateReply('You need the Manage Server permission to add articles.'));
    expect(lines.filter((l) => l.msg === 'interaction')).toEqual([
      expect.objectContaining({
        command: 'article',
        options: { subcommand: 'add', url: 'https://news.example/story' },
        outcome: 'refused',
      }),
    ]);
  });

  it.each([
    ['article', 'list'],
    ['feed', 'status'],
    ['digest', 'off'],
  ])('GIVEN an admin using /%s %s on a bot without news in THEN a private notice, not an error', async (command, subcommand) => {
    const { dispatch, lines } = setup();
    const { interaction, calls } = subcommandInteraction(command, subcommand, {}, [PermissionFlagsBits.ManageGuild]);
    await dispatch(interaction);
    expect(calls[0]!.body).toMatchObject({ content: expect.stringMatching(/not set up on this bot/), flags: MessageFlags.Ephemeral });
    expect(lines.find((l) => l.msg === 'interaction')).toMatchObject({ outcome: 'user-error' });
  });

  it.each([
    ['article', 'nope', 'Use /article add, /article list or /article remove.'],
    ['digest', 'weekly', 'Use /digest schedule or /digest off.'],
    ['feed', 'nope', 'Use /feed add, /feed list, /feed remove or /feed status.'],
  ])(
    'GIVEN an admin using /%s %s, a subcommand the command does not have (a stale client) THEN the subcommands there are',
    async (command, subcommand, text) => {
      const { dispatch, lines } = setup({} as NewsDesk);
      const { interaction, calls } = subcommandInteraction(command, subcommand, {}, [PermissionFlagsBits.ManageGuild]);
      await dispatch(interaction);
      expect(calls).toEqual(onePrivateReply(text));
      expect(lines.find((l) => l.msg === 'interaction')).toMatchObject({ outcome: 'user-error' });
    },
  );
});
