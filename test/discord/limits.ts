/**
 * Checks a message body (as the adapter builds it, or as the fake REST recorded it) against
 * Discord's documented limits, and that no text leaves a code fence open.
 */
import { scanFences } from '../../src/bot/fences.js';

interface EmbedLike {
  title?: string;
  description?: string;
  footer?: { text: string };
  fields?: { name: string; value: string }[];
}

interface MessageLike {
  content?: string;
  embeds?: EmbedLike[];
}

/** Whether every fence opened in the text is closed again. */
export function fencesClosed(text: string): boolean {
  const states = scanFences(text.split('\n'));
  return states.length === 0 || states[states.length - 1]?.after === undefined;
}

/** Every way the message breaks Discord's limits (empty when it fits). */
export function limitViolations(message: MessageLike): string[] {
  const problems: string[] = [];
  const content = message.content ?? '';
  if (content.length > 2000) problems.push(`content is ${content.length} chars`);
  if (!fencesClosed(content)) problems.push('content leaves a fence open');
  const embeds = message.embeds ?? [];
  if (embeds.length > 10) problems.push(`${embeds.length} embeds`);
  let total = 0;
  for (const [i, embed] of embeds.entries()) {
    const title = embed.title ?? '';
    const description = embed.description ?? '';
    const footer = embed.footer?.text ?? '';
    if (title.length > 256) problems.push(`embed ${i} title is ${title.length} chars`);
    if (description.length > 4096) problems.push(`embed ${i} description is ${description.length}`);
    if (!fencesClosed(description)) problems.push(`embed ${i} description leaves a fence open`);
    if (footer.length > 2048) problems.push(`embed ${i} footer is ${footer.length}`);
    const fields = embed.fields ?? [];
    if (fields.length > 25) problems.push(`embed ${i} has ${fields.length} fields`);
    total += title.length + description.length + footer.length;
    for (const [j, field] of fields.entries()) {
      if (field.name.length > 256)
        problems.push(`embed ${i} field ${j} name is ${field.name.length}`);
      if (field.value.length > 1024)
        problems.push(`embed ${i} field ${j} value is ${field.value.length}`);
      if (field.name.length === 0 || field.value.length === 0)
        problems.push(`embed ${i} field ${j} empty`);
      if (!fencesClosed(field.value)) problems.push(`embed ${i} field ${j} leaves a fence open`);
      total += field.name.length + field.value.length;
    }
    if (!title && !description && fields.length === 0 && !footer) problems.push(`embed ${i} empty`);
  }
  if (total > 6000) problems.push(`embeds total ${total} chars`);
  if (!content && embeds.length === 0) problems.push('empty message');
  return problems;
}

/** All the text of a message, for searching. */
export function messageText(message: MessageLike): string {
  const parts = [message.content ?? ''];
  for (const embed of message.embeds ?? []) {
    parts.push(embed.title ?? '', embed.description ?? '', embed.footer?.text ?? '');
    for (const field of embed.fields ?? []) parts.push(field.name, field.value);
  }
  return parts.join('\n');
}
