// `flowkit demo` without the programs it runs: which are missing, what for, how to get them; exit 2, nothing started.
import { spawn } from 'node:child_process';
import { chmod, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, expect, test } from '@jest/globals';

const BIN = join(dirname(fileURLToPath(import.meta.url)), '..', 'bin', 'flowkit.js');
const temps: string[] = [];

afterAll(async () => {
  await Promise.all(temps.map((dir) => rm(dir, { recursive: true, force: true })));
});

async function temp(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'flowkit-demo-deps-'));
  temps.push(dir);
  return dir;
}

function flowkit(args: string[], env: Record<string, string>, cwd: string) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { env, cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

test('none of the programs on PATH: all four named with the apt-get command; exit 2; no report', async () => {
  const cwd = await temp();
  const empty = await temp();
  const run = await flowkit(['demo', '--fast'], { PATH: empty, HOME: cwd }, cwd);
  expect(run.stdout).toBe('');
  expect(run.stderr).toBe(
    [
      'flowkit demo runs real programs and cannot find these on PATH:',
      '  nginx (the staging and canary proxy)',
      '  prometheus (the canary guard’s metrics)',
      '  chromium (the end-to-end tests’ browser)',
      '  ansible-playbook (staging provisioning)',
      'Install them with:  sudo apt-get install nginx prometheus chromium ansible-core',
      "or run 'flowkit demo --install-deps' as root, which does that for you.",
      '',
    ].join('\n'),
  );
  expect(run.code).toBe(2);
  expect(await readdir(cwd)).toEqual([]);
});

test('only Chromium missing: only it is named', async () => {
  const cwd = await temp();
  const bin = await temp();
  for (const program of ['nginx', 'prometheus', 'ansible-playbook']) {
    await writeFile(join(bin, program), '#!/bin/sh\nexit 0\n');
    await chmod(join(bin, program), 0o755);
  }
  // A file that is not executable does not count.
  await writeFile(join(bin, 'chromium'), 'not a program');
  const run = await flowkit(['demo'], { PATH: bin, HOME: cwd }, cwd);
  expect(run.stderr).toBe(
    [
      'flowkit demo runs real programs and cannot find this one on PATH:',
      '  chromium (the end-to-end tests’ browser)',
      'Install it with:  sudo apt-get install chromium',
      "or run 'flowkit demo --install-deps' as root, which does that for you.",
      '',
    ].join('\n'),
  );
  expect(run.code).toBe(2);
});

test('a switch given a value is one clear error', async () => {
  const cwd = await temp();
  const run = await flowkit(['demo', '--fast=soon'], { PATH: cwd, HOME: cwd }, cwd);
  expect(run.stderr).toBe("flowkit: Input '--fast' is a switch and takes no value. Write '--fast' alone.\n");
  expect(run.code).toBe(2);
});

test('--install-deps runs apt-get for the missing packages; when it fails, says so and names what is still missing', async () => {
  const cwd = await temp();
  const bin = await temp();
  // A stand-in apt-get: records its arguments, prints a line, and fails the install as an offline machine would.
  await writeFile(
    join(bin, 'apt-get'),
    `#!/bin/sh\necho "$@" >> "${join(cwd, 'apt-args')}"\necho "apt-get $1 here"\n[ "$1" = update ] && exit 0\necho "E: Unable to locate package" >&2\nexit 100\n`,
  );
  await chmod(join(bin, 'apt-get'), 0o755);
  const run = await flowkit(['demo', '--install-deps'], { PATH: bin, HOME: cwd }, cwd);
  if (process.getuid?.() !== 0) {
    expect(run.stderr).toBe(
      'flowkit: --install-deps runs apt-get, which needs root. Run: sudo apt-get install nginx prometheus chromium ansible-core\n',
    );
    expect(run.code).toBe(2);
    return;
  }
  expect(await readFile(join(cwd, 'apt-args'), 'utf8')).toBe(
    'update\ninstall -y --no-install-recommends nginx prometheus chromium ansible-core\n',
  );
  expect(run.stdout).toContain(
    '$ apt-get install -y --no-install-recommends nginx prometheus chromium ansible-core\n',
  );
  expect(run.stdout).toContain('E: Unable to locate package');
  expect(run.stderr).toMatch(
    /^flowkit: apt-get install failed \(exit 100\)\.\nflowkit demo runs real programs and cannot find these on PATH:\n {2}nginx/,
  );
  expect(run.code).toBe(1);
});
