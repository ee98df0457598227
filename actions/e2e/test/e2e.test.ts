// The bundled e2e action through the runner's contract: real Playwright and Debian's Chromium against a local site.
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { cp, mkdtemp, readdir, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import {
  type ActionRun,
  type ActionStep,
  DEFAULT_GITHUB_TOKEN,
  GitHubEmulator,
  runAction,
  type WorkflowCommand,
} from '@flowkit/testing';
import { afterAll, afterEach, describe, expect, test } from '@jest/globals';
import { startArtifactService, zipEntries, zipFile } from '../../../packages/e2e/test/artifact-service.ts';
import { type Site, startSite } from '../../../packages/e2e/test/site.ts';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const FIXTURES = join(ROOT, 'packages', 'e2e', 'test', 'fixtures');
/** Node 24 and the repository's Playwright first on PATH, as `npm test` has them. */
const PATH = [join(ROOT, 'node_modules', '.bin'), process.env.PATH ?? '/usr/bin:/bin'].join(delimiter);
/** A real Playwright run: a browser start per worker, two attempts at most. */
const PLAYWRIGHT_TEST_MS = 90_000;
const temps: string[] = [];
let site: Site | undefined;

afterEach(async () => {
  await site?.stop();
  site = undefined;
});
afterAll(async () => {
  await Promise.all(temps.map((dir) => rm(dir, { recursive: true, force: true })));
});

/**
 * A repository with the fixture Playwright project in `e2e/`, and node_modules linked to Flowkit's own (where
 * @playwright/test is installed), as `npm ci` would leave it.
 */
async function workspace(fixture = 'project'): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'flowkit-e2e-action-'));
  temps.push(dir);
  await cp(join(FIXTURES, fixture), join(dir, 'e2e'), { recursive: true });
  await symlink(join(ROOT, 'node_modules'), join(dir, 'node_modules'));
  return dir;
}

async function e2e(
  inputs: ActionStep['with'],
  step: Partial<ActionStep> & { fixture?: string; commit?: string } = {},
): Promise<ActionRun & { workspace: string }> {
  const { fixture, commit, ...rest } = step;
  site = await startSite({ commit: commit ?? 'abc1234' });
  const dir = await workspace(fixture);
  const run = await runAction({
    action: 'actions/e2e',
    workspace: dir,
    timeoutMs: PLAYWRIGHT_TEST_MS - 5_000,
    ...rest,
    env: { PATH, ...rest.env },
    with: { url: site.url, 'working-directory': 'e2e', ...inputs },
  });
  return { ...run, workspace: dir };
}

const annotations = (run: ActionRun, command: string): WorkflowCommand[] =>
  run.commands.filter((c) => c.command === command && c.properties.file !== undefined);

