import { PermissionFlagsBits } from 'discord.js';
import { expect, it } from 'vitest';
import { BOT_PERMISSIONS, inviteUrl } from '../../adapters/discord/invite.js';

it('asks for the bot and commands scopes and only the permissions replies need', () => {
  const url = new URL(inviteUrl('123456789012345678'));
  expect(url.origin + url.pathname).toBe('https://discord.com/oauth2/authorize');
  expect(url.searchParams.get('client_id')).toBe('123456789012345678');
  expect(url.searchParams.get('scope')?.split(' ')).toEqual(['bot', 'applications.commands']);
  const permissions = BigInt(url.searchParams.get('permissions') ?? '0');
  expect(permissions).toBe(BOT_PERMISSIONS.bitfield);
  for (const needed of [
    'ViewChannel',
    'SendMessages',
    'SendMessagesInThreads',
    'EmbedLinks',
    'ReadMessageHistory',
  ] as const) {
    expect(permissions & PermissionFlagsBits[needed]).toBe(PermissionFlagsBits[needed]);
  }
  for (const unwanted of [
    'Administrator',
    'MentionEveryone',
    'ManageMessages',
    'ManageGuild',
  ] as const) {
    expect(permissions & PermissionFlagsBits[unwanted]).toBe(0n);
  }
});
