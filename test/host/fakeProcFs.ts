import type { ProcFs } from '../../src/host/procFs.js';

/** A /proc held in memory: files, directories and links; `denied` paths refuse with EACCES. */
export function fakeProcFs(
  files: Record<string, string>,
  links: Record<string, string> = {},
  denied: readonly string[] = [],
): ProcFs {
  const refuse = (path: string): void => {
    if (denied.includes(path)) {
      throw Object.assign(new Error(`EACCES: permission denied, scandir '/${path}'`), {
        code: 'EACCES',
      });
    }
  };
  const all = [...Object.keys(files), ...Object.keys(links), ...denied];
  return {
    readText(path) {
      refuse(path);
      return files[path];
    },
    list(path) {
      refuse(path);
      const prefix = `${path}/`;
      const names = new Set<string>();
      for (const p of all) {
        if (p.startsWith(prefix)) names.add(p.slice(prefix.length).split('/')[0] as string);
      }
      if (names.size === 0) throw Object.assign(new Error('ENOENT'), { code: 'ENOENT' });
      return [...names];
    },
    link(path) {
      refuse(path);
      const target = links[path];
      if (target === undefined) throw Object.assign(new Error('ENOENT'), { code: 'ENOENT' });
      return target;
    },
  };
}