describe('real Playwright runs', () => {
  test(
    'a failing and a flaky test: the failed ones run again; one fails twice (error at its line), one is flaky (warning)',
    async () => {
      const run = await e2e({});
      expect(run.stderr).toBe('');
      expect(run.exitCode).toBe(1);
      expect(run.outputs).toEqual({
        'report-dir': join(run.workspace, 'e2e', 'playwright-report'),
        passed: '1',
        failed: '1',
        flaky: '1',
        skipped: '1',
      });
      expect(annotations(run, 'error')).toEqual([
        {
          command: 'error',
          properties: {
            title: 'Failed: checkout.spec.ts › checkout › has a checkout button',
            file: 'e2e/tests/checkout.spec.ts',
            line: '8',
            col: '66',
          },
          message:
            "Error: expect(locator).toBeVisible() failed\nLocator: getByRole('button', { name: 'Checkout' })\nExpected: visible\nTimeout: 1000ms\nError: element(s) not found\nFailed in all 2 attempts.",
        },
      ]);
      expect(annotations(run, 'warning')).toEqual([
        {
          command: 'warning',
          properties: {
            title: 'Flaky: warmup.spec.ts › the service is ready',
            file: 'e2e/tests/warmup.spec.ts',
            line: '6',
            col: '30',
          },
          message:
            'Flaky: failed in attempt 1, then passed in attempt 2.\nError: expect(received).toBe(expected) // Object.is equality\nExpected: 200\nReceived: 503',
        },
      ]);
      expect(run.errors.at(-1)).toBe(
        'E2E tests failed: 1 failed, 1 flaky, 1 passed, 1 skipped after 1 retry of the failed tests.',
      );
      // Attempt 2 ran only the two failed tests: /flaky was asked for twice, the dashboard once per checkout run and once for itself.
      expect(run.stdout).toContain(
        'Attempt 1: playwright test --reporter=list,junit,html --retries=0 --output=test-results/attempt-1 --last-failed-file=test-results/last-run.json --global-timeout=1800000\n',
      );
      expect(run.stdout).toMatch(
        /Attempt 2: playwright test --reporter=list,junit,html --retries=0 --output=test-results\/attempt-2 --last-failed-file=test-results\/last-run.json --global-timeout=\d+ --last-failed --trace=on\n/,
      );
      expect(run.stdout).toContain('Running 2 tests using');
      expect(site?.hits('/flaky')).toBe(2);
      expect(site?.hits('/')).toBe(3);
      // Playwright's own output reached the log, fenced off from workflow commands.
      expect(run.stdout).toMatch(/^::stop-commands::e2e-[\w-]+$/m);
      expect(run.stdout).toContain('✘');

      const report = join(run.workspace, 'e2e', 'playwright-report');
      for (const file of [
        'attempt-1/index.html',
        'attempt-2/index.html',
        'junit-attempt-1.xml',
        'junit-attempt-2.xml',
      ])
        expect(existsSync(join(report, file))).toBe(true);
      const retried = await readdir(join(run.workspace, 'e2e', 'test-results', 'attempt-2'), {
        recursive: true,
      });
      // --trace=on on the retry: traces of the failing and of the flaky test.
      expect(retried.filter((file) => file.endsWith('trace.zip'))).toHaveLength(2);

      expect(run.summary).toContain('| checkout.spec.ts | checkout › has a checkout button | :x: failed |');
      expect(run.summary).toContain('| warmup.spec.ts | the service is ready | :warning: flaky |');
      expect(run.summary).toContain(
        '| dashboard.spec.ts | serves the expected commit | :heavy_minus_sign: skipped (EXPECTED_COMMIT is not set) |',
      );
      expect(run.summary).toContain(
        'The HTML report and traces are in `e2e/playwright-report/` and `e2e/test-results/` on the runner: there is no artifact service outside a GitHub runner, so they were not uploaded.',
      );
    },
    PLAYWRIGHT_TEST_MS,
  );

  test(
    'flaky alone passes the step and says so; expected-commit reaches the tests',
    async () => {
      const run = await e2e({ grep: 'ready|commit', 'expected-commit': 'abc1234' });
      expect(run.exitCode).toBe(0);
      expect(run.errors).toEqual([]);
      expect(run.outputs).toMatchObject({ passed: '1', failed: '0', flaky: '1', skipped: '0' });
      expect(annotations(run, 'warning').map((c) => c.properties.title)).toEqual([
        'Flaky: warmup.spec.ts › the service is ready',
      ]);
      expect(run.stdout).toContain(
        'E2E tests passed, but 1 test(s) are flaky: they failed, then passed when run again (1 flaky, 1 passed). Flaky tests do not fail the step.',
      );
      expect(site?.hits('/version')).toBe(1);
    },
    PLAYWRIGHT_TEST_MS,
  );

  test(
    'expected-commit that the deployment does not serve fails the commit test',
    async () => {
      const run = await e2e({ grep: 'commit', 'expected-commit': 'def5678' }, { commit: 'abc1234' });
      expect(run.exitCode).toBe(1);
      expect(run.outputs).toMatchObject({ passed: '0', failed: '1' });
      expect(annotations(run, 'error')[0]?.properties).toMatchObject({
        file: 'e2e/tests/dashboard.spec.ts',
        line: '13',
      });
    },
    PLAYWRIGHT_TEST_MS,
  );

  test(
    'failing tests add a failure status to the deployment under test',
    async () => {
      const github = await GitHubEmulator.start({
        repos: [{ owner: 'acme', name: 'shop', branches: { main: [{ message: 'Initial commit' }] } }],
      });
      try {
        const created = await fetch(`${github.url}/repos/acme/shop/deployments`, {
          method: 'POST',
          headers: { authorization: `Bearer ${DEFAULT_GITHUB_TOKEN}`, 'content-type': 'application/json' },
          body: JSON.stringify({
            ref: 'main',
            environment: 'staging',
            auto_merge: false,
            required_contexts: [],
          }),
        });
        const { id } = (await created.json()) as { id: number };
        const run = await e2e(
          { grep: 'commit', 'expected-commit': 'def5678', 'deployment-id': String(id) },
          {
            commit: 'abc1234',
            githubToken: DEFAULT_GITHUB_TOKEN,
            github: { GITHUB_API_URL: github.url, GITHUB_REPOSITORY: 'acme/shop' },
          },
        );
        expect(run.exitCode).toBe(1);
        expect(run.stdout).toContain(`Marked deployment ${id} as failed.`);
        expect(github.deployments('acme', 'shop')[0]?.statuses.at(-1)).toMatchObject({
          state: 'failure',
          log_url: 'https://github.com/acme/shop/actions/runs/4242',
        });
      } finally {
        await github.stop();
      }
    },
    PLAYWRIGHT_TEST_MS,
  );

  test(
    'retries: 0 runs once, and the flaky test counts as failed',
    async () => {
      const run = await e2e({ grep: 'ready', retries: 0 });
      expect(run.exitCode).toBe(1);
      expect(run.outputs).toMatchObject({ passed: '0', failed: '1', flaky: '0' });
      expect(run.stdout).not.toContain('--last-failed ');
      expect(site?.hits('/flaky')).toBe(1);
    },
    PLAYWRIGHT_TEST_MS,
  );
});

