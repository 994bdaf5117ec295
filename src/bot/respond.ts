import { MessageFlags, type RepliableInteraction } from 'discord.js';
import type { DiscordPayload } from '../render/discord/discord-payload.ts';

/** A payload and whether only the member who asked should see it. */
export interface Reply {
  payload: DiscordPayload;
  ephemeral: boolean;
}

function flags(ephemeral: boolean): { flags?: MessageFlags.Ephemeral } {
  return ephemeral ? { flags: MessageFlags.Ephemeral } : {};
}

/**
 * Sends a reply whatever state the interaction is in: first reply, edit of a deferred
 * reply, or follow-up. An ephemeral reply to a public deferral becomes an ephemeral
 * follow-up (and the public "thinking…" is removed), so errors never go public.
 */
export async function respond(interaction: RepliableInteraction, reply: Reply): Promise<void> {
  const { payload, ephemeral } = reply;
  if (interaction.deferred && !interaction.replied) {
    const deferredEphemeral = interaction.ephemeral ?? false;
    if (ephemeral && !deferredEphemeral) {
      await interaction.followUp({ ...payload, ...flags(true) });
      await interaction.deleteReply().catch(() => undefined);
      return;
    }
    await interaction.editReply(payload);
    return;
  }
  if (interaction.replied) {
    await interaction.followUp({ ...payload, ...flags(ephemeral) });
    return;
  }
  await interaction.reply({ ...payload, ...flags(ephemeral) });
}

/**
 * Produces a reply and sends it; when asynchronous producing takes longer than
 * `deferAfterMs`, the interaction is deferred first (ephemerally when `ephemeralIfDeferred`)
 * so Discord's 3-second window is never missed. Synchronous work cannot be interrupted by
 * that timer, so the caller says when to defer before the work starts: `deferFirst` (work
 * expected to be slow), or an interaction already `ageMs` old when it gets here (a busy
 * process).
 */
export async function respondInTime(
  interaction: RepliableInteraction,
  options: { deferAfterMs: number; ephemeralIfDeferred: boolean; ageMs?: number; deferFirst?: boolean },
  produce: () => Reply | Promise<Reply>,
): Promise<Reply> {
  let deferring = null as Promise<unknown> | null;
  if (options.deferFirst || (options.ageMs !== undefined && options.ageMs >= options.deferAfterMs)) {
    await interaction.deferReply(flags(options.ephemeralIfDeferred));
  }
  const timer = setTimeout(() => {
    if (!interaction.deferred && !interaction.replied) deferring = interaction.deferReply(flags(options.ephemeralIfDeferred));
  }, options.deferAfterMs);
  let reply: Reply;
  try {
    reply = await produce();
  } finally {
    clearTimeout(timer);
    if (deferring) await deferring;
  }
  await respond(interaction, reply);
  return reply;
}
