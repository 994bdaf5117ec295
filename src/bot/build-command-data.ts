import { ChannelType, SlashCommandBuilder } from 'discord.js';
import { findCommandSpec } from '../answers/command-spec.ts';

/** Discord's longest command and option description. */
const DESCRIPTION = 100;

function describe(text: string): string {
  return text.length <= DESCRIPTION ? text : `${text.slice(0, DESCRIPTION - 1)}…`;
}

/** Discord-only options added to a command's spec options. */
export interface DiscordExtras {
  /** Add a `channel` option (text channels) to post the answer there. */
  channel?: boolean;
}

/**
 * The slash command definition of a command from its plain-data spec
 * (src/answers/command-spec.ts), plus `share` (answer publicly) and, when asked, `channel`.
 * Required options come first, as Discord demands.
 */
export function buildCommandData(name: string, extras: DiscordExtras = {}): SlashCommandBuilder {
  const spec = findCommandSpec(name);
  if (!spec) throw new Error(`No command spec named "${name}"`);
  const builder = new SlashCommandBuilder().setName(spec.name).setDescription(describe(spec.description));
  const ordered = [...spec.options.filter((o) => o.required), ...spec.options.filter((o) => !o.required)];
  for (const option of ordered) {
    if (option.type === 'integer') {
      builder.addIntegerOption((o) => {
        o.setName(option.name).setDescription(describe(option.description)).setRequired(option.required);
        if (option.min !== undefined) o.setMinValue(option.min);
        if (option.max !== undefined) o.setMaxValue(option.max);
        return o;
      });
    } else {
      builder.addStringOption((o) => {
        o.setName(option.name)
          .setDescription(describe(option.description))
          .setRequired(option.required)
          .setAutocomplete(option.autocomplete !== undefined);
        if (option.maxLength !== undefined) o.setMaxLength(option.maxLength);
        return o;
      });
    }
  }
  if (extras.channel) {
    builder.addChannelOption((o) =>
      o
        .setName('channel')
        .setDescription('Post the answer in this channel for everyone')
        .addChannelTypes(ChannelType.GuildText, ChannelType.GuildAnnouncement)
        .setRequired(false),
    );
  }
  builder.addBooleanOption((o) =>
    o.setName('share').setDescription('Show the answer to everyone here (default: only you)').setRequired(false),
  );
  return builder;
}
