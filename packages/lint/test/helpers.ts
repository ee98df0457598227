// Test helpers: fixture repositories copied to temporary folders, and the repository's own tools on PATH.
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';

/** The fixture repositories. */
export const FIXTURES = join(import.meta.dirname, 'fixtures');

/** This repository's node_modules/.bin, where ESLint, Prettier, tsc and markdownlint-cli2 are installed. */
export const REPO_BIN = join(import.meta.dirname, '..', '..', '..', 'node_modules', '.bin');

/** PATH with the repository's tools first (as `npm test` has it), so the tests also work when run otherwise. */
export const TOOLS_PATH = [REPO_BIN, process.env.PATH ?? '/usr/bin:/bin'].join(delimiter);

const temps: string[] = [];

/** A fresh temporary folder, removed by `removeTemps`. */
export async function tempDir(prefix = 'flowkit-lint-test-'): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  temps.push(dir);
  return dir;
}

/** A copy of fixture `name` in a temporary folder (at `subdir` inside it, if given); returns the copy's root. */
export async function copyFixture(name: string, subdir = ''): Promise<string> {
  const root = await tempDir();
  await cp(join(FIXTURES, name), join(root, subdir), { recursive: true });
  return root;
}

/** Removes every temporary folder made so far. */
export async function removeTemps(): Promise<void> {
  await Promise.all(temps.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
}
