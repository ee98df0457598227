// Lists what a tree scan reads: the files git tracks in a checkout, else every file below the root.
import { execFile } from 'node:child_process';
import { type Dirent, existsSync } from 'node:fs';
import { lstat, readdir } from 'node:fs/promises';
import { join } from 'node:path';

/** Directories a walk never enters: git's own data and installed dependencies. */
export const WALK_SKIPPED_DIRECTORIES: ReadonlySet<string> = new Set(['.git', 'node_modules']);

/** The files of a tree, relative to its root with '/', and how they were listed. */
export interface TreeFileList {
  files: string[];
  /** `git`: `git ls-files` of a checkout; `walk`: a directory walk. */
  source: 'git' | 'walk';
  /** Symbolic links the walk passed over (git lists them; the reader skips them then). */
  symlinks: number;
  /** Directories the walk could not read, each ending with '/'. */
  unreadableDirectories: string[];
}

/** Lists the files git tracks under `root`, or undefined when git cannot (not a repository, no git). */
export type GitFileLister = (root: string) => Promise<string[] | undefined>;

/** Runs `git ls-files -z` in `root`. */
export const gitLsFiles: GitFileLister = (root) =>
  new Promise((resolve) => {
    execFile(
      'git',
      ['ls-files', '-z'],
      { cwd: root, maxBuffer: 1024 * 1024 * 1024, encoding: 'utf8' },
      (error, stdout) => resolve(error ? undefined : stdout.split('\0').filter((file) => file !== '')),
    );
  });

/**
 * The files to scan under `root`: when `root` is the top of a git checkout (it holds `.git`), the files
 * `git ls-files` lists, so build output and ignored files are left out as the repository leaves them out;
 * otherwise (or when git fails) a walk that skips `.git`, `node_modules` and symbolic links.
 */
export async function listTreeFiles(
  root: string,
  listGitFiles: GitFileLister = gitLsFiles,
): Promise<TreeFileList> {
  if (existsSync(join(root, '.git'))) {
    const files = await listGitFiles(root);
    if (files !== undefined) return { files, source: 'git', symlinks: 0, unreadableDirectories: [] };
  }
  const listed: TreeFileList = { files: [], source: 'walk', symlinks: 0, unreadableDirectories: [] };
  listed.symlinks = await walk(root, '', listed);
  return listed;
}

async function walk(root: string, relative: string, listed: TreeFileList): Promise<number> {
  const { files } = listed;
  let entries: Dirent[];
  try {
    entries = await readdir(relative === '' ? root : join(root, relative), { withFileTypes: true });
  } catch (error) {
    // The root itself must be readable; a subdirectory that is not is reported, and the walk goes on.
    if (relative === '') throw error;
    listed.unreadableDirectories.push(`${relative}/`);
    return 0;
  }
  const subdirectories: string[] = [];
  let symlinks = 0;
  for (const entry of entries) {
    const path = relative === '' ? entry.name : `${relative}/${entry.name}`;
    let kind = kindOf(entry);
    if (kind === 'other') {
      // Some file systems do not report the type in the listing; ask for it.
      const stats = await lstat(join(root, path)).catch(() => undefined);
      if (stats !== undefined) kind = kindOf(stats);
    }
    if (kind === 'file') files.push(path);
    else if (kind === 'symlink') symlinks++;
    else if (kind === 'directory' && !WALK_SKIPPED_DIRECTORIES.has(entry.name)) subdirectories.push(path);
  }
  // Sibling directories are read concurrently; the order of `files` does not matter (findings are sorted).
  const counts = await Promise.all(subdirectories.map((path) => walk(root, path, listed)));
  return counts.reduce((sum, count) => sum + count, symlinks);
}

/** What a directory entry is; sockets, FIFOs and devices are `other`, and never read. */
function kindOf(entry: {
  isFile(): boolean;
  isDirectory(): boolean;
  isSymbolicLink(): boolean;
}): 'file' | 'directory' | 'symlink' | 'other' {
  if (entry.isFile()) return 'file';
  if (entry.isDirectory()) return 'directory';
  if (entry.isSymbolicLink()) return 'symlink';
  return 'other';
}
