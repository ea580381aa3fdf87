import type { Article } from './article.js';
import { cacheDir, digest, kbFingerprint, readCache, writeCache } from './cache.js';
import { defaultKbDir } from './defaultDir.js';
import { invalidKbError } from './errors.js';
import { createKnowledgeBase, type KnowledgeBase } from './knowledgeBase.js';

/** Options of loadKnowledgeBase. */
export interface LoadOptions {
  /**
   * Reuse the parsed articles from the on-disk cache when no article (nor the loader) has
   * changed; a cold command line then skips YAML, markdown and schema work. Default false.
   */
  cache?: boolean;
  /** Environment consulted for the cache folder (see cacheDir); default process.env. */
  env?: NodeJS.ProcessEnv;
}

/**
 * Loads and validates `kb/**\/*.md` (default: the package's kb/ folder); throws KbError on any
 * problem. The parser (yaml, marked, zod) is only imported when the articles are parsed.
 */
export async function loadKnowledgeBase(
  dir: string = defaultKbDir(),
  options: LoadOptions = {},
): Promise<KnowledgeBase> {
  const root = options.cache ? cacheDir(options.env) : null;
  const key = `kb-${digest(dir).slice(0, 16)}`;
  const fingerprint = root ? await kbFingerprint(dir) : '';
  if (root) {
    const cached = await readCache<Article[]>(root, key, fingerprint);
    if (Array.isArray(cached)) return createKnowledgeBase(cached);
  }
  const { validateKnowledgeBase } = await import('./validate.js');
  const { articles, problems } = await validateKnowledgeBase(dir);
  if (problems.length > 0) throw invalidKbError(problems);
  if (root) await writeCache(root, key, fingerprint, articles);
  return createKnowledgeBase(articles);
}
