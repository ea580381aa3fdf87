import type { Reply } from '../bot/reply.js';
import {
  type AlertPlatform,
  type BodyRenderer,
  postBodies,
  WebhookError,
} from '../watch/webhook.js';

/** Somewhere an alert Reply is posted. */
export type AlertSink = (reply: Reply) => Promise<void>;

/** Where `watch` was told to post. */
export interface SinkSettings {
  webhook?: string;
  webhookFormat?: AlertPlatform;
  slackChannel?: string;
  discordChannel?: string;
}

/** The renderer of one platform, loaded only when that platform is used. */
async function renderer(platform: AlertPlatform): Promise<BodyRenderer> {
  if (platform === 'slack') {
    return (await import('../../adapters/slack/incomingWebhook.js')).slackWebhookBodies;
  }
  return (await import('../../adapters/discord/incomingWebhook.js')).discordWebhookBodies;
}

/** Builds the sinks; throws a plain message when a channel is asked for without its bot token. */
export async function alertSinks(s: SinkSettings, env: NodeJS.ProcessEnv): Promise<AlertSink[]> {
  const sinks: AlertSink[] = [];
  if (s.webhook) {
    const url = s.webhook;
    const render = await renderer(s.webhookFormat ?? 'slack');
    sinks.push((reply) => postBodies(url, render(reply)));
  }
  if (s.slackChannel) {
    const token = env.SLACK_BOT_TOKEN?.trim();
    if (!token) throw new Error('--slack-channel needs SLACK_BOT_TOKEN in the environment');
    const base = (env.SLACK_API_URL ?? 'https://slack.com/api/').replace(/\/?$/, '/');
    const render = await renderer('slack');
    const channel = s.slackChannel;
    sinks.push(async (reply) => {
      for (const body of render(reply)) {
        const res = await fetch(`${base}chat.postMessage`, {
          method: 'POST',
          headers: {
            'content-type': 'application/json; charset=utf-8',
            authorization: `Bearer ${token}`,
          },
          body: JSON.stringify({ channel, ...body }),
          signal: AbortSignal.timeout(10_000),
        });
        // Slack answers 200 with ok:false on errors.
        const answer = (await res.json().catch(() => ({}))) as { ok?: boolean; error?: string };
        if (!answer.ok)
          throw new WebhookError(
            `Slack chat.postMessage: ${answer.error ?? res.status}`,
            res.status,
          );
      }
    });
  }
  if (s.discordChannel) {
    const token = env.DISCORD_TOKEN?.trim();
    if (!token) throw new Error('--discord-channel needs DISCORD_TOKEN in the environment');
    const base = (env.DISCORD_API_URL ?? 'https://discord.com/api/v10').replace(/\/$/, '');
    const render = await renderer('discord');
    const url = `${base}/channels/${encodeURIComponent(s.discordChannel)}/messages`;
    sinks.push((reply) => postBodies(url, render(reply), { authorization: `Bot ${token}` }));
  }
  return sinks;
}
