// Pins Flowkit's own action and workflow references to a release commit, so a pinned release runs its own actions.
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** Where Flowkit is published; workflows reference its actions as `<this>/actions/<name>@<ref>`. */
export const FLOWKIT_REPOSITORY = 'flowkit/flowkit';

/** The directories whose YAML files reference Flowkit's actions and reusable workflows. */
export const REFERENCING_DIRECTORIES = ['.github/workflows', 'workflow-templates'];

/**
 * Rewrites every `uses: <repository>/(actions/…|.github/workflows/….yml)@<ref>` to `@<sha> # <version>`, leaving
 * every other `uses:` alone. Returns the new text and how many references changed.
 */
export function pinFlowkitReferences(
  text: string,
  sha: string,
  version: string,
  repository = FLOWKIT_REPOSITORY,
): { text: string; pinned: number } {
  if (!/^[0-9a-f]{40}$/.test(sha)) throw new Error(`not a full commit SHA: '${sha}'`);
  const escaped = repository.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  const reference = new RegExp(
    `^(\\s*(?:-\\s+)?uses:\\s*)(${escaped}/(?:actions/[\\w.-]+|\\.github/workflows/[\\w.-]+\\.ya?ml))@[^\\s#]+(?:\\s*#.*)?$`,
    'gm',
  );
  let pinned = 0;
  const result = text.replace(reference, (_line, prefix: string, path: string) => {
    pinned++;
    return `${prefix}${path}@${sha} # ${version}`;
  });
  return { text: result, pinned };
}

/** Applies `pinFlowkitReferences` to every referencing file under `root`; returns the files it changed. */
export async function pinRepository(
  root: string,
  sha: string,
  version: string,
  repository = FLOWKIT_REPOSITORY,
): Promise<string[]> {
  const changed: string[] = [];
  for (const directory of REFERENCING_DIRECTORIES) {
    const names = await readdir(join(root, directory)).catch(() => [] as string[]);
    for (const name of names.filter((file) => /\.ya?ml$/.test(file))) {
      const path = join(root, directory, name);
      const before = await readFile(path, 'utf8');
      const { text, pinned } = pinFlowkitReferences(before, sha, version, repository);
      if (pinned > 0) {
        await writeFile(path, text);
        changed.push(`${directory}/${name}`);
      }
    }
  }
  return changed;
}
