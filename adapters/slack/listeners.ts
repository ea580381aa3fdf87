/**
 * Wires Bolt's listeners to the adapter: events (`app_mention`, `message`), the `/tcp` command
 * and the share button. Listeners acknowledge at once and hand the work to the task tracker,
 * so Slack gets its ack within 3 seconds and shutdown can wait for answers in progress.
 */
import type { App, Logger } from '@slack/bolt';
import { type CommandHandler, SHARE_ACTION_ID } from './commands.js';
import { describeError, type Responder } from './responder.js';
import {
  type RoutingContext,
  routeMention,
  routeMessage,
  type SlackMessageEvent,
} from './routing.js';
import type { TaskTracker } from './tasks.js';

export interface ListenerDeps {
  responder: Responder;
  commands: CommandHandler;
  routing: RoutingContext;
  tracker: TaskTracker;
  logger: Logger;
  /** False once stop() began: new work is refused. */
  accepting: () => boolean;
  /** Called for every request that reaches the adapter's middleware (for stats). */
  onReceive: () => void;
}

function eventIdOf(body: unknown): string | undefined {
  const id = (body as { event_id?: unknown } | undefined)?.event_id;
  return typeof id === 'string' ? id : undefined;
}

/** Registers every listener the adapter needs on `app`. */
export function registerListeners(app: App, deps: ListenerDeps): void {
  const { responder, commands, routing, tracker, logger } = deps;
  const background = (what: string, work: () => Promise<void>) => {
    if (!deps.accepting()) return;
    tracker.run(work, (error) => logger.error(`slack: ${what} failed: ${describeError(error)}`));
  };

  app.use(async ({ next }) => {
    deps.onReceive();
    await next();
  });

  app.event('app_mention', async ({ event, body }) => {
    const routed = routeMention(event as unknown as SlackMessageEvent, eventIdOf(body), routing);
    if (routed) background('mention', () => responder.answer(routed));
  });

  app.event('message', async ({ event, body }) => {
    const routed = routeMessage(event as unknown as SlackMessageEvent, eventIdOf(body), routing);
    if (routed) background('message', () => responder.answer(routed));
  });

  app.command('/tcp', async ({ command, ack, respond }) => {
    await ack();
    background('/tcp', () => commands.command(command, respond));
  });

  app.action(SHARE_ACTION_ID, async ({ ack, action, body, respond }) => {
    await ack();
    const value = action.type === 'button' ? (action.value ?? '') : '';
    const channel = (body as { channel?: { id?: string } }).channel?.id;
    background('share', () => commands.share(value, channel, respond));
  });

  app.error(async (error) => {
    logger.error(`slack: ${describeError(error)}`);
  });
}
