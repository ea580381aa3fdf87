import { readdir } from 'node:fs/promises';
import { sep } from 'node:path';
import { KbError, KbErrorCode } from './errors.js';

/** Markdown files under `dir`, relative, sorted; README.md and `_`-prefixed files are not articles. */
export async function listArticleFiles(dir: string): Promise<string[]> {
  let entries: string[];
  try {
    entries = await readdir(dir, { recursive: true });
  } catch (err) {
    throw new KbError(
      KbErrorCode.NotFound,
      `cannot read knowledge base folder ${dir}: ${(err as Error).message}`,
    );
  }
  return entries
    .filter((p) => p.endsWith('.md'))
    .filter((p) => {
      const name = p.split(sep).pop() ?? p;
      return name.toLowerCase() !== 'readme.md' && !name.startsWith('_');
    })
    .map((p) => p.split(sep).join('/'))
    .sort();
}
