import { once } from 'node:events';
import {
  ActionRowBuilder,
  AttachmentBuilder,
  ButtonBuilder,
  ButtonStyle,
  ChannelType,
  Client,
  DiscordAPIError,
  EmbedBuilder,
  Events,
  GatewayIntentBits,
  MessageFlags,
  PermissionFlagsBits,
  REST,
  Routes,
  SlashCommandBuilder,
  type Interaction,
  type TextChannel,
} from 'discord.js';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { checkMessage, startFakeDiscord, type FakeDiscord } from './fake-discord/index.ts';

const NO_MENTIONS = { parse: [] as [] };

let fake: FakeDiscord;
let client: Client;
let handle: (interaction: Interaction) => Promise<void>;
const handlerErrors: unknown[] = [];

/** A discord.js client with no Pilcrow code, pointed at the fake. */
function createBareClient(apiUrl: string): Client {
  return new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: apiUrl } });
}

beforeAll(async () => {
  fake = await startFakeDiscord({
    channels: [
      { name: 'read-only-for-bot', botCanSend: false },
      { name: 'no-embeds', botCanEmbed: false },
      { name: 'announcements', memberCanSend: false },
    ],
  });
  client = createBareClient(fake.apiUrl);
  client.on(Events.InteractionCreate, (interaction) => {
    handle(interaction).catch((error: unknown) => handlerErrors.push(error));
  });
  const ready = once(client, Events.ClientReady);
  await client.login(fake.token);
  await ready;
  await fake.waitForLogin();
});

afterAll(async () => {
  await client?.destroy();
  await fake?.close();
});

beforeEach(() => {
  handlerErrors.length = 0;
  handle = async () => {
    throw new Error('no handler set for this test');
  };
});

const channelByName = (name: string) => fake.channels.find((c) => c.name === name)!.id;

