import { readFileSync } from 'node:fs';

/** The part of the WebAssembly JS API used here (the TypeScript lib in use does not declare it). */
declare const WebAssembly: {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => WasmInstance;
};

/** An instance of one of the project's modules (built from assembly/ into dist/). */
export interface WasmInstance {
  exports: unknown;
}

/** Where the modules are: beside dist/src when running the build, under dist/ when running sources. */
const DIRS = ['../../', '../../dist/'];
const modules = new Map<string, object | null>();

/**
 * A new instance of dist/<name>, or undefined when it has not been built. Modules are a few
 * KB and take no imports: compiling one synchronously costs well under a millisecond, once.
 */
export function instantiate(name: string): WasmInstance | undefined {
  let module = modules.get(name);
  if (module === undefined) {
    module = null;
    for (const dir of DIRS) {
      try {
        module = new WebAssembly.Module(readFileSync(new URL(dir + name, import.meta.url)));
        break;
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
      }
    }
    modules.set(name, module);
  }
  return module === null ? undefined : new WebAssembly.Instance(module, {});
}
