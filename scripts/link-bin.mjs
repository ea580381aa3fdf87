// npm does not link a project's own `bin` into its node_modules/.bin, so `npx tcp-triage`
// would look in the registry instead. After the build (`prepare`), link it here.
import { chmodSync, existsSync, mkdirSync, rmSync, symlinkSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const target = join(root, 'dist', 'src', 'cli.js');
const binDir = join(root, 'node_modules', '.bin');
const link = join(binDir, 'tcp-triage');
if (!existsSync(target)) {
  console.error(`link-bin: ${target} is missing; run the build first`);
  process.exit(1);
}
chmodSync(target, 0o755);
mkdirSync(binDir, { recursive: true });
rmSync(link, { force: true });
symlinkSync(relative(binDir, target), link);
