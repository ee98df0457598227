// Prepares a release: pins Flowkit's own action and reusable-workflow references to the release commit.
// Usage: node scripts/release.ts --sha <40-hex commit> --version vX.Y.Z [--repository owner/name]
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { FLOWKIT_REPOSITORY, pinRepository } from './lib/release.ts';

const { values } = parseArgs({
  options: { sha: { type: 'string' }, version: { type: 'string' }, repository: { type: 'string' } },
});
if (!values.sha || !values.version) {
  console.error(
    'usage: node scripts/release.ts --sha <40-hex commit> --version vX.Y.Z [--repository owner/name]',
  );
  process.exit(2);
}
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
try {
  const changed = await pinRepository(
    root,
    values.sha,
    values.version,
    values.repository ?? FLOWKIT_REPOSITORY,
  );
  console.log(
    changed.length === 0
      ? 'no Flowkit references found'
      : `pinned Flowkit references in: ${changed.join(', ')}`,
  );
} catch (error) {
  console.error(`release failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
