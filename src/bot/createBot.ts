/** Builds the real bot: the package's knowledge base, its search, the reader and triage. */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadKnowledgeBase } from '../kb/index.js';
import { readText } from '../netstat/index.js';
import { KbSearch } from '../search/index.js';
import { triage } from '../triage/index.js';
import { Bot, type BotOptions } from './bot.js';

/** The package's version, from the package.json above this module (src/ or dist/src/). */
export function packageVersion(from: string = fileURLToPath(import.meta.url)): string {
  let dir = dirname(from);
  for (let i = 0; i < 6; i++) {
    try {
      const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as {
        name?: string;
        version?: string;
      };
      if (pkg.name === 'tcp-triage' && pkg.version) return pkg.version;
    } catch {
      // No package.json here: look one folder up.
    }
    dir = dirname(dir);
  }
  return 'unknown';
}

/** Options of `createBot`: the bot's options plus where the knowledge base lives. */
export interface CreateBotOptions extends Partial<BotOptions> {
  /** The kb/ folder; defaults to the package's own. */
  kbDir?: string;
}

/** Loads the knowledge base and returns a Bot wired to the real reader, triage and search. */
export async function createBot(options: CreateBotOptions = {}): Promise<Bot> {
  const { kbDir, ...botOptions } = options;
  const kb = await loadKnowledgeBase(kbDir);
  return new Bot(
    { kb, search: new KbSearch(kb), readText, triage },
    { version: packageVersion(), ...botOptions },
  );
}
