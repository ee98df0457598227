// Cache keys for linter caches (ESLint, Prettier, tsc): the OS, the linter, the lockfile and the config files.
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { existingFiles } from './files.ts';
import type { LinterName } from './linter.ts';
import type { LintPlan } from './plan.ts';
import { linterCacheDir } from './run.ts';

/** Lockfiles that pin the linters' versions (and their plugins'). */
export const LOCKFILES = [
  'package-lock.json',
  'npm-shrinkwrap.json',
  'yarn.lock',
  'pnpm-lock.yaml',
  'bun.lock',
  'bun.lockb',
];

/** What a cache key is made of. */
export interface CacheKeyParts {
  /** RUNNER_OS, e.g. Linux. */
  os: string;
  /** RUNNER_ARCH, e.g. X64. */
  arch: string;
  linter: string;
  /** Hash of the lockfile(s); 'none' without one. */
  lockfileHash: string;
  /** Hash of the linter's config files; 'none' without any. */
  configHash: string;
  /** What makes this run's save new (the commit): cache entries are immutable, so each run saves its own. */
  run: string;
}

/** A cache key and the prefixes to restore from when it is not there, most specific first. */
export interface CacheKey {
  key: string;
  restoreKeys: string[];
}

/**
 * `flowkit-lint-v1-<os>-<arch>-<linter>-<lockfile>-<config>-<run>`. Restoring falls back to the newest cache
 * with the same lockfile and config, then the same lockfile: each linter's cache notices a config change
 * itself, but not a new plugin version, so a lockfile change starts afresh.
 */
export function cacheKey(parts: CacheKeyParts): CacheKey {
  // Cache keys may not contain commas, and are at most 512 characters.
  const clean = (text: string) => text.replace(/[,\s]+/g, '_').slice(0, 64);
  const base = `flowkit-lint-v1-${clean(parts.os)}-${clean(parts.arch)}-${clean(parts.linter)}`;
  const withLock = `${base}-${clean(parts.lockfileHash).slice(0, 16)}`;
  const withConfig = `${withLock}-${clean(parts.configHash).slice(0, 16)}`;
  return { key: `${withConfig}-${clean(parts.run)}`, restoreKeys: [`${withConfig}-`, `${withLock}-`] };
}

/** SHA-256 over `salt` and each file's name and content, in order; 'none' for no files. */
export async function hashFiles(dir: string, files: readonly string[], salt = ''): Promise<string> {
  if (files.length === 0) return 'none';
  const hash = createHash('sha256').update(`${salt}\0`);
  for (const file of files) {
    hash.update(`${file}\0`);
    hash.update(await readFile(join(dir, file)).catch(() => Buffer.alloc(0)));
    hash.update('\0');
  }
  return hash.digest('hex');
}

/** One linter's cache: the folder to restore and save, and its key. */
export interface CacheEntry extends CacheKey {
  linter: LinterName;
  path: string;
}

/**
 * The caches of the planned linters that keep one, under `cacheRoot`. The lockfile is the working
 * directory's, else the repository root's (a monorepo's single lockfile).
 */
export async function cacheEntries(
  plan: LintPlan,
  cacheRoot: string,
  run: { os: string; arch: string; run: string },
): Promise<CacheEntry[]> {
  const local = existingFiles(plan.cwd, LOCKFILES);
  const lockDir = local.length > 0 ? plan.cwd : plan.root;
  const lockfileHash = await hashFiles(
    lockDir,
    local.length > 0 ? local : existingFiles(plan.root, LOCKFILES),
  );
  const entries: CacheEntry[] = [];
  for (const { linter, detection, tool } of plan.linters) {
    if (!linter.caches || tool === undefined) continue;
    // Two working directories of one repository keep separate caches, even with identical configs.
    const configHash = await hashFiles(plan.cwd, detection.configFiles, relative(plan.root, plan.cwd));
    entries.push({
      linter: linter.name,
      path: linterCacheDir(cacheRoot, linter.name),
      ...cacheKey({ ...run, linter: linter.name, lockfileHash, configHash }),
    });
  }
  return entries;
}
