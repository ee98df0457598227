import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { PACKAGE_DIR } from './helpers.ts';
import { type ServiceProcess, startServiceProcess } from './process.ts';

const require = createRequire(import.meta.url);
const COMMIT = '4b825dc642cb6eb9a060e54bf8d69288fbee4904';
/** Building, starting Chromium and five specs take about 5 s here; the rest is room for a slow CI machine. */
const TIMEOUT_MS = 180_000;

/** Runs a Node script to its end, collecting its output. */
function runNode(args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: PACKAGE_DIR, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      output += chunk;
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      output += chunk;
    });
    child.once('error', reject);
    child.once('exit', (code) => resolve({ code, output }));
  });
}

/**
 * The environment of a child: ours without Jest's traces (Playwright refuses to run when it sees JEST_WORKER_ID,
 * and the VM-modules flag is Jest's alone) and without a GitHub token.
 */
function childEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const { NODE_OPTIONS: _nodeOptions, GITHUB_TOKEN: _token, JEST_WORKER_ID: _worker, ...rest } = process.env;
  return { ...rest, ...extra };
}

/** The attributes of the JUnit report's root element. */
function suiteTotals(xml: string): Record<string, number> {
  const root = /<testsuites\b([^>]*)>/.exec(xml)?.[1] ?? '';
  return Object.fromEntries(
    [...root.matchAll(/(\w+)="(\d+(?:\.\d+)?)"/g)].map((match) => [match[1], Number(match[2])]),
  );
}

describe('end-to-end in Chromium', () => {
  let service: ServiceProcess;
  let reports: string;

  beforeAll(async () => {
    reports = mkdtempSync(join(tmpdir(), 'dashboard-e2e-'));
    if (!existsSync(join(PACKAGE_DIR, 'web', 'dist', 'index.html'))) {
      const vite = join(dirname(require.resolve('vite/package.json')), 'bin', 'vite.js');
      const build = await runNode([vite, 'build'], childEnv({}));
      if (build.code !== 0) throw new Error(`vite build failed:\n${build.output}`);
    }
    service = startServiceProcess({ PORT: '0', COMMIT });
  }, TIMEOUT_MS);

  afterAll(async () => {
    const code = await service?.stop();
    rmSync(reports, { recursive: true, force: true });
    expect(code).toBe(0);
  });

  test(
    'every Playwright spec passes against the service started on port 0',
    async () => {
      const baseUrl = await service.url;
      const junit = join(reports, 'junit.xml');
      const run = await runNode(
        [
          require.resolve('@playwright/test/cli'),
          'test',
          '--config',
          join(PACKAGE_DIR, 'playwright.config.ts'),
        ],
        childEnv({
          BASE_URL: baseUrl,
          EXPECTED_COMMIT: COMMIT,
          PLAYWRIGHT_JUNIT_OUTPUT_NAME: junit,
          PLAYWRIGHT_HTML_OUTPUT_DIR: join(reports, 'html'),
          PLAYWRIGHT_OUTPUT_DIR: join(reports, 'results'),
        }),
      );
      // The whole Playwright output in the failure message: it names the spec and the step that failed.
      if (run.code !== 0) throw new Error(`playwright test exited with ${run.code}:\n${run.output}`);
      expect(run.output).toMatch(/\d+ passed/);
      const xml = readFileSync(junit, 'utf8');
      expect(suiteTotals(xml)).toMatchObject({ failures: 0, skipped: 0, errors: 0 });
      const names = [...xml.matchAll(/<testcase name="([^"]*)"/g)].map((match) => match[1]);
      expect(names).toEqual(
        expect.arrayContaining([
          'shows at most 5 active deployments, the most recently updated first',
          'links the short sha to the environment when a status named its URL',
          'shows the error state when the API answers 500, and recovers on &quot;Try again&quot;',
          'refreshes every 30 s, so a failed load clears by itself once the API answers again',
          '/healthz answers ok with the commit the service was built from',
        ]),
      );
      expect(suiteTotals(xml).tests).toBe(names.length);
    },
    TIMEOUT_MS,
  );
});
