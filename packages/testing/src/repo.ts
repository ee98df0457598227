// Finds the Flowkit repository root, so tests and helpers can name files relative to it.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

let cached: string | undefined;

/** The directory whose package.json is Flowkit's root ("name": "flowkit"). */
export function repoRoot(): string {
  if (cached !== undefined) return cached;
  let dir = dirname(fileURLToPath(import.meta.url));
  while (dir !== dirname(dir)) {
    const manifest = join(dir, 'package.json');
    if (
      existsSync(manifest) &&
      (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === 'flowkit'
    ) {
      cached = dir;
      return dir;
    }
    dir = dirname(dir);
  }
  throw new Error('Flowkit repository root not found above packages/testing');
}
