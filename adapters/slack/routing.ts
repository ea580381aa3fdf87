/**
 * Which Slack events the bot answers, and where: a mention (in its thread), a DM, a follow-up
 * in a thread the bot answered, and, when enabled, a paste in a watched channel. Bots
 * (including this one) and edits/deletions are never answered.
 */
import type { SlackFile } from './files.js';
import { stripBotMention } from './incoming.js';
import type { IncomingMessage } from './responder.js';
import { conversationKey, type ThreadRegistry } from './threads.js';

/** The fields of a Slack `app_mention` / `message` event the adapter reads. */
export interface SlackMessageEvent {
  type?: string;
  subtype?: string;
  channel: string;
  channel_type?: string;
  user?: string;
  bot_id?: string;
  text?: string;
  ts: string;
  thread_ts?: string;
  files?: SlackFile[];
}

export interface RoutingContext {
  botUserId: string;
  threads: ThreadRegistry;
  /** Channels where pastes are triaged without a mention. */
  pasteChannels: ReadonlySet<string>;
}

/** Message subtypes that are a person writing (a file share is one). */
const ANSWERABLE_SUBTYPES = new Set([undefined, 'file_share', 'thread_broadcast']);

function fromPerson(
  event: SlackMessageEvent,
  botUserId: string,
): event is SlackMessageEvent & { user: string } {
  return event.user !== undefined && event.user !== botUserId && event.bot_id === undefined;
}

function keys(eventId: string | undefined, event: SlackMessageEvent): string[] {
  const k = [`msg:${event.channel}:${event.ts}`];
  if (eventId) k.unshift(`event:${eventId}`);
  return k;
}

/** The parts of an IncomingMessage every route shares, or undefined for events not to answer. */
function answerable(event: SlackMessageEvent, eventId: string | undefined, ctx: RoutingContext) {
  if (!fromPerson(event, ctx.botUserId)) return undefined;
  if (!ANSWERABLE_SUBTYPES.has(event.subtype)) return undefined;
  return {
    keys: keys(eventId, event),
    channel: event.channel,
    user: event.user,
    ts: event.ts,
    text: stripBotMention(event.text ?? '', ctx.botUserId),
    files: event.files ?? [],
  };
}

/** An `app_mention`: answered in the mention's thread (a new thread under it at top level). */
export function routeMention(
  event: SlackMessageEvent,
  eventId: string | undefined,
  ctx: RoutingContext,
): IncomingMessage | undefined {
  const base = answerable(event, eventId, ctx);
  if (base === undefined) return undefined;
  const threadTs = event.thread_ts ?? event.ts;
  return {
    ...base,
    target: { channel: event.channel, threadTs },
    conversation:
      ctx.threads.conversation(event.channel, threadTs) ?? conversationKey(event.channel, threadTs),
  };
}

/** A `message` event: a DM, a follow-up in the bot's thread, or a paste in a watched channel. */
export function routeMessage(
  event: SlackMessageEvent,
  eventId: string | undefined,
  ctx: RoutingContext,
): IncomingMessage | undefined {
  const base = answerable(event, eventId, ctx);
  if (base === undefined) return undefined;
  if (event.channel_type === 'im') {
    // One conversation per DM: a second paste there compares with the first.
    return {
      ...base,
      target: { channel: event.channel, threadTs: event.thread_ts },
      conversation: conversationKey(event.channel),
    };
  }
  // A mention in a channel also arrives as app_mention, which answers it.
  if ((event.text ?? '').includes(`<@${ctx.botUserId}`)) return undefined;
  if (event.thread_ts !== undefined) {
    const conversation = ctx.threads.conversation(event.channel, event.thread_ts);
    if (conversation === undefined) return undefined;
    return { ...base, target: { channel: event.channel, threadTs: event.thread_ts }, conversation };
  }
  if (ctx.pasteChannels.has(event.channel)) {
    return {
      ...base,
      target: { channel: event.channel, threadTs: event.ts },
      conversation: conversationKey(event.channel, event.ts),
      onlyTriage: true,
    };
  }
  return undefined;
}
