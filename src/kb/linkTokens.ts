import { marked, type Token } from 'marked';
import { type KbLink, parseKbHref } from './links.js';

/** Every kb: link among the tokens (walks nested tokens, list items and table cells). */
export function findKbLinks(tokens: readonly Token[]): KbLink[] {
  const links: KbLink[] = [];
  marked.walkTokens(tokens as Token[], (token) => {
    if (token.type !== 'link') return;
    const target = parseKbHref(token.href);
    if (target) links.push({ text: token.text, ...target });
  });
  return links;
}
