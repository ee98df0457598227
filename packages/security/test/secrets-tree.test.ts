// Whole-tree scans: what is read, what is skipped and counted, git checkouts, and worker threads.
import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { InputError, type Logger } from '@flowkit/core';
import { afterEach, beforeEach, describe, expect, test } from '@jest/globals';
import { listTreeFiles, scanTree } from '../src/secrets/index.ts';
import { type BatchResult, FileScanner } from '../src/secrets/scan-files.ts';
import type { WorkerRequest, WorkerSetup } from '../src/secrets/worker.ts';
import { FakeSecrets } from './fixtures/secrets/fakes.ts';

const fake = new FakeSecrets(7);

describe('scanning a whole tree', () => {
  let root: string;
  let outside: string;
  const write = async (path: string, content: string | Buffer) => {
    await mkdir(dirname(join(root, path)), { recursive: true });
    await writeFile(join(root, path), content);
  };

  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'flowkit-secrets-tree-'));
    outside = await mkdtemp(join(tmpdir(), 'flowkit-secrets-outside-'));
  });
  afterEach(async () => {
    await rm(root, { recursive: true, force: true });
    await rm(outside, { recursive: true, force: true });
  });

  /** A tree with secrets where they count and where they must be skipped; returns what must never show. */
  async function plantTree(): Promise<string[]> {
    const token = fake.github();
    const slack = fake.slack();
    const hidden = [fake.github(), fake.github(), fake.github(), fake.github(), fake.github()];
    await write('src/config.ts', `export const config = {\n  retries: 3,\n  token: '${token}',\n};\n`);
    await write('deploy/.env', `SLACK_BOT_TOKEN=${slack}\n`);
    await write('docs/readme.md', '# Nothing to see\n\nUse `${{ secrets.GITHUB_TOKEN }}`.\n');
    // A NUL byte in the first 8 KB makes a file binary, whatever follows.
    await write(
      'assets/logo.png',
      Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0]), Buffer.from(hidden[0] as string)]),
    );
    await write('dist/bundle.js', `${'x'.repeat(2000)}\n${hidden[1]}\n`);
    await write('.git/config', `[credential]\n  helper = ${hidden[2]}\n`);
    await write('node_modules/pkg/index.js', `module.exports = '${hidden[3]}';\n`);
    // Links to a file and a directory outside the tree.
    await writeFile(join(outside, 'secret.txt'), `${hidden[4]}\n`);
    await symlink(join(outside, 'secret.txt'), join(root, 'src', 'linked.txt'));
    await symlink(outside, join(root, 'linked-dir'));
    return [token, slack, ...hidden];
  }

  test('finds secrets in text files; skips binaries, large files, .git, node_modules and symlinks, counting them', async () => {
    const secrets = await plantTree();
    const result = await scanTree(root, { sizeLimit: 1500, workers: 0 });
    expect(result.source).toBe('walk');
    expect(result.findings.map((finding) => [finding.file, finding.line, finding.rule])).toEqual([
      ['deploy/.env', 1, 'slack-token'],
      ['src/config.ts', 3, 'github-pat'],
    ]);
    expect(result.skipped).toEqual({ binary: 1, tooLarge: 1, unreadable: 0, symlinks: 2 });
    expect(result.tooLargeFiles).toEqual(['dist/bundle.js']);
    expect(result.filesScanned).toBe(3);
    const shown = JSON.stringify(result);
    for (const secret of secrets) expect(shown).not.toContain(secret);
  });

  test('the default size limit is 5 MB', async () => {
    await write('big.txt', `${fake.github()}\n${'a'.repeat(5 * 1024 * 1024)}`);
    await write('small.txt', `${fake.github()}\n`);
    const result = await scanTree(root, { workers: 0 });
    expect(result.tooLargeFiles).toEqual(['big.txt']);
    expect(result.findings.map((finding) => finding.file)).toEqual(['small.txt']);
  });

  test('in a git checkout, scans what git ls-files lists', async () => {
    const tracked = fake.github();
    await write('src/app.ts', `const token = '${tracked}';\n`);
    await write('build/out.js', `const token = '${fake.github()}';\n`);
    await write('.gitignore', 'build/\n');
    execFileSync('git', ['init', '-q'], { cwd: root });
    execFileSync('git', ['add', 'src/app.ts', '.gitignore'], { cwd: root });
    const result = await scanTree(root, { workers: 0 });
    expect(result.source).toBe('git');
    expect(result.findings.map((finding) => finding.file)).toEqual(['src/app.ts']);
    expect(result.filesScanned).toBe(2);
  });

  test('a tracked symlink is skipped, not followed', async () => {
    await writeFile(join(outside, 'secret.txt'), `${fake.github()}\n`);
    await symlink(join(outside, 'secret.txt'), join(root, 'link.txt'));
    const lister = async () => ['link.txt'];
    await write('.git/HEAD', 'ref: refs/heads/main\n');
    const result = await scanTree(root, { workers: 0, listGitFiles: lister });
    expect(result).toMatchObject({ source: 'git', filesScanned: 0, findings: [] });
    expect(result.skipped.symlinks).toBe(1);
  });

  test('when git cannot list the files, the tree is walked', async () => {
    await write('.git/HEAD', 'not really a repository\n');
    await write('a.txt', `${fake.github()}\n`);
    const result = await scanTree(root, { workers: 0, listGitFiles: async () => undefined });
    expect(result.source).toBe('walk');
    expect(result.findings.map((finding) => finding.file)).toEqual(['a.txt']);
  });

  test('a FIFO is neither listed nor, when git lists it, opened in a way that blocks', async () => {
    execFileSync('mkfifo', [join(root, 'pipe')]);
    await write('a.txt', 'plain\n');
    expect((await listTreeFiles(root)).files).toEqual(['a.txt']);
    await write('.git/HEAD', 'ref: refs/heads/main\n');
    const result = await scanTree(root, { workers: 0, listGitFiles: async () => ['pipe', 'a.txt'] });
    expect(result).toMatchObject({ filesScanned: 1, findings: [], unreadableFiles: [] });
  });

  test('a listed file that is gone is reported as unreadable', async () => {
    await write('.git/HEAD', 'ref: refs/heads/main\n');
    await write('here.txt', 'nothing\n');
    const result = await scanTree(root, { workers: 0, listGitFiles: async () => ['here.txt', 'gone.txt'] });
    expect(result.unreadableFiles).toEqual(['gone.txt']);
    expect(result.skipped.unreadable).toBe(1);
  });

  test('worker threads find the same as the calling thread', async () => {
    for (let index = 0; index < 150; index++) {
      const body =
        index % 10 === 0
          ? `export const key = '${fake.github()}';\n`
          : `export const n${index} = ${index};\n`;
      await write(`src/m${index % 7}/file${index}.ts`, body);
    }
    const alone = await scanTree(root, { workers: 0 });
    const threaded = await scanTree(root, { workers: 2 });
    expect(alone.findings).toHaveLength(15);
    expect(threaded.findings).toEqual(alone.findings);
    expect(threaded.filesScanned).toBe(150);
  });

  test('a worker thread scans the batches it is sent, like the calling thread', async () => {
    await write('a/one.ts', `const key = '${fake.github()}';\n`);
    await write('a/two.ts', 'plain\n');
    const setup: WorkerSetup = { root, sizeLimit: 1024 };
    const worker = new Worker(new URL('../src/secrets/worker.ts', import.meta.url), { workerData: setup });
    try {
      const answer = new Promise<BatchResult>((resolve, reject) => {
        worker.once('message', resolve);
        worker.once('error', reject);
      });
      worker.postMessage({ files: ['a/one.ts', 'a/two.ts', 'a/missing.ts'] } satisfies WorkerRequest);
      const result = await answer;
      expect(result).toEqual(new FileScanner(1024).scanBatch(root, ['a/one.ts', 'a/two.ts', 'a/missing.ts']));
      expect(result.findings.map((finding) => finding.rule)).toEqual(['github-pat']);
      expect(result.unreadableFiles).toEqual(['a/missing.ts']);
    } finally {
      await worker.terminate();
    }
  });

  test('a worker that cannot start leaves its files to the calling thread, and says so', async () => {
    for (let index = 0; index < 200; index++)
      await write(`f${index}.txt`, index === 99 ? fake.github() : 'plain\n');
    const warnings: string[] = [];
    const logger: Logger = { info() {}, debug() {}, warning: (message) => warnings.push(message) };
    const result = await scanTree(root, {
      workers: 1,
      workerUrl: new URL('file:///nonexistent/flowkit-worker.ts'),
      logger,
    });
    expect(result.filesScanned).toBe(200);
    expect(result.findings.map((finding) => finding.file)).toEqual(['f99.txt']);
    expect(warnings.join('\n')).toMatch(/worker failed/);
  });

  test('a root that is not a directory, or a bad size limit, is an input error', async () => {
    await expect(scanTree(join(root, 'missing'))).rejects.toThrow(InputError);
    await expect(scanTree(join(root, 'missing'))).rejects.toThrow(
      /Input 'path' names .*which is not a directory/,
    );
    await expect(scanTree(root, { sizeLimit: 0 })).rejects.toThrow(
      /Input 'max-file-size' must be a positive/,
    );
  });

  test('listTreeFiles skips .git and node_modules at any depth', async () => {
    await write('a/node_modules/x.js', '1');
    await write('a/b/.git/y', '1');
    await write('a/b/c.ts', '1');
    expect((await listTreeFiles(root)).files.sort()).toEqual(['a/b/c.ts']);
  });
});
