/** Shared set-up for the bot tests: the real knowledge base, search, reader and triage. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Bot, type BotOptions } from '../../src/bot/bot.js';
import { loadKnowledgeBase } from '../../src/kb/index.js';
import type { KnowledgeBase } from '../../src/kb/knowledgeBase.js';
import { looksLikeSocketTable, readText } from '../../src/netstat/index.js';
import { KbSearch } from '../../src/search/index.js';
import { triage } from '../../src/triage/index.js';

export const FIXTURES = join(import.meta.dirname, '..', 'fixtures');

let kbPromise: Promise<KnowledgeBase> | undefined;

/** The package's knowledge base, loaded once per test file. */
export function knowledgeBase(): Promise<KnowledgeBase> {
  kbPromise ??= loadKnowledgeBase();
  return kbPromise;
}

/** A bot on the real modules, with options for the test. */
export async function realBot(options: Partial<BotOptions> = {}): Promise<Bot> {
  const kb = await knowledgeBase();
  return new Bot({ kb, search: new KbSearch(kb), readText, triage, looksLikeSocketTable }, options);
}

/** The sample pastes (test/fixtures/pastes, sources in its SOURCES.md). */
export function samplePastes(): { name: string; text: string }[] {
  const dir = join(FIXTURES, 'pastes');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((name) => ({ name, text: readFileSync(join(dir, name), 'utf8') }));
}

/** The sample questions (test/fixtures/questions.tsv): question and expected topic. */
export function sampleQuestions(): { question: string; topic: string }[] {
  return readFileSync(join(FIXTURES, 'questions.tsv'), 'utf8')
    .split('\n')
    .filter((l) => l.trim() && !l.startsWith('#'))
    .slice(1)
    .map((l) => {
      const [question = '', topic = ''] = l.split('\t');
      return { question, topic };
    });
}
