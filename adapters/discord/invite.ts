/**
 * The invite link that adds the bot to a server with what it needs and nothing more: the
 * `bot` and `applications.commands` scopes, and permission to see channels, send messages
 * (also in threads), embed links (the replies are embeds) and read message history
 * (Discord refuses a reply to a message without it).
 */
import { OAuth2Scopes, PermissionFlagsBits, PermissionsBitField } from 'discord.js';

/** The permissions the bot asks for when invited. */
export const BOT_PERMISSIONS = new PermissionsBitField([
  PermissionFlagsBits.ViewChannel,
  PermissionFlagsBits.SendMessages,
  PermissionFlagsBits.SendMessagesInThreads,
  PermissionFlagsBits.EmbedLinks,
  PermissionFlagsBits.ReadMessageHistory,
]).freeze();

/** The OAuth2 URL that invites the application's bot with its commands. */
export function inviteUrl(applicationId: string): string {
  const params = new URLSearchParams({
    client_id: applicationId,
    scope: [OAuth2Scopes.Bot, OAuth2Scopes.ApplicationsCommands].join(' '),
    permissions: BOT_PERMISSIONS.bitfield.toString(),
  });
  return `https://discord.com/oauth2/authorize?${params}`;
}
