// Golden snapshots: every listing the other tests feed the reader (test/netstat/golden/<format>/<case>.txt)
// and every sample paste (snapshots in golden/pastes/), with the Snapshot the reader made of it beside it. They were recorded
// before the reader was split into format modules, so a refactor shows up here byte for byte;
// a deliberate change of behaviour is re-recorded with `npx vitest run -u` and reviewed in git.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readText, SocketTableReader } from '../../src/netstat/index.js';

const goldenDir = new URL('./golden/', import.meta.url);
const pastesDir = new URL('../fixtures/pastes/', import.meta.url);

const cases: [string, URL][] = [];
for (const format of readdirSync(goldenDir)) {
  if (format === 'pastes') continue;
  for (const file of readdirSync(new URL(`${format}/`, goldenDir))) {
    if (file.endsWith('.txt'))
      cases.push([`${format}/${file}`, new URL(`${format}/${file}`, goldenDir)]);
  }
}
for (const file of readdirSync(pastesDir)) {
  if (file.endsWith('.txt')) cases.push([`pastes/${file}`, new URL(file, pastesDir)]);
}

describe('golden snapshots', () => {
  it.each(cases)('%s', async (name, url) => {
    const text = readFileSync(url, 'utf8');
    const snapshot = readText(text);
    // The text path alone (no WebAssembly scanner) must make the same Snapshot.
    const plain = new SocketTableReader({}, { byteScanner: false });
    plain.push(Buffer.from(text, 'utf8').toString('latin1'));
    expect(plain.end()).toEqual(snapshot);
    const out = new URL(`./golden/${name.replace(/\.txt$/, '.snapshot.json')}`, import.meta.url);
    await expect(`${JSON.stringify(snapshot, null, 1)}\n`).toMatchFileSnapshot(out.pathname);
  });
});
