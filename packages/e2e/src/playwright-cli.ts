// Finds the repository's own Playwright CLI: node_modules/.bin/playwright from the working directory up to the root.
import { accessSync, constants, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

/**
 * The nearest node_modules/.bin/playwright from `cwd` up to `root` (hoisted installs sit higher up), or undefined.
 * Never one from PATH: the tests must run with the @playwright/test version the repository pins.
 */
export function findPlaywright(root: string, cwd: string): string | undefined {
  const top = resolve(root);
  let dir = resolve(cwd);
  for (;;) {
    const candidate = join(dir, 'node_modules', '.bin', 'playwright');
    if (isExecutable(candidate)) return candidate;
    if (dir === top || relative(top, dir).startsWith('..')) return undefined;
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

function isExecutable(path: string): boolean {
  try {
    if (!statSync(path).isFile()) return false;
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}
