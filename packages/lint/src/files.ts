// Reads the repository: which config files exist, its shell scripts and workflows, and repository-relative paths.
import { existsSync } from 'node:fs';
import { open, readdir, readFile } from 'node:fs/promises';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';

/** Folders never searched: version control and installed packages. */
const SKIPPED_DIRS = new Set(['.git', 'node_modules']);

/** Which of `names` exist in `dir`, in the order given. */
export function existingFiles(dir: string, names: readonly string[]): string[] {
  return names.filter((name) => existsSync(join(dir, name)));
}

/** True when `dir`/package.json has the top-level `key` (e.g. "prettier", "eslintConfig"). */
export async function packageJsonHas(dir: string, key: string): Promise<boolean> {
  try {
    const manifest: unknown = JSON.parse(await readFile(join(dir, 'package.json'), 'utf8'));
    return typeof manifest === 'object' && manifest !== null && key in manifest;
  } catch {
    return false;
  }
}

/** Every file under `dir` (relative, with '/'), sorted, skipping .git and node_modules and symbolic links. */
export async function listFiles(dir: string): Promise<string[]> {
  const found: string[] = [];
  const walk = async (folder: string): Promise<void> => {
    let entries: import('node:fs').Dirent[];
    try {
      entries = await readdir(join(dir, folder), { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      const path = folder === '' ? entry.name : `${folder}/${entry.name}`;
      if (entry.isDirectory() && !SKIPPED_DIRS.has(entry.name)) await walk(path);
      else if (entry.isFile()) found.push(path);
    }
  };
  await walk('');
  return found.sort();
}

const SHELL_EXTENSION = /\.(sh|bash)$/;
/** `#!/bin/sh`, `#!/usr/bin/env bash`, `#! /bin/dash`, `#!/usr/bin/env -S bash -e`… */
const SHELL_SHEBANG = /^#!\s*(?:\/usr\/bin\/env\s+(?:-S\s+)?)?(?:\S*\/)?(?:sh|bash|dash|ksh)(?:\s|$)/;

/**
 * The shell scripts under `dir`: `*.sh` and `*.bash` files, and files without an extension whose first line is
 * a sh/bash/dash/ksh shebang.
 */
export async function findShellScripts(dir: string): Promise<string[]> {
  const scripts: string[] = [];
  for (const file of await listFiles(dir)) {
    const name = file.slice(file.lastIndexOf('/') + 1);
    if (SHELL_EXTENSION.test(name)) scripts.push(file);
    else if (!name.includes('.') && SHELL_SHEBANG.test(await firstLine(join(dir, file)))) scripts.push(file);
  }
  return scripts;
}

/** The workflow files of `dir`: `.github/workflows/*.yml` and `*.yaml` (GitHub reads no subfolders). */
export async function findWorkflows(dir: string): Promise<string[]> {
  try {
    const entries = await readdir(join(dir, '.github', 'workflows'), { withFileTypes: true });
    return entries
      .filter((entry) => entry.isFile() && /\.ya?ml$/.test(entry.name))
      .map((entry) => `.github/workflows/${entry.name}`)
      .sort();
  } catch {
    return [];
  }
}

async function firstLine(path: string): Promise<string> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(160);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    return buffer.subarray(0, bytesRead).toString('utf8').split(/\r?\n/)[0] ?? '';
  } finally {
    await handle.close();
  }
}

/**
 * `path` (absolute, or relative to `cwd`) relative to the repository root with '/', as annotations need it;
 * undefined for a path outside the repository.
 */
export function repoPath(root: string, cwd: string, path: string): string | undefined {
  const absolute = isAbsolute(path) ? path : resolve(cwd, path);
  const inside = relative(resolve(root), absolute);
  if (inside === '' || inside.startsWith('..') || isAbsolute(inside)) return undefined;
  return inside.split(sep).join('/');
}
