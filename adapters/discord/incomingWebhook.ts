import type { APIEmbed } from 'discord.js';
import { neutralizeMentions } from '../../src/bot/mentions.js';
import type { Reply } from '../../src/bot/reply.js';
import { clip, renderReplyMessages } from './embeds.js';
import { DiscordLimits } from './options.js';

/** The JSON a Discord webhook execute takes (snake_case, as the HTTP API spells it). */
export interface DiscordWebhookBody {
  content: string;
  embeds: APIEmbed[];
  allowed_mentions: { parse: [] };
}

/** Messages one alert may take; an alert that needs more is cut with a notice. */
const MAX_MESSAGES = 3;

/** A Reply as the bodies to POST to a Discord webhook: `{content, embeds, allowed_mentions}`. */
export function discordWebhookBodies(reply: Reply): DiscordWebhookBody[] {
  return renderReplyMessages(reply, MAX_MESSAGES).map((m, i) => ({
    // The content is what the notification shows; the embeds carry the rest.
    content:
      m.content ?? (i === 0 ? clip(neutralizeMentions(reply.title), DiscordLimits.content) : ''),
    embeds: m.embeds,
    allowed_mentions: { parse: [] },
  }));
}
