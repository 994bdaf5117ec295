import { MessageFlags, PermissionFlagsBits, PermissionsBitField } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { checkCommandRules, checkMemberRules } from '../../src/bot/check-command-rules.ts';
import { BOT_DEFAULTS, type CommandContext, type CommandModule } from '../../src/bot/command-module.ts';
import { createCooldowns } from '../../src/bot/cooldowns.ts';
import { createPageMemory } from '../../src/bot/page-ids.ts';
import { fakeInteraction } from './fake-interaction.ts';

const { ManageGuild, ManageChannels, SendMessages, Administrator } = PermissionFlagsBits;

/** A command that manages news: /article add|remove need Manage Server, /article list does not. */
const article: CommandModule = {
  data: { name: 'article', toJSON: () => ({}) },
  rules: {
    guildOnly: true,
    manage: { memberPermissions: [ManageGuild], subcommands: ['add', 'remove'], purposes: { add: 'add articles' } },
  },
  execute: () => Promise.resolve('answered'),
};
/** A command wholly for admins needing two permissions. */
const feed: CommandModule = {
  data: { name: 'feed', toJSON: () => ({}) },
  rules: { guildOnly: true, manage: { memberPermissions: [ManageGuild, ManageChannels] } },
  execute: () => Promise.resolve('answered'),
};

/** A slash interaction with a subcommand, the member's server-wide permissions and whether it came from a server. */
function interactionOf(name: string, subcommand: string | null, permissions: bigint[] | null, inGuild = true) {
  const { interaction, calls } = fakeInteraction({ kind: 'command', name });
  interaction.inGuild = () => inGuild;
  interaction.memberPermissions = permissions === null ? null : new PermissionsBitField(permissions);
  interaction.options.getSubcommand = () => subcommand;
  return { interaction, calls };
}

const context = (): CommandContext => ({
  corpus: () => {
    throw new Error('not needed');
  },
  run: () => {
    throw new Error('not needed');
  },
  complete: () => [],
  log: undefined as never,
  clock: () => 0,
  cooldowns: createCooldowns(() => 0),
  pages: createPageMemory(),
  settings: BOT_DEFAULTS,
});

