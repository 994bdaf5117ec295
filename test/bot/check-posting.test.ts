import { PermissionFlagsBits, PermissionsBitField } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { checkPosting, toPermissions } from '../../src/bot/check-posting.ts';

const { ViewChannel: view, SendMessages: send, EmbedLinks: embed } = PermissionFlagsBits;
const perms = (...bits: bigint[]) => new PermissionsBitField(bits);

describe('checkPosting', () => {
  it.each<[string, PermissionsBitField | null, PermissionsBitField | null, RegExp | null]>([
    ['member and bot may post', perms(view, send), perms(view, send, embed), null],
    ['the member may not send', perms(view), perms(view, send, embed), /^You can't post in #news: you need Send Messages/],
    ['the member cannot see the channel', perms(), perms(view, send, embed), /you need View Channel and Send Messages/],
    ['the bot may not send', perms(view, send), perms(view, embed), /^I can't post in #news: I need Send Messages/],
    ['the bot may not embed', perms(view, send), perms(view, send), /I need Embed Links/],
    ['the bot permissions are unknown', perms(view, send), null, /I need View Channel and Send Messages and Embed Links/],
    ['the member is an administrator', perms(PermissionFlagsBits.Administrator), perms(view, send, embed), null],
  ])('GIVEN %s THEN the decision is right', (_name, member, bot, refusal) => {
    const result = checkPosting('#news', { memberPermissions: [view, send], botPermissions: [view, send, embed] }, member, bot);
    if (refusal === null) expect(result).toBeNull();
    else expect(result?.error).toMatchObject({ code: 'forbidden', message: expect.stringMatching(refusal) });
  });

  it('GIVEN a command that declares other permissions THEN those are checked and named', () => {
    const needs = { memberPermissions: [PermissionFlagsBits.ManageGuild], botPermissions: [view, PermissionFlagsBits.AttachFiles] };
    expect(checkPosting('#news', needs, perms(view, send), perms(view, send, embed))?.error.message).toBe(
      "You can't post in #news: you need Manage Server there.",
    );
    expect(checkPosting('#news', needs, perms(PermissionFlagsBits.ManageGuild), perms(view, send, embed))?.error.message).toMatch(
      /^I can't post in #news: I need Attach Files there/,
    );
  });

  it('GIVEN permissions as Discord sends them (a decimal string) THEN they are read', () => {
    expect(toPermissions(String(view | send))?.has(send)).toBe(true);
    expect(toPermissions('not a number')).toBeNull();
    expect(toPermissions(undefined)).toBeNull();
  });
});
