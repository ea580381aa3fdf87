/**
 * Hostile chat input for the renderer tests: a paste whose process name, hostname and the
 * question around it are markup (a disguised link, emphasis, a mention) and terminal control
 * sequences, and detectors for each platform that find such markup surviving as markup.
 */

/** A process name that is a masked link, plus an OSC title sequence and BEL. */
export const EVIL_PROCESS = '[Click_me](https://evil.example)\u001b]0;PWNED\u0007';
/** A peer "hostname" of emphasis marks. */
export const EVIL_HOST = '*evil*_host_~x~';
/** The question sent with the paste. */
export const EVIL_QUESTION =
  '[Click_me](https://evil.example) why is *this* `bad` <https://evil.example> \u001b[2J?';

/** 60 CLOSE_WAIT rows held by the hostile process, from the hostile host: a pile-up finding. */
export function hostilePaste(rows = 60): string {
  const lines: string[] = [];
  for (let i = 0; i < rows; i++) {
    lines.push(
      `tcp        1      0 10.0.0.5:8080           ${EVIL_HOST}:${50000 + i}          CLOSE_WAIT  4242/${EVIL_PROCESS}`,
    );
  }
  return lines.join('\n');
}

/** The hostile paste with the hostile question after it. */
export function hostileMessage(): string {
  return `${hostilePaste()}\n${EVIL_QUESTION}`;
}

/**
 * Slack mrkdwn that would link to evil.example behind other words (`<https://evil...|label>`),
 * or format the hostile words (`*this*`, `_host_`, `~x~` with their marks at word edges).
 */
export function slackMarkupFound(mrkdwn: string): string[] {
  const found: string[] = [];
  for (const m of mrkdwn.matchAll(/<(https?:\/\/evil\.example[^|>]*)\|([^>]*)>/g)) {
    if (m[2] !== m[1]) found.push(m[0]);
  }
  if (/<https?:\/\/evil\.example[^>]*\|/.test(mrkdwn)) found.push('a labelled evil.example link');
  for (const marked of [/(?:^|[\s(])\*this\*/, /(?:^|[\s(])\*evil\*/, /(?:^|\s)~x~/, /`bad`/]) {
    const m = marked.exec(mrkdwn);
    if (m) found.push(m[0]);
  }
  return found;
}

/** Discord markdown with an unescaped masked link to evil.example, or unescaped emphasis. */
export function discordMarkupFound(markdown: string): string[] {
  const found: string[] = [];
  const masked = /(?<!\\)\[[^\]\n]*(?<!\\)\]\(\s*<?https?:\/\/evil\.example/g;
  for (const m of markdown.matchAll(masked)) found.push(m[0]);
  for (const marked of [
    /(?<!\\)\*this(?<!\\)\*/,
    /(?<!\\)\*evil(?<!\\)\*/,
    /(?<!\\)`bad(?<!\\)`/,
  ]) {
    const m = marked.exec(markdown);
    if (m) found.push(m[0]);
  }
  return found;
}

/** Escape sequences and controls in terminal output other than the renderer's own colours. */
export function terminalControlsFound(text: string): string[] {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point.
  const withoutColours = text.replace(/\u001b\[[0-9;]*m/g, '');
  // biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point.
  return [...withoutColours.matchAll(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g)].map(
    (m) => `U+${(m[0].codePointAt(0) ?? 0).toString(16).padStart(4, '0')}`,
  );
}

/** Every string in a value (a Reply, rendered messages), walked depth first. */
export function allStrings(value: unknown): string[] {
  const out: string[] = [];
  const walk = (v: unknown): void => {
    if (typeof v === 'string') out.push(v);
    else if (Array.isArray(v)) {
      for (const x of v) walk(x);
    } else if (v && typeof v === 'object') {
      for (const x of Object.values(v)) walk(x);
    }
  };
  walk(value);
  return out;
}
