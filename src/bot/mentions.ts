/**
 * Makes echoed user text harmless to post: nothing a person pasted may ping a channel, a
 * group or a person when the bot repeats it. A zero-width space is slipped into each mention
 * so it stays readable but no platform parses it as a mention.
 *
 * Neutralised: `@everyone`, `@here`, `@channel` (any case), and every `<@...>` and `<!...>`
 * token: Slack `<@U123>`, `<@W123|name>`, `<!channel>`, `<!here>`, `<!everyone>`,
 * `<!subteam^S123>`; Discord `<@123>`, `<@!123>`, `<@&role>`. Channel links (`<#C123>`,
 * `<#123>`) are left alone: they link, they do not notify anyone.
 */

/** The character slipped into mentions (U+200B ZERO WIDTH SPACE). */
export const MENTION_BREAK = '\u200b';

// Both patterns are linear: a fixed prefix then a bounded alternation, no nested repetition.
const BROADCAST = /@(everyone|here|channel)(?![\p{L}\p{N}_])/giu;
const ANGLE_MENTION = /<([@!])/g;

/** Returns text with every ping-able mention broken by a zero-width space. */
export function neutralizeMentions(text: string): string {
  return text
    .replace(BROADCAST, `@${MENTION_BREAK}$1`)
    .replace(ANGLE_MENTION, `<${MENTION_BREAK}$1`);
}

/** Whether text still holds anything `neutralizeMentions` would change. */
export function hasMentions(text: string): boolean {
  BROADCAST.lastIndex = 0;
  ANGLE_MENTION.lastIndex = 0;
  const found = BROADCAST.test(text) || ANGLE_MENTION.test(text);
  BROADCAST.lastIndex = 0;
  ANGLE_MENTION.lastIndex = 0;
  return found;
}
