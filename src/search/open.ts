import { cacheDir, codeStamp, digest, kbFingerprint, readCache, writeCache } from '../kb/cache.js';
import { defaultKbDir } from '../kb/defaultDir.js';
import type { KnowledgeBase } from '../kb/knowledgeBase.js';
import { loadKnowledgeBase } from '../kb/load.js';
import { KbSearch } from './kbSearch.js';
import { buildRecords, type SearchRecords } from './records.js';

/** Options of openKbSearch. */
export interface OpenOptions {
  /** The kb folder; default the package's kb/. */
  dir?: string;
  /**
   * Keep parsed articles and search records in the on-disk cache (kb/cache.ts), keyed by the
   * articles' and the code's stamps. For short-lived processes such as `tcp-triage ask`.
   */
  cache?: boolean;
  env?: NodeJS.ProcessEnv;
}

/** Loads the knowledge base and its search index, from the cache when allowed and fresh. */
export async function openKbSearch(
  options: OpenOptions = {},
): Promise<{ kb: KnowledgeBase; search: KbSearch }> {
  const dir = options.dir ?? defaultKbDir();
  const kb = await loadKnowledgeBase(dir, options);
  const root = options.cache ? cacheDir(options.env) : null;
  if (!root) return { kb, search: new KbSearch(kb) };
  const key = `search-${digest(dir).slice(0, 16)}`;
  const fingerprint = digest(await kbFingerprint(dir), await codeStamp(import.meta.url));
  let records = await readCache<SearchRecords>(root, key, fingerprint);
  if (!records || !Array.isArray(records.facts) || records.facts.length !== kb.articles.length) {
    records = buildRecords(kb.articles);
    await writeCache(root, key, fingerprint, records);
  }
  return { kb, search: new KbSearch(kb, {}, records) };
}
