/** A `[text](kb:article-id#section)` cross-link found in an article body. */
export interface KbLink {
  text: string;
  id: string;
  /** The `#section` part, when the link names one. */
  section?: string;
}

const KB_HREF = /^kb:([^#\s]*)(?:#(\S*))?$/;

/** Parses `kb:id` or `kb:id#section`; null for other hrefs. */
export function parseKbHref(href: string): { id: string; section?: string } | null {
  const m = KB_HREF.exec(href);
  if (!m) return null;
  return m[2] ? { id: m[1] ?? '', section: m[2] } : { id: m[1] ?? '' };
}

/** How a cross-link is shown where links cannot be followed: the link text plus a pointer. */
export type KbLinkRenderer = (link: KbLink) => string;

// The link syntax as written in our articles: no nested brackets, no spaces in the target.
const KB_LINK_SOURCE = /\[([^\]\n]*)\]\((kb:[^)\s]*)\)/g;

/** Replaces every `[text](kb:id)` in markdown with what `render` returns for it. */
export function replaceKbLinks(markdown: string, render: KbLinkRenderer): string {
  return markdown.replace(KB_LINK_SOURCE, (whole, text: string, href: string) => {
    const target = parseKbHref(href);
    return target ? render({ text, ...target }) : whole;
  });
}
