import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/** Front matter + body for a small valid article; `over` replaces front-matter lines. */
export function articleText(
  id: string,
  over: Partial<
    Record<'title' | 'aliases' | 'topics' | 'states' | 'sources' | 'related', string>
  > = {},
  body = `The answer for ${id}, in one paragraph.\n\n## Details\n\nMore about ${id}.\n`,
): string {
  const fm = {
    title: `title: ${id} title`,
    aliases: 'aliases: []',
    topics: 'topics: [state-time-wait]',
    states: 'states: [TIME_WAIT]',
    sources: 'sources:\n  - title: RFC 9293\n    url: https://www.rfc-editor.org/rfc/rfc9293',
    related: '',
    ...over,
  };
  return `---\nid: ${id}\n${Object.values(fm).filter(Boolean).join('\n')}\n---\n${body}`;
}

/** Writes `files` (relative path -> text) into a fresh temp folder; returns it and a cleanup. */
export async function writeFixtureKb(
  files: Record<string, string>,
): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'kb-fixture-'));
  for (const [rel, text] of Object.entries(files)) {
    await mkdir(dirname(join(dir, rel)), { recursive: true });
    await writeFile(join(dir, rel), text);
  }
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) };
}