describe('runs that could not test', () => {
  test(
    "no tests found: one error naming the cause, and Playwright's last lines in the summary",
    async () => {
      const run = await e2e({ grep: 'no such test' });
      expect(run.exitCode).toBe(1);
      expect(run.errors).toEqual([
        "No tests found in 'e2e' (grep: no such test). Check working-directory (the folder of playwright.config), testDir in the config, and the project and grep inputs.",
      ]);
      expect(run.summary).toContain('<details><summary>Playwright: last output lines</summary>');
      expect(run.summary).toContain('Error: No tests found');
      expect(run.outputs).toMatchObject({ passed: '0', failed: '0', flaky: '0', skipped: '0' });
    },
    PLAYWRIGHT_TEST_MS,
  );

  test(
    "an unknown project: Playwright's own error is the cause",
    async () => {
      const run = await e2e({ project: 'webkit' });
      expect(run.exitCode).toBe(1);
      expect(run.errors).toEqual([
        'Playwright could not run the tests: Error: Project(s) "webkit" not found. Available projects: "chromium"',
      ]);
    },
    PLAYWRIGHT_TEST_MS,
  );

  test(
    'a config that ignores CHROMIUM_PATH: the error says how to make it use chromium-path',
    async () => {
      const browsers = await mkdtemp(join(tmpdir(), 'flowkit-e2e-no-browsers-'));
      temps.push(browsers);
      // An empty browser folder, so the run does not depend on what Playwright downloads this machine holds.
      const run = await e2e({}, { fixture: 'plain-config', env: { PLAYWRIGHT_BROWSERS_PATH: browsers } });
      expect(run.exitCode).toBe(1);
      expect(run.errors).toHaveLength(1);
      expect(run.errors[0]).toMatch(
        /^The browser could not be started: Playwright looked for its own download \(.*chrom.*\), so playwright\.config does not use chromium-path \(\/usr\/bin\/chromium\)\. Add `launchOptions: \{ executablePath: process\.env\.CHROMIUM_PATH \}` under `use` in playwright\.config/,
      );
      // The same cause would fail every test alike: no annotation per test, and no retry.
      expect(annotations(run, 'error')).toEqual([]);
      expect(run.stdout).not.toContain('Attempt 2');
    },
    PLAYWRIGHT_TEST_MS,
  );

  test('a chromium-path that does not exist is one ::error:: before anything runs', async () => {
    const run = await e2e({ 'chromium-path': '/opt/no-such-chromium/chrome' });
    expect(run.exitCode).toBe(1);
    expect(run.commands).toEqual([
      {
        command: 'error',
        properties: {},
        message:
          "Input 'chromium-path' is not an executable file: '/opt/no-such-chromium/chrome' does not exist. Install Chromium before this step (on Debian and Ubuntu: 'sudo apt-get install -y chromium'), give the path of another Chromium or Chrome, or set chromium-path to '' to use Playwright's own browser.",
      },
    ]);
    expect(existsSync(join(run.workspace, 'e2e', 'playwright-report'))).toBe(false);
    expect(run.summary).toBe('');
  });
});

