import type { Stage } from './draft.js';

const WORD_RUN = /[A-Za-z0-9_]+(?:[ \t-]+[A-Za-z0-9_]+)*/g;
const MAX_PARTS = 5;

/**
 * A stage that rejoins setting names people type apart or shortened, using the names the
 * knowledge base knows: `tcp fin timeout` -> `tcp_fin_timeout`, `max user port` ->
 * `maxuserport`, `tw_reuse` -> `tcp_tw_reuse`.
 */
export function joinKnownNames(names: ReadonlySet<string>): Stage {
  // Unique suffixes after a prefix such as tcp_ (tw_reuse -> tcp_tw_reuse).
  const bySuffix = new Map<string, string | null>();
  for (const name of names) {
    const cut = name.indexOf('_');
    if (cut < 0) continue;
    const suffix = name.slice(cut + 1);
    if (!suffix.includes('_')) continue;
    bySuffix.set(suffix, bySuffix.has(suffix) ? null : name);
  }
  const lookup = (candidate: string): string | undefined => {
    if (names.has(candidate)) return candidate;
    return bySuffix.get(candidate) ?? undefined;
  };
  const joinRun = (run: string): string => {
    const words = run.split(/[ \t-]+/);
    const out: string[] = [];
    let i = 0;
    while (i < words.length) {
      let taken = 0;
      for (let n = Math.min(MAX_PARTS, words.length - i); n >= 1 && taken === 0; n--) {
        const parts = words.slice(i, i + n).map((w) => w.toLowerCase());
        const hit =
          (n > 1 || parts[0]?.includes('_') ? lookup(parts.join('_')) : undefined) ??
          (n > 1 ? lookup(parts.join('')) : undefined);
        if (hit) {
          out.push(hit);
          taken = n;
        }
      }
      if (taken === 0) {
        out.push(words[i] ?? '');
        taken = 1;
      }
      i += taken;
    }
    return out.join(' ');
  };
  return (draft) => {
    draft.text = draft.text.replace(WORD_RUN, joinRun);
    for (const m of draft.text.matchAll(/[a-z0-9_]+/g)) {
      if (names.has(m[0])) draft.settings.add(m[0]);
    }
  };
}