describe('fake Discord with a bare discord.js client', () => {
  it('GIVEN a client logged in THEN it sees the guild, its channels and its own permissions per channel', () => {
    const guild = client.guilds.cache.get(fake.guildId);
    expect(guild?.name).toBeTruthy();
    expect(client.user?.id).toBe(fake.botUserId);
    expect(client.application?.id).toBe(fake.applicationId);
    const permissionsIn = (name: string) => (client.channels.cache.get(channelByName(name)) as TextChannel).permissionsFor(client.user!)!;
    expect(permissionsIn('general').has(PermissionFlagsBits.SendMessages)).toBe(true);
    expect(permissionsIn('general').has(PermissionFlagsBits.EmbedLinks)).toBe(true);
    expect(permissionsIn('read-only-for-bot').has(PermissionFlagsBits.SendMessages)).toBe(false);
    expect(permissionsIn('no-embeds').has(PermissionFlagsBits.SendMessages)).toBe(true);
    expect(permissionsIn('no-embeds').has(PermissionFlagsBits.EmbedLinks)).toBe(false);
    expect(permissionsIn('announcements').has(PermissionFlagsBits.SendMessages)).toBe(true);
    expect(guild?.members.me?.roles.cache.size).toBeGreaterThan(1);
    expect(fake.gatewayConnections[0]).toMatchObject({ v: '10', encoding: 'json' });
    expect(fake.sessions.identifies).toBe(1);
  });

  it('GIVEN a slash command with typed options THEN the handler reads them and its ephemeral reply is recorded', async () => {
    let seen: Record<string, unknown> = {};
    handle = async (interaction) => {
      if (!interaction.isChatInputCommand()) return;
      const channel = interaction.options.getChannel('where', true);
      const memberPermissions = 'permissions' in channel ? channel.permissions : undefined;
      seen = {
        command: interaction.commandName,
        topic: interaction.options.getString('topic'),
        count: interaction.options.getInteger('count'),
        ratio: interaction.options.getNumber('ratio'),
        brief: interaction.options.getBoolean('brief'),
        channelId: channel.id,
        channelType: channel.type,
        memberCanSendThere:
          typeof memberPermissions === 'object' && memberPermissions !== null && memberPermissions.has(PermissionFlagsBits.SendMessages),
        userId: interaction.user.id,
        inGuild: interaction.inCachedGuild(),
      };
      await interaction.reply({ content: 'pong', flags: MessageFlags.Ephemeral, allowedMentions: NO_MENTIONS });
    };
    const reply = await fake.slash(
      'ping',
      { topic: 'Minsk', count: 3, ratio: 0.5, brief: true, where: channelByName('announcements') },
      { channelOptionIds: ['where'] },
    );
    expect(reply.callback.type).toBe(4);
    expect(reply.callback.data.content).toBe('pong');
    expect(reply.callback.data.flags & MessageFlags.Ephemeral).toBe(MessageFlags.Ephemeral);
    expect(checkMessage(reply.callback.data)).toEqual([]);
    expect(seen).toEqual({
      command: 'ping',
      topic: 'Minsk',
      count: 3,
      ratio: 0.5,
      brief: true,
      channelId: channelByName('announcements'),
      channelType: ChannelType.GuildText,
      memberCanSendThere: false,
      userId: fake.memberUserId,
      inGuild: true,
    });
    expect(handlerErrors).toEqual([]);
  });

  it('GIVEN a deferred reply THEN the edit, fetch, follow-up and delete reach the fake in order', async () => {
    handle = async (interaction) => {
      if (!interaction.isChatInputCommand()) return;
      await interaction.deferReply();
      const edited = await interaction.editReply({
        embeds: [new EmbedBuilder().setTitle('Summary').setDescription('¶ 1 text')],
        allowedMentions: NO_MENTIONS,
      });
      const fetched = await interaction.fetchReply();
      if (fetched.id !== edited.id) throw new Error('fetched reply is not the edited one');
      const followUp = await interaction.followUp({ content: 'more', allowedMentions: NO_MENTIONS });
      await interaction.deleteReply(followUp);
      await interaction.deleteReply();
    };
    const reply = await fake.slash('summary');
    expect(reply.callback.type).toBe(5);
    await fake.waitForLater(reply, (later) => later.filter((r) => r.method === 'DELETE').length === 2);
    expect(reply.later.map((r) => `${r.method} ${r.path.replace(/\/\d+$/, '/{id}').replace(/^\/webhooks\/\d+\/[^/]+/, '')}`)).toEqual([
      'PATCH /messages/@original',
      'GET /messages/@original',
      'POST ',
      'DELETE /messages/{id}',
      'DELETE /messages/@original',
    ]);
    expect(reply.later[0]!.body.embeds[0].title).toBe('Summary');
    expect(reply.later.every((r) => r.status < 300)).toBe(true);
    expect(handlerErrors).toEqual([]);
  });

  it('GIVEN an autocomplete interaction THEN the focused value arrives and the choices come back as type 8', async () => {
    handle = async (interaction) => {
      if (!interaction.isAutocomplete()) return;
      const focused = interaction.options.getFocused(true);
      await interaction.respond([
        { name: `${focused.name}: ${focused.value}…`, value: focused.value },
        { name: 'other', value: 'other' },
      ]);
    };
    const reply = await fake.autocomplete('quote', 'speaker', 'Luk', { article: 'seed' });
    expect(reply.callback).toEqual({
      type: 8,
      data: {
        choices: [
          { name: 'speaker: Luk…', value: 'Luk' },
          { name: 'other', value: 'other' },
        ],
      },
    });
    expect(checkMessage(reply.callback.data)).toEqual([]);
  });

  it('GIVEN a reply with a button THEN pressing it delivers the message and the update edits that message', async () => {
    handle = async (interaction) => {
      if (interaction.isChatInputCommand()) {
        const row = new ActionRowBuilder<ButtonBuilder>().addComponents(
          new ButtonBuilder().setCustomId('page:2').setLabel('Next').setStyle(ButtonStyle.Primary),
        );
        await interaction.reply({ content: 'page 1', components: [row], allowedMentions: NO_MENTIONS });
      } else if (interaction.isButton()) {
        if (interaction.message.content !== 'page 1') throw new Error('button arrived without its message');
        await interaction.update({ content: `page ${interaction.customId.split(':')[1]}`, components: [], allowedMentions: NO_MENTIONS });
      }
    };
    await fake.slash('related');
    const press = await fake.button('page:2');
    expect(press.callback.type).toBe(7);
    expect(press.callback.data.content).toBe('page 2');
    const pressed = [...fake.requests].reverse().find((r) => r.path.endsWith('/callback'))!;
    expect(pressed.path).toContain(press.interactionId);
    expect(handlerErrors).toEqual([]);
  });

  it('GIVEN a button answered with deferUpdate THEN editReply edits the message the button was on', async () => {
    let pressedMessageId = '';
    handle = async (interaction) => {
      if (interaction.isChatInputCommand()) {
        const row = new ActionRowBuilder<ButtonBuilder>().addComponents(
          new ButtonBuilder().setCustomId('more').setLabel('More').setStyle(ButtonStyle.Secondary),
        );
        await interaction.reply({ content: 'short', components: [row], allowedMentions: NO_MENTIONS });
      } else if (interaction.isButton()) {
        pressedMessageId = interaction.message.id;
        await interaction.deferUpdate();
        await interaction.editReply({ content: 'long', components: [], allowedMentions: NO_MENTIONS });
      }
    };
    await fake.slash('quote');
    const press = await fake.button('more');
    expect(press.callback.type).toBe(6);
    await fake.waitForLater(press, (later) => later.some((r) => r.method === 'PATCH' && r.status === 200));
    expect(press.later[0]?.path).toMatch(/\/messages\/@original$/);
    expect(fake.message(pressedMessageId)).toMatchObject({ content: 'long', components: [] });
    expect(handlerErrors).toEqual([]);
  });

  it('GIVEN channel posts THEN allowed ones are stored, a channel without Send Messages gives 403 and embeds are dropped without Embed Links', async () => {
    const general = (await client.channels.fetch(fake.channelId)) as TextChannel;
    const sent = await general.send({ content: 'digest ready', allowedMentions: NO_MENTIONS });
    expect(fake.channelMessages(fake.channelId)).toEqual([
      expect.objectContaining({ id: sent.id, content: 'digest ready', allowed_mentions: { parse: [] } }),
    ]);
    const readOnly = client.channels.cache.get(channelByName('read-only-for-bot')) as TextChannel;
    const refused = await readOnly.send({ content: 'nope' }).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(DiscordAPIError);
    expect((refused as DiscordAPIError).code).toBe(50013);
    const noEmbeds = client.channels.cache.get(channelByName('no-embeds')) as TextChannel;
    const plain = await noEmbeds.send({ embeds: [new EmbedBuilder().setDescription('x')], content: 'y' });
    expect(plain.embeds).toEqual([]);
  });

  it('GIVEN a reply with a file THEN the multipart payload_json is parsed and the file recorded', async () => {
    handle = async (interaction) => {
      if (!interaction.isChatInputCommand()) return;
      await interaction.reply({
        content: 'see file',
        files: [new AttachmentBuilder(Buffer.from('{"a":1}'), { name: 'answer.json' })],
        allowedMentions: NO_MENTIONS,
      });
    };
    const reply = await fake.slash('export');
    expect(reply.callback).toMatchObject({ type: 4, data: { content: 'see file' } });
    const request = fake.requests.find((r) => r.path.includes(reply.interactionId)) as { headers: Record<string, string>; files?: unknown };
    expect(request.headers['content-type']).toMatch(/^multipart\/form-data/);
    expect(request.files).toEqual([expect.objectContaining({ filename: 'answer.json', size: 7 })]);
  });

  it('GIVEN guild commands deployed with REST.put THEN they get ids and slash commands carry that id', async () => {
    const rest = new REST({ api: fake.apiUrl }).setToken(fake.token);
    const body = [new SlashCommandBuilder().setName('who').setDescription('Who is who').toJSON()];
    const deployed = (await rest.put(Routes.applicationGuildCommands(fake.applicationId, fake.guildId), { body })) as Array<{
      id: string;
      name: string;
    }>;
    expect(deployed).toEqual([expect.objectContaining({ name: 'who', id: expect.stringMatching(/^\d+$/) })]);
    const listed = (await rest.get(Routes.applicationGuildCommands(fake.applicationId, fake.guildId))) as unknown[];
    expect(listed).toEqual(deployed);
    let commandId = '';
    handle = async (interaction) => {
      if (!interaction.isChatInputCommand()) return;
      commandId = interaction.commandId;
      await interaction.reply({ content: 'ok', allowedMentions: NO_MENTIONS });
    };
    await fake.slash('who');
    expect(commandId).toBe(deployed[0]!.id);
  });

  it('GIVEN a wrong token or an unknown route THEN the fake answers 401 or 404 and records it', async () => {
    const wrong = new REST({ api: fake.apiUrl }).setToken('not-the-token');
    const unauthorized = await wrong.get(Routes.user('@me')).catch((error: unknown) => error);
    expect((unauthorized as DiscordAPIError).status).toBe(401);
    const rest = new REST({ api: fake.apiUrl }).setToken(fake.token);
    const missing = await rest.get('/no/such/route').catch((error: unknown) => error);
    expect((missing as DiscordAPIError).status).toBe(404);
    expect(fake.requests.some((r) => r.path === '/no/such/route' && r.status === 404)).toBe(true);
  });

  it('GIVEN a reply over Discord limits THEN the fake refuses it with 50035 and slash rejects at once', async () => {
    const errors: unknown[] = [];
    handle = async (interaction) => {
      if (!interaction.isChatInputCommand()) return;
      await interaction.reply({ content: 'x'.repeat(2001), allowedMentions: NO_MENTIONS }).catch((e: unknown) => errors.push(e));
    };
    await expect(fake.slash('summary')).rejects.toThrow(/refused: 400 .*content is 2001 characters/);
    await expect.poll(() => errors.length).toBe(1);
    expect((errors[0] as DiscordAPIError).code).toBe(50035);
  });

  it('GIVEN a gateway socket killed without a close frame THEN the client resumes and answers', async () => {
    handle = async (interaction) => {
      if (interaction.isChatInputCommand()) await interaction.reply({ content: 'back', allowedMentions: NO_MENTIONS });
    };
    const resumes = fake.sessions.resumes;
    fake.dropGateway('terminate');
    await fake.waitForSessions((s) => s.resumes > resumes);
    expect((await fake.slash('ping')).callback.data.content).toBe('back');
  });

  it('GIVEN a dropped gateway THEN the client resumes and still answers, even a command sent while it was away', async () => {
    handle = async (interaction) => {
      if (interaction.isChatInputCommand()) await interaction.reply({ content: 'still here', allowedMentions: NO_MENTIONS });
    };
    const before = { ...fake.sessions };
    fake.dropGateway();
    const whileAway = fake.slash('ping');
    await fake.waitForSessions((s) => s.resumes + s.identifies > before.resumes + before.identifies);
    expect((await whileAway).callback.data.content).toBe('still here');
    expect((await fake.slash('ping')).callback.data.content).toBe('still here');
    expect(fake.sessions.resumes).toBe(before.resumes + 1);
  });
});

describe('fake Discord gateway basics', () => {
  it('GIVEN a wrong token THEN login fails as invalid; GIVEN the right one THEN heartbeats are acknowledged', async () => {
    const other = await startFakeDiscord({ heartbeatIntervalMs: 50 });
    const wrong = createBareClient(other.apiUrl);
    const right = createBareClient(other.apiUrl);
    try {
      await expect(wrong.login('not-the-token')).rejects.toMatchObject({ code: 'TokenInvalid' });
      await right.login(other.token);
      await other.waitForLogin();
      await expect.poll(() => other.gatewayReceived.filter((p) => p.op === 1).length).toBeGreaterThan(1);
      await expect.poll(() => right.ws.ping).toBeGreaterThanOrEqual(0);
      expect(right.ws.status).toBe(0);
    } finally {
      await wrong.destroy();
      await right.destroy();
      await other.close();
    }
  });
});
