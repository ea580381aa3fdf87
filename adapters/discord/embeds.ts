/**
 * Renders a Reply as Discord messages with embeds, within Discord's limits: a description of
 * at most 4,096 characters per embed, 25 fields of 1,024, 10 embeds and 6,000 embed characters
 * per message, 2,000 characters of content. Long texts are split by the shared chunker (never
 * inside a code fence); what does not fit in one message goes into the next; a reply longer
 * than the message allowance says visibly that it was cut.
 */
import type { APIEmbed, MessageMentionOptions } from 'discord.js';
import { chunkText } from '../../src/bot/chunk.js';
import { neutralizeMentions } from '../../src/bot/mentions.js';
import type { Reply } from '../../src/bot/reply.js';
import { DiscordLimits } from './options.js';
import {
  findingName,
  findingText,
  renderDescription,
  renderPlainMarkdown,
  renderSources,
  renderSuggestions,
  TONE_COLOURS,
} from './replyMarkdown.js';

/** One message as the adapter sends it. */
export interface DiscordMessagePayload {
  content?: string;
  embeds: APIEmbed[];
  allowedMentions: MessageMentionOptions;
}

/** Mentions the bot allows in what it sends: none, not even the person it replies to. */
export function noMentions(): MessageMentionOptions {
  return { parse: [], repliedUser: false };
}

/** A piece of a reply waiting to be placed in an embed. */
type Block = { kind: 'description'; text: string } | { kind: 'field'; name: string; value: string };

/** Cuts a single-line text (a title, a field name) to `max` characters with an ellipsis. */
export function clip(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1).trimEnd()}…`;
}

/** Splits markdown into pieces of at most `max` characters, fences closed and reopened. */
function split(text: string, max: number, maxPieces: number): string[] {
  if (!text.trim()) return [];
  return chunkText(text, {
    maxChunkChars: max,
    maxChunksPerMessage: 1,
    maxMessageChars: max,
    maxMessages: maxPieces,
    maxTotalChars: max * maxPieces,
  }).chunks.filter((chunk) => chunk.trim() !== '');
}

/** The reply as an ordered list of description and field blocks, all within their limits. */
function blocksOf(reply: Reply, maxMessages: number): Block[] {
  const blocks: Block[] = [];
  const descriptionPieces = Math.max(
    1,
    Math.ceil((maxMessages * DiscordLimits.embedTotal) / DiscordLimits.embedDescription),
  );
  for (const text of split(
    neutralizeMentions(renderDescription(reply)),
    DiscordLimits.embedDescription,
    descriptionPieces,
  )) {
    blocks.push({ kind: 'description', text });
  }
  const fieldGroups: { name: string; text: string }[] = reply.findings.map((finding) => ({
    name: findingName(finding),
    text: findingText(finding),
  }));
  const sources = renderSources(reply.sources);
  if (sources) fieldGroups.push({ name: 'Sources', text: sources });
  for (const group of fieldGroups) {
    const name = clip(neutralizeMentions(group.name), DiscordLimits.fieldName - 12);
    const values = split(neutralizeMentions(group.text), DiscordLimits.fieldValue, 8);
    values.forEach((value, i) => {
      blocks.push({ kind: 'field', name: i === 0 ? name : `${name} (cont.)`, value });
    });
    // A finding with nothing but a title still shows up.
    if (values.length === 0) blocks.push({ kind: 'field', name, value: '\u200b' });
  }
  return blocks;
}

/** Characters an embed counts towards the 6,000 per message. */
export function embedSize(embed: APIEmbed): number {
  let size = (embed.title?.length ?? 0) + (embed.description?.length ?? 0);
  size += embed.footer?.text.length ?? 0;
  size += embed.author?.name.length ?? 0;
  for (const field of embed.fields ?? []) size += field.name.length + field.value.length;
  return size;
}

/** Places blocks into embeds and embeds into messages. */
function pack(title: string, colour: number, blocks: Block[], footer: string): APIEmbed[][] {
  const messages: APIEmbed[][] = [];
  let embeds: APIEmbed[] = [];
  let current: APIEmbed = { color: colour };
  let total = 0;
  const newMessage = () => {
    embeds = [];
    messages.push(embeds);
    total = 0;
  };
  const newEmbed = () => {
    if (embeds.length >= DiscordLimits.embedsPerMessage) newMessage();
    current = { color: colour };
    embeds.push(current);
  };
  newMessage();
  newEmbed();
  if (title) {
    current.title = title;
    total += title.length;
  }
  for (const block of blocks) {
    const size =
      block.kind === 'description' ? block.text.length : block.name.length + block.value.length;
    if (total + size > DiscordLimits.embedTotal) {
      newMessage();
      newEmbed();
    }
    if (block.kind === 'description') {
      if (current.description || current.fields?.length) newEmbed();
      current.description = block.text;
    } else {
      if ((current.fields?.length ?? 0) >= DiscordLimits.fields) newEmbed();
      current.fields ??= [];
      current.fields.push({ name: block.name, value: block.value });
    }
    total += size;
  }
  if (footer) {
    if (total + footer.length > DiscordLimits.embedTotal) {
      newMessage();
      newEmbed();
    }
    current.footer = { text: footer };
    total += footer.length;
  }
  // An embed needs something to show.
  for (const message of messages) {
    for (const embed of message) {
      if (embedSize(embed) === 0) embed.description = '\u200b';
    }
  }
  return messages;
}

/** The visible note on the last message of a reply that was cut. */
function cutNotice(droppedMessages: number): string {
  return `… this reply was cut: ${droppedMessages} more message${droppedMessages === 1 ? '' : 's'} did not fit. Ask a narrower question, or filter the paste.`;
}

/** Renders a Reply as one or more messages of embeds (at most `maxMessages`). */
export function renderReplyMessages(reply: Reply, maxMessages: number): DiscordMessagePayload[] {
  // The title is plain text and stays unescaped: Discord renders no masked links in embed
  // titles. Every markdown text (description, field names and values) escapes user text.
  const title = clip(neutralizeMentions(reply.title), DiscordLimits.embedTitle);
  const footer = clip(
    neutralizeMentions(renderSuggestions(reply.suggestions)),
    DiscordLimits.footer,
  );
  const messages = pack(title, TONE_COLOURS[reply.tone], blocksOf(reply, maxMessages), footer);
  const kept = messages.slice(0, Math.max(1, maxMessages));
  const payloads: DiscordMessagePayload[] = kept.map((embeds) => ({
    embeds,
    allowedMentions: noMentions(),
  }));
  const dropped = messages.length - kept.length;
  const last = payloads[payloads.length - 1];
  if (dropped > 0 && last) last.content = cutNotice(dropped);
  return payloads;
}

/**
 * Renders a Reply as plain-content messages of at most 2,000 characters: the fallback when a
 * channel refuses embeds.
 */
export function renderPlainMessages(reply: Reply, maxMessages: number): DiscordMessagePayload[] {
  const chunks = chunkText(neutralizeMentions(renderPlainMarkdown(reply)), {
    maxChunkChars: DiscordLimits.content,
    maxChunksPerMessage: 1,
    maxMessageChars: DiscordLimits.content,
    maxMessages: Math.max(1, maxMessages),
    maxTotalChars: DiscordLimits.content * Math.max(1, maxMessages),
  }).chunks;
  return (chunks.length > 0 ? chunks : ['\u200b']).map((content) => ({
    content,
    embeds: [],
    allowedMentions: noMentions(),
  }));
}
