// Cache keys for linter caches: the pure key function, file hashing, and the entries of a plan.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from '@jest/globals';
import { cacheEntries, cacheKey, hashFiles, planLint } from '../src/index.ts';
import { copyFixture, removeTemps, TOOLS_PATH, tempDir } from './helpers.ts';

afterAll(removeTemps);

describe('cacheKey', () => {
  const parts = {
    os: 'Linux',
    arch: 'X64',
    linter: 'eslint',
    lockfileHash: 'a'.repeat(64),
    configHash: 'b'.repeat(64),
    run: '0123456789ab',
  };

  test('OS, architecture, linter, lockfile and config hashes, then the run; restore keys drop the run, then the config', () => {
    expect(cacheKey(parts)).toEqual({
      key: `flowkit-lint-v1-Linux-X64-eslint-${'a'.repeat(16)}-${'b'.repeat(16)}-0123456789ab`,
      restoreKeys: [
        `flowkit-lint-v1-Linux-X64-eslint-${'a'.repeat(16)}-${'b'.repeat(16)}-`,
        `flowkit-lint-v1-Linux-X64-eslint-${'a'.repeat(16)}-`,
      ],
    });
  });

  test('each part changes the key; commas and spaces (not allowed in keys) are replaced', () => {
    const base = cacheKey(parts).key;
    for (const change of [
      { os: 'macOS' },
      { linter: 'tsc' },
      { lockfileHash: 'c'.repeat(64) },
      { configHash: 'none' },
    ]) {
      expect(cacheKey({ ...parts, ...change }).key).not.toBe(base);
    }
    expect(cacheKey({ ...parts, os: 'Linux, self hosted' }).key).toMatch(
      /^flowkit-lint-v1-Linux_self_hosted-X64-/,
    );
    expect(cacheKey({ ...parts, run: 'x'.repeat(600) }).key.length).toBeLessThanOrEqual(512);
  });
});

describe('hashFiles', () => {
  test('depends on names and contents; none without files', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, 'a'), 'one');
    await writeFile(join(dir, 'b'), 'one');
    const a = await hashFiles(dir, ['a']);
    expect(a).toMatch(/^[0-9a-f]{64}$/);
    expect(await hashFiles(dir, ['b'])).not.toBe(a);
    expect(await hashFiles(dir, ['a'], 'packages/web')).not.toBe(a);
    expect(await hashFiles(dir, [])).toBe('none');
  });
});

describe('cacheEntries', () => {
  test('one entry per planned linter that caches; the lockfile and its config files key it', async () => {
    const root = await copyFixture('clean');
    const plan = await planLint({
      root,
      settings: { linters: 'auto', commands: [], workingDirectory: '' },
      env: { PATH: TOOLS_PATH },
    });
    const run = { os: 'Linux', arch: 'X64', run: 'abc' };
    const before = await cacheEntries(plan, '/cache', run);
    expect(before.map((entry) => [entry.linter, entry.path])).toEqual([
      ['eslint', '/cache/eslint'],
      ['prettier', '/cache/prettier'],
      ['tsc', '/cache/tsc'],
    ]);
    await writeFile(join(root, 'package-lock.json'), '{"lockfileVersion":3}');
    const locked = await cacheEntries(plan, '/cache', run);
    expect(locked[0]?.key).not.toBe(before[0]?.key);
    await writeFile(join(root, 'tsconfig.json'), '{"compilerOptions":{"strict":false}}');
    const reconfigured = await cacheEntries(plan, '/cache', run);
    expect(
      reconfigured.map((entry) => entry.key === locked.find((e) => e.linter === entry.linter)?.key),
    ).toEqual([true, true, false]);
  });
});
