import type { Article } from '../kb/article.js';
import { cacheDir, codeStamp, digest, kbFingerprint, readCache, writeCache } from '../kb/cache.js';
import { defaultKbDir } from '../kb/defaultDir.js';
import { createKnowledgeBase, type KnowledgeBase } from '../kb/knowledgeBase.js';
import { loadKnowledgeBase } from '../kb/load.js';
import { KbSearch } from './kbSearch.js';
import { buildRecords, type SearchRecords } from './records.js';

/** Options of openKbSearch. */
export interface OpenOptions {
  /** The kb folder; default the package's kb/. */
  dir?: string;
  /**
   * Keep the parsed articles and their search records in the on-disk cache (kb/cache.ts),
   * keyed by the articles' and the code's stamps. For short-lived processes such as
   * `tcp-triage ask`; default false.
   */
  cache?: boolean;
  /** Environment consulted for the cache folder (see cacheDir); default process.env. */
  env?: NodeJS.ProcessEnv;
}

/** What one cache entry holds: everything a cold `ask` needs, read in one go. */
interface Bundle {
  articles: Article[];
  records: SearchRecords;
}

/** Loads the knowledge base and its search index, from the cache when allowed and fresh. */
export async function openKbSearch(
  options: OpenOptions = {},
): Promise<{ kb: KnowledgeBase; search: KbSearch }> {
  const dir = options.dir ?? defaultKbDir();
  const root = options.cache ? cacheDir(options.env) : null;
  if (!root) {
    const kb = await loadKnowledgeBase(dir);
    return { kb, search: new KbSearch(kb) };
  }
  const key = `ask-${digest(dir).slice(0, 16)}`;
  const fingerprint = digest(await kbFingerprint(dir), await codeStamp(import.meta.url));
  const cached = await readCache<Bundle>(root, key, fingerprint);
  if (
    cached &&
    Array.isArray(cached.articles) &&
    cached.records?.facts?.length === cached.articles.length
  ) {
    const kb = createKnowledgeBase(cached.articles);
    return { kb, search: new KbSearch(kb, {}, cached.records) };
  }
  const kb = await loadKnowledgeBase(dir);
  const records = buildRecords(kb.articles);
  await writeCache(root, key, fingerprint, { articles: kb.articles, records } satisfies Bundle);
  return { kb, search: new KbSearch(kb, {}, records) };
}
