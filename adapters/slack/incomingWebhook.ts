import type { Reply } from '../../src/bot/reply.js';
import { renderBlocks, type SlackMessage } from './blocks.js';
import { DEFAULT_SLACK_OPTIONS } from './options.js';

/** A Reply as the bodies to POST to a Slack incoming webhook: `{text, blocks}` each. */
export function slackWebhookBodies(reply: Reply): SlackMessage[] {
  return renderBlocks(reply, { limits: DEFAULT_SLACK_OPTIONS.limits, inThread: false }).map(
    (m) => ({ text: m.text, blocks: m.blocks }),
  );
}
