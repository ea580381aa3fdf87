import type { Reply } from '../bot/reply.js';

/** The chat platforms an alert can be posted to. */
export type AlertPlatform = 'slack' | 'discord';

/** Renders a Reply as the JSON bodies one platform's webhook takes. */
export type BodyRenderer = (reply: Reply) => object[];

/** An error posting an alert, with the HTTP status when there was one. */
export class WebhookError extends Error {
  readonly code = 'WEBHOOK_FAILED';
  constructor(
    message: string,
    readonly status?: number,
  ) {
    super(message);
  }
}

/** The platform a webhook URL belongs to: Discord's is recognised by its path; anything else is Slack-style. */
export function platformOfUrl(url: string): AlertPlatform {
  try {
    const u = new URL(url);
    if (/(^|\.)discord(app)?\.com$/.test(u.hostname) && u.pathname.startsWith('/api/webhooks/'))
      return 'discord';
  } catch {
    // An unparsable URL fails when posted; its platform does not matter.
  }
  return 'slack';
}

/** POSTs each body as JSON to `url`, in order; rejects with a WebhookError on the first failure. */
export async function postBodies(
  url: string,
  bodies: object[],
  headers: Record<string, string> = {},
  timeoutMs = 10_000,
): Promise<void> {
  for (const body of bodies) {
    let res: Response;
    try {
      res = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (e) {
      throw new WebhookError(`cannot reach ${new URL(url).host}: ${(e as Error).message}`);
    }
    // Drain the body so the connection is reused rather than leaked.
    const text = await res.text().catch(() => '');
    if (!res.ok)
      throw new WebhookError(
        `${res.status} from ${new URL(url).host}: ${text.slice(0, 200)}`,
        res.status,
      );
  }
}