describe('checkMemberRules', () => {
  it.each<[string, CommandModule, string | null, bigint[] | null, boolean, RegExp | null]>([
    ['an admin adds an article', article, 'add', [ManageGuild], true, null],
    ['an administrator adds an article', article, 'add', [Administrator], true, null],
    ['a plain member lists the articles', article, 'list', [SendMessages], true, null],
    ['a plain member adds an article', article, 'add', [SendMessages], true, /^You need the Manage Server permission to add articles\./],
    [
      'a plain member removes one (no purpose named)',
      article,
      'remove',
      [],
      true,
      /^You need the Manage Server permission to use \/article remove\./,
    ],
    ['the permissions were not sent', article, 'add', null, true, /Manage Server permission/],
    ['a member in a direct message', article, 'list', [ManageGuild], false, /^\/article manages a server's news: use it in a server/],
    [
      'a member with one of two permissions',
      feed,
      'add',
      [ManageGuild],
      true,
      /^You need the Manage Channels permission to use \/feed add/,
    ],
    ['a member with neither', feed, null, [], true, /^You need the Manage Server and Manage Channels permissions to use \/feed\./],
  ])('GIVEN %s THEN the verdict is right', (_name, command, subcommand, permissions, inGuild, refusal) => {
    const { interaction } = interactionOf(command.data.name, subcommand, permissions, inGuild);
    const result = checkMemberRules(interaction, command);
    if (refusal === null) expect(result).toBeNull();
    else expect(result?.error).toMatchObject({ code: 'forbidden', message: expect.stringMatching(refusal) });
  });

  it("GIVEN a command whose rule a member's own use waives (dm:true) THEN a plain member may, and without it may not", () => {
    const watch: CommandModule = {
      data: { name: 'watch', toJSON: () => ({}) },
      rules: { guildOnly: true, manage: { memberPermissions: [ManageGuild], subcommands: ['add'], exceptOption: 'dm' } },
      execute: () => Promise.resolve('answered'),
    };
    const own = interactionOf('watch', 'add', [SendMessages]);
    own.interaction.options.getBoolean = (name: string) => (name === 'dm' ? true : null);
    expect(checkMemberRules(own.interaction, watch)).toBeNull();
    const server = interactionOf('watch', 'add', [SendMessages]);
    server.interaction.options.getBoolean = () => null;
    expect(checkMemberRules(server.interaction, watch)?.error.message).toMatch(/Manage Server/);
    const dm = interactionOf('watch', 'add', [SendMessages], false);
    dm.interaction.options.getBoolean = () => true;
    expect(checkMemberRules(dm.interaction, watch)?.error.message).toMatch(/use it in a server/);
  });

  it('GIVEN a command without member rules THEN nothing about servers or permissions is asked', () => {
    const { interaction } = fakeInteraction({ kind: 'command', name: 'who' });
    expect(checkMemberRules(interaction, { data: { name: 'who', toJSON: () => ({}) }, execute: () => Promise.resolve() })).toBeNull();
  });
});

describe('checkCommandRules with member permissions', () => {
  it('GIVEN a plain member adding an article THEN the refusal is private, names the permission, and the outcome is refused', async () => {
    const { interaction, calls } = interactionOf('article', 'add', [SendMessages]);
    const verdict = await checkCommandRules(interaction, article, context());
    expect(verdict).toEqual({ refused: 'refused' });
    expect(calls).toEqual([
      {
        method: 'reply',
        body: expect.objectContaining({
          content: 'You need the Manage Server permission to add articles. Ask a server admin.',
          flags: MessageFlags.Ephemeral,
        }),
      },
    ]);
  });

  it('GIVEN an admin adding an article THEN the handler may run and nothing was answered', async () => {
    const { interaction, calls } = interactionOf('article', 'add', [ManageGuild]);
    expect(await checkCommandRules(interaction, article, context())).toEqual({});
    expect(calls).toEqual([]);
  });
});

describe('checkCommandRules with an option its waiver excludes', () => {
  const watch: CommandModule = {
    data: { name: 'watch', toJSON: () => ({}) },
    rules: {
      guildOnly: true,
      manage: {
        memberPermissions: [ManageGuild],
        subcommands: ['add'],
        exceptOption: 'dm',
        exceptOptionNotWith: { option: 'channel', message: 'Choose channel: or dm:true, not both.' },
      },
      posts: { option: 'channel', cooldown: 0, memberPermissions: [], botPermissions: [SendMessages] },
    },
    execute: () => Promise.resolve('answered'),
  };

  it.each([
    ['a plain member', [SendMessages]],
    ['an admin', [ManageGuild]],
  ])(
    'GIVEN %s using dm:true with channel: THEN "not both" is the refusal, before permissions or the channel are looked at',
    async (_who, permissions) => {
      const { interaction, calls } = interactionOf('watch', 'add', permissions);
      interaction.options.getBoolean = (name: string) => (name === 'dm' ? true : null);
      interaction.options.getChannel = (name: string) => (name === 'channel' ? { id: '123456789012345678', name: 'alerts' } : null);
      expect(await checkCommandRules(interaction, watch, context())).toEqual({ refused: 'refused' });
      expect(calls).toEqual([
        {
          method: 'reply',
          body: expect.objectContaining({ content: 'Choose channel: or dm:true, not both.', flags: MessageFlags.Ephemeral }),
        },
      ]);
    },
  );

  it('GIVEN dm:true alone THEN the handler may run', async () => {
    const { interaction, calls } = interactionOf('watch', 'add', [SendMessages]);
    interaction.options.getBoolean = (name: string) => (name === 'dm' ? true : null);
    expect(await checkCommandRules(interaction, watch, context())).toEqual({});
    expect(calls).toEqual([]);
  });
});
