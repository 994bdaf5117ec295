/**
 * A channel option must be a text channel of the interaction's own server: /summary channel:,
 * /feed add channel: and /digest schedule channel: all refuse a channel of another server the bot
 * is in (the bot-wide channel cache holds it), through the real command modules and dispatcher.
 */
import { ChannelType, PermissionsBitField } from 'discord.js';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { checkCommandRules } from '../../src/bot/check-command-rules.ts';
import type { CommandContext } from '../../src/bot/command-module.ts';
import { createDispatcher } from '../../src/bot/dispatcher.ts';
import { loadCommands } from '../../src/bot/load-commands.ts';
import { captureLog } from '../support/capture-warnings.ts';
import { fakeInteraction } from './fake-interaction.ts';
import { onePrivateReply } from './private-reply.ts';
import { idleContext } from './idle-context.ts';

const commands = await loadCommands();
const everything = new PermissionsBitField(PermissionsBitField.All);

/** A text channel of server `guildId` as discord.js caches it, where everyone may do anything. */
function textChannel(id: string, name: string, guildId: string) {
  return {
    id,
    name,
    guildId,
    guild: { id: guildId },
    type: ChannelType.GuildText,
    isTextBased: () => true,
    send: () => Promise.resolve(),
    permissionsFor: () => everything,
  };
}

const ours = textChannel('c-ours', 'news', 'g-1');
const theirs = textChannel('c-theirs', 'elsewhere', 'g-2');

/** The three commands with a channel option: command, subcommand (or null) and their other options. */
const CHANNEL_COMMANDS: Array<[string, string | null, Record<string, string>]> = [
  ['summary', null, {}],
  ['feed', 'add', { url: 'https://news.example/feed.xml' }],
  ['digest', 'schedule', { time: '08:00' }],
];

/**
 * /<command> [subcommand] by an admin in server g-1 (whose cache holds #news) on a bot that is
 * also in g-2 (whose #elsewhere the bot-wide cache holds), with `channel` resolved as Discord sends it.
 */
function channelInteraction(command: string, subcommand: string | null, options: Record<string, string>, channel: typeof ours) {
  const { interaction, calls } = fakeInteraction({ kind: 'command', name: command, options });
  const resolved = { id: channel.id, name: channel.name, type: channel.type, permissions: everything.bitfield.toString() };
  interaction.options.getChannel = (name: string) => (name === 'channel' ? resolved : null);
  interaction.options.getSubcommand = () => subcommand;
  interaction.options.getAttachment = () => null;
  interaction.inGuild = () => true;
  interaction.memberPermissions = everything;
  interaction.member = { id: 'u-1' };
  interaction.guild = { id: 'g-1', channels: { cache: new Map([[ours.id, ours]]) } };
  interaction.client = { user: { id: 'bot' }, channels: { cache: new Map([ours, theirs].map((c) => [c.id, c])) } };
  return { interaction, calls };
}

function context(): CommandContext {
  return { ...idleContext(), log: pino({ level: 'silent' }) };
}

describe('a channel option of another server', () => {
  it.each(CHANNEL_COMMANDS)(
    'GIVEN /%s %s with a channel of another server THEN it is refused privately and the command does not run',
    async (command, subcommand, options) => {
      const { lines, log } = captureLog('debug');
      const dispatch = createDispatcher({ commands, log, prepare: () => Promise.resolve(), context: idleContext() });
      const { interaction, calls } = channelInteraction(command, subcommand, options, theirs);
      await dispatch(interaction);
      expect(calls).toEqual(onePrivateReply('I can only post in text channels of this server; #elsewhere is not one I can see.'));
      expect(lines.find((l) => l.msg === 'interaction')).toMatchObject({ command, outcome: 'refused' });
    },
  );

  it.each(CHANNEL_COMMANDS)(
    'GIVEN /%s %s with a text channel of this server THEN that channel is the one to post in',
    async (command, subcommand, options) => {
      const module = commands.get(command)!;
      const { interaction, calls } = channelInteraction(command, subcommand, options, ours);
      expect(await checkCommandRules(interaction, module, context())).toEqual({ postTo: ours });
      expect(calls).toEqual([]);
    },
  );
});