describe('bad inputs fail before anything runs', () => {
  test.each<[ActionStep['with'], string]>([
    [{ url: '' }, "Input 'url' is required and was not given."],
    [{ url: 'staging.example.com' }, "Input 'url' is not an absolute URL."],
    [{ retries: 9 }, "Input 'retries' must be a whole number from 0 to 5, not '9'."],
    [{ grep: 'checkout(' }, "Input 'grep' is not a regular expression:"],
    [{ 'working-directory': 'web' }, "Input 'working-directory' is not a folder of the repository: 'web'."],
    [{ 'artifact-name': 'e2e:report' }, "Input 'artifact-name' holds a character GitHub does not allow"],
  ])('%j', async (inputs, message) => {
    const run = await e2e(inputs);
    expect(run.exitCode).toBe(1);
    expect(run.errors).toHaveLength(1);
    expect(run.errors[0]?.startsWith(message)).toBe(true);
    expect(run.stdout).not.toContain('Attempt 1');
    expect(site?.hits('/')).toBe(0);
  });
});

describe('the artifact', () => {
  test(
    'playwright-report/ and test-results/ are one artifact, kept retention-days, linked from the summary',
    async () => {
      const service = await startArtifactService();
      try {
        const run = await e2e({ grep: 'ready', 'retention-days': 3 }, { env: service.env });
        expect(run.exitCode).toBe(0);
        expect(run.outputs).toMatchObject({ flaky: '1' });
        expect(run.warnings).toHaveLength(1);
        expect(service.artifacts).toHaveLength(1);
        const [artifact] = service.artifacts;
        expect(artifact?.create).toMatchObject({
          name: 'playwright-report',
          workflow_run_backend_id: 'run-backend-id',
          workflow_job_run_backend_id: 'job-backend-id',
        });
        const days = (Date.parse(String(artifact?.create.expires_at)) - Date.now()) / 86_400_000;
        expect(days).toBeGreaterThan(2.9);
        expect(days).toBeLessThanOrEqual(3);
        const zip = artifact?.zip ?? Buffer.alloc(0);
        expect(artifact?.finalize).toMatchObject({
          name: 'playwright-report',
          size: String(zip.length),
          hash: `sha256:${createHash('sha256').update(zip).digest('hex')}`,
        });
        const entries = zipEntries(zip);
        expect(entries).toEqual(
          expect.arrayContaining([
            'playwright-report/attempt-1/index.html',
            'playwright-report/attempt-2/index.html',
            'playwright-report/junit-attempt-1.xml',
            'playwright-report/junit-attempt-2.xml',
            'test-results/last-run.json',
            'test-results/attempt-2/warmup-the-service-is-ready-chromium/trace.zip',
          ]),
        );
        expect(entries.every((entry) => /^(playwright-report|test-results)\//.test(entry))).toBe(true);
        expect(zipFile(zip, 'playwright-report/junit-attempt-2.xml').toString()).toContain(
          '<testcase name="the service is ready" classname="warmup.spec.ts"',
        );
        expect(run.summary).toContain(
          'are in the artifact [playwright-report](https://github.com/acme/shop/actions/runs/4242/artifacts/42).',
        );
      } finally {
        await service.stop();
      }
    },
    PLAYWRIGHT_TEST_MS,
  );

  test(
    'an upload that fails is a warning; the verdict stands and the summary says where the reports are',
    async () => {
      const run = await e2e(
        { grep: 'top 5', 'retention-days': 3 },
        // The artifact service's variables are set, but the token is not one it would take.
        { env: { ACTIONS_RUNTIME_TOKEN: 'not-a-jwt', ACTIONS_RESULTS_URL: 'http://127.0.0.1:9/' } },
      );
      expect(run.exitCode).toBe(0);
      expect(run.warnings).toHaveLength(1);
      expect(run.warnings[0]).toMatch(
        /^Could not upload the reports as the artifact playwright-report; they are in .*\/e2e\/playwright-report and .*\/e2e\/test-results: /,
      );
      expect(run.summary).toContain('on the runner: the upload failed (');
      expect(run.outputs).toMatchObject({ passed: '1', failed: '0' });
    },
    PLAYWRIGHT_TEST_MS,
  );

  test(
    'artifact-name empty uploads nothing',
    async () => {
      const run = await e2e(
        { grep: 'top 5', 'artifact-name': '' },
        { env: { ACTIONS_RUNTIME_TOKEN: 'not-a-jwt', ACTIONS_RESULTS_URL: 'http://127.0.0.1:9/' } },
      );
      expect(run.exitCode).toBe(0);
      expect(run.warnings).toEqual([]);
      expect(run.stdout).toContain('artifact-name is empty, so nothing is uploaded; the reports are in ');
    },
    PLAYWRIGHT_TEST_MS,
  );
});
