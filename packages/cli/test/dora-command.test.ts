// `flowkit dora` through the executable: the dora-metrics action's outputs on stdout and its HTML report on disk.
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { GitHubEmulator } from '@flowkit/testing';
import { afterAll, beforeAll, expect, test } from '@jest/globals';
import { startSeededGitHub, T0 } from '../../dora/test/github-fixture.ts';

const BIN = join(dirname(fileURLToPath(import.meta.url)), '..', 'bin', 'flowkit.js');
const TOKEN = 'ghs_FlowkitEmulatorDefaultToken0000000000';

let github: GitHubEmulator;
let dir: string;
beforeAll(async () => {
  github = await startSeededGitHub();
  dir = await mkdtemp(join(tmpdir(), 'flowkit-dora-'));
});
afterAll(async () => {
  await github.stop();
  await rm(dir, { recursive: true, force: true });
});

function flowkit(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd: dir,
      env: { ...process.env, CI: 'true', GITHUB_API_URL: github.url, GITHUB_TOKEN: TOKEN },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

test('flowkit dora prints the four keys and writes the HTML report with bands and trend charts', async () => {
  const until = new Date(T0 + 7 * 24 * 3_600_000).toISOString();
  const report = join(dir, 'out', 'dora.html');
  const run = await flowkit([
    'dora',
    '--repository',
    'acme/shop',
    '--window',
    '7d',
    '--until',
    until,
    '--report',
    report,
  ]);
  expect(run.code).toBe(0);
  expect(run.stdout).toContain('deployments=2\n');
  expect(run.stdout).toContain('band-change-failure-rate=low\n');
  expect(run.stderr).toContain(`DORA report: ${report}`);
  const html = await readFile(report, 'utf8');
  expect(html).toContain('<svg');
  expect(html).toContain('shop');
  expect(html).toMatch(/low/);
  expect(html).not.toContain('<script');
});

test('flowkit dora with a bad window: exit 1, one error naming the option, no report', async () => {
  const report = join(dir, 'bad.html');
  const run = await flowkit(['dora', '--repository', 'acme/shop', '--window', 'a month', '--report', report]);
  expect(run.code).toBe(1);
  expect(run.stderr).toContain("'--window'");
  expect(run.stderr).not.toMatch(/\n\s+at /);
  await expect(readFile(report, 'utf8')).rejects.toThrow(/ENOENT/);
});
