// Finds a linter's executable: the repository's own node_modules/.bin first, then PATH.
import { accessSync, constants, statSync } from 'node:fs';
import { delimiter, dirname, join, relative, resolve } from 'node:path';

/** The node_modules/.bin folders from `cwd` up to `root`, nearest first (hoisted installs sit higher up). */
export function binDirs(root: string, cwd: string): string[] {
  const dirs: string[] = [];
  let dir = resolve(cwd);
  const top = resolve(root);
  for (;;) {
    dirs.push(join(dir, 'node_modules', '.bin'));
    if (dir === top || relative(top, dir).startsWith('..')) break;
    const parent = dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  return dirs;
}

/** The path of executable `name` in the repository's bin folders or on `path`, or undefined. */
export function findTool(
  name: string,
  where: { root: string; cwd: string; path: string | undefined },
): string | undefined {
  const dirs = [...binDirs(where.root, where.cwd), ...(where.path ?? '').split(delimiter).filter(Boolean)];
  for (const dir of dirs) {
    const candidate = join(dir, name);
    if (isExecutable(candidate)) return candidate;
  }
  return undefined;
}

/** Variables a linted repository's code (an ESLint config, a plugin) must not see: the step's inputs hold the token. */
const PRIVATE = /^(INPUT_|ACTIONS_RUNTIME_TOKEN$|ACTIONS_ID_TOKEN_REQUEST_)/;

/**
 * The environment a tool runs in: PATH with the repository's bin folders first, no colours, and without the step's
 * inputs and the runner's tokens (linters run code from the repository, which may come from a pull request).
 */
export function toolEnvironment(root: string, cwd: string, env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return {
    ...Object.fromEntries(Object.entries(env).filter(([name]) => !PRIVATE.test(name))),
    PATH: [...binDirs(root, cwd), env.PATH ?? ''].filter(Boolean).join(delimiter),
    // Colour codes would end up in findings' messages.
    NO_COLOR: '1',
    FORCE_COLOR: '0',
  };
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
