/** Small text helpers shared by the reply builders. */
import type { Article } from '../../kb/article.js';
import type { KnowledgeBase } from '../../kb/knowledgeBase.js';
import { replaceKbLinks } from '../../kb/links.js';
import type { Severity } from '../../triage/verdict.js';
import type { ReplyLink, ReplyTone } from '../reply.js';

/** 1450 -> "1,450". */
export function formatCount(n: number): string {
  return Math.round(n).toLocaleString('en-US');
}

/** A rate with a sign: +62, -3.5, +0.2. */
export function formatRate(n: number): string {
  const abs = Math.abs(n);
  const shown = abs >= 10 ? formatCount(abs) : abs.toFixed(1).replace(/\.0$/, '');
  return `${n < 0 ? '-' : '+'}${shown}`;
}

/** 40 s, 12 min, 2 h 5 min. */
export function formatDuration(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  if (s < 60) return `${s} s`;
  const min = Math.round(s / 60);
  if (min < 60) return `${min} min`;
  const h = Math.floor(min / 60);
  const rest = min % 60;
  return rest ? `${h} h ${rest} min` : `${h} h`;
}

/** The reply tone of a triage severity. */
export function toneOf(severity: Severity): ReplyTone {
  return severity;
}

/**
 * Turns `[text](kb:id)` cross-links into plain readable text (the link text), and reports
 * which articles were linked so the reply can offer them as follow-ups.
 */
export function renderKbLinks(
  markdown: string,
  kb?: KnowledgeBase,
): { text: string; linked: string[] } {
  const linked: string[] = [];
  const text = replaceKbLinks(markdown, (link) => {
    if (!linked.includes(link.id) && (!kb || kb.get(link.id))) linked.push(link.id);
    return link.text || kb?.get(link.id)?.title || link.id;
  });
  return { text, linked };
}

/** An article's sources as reply links. */
export function sourceLinks(article: Article, max = 6): ReplyLink[] {
  return article.sources.slice(0, max).map((s) => ({ title: s.title, url: s.url }));
}

/** Adds items to a list once each, keeping order, up to a maximum length. */
export function addUnique(
  list: string[],
  items: readonly string[],
  max = Number.POSITIVE_INFINITY,
): string[] {
  for (const item of items) {
    if (list.length >= max) break;
    if (!list.includes(item)) list.push(item);
  }
  return list;
}
