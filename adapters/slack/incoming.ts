/**
 * Slack message text -> the plain text a person typed. Slack escapes `&`, `<`, `>` and wraps
 * links, mentions and channels in `<...>` (and auto-links things that look like host names,
 * which would break a pasted `netstat` line), so the wrappers are unwrapped to what was shown.
 */

/** Removes the bot's own mention (`<@U123>` or `<@U123|name>`) wherever it appears. */
export function stripBotMention(text: string, botUserId: string): string {
  return text
    .split(`<@${botUserId}>`)
    .join('')
    .replace(new RegExp(`<@${botUserId}\\|[^>]*>`, 'g'), '');
}

function unwrap(inner: string): string {
  const bar = inner.indexOf('|');
  const target = bar < 0 ? inner : inner.slice(0, bar);
  const label = bar < 0 ? undefined : inner.slice(bar + 1);
  if (target.startsWith('@')) return `@${label ?? target.slice(1)}`;
  if (target.startsWith('#')) return `#${label ?? target.slice(1)}`;
  if (target.startsWith('!')) {
    // <!here>, <!channel>, <!subteam^S123|@team>, <!date^...|fallback>
    if (label !== undefined) return label;
    return `@${target.slice(1).split('^')[0]}`;
  }
  if (label !== undefined) return label;
  return target.replace(/^mailto:/, '');
}

/** What the person typed, as text: wrappers unwrapped, entities decoded. */
export function slackTextToPlain(text: string): string {
  // `[^<>]` cannot backtrack: each `<` starts at most one scan up to the next `<` or `>`.
  return text
    .replace(/<([^<>]*)>/g, (_m, inner: string) => unwrap(inner))
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}
