import { readdirSync } from 'node:fs';
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
  return articleFiles(entries);
}

function articleFiles(entries: readonly string[]): string[] {
  return entries
    .filter((p) => p.endsWith('.md'))
    .filter((p) => {
      const name = p.split(sep).pop() ?? p;
      return name.toLowerCase() !== 'readme.md' && !name.startsWith('_');
    })
    .map((p) => p.split(sep).join('/'))
    .sort();
}

/** listArticleFiles, synchronously (for the cache check of a cold command line). */
export function listArticleFilesSync(dir: string): string[] {
  let entries: string[];
  try {
    entries = readdirSync(dir, { recursive: true }).map(String);
  } catch (err) {
    throw new KbError(
      KbErrorCode.NotFound,
      `cannot read knowledge base folder ${dir}: ${(err as Error).message}`,
    );
  }
  return articleFiles(entries);
}
