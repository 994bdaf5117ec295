import { InteractionType } from 'discord.js';

/** A call the bot made on a fake interaction. */
export interface Call {
  method: 'reply' | 'deferReply' | 'editReply' | 'followUp' | 'deleteReply' | 'update' | 'respond';
  body: any;
}

/** What a fake interaction is built from. */
export interface FakeInteractionSpec {
  kind: 'command' | 'autocomplete' | 'button';
  name?: string;
  customId?: string;
  options?: Record<string, string | number | boolean>;
  focused?: string;
  userId?: string;
}

/**
 * A stand-in for a discord.js interaction with just what the dispatcher and handlers use;
 * it records every reply call and keeps deferred/replied state like discord.js does.
 */
export function fakeInteraction(spec: FakeInteractionSpec): { interaction: any; calls: Call[] } {
  const calls: Call[] = [];
  const options = spec.options ?? {};
  const get = (name: string) => (options[name] === undefined ? null : options[name]);
  const interaction: any = {
    id: `i-${Math.random().toString(36).slice(2)}`,
    guildId: 'g-1',
    type:
      spec.kind === 'command'
        ? InteractionType.ApplicationCommand
        : spec.kind === 'autocomplete'
          ? InteractionType.ApplicationCommandAutocomplete
          : InteractionType.MessageComponent,
    user: { id: spec.userId ?? 'u-1' },
    commandName: spec.name,
    customId: spec.customId,
    deferred: false,
    replied: false,
    ephemeral: null,
    responded: false,
    isChatInputCommand: () => spec.kind === 'command',
    isAutocomplete: () => spec.kind === 'autocomplete',
    isButton: () => spec.kind === 'button',
    isRepliable: () => spec.kind !== 'autocomplete',
    options: {
      data: Object.entries(options).map(([name, value]) => ({ name, value })),
      getString: get,
      getInteger: get,
      getBoolean: get,
      getChannel: get,
      getFocused: (full?: boolean) => (full ? { name: spec.focused, value: options[spec.focused!] ?? '' } : options[spec.focused!]),
    },
    async reply(body: any) {
      calls.push({ method: 'reply', body });
      interaction.replied = true;
      interaction.ephemeral = Boolean(body.flags);
    },
    async deferReply(body: any) {
      calls.push({ method: 'deferReply', body });
      interaction.deferred = true;
      interaction.ephemeral = Boolean(body?.flags);
    },
    async editReply(body: any) {
      calls.push({ method: 'editReply', body });
      interaction.replied = true;
    },
    async followUp(body: any) {
      calls.push({ method: 'followUp', body });
    },
    async deleteReply() {
      calls.push({ method: 'deleteReply', body: null });
    },
    async update(body: any) {
      calls.push({ method: 'update', body });
      interaction.replied = true;
    },
    async respond(body: any) {
      calls.push({ method: 'respond', body });
      interaction.responded = true;
    },
  };
  return { interaction, calls };
}
