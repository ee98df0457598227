// Finds where in the repository a test failed, from the stack frames in a failure's text.
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/** A place in a repository file; the path is relative to the repository root, with '/'. */
export interface SourceLocation {
  file: string;
  line: number;
  column?: number;
}

/** Where paths in a failure are resolved: the repository root, and the folder Playwright ran in. */
export interface LocationContext {
  root: string;
  cwd: string;
  /**
   * Repository-relative paths of the spec files, for failures without a usable stack frame: Playwright's
   * header names the file relative to testDir (`› checkout.spec.ts:5:3 ›`), which one such path must end with.
   */
  specFiles?: readonly string[];
}

// `at /abs/file.ts:8:66`, `at fn (/abs/file.ts:8:66)`, `at file:///abs/file.ts:8:66`, `at tests/a.spec.ts:8:66`.
const FRAME = /^\s*at (?:.*? \()?((?:file:\/\/)?[^\s()]+?):(\d+):(\d+)\)?\s*$/gm;
// Playwright's header line: `[project] › path/to/file.spec.ts:5:3 › describe › title`.
const HEADER = /(?:^|\s)›\s+([^\s›]+?):(\d+):(\d+)\s+›/m;

/**
 * The first stack frame in `text` that points at a file inside the repository and outside node_modules (the
 * test's own line, skipping Playwright's internals), else the test's declaration from Playwright's header when
 * exactly one spec file matches it; undefined when neither is found.
 */
export function locateFailure(text: string, context: LocationContext): SourceLocation | undefined {
  for (const match of text.matchAll(FRAME)) {
    const [, path = '', line = '', column = ''] = match;
    const file = insideRepository(path, context);
    if (file !== undefined && !file.split('/').includes('node_modules')) {
      return { file, line: Number(line), column: Number(column) };
    }
  }
  const header = HEADER.exec(text);
  if (header && context.specFiles) {
    const [, path = '', line = '', column = ''] = header;
    const candidates = context.specFiles.filter((file) => file === path || file.endsWith(`/${path}`));
    if (candidates.length === 1 && candidates[0] !== undefined) {
      return { file: candidates[0], line: Number(line), column: Number(column) };
    }
  }
  return undefined;
}

function insideRepository(path: string, context: LocationContext): string | undefined {
  let absolute: string;
  try {
    absolute = path.startsWith('file://') ? fileURLToPath(path) : resolve(context.cwd, path);
  } catch {
    return undefined;
  }
  const inside = relative(resolve(context.root), absolute);
  if (inside === '' || inside.startsWith('..') || isAbsolute(inside)) return undefined;
  return inside.split(sep).join('/');
}
