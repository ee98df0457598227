// security-scan through the runner's contract: real scanners on a fixture repository, code scanning on the emulator.
import { chmod, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import {
  type ActionRun,
  type ActionStep,
  DEFAULT_GITHUB_TOKEN,
  GitHubEmulator,
  runAction,
} from '@flowkit/testing';
import { afterAll, afterEach, beforeEach, describe, expect, test } from '@jest/globals';
import { FakeSecrets } from '../../../packages/security/test/fixtures/secrets/fakes.ts';

const fakes = new FakeSecrets(7);
const TOKEN = fakes.github();
const SLACK = fakes.slack();
const fixtures = new URL('../../../packages/security/test/fixtures/', import.meta.url);

let github: GitHubEmulator;
let workspace: string;
let bin: string;
const temps: string[] = [];

async function put(path: string, text: string): Promise<void> {
  await mkdir(dirname(join(workspace, path)), { recursive: true });
  await writeFile(join(workspace, path), text);
}

/** A fake `npm` first on PATH: version 11, and an audit that prints a recorded report. */
async function fakeNpm(report: string): Promise<void> {
  await writeFile(join(bin, 'audit.json'), report);
  await writeFile(
    join(bin, 'npm'),
    `#!/bin/sh\nif [ "$1" = "--version" ]; then echo 11.6.2; exit 0; fi\nif [ "$1" = "audit" ]; then cat "${join(bin, 'audit.json')}"; exit 1; fi\nexit 2\n`,
  );
  await chmod(join(bin, 'npm'), 0o755);
}

beforeEach(async () => {
  workspace = await mkdtemp(join(tmpdir(), 'flowkit-scan-'));
  bin = await mkdtemp(join(tmpdir(), 'flowkit-bin-'));
  temps.push(workspace, bin);
  await put('src/config.js', `export const settings = {\n  region: 'eu',\n  githubToken: '${TOKEN}',\n};\n`);
  await put('README.md', '# Shop\n');
  await put(
    '.github/workflows/greet.yml',
    [
      'on: issues',
      'permissions:',
      '  contents: read',
      'jobs:',
      '  greet:',
      '    runs-on: ubuntu-24.04',
      '    steps:',
      '      - uses: some-org/greeter@v1',
      '      - run: echo "${{ github.event.issue.title }}"',
      '',
    ].join('\n'),
  );
  await put(
    'package-lock.json',
    '{\n  "packages": {\n    "node_modules/lodash": {\n      "version": "4.17.15"\n    }\n  }\n}\n',
  );
  await fakeNpm(await readFile(new URL('audit/npm-audit-v2.json', fixtures), 'utf8'));
  github = await GitHubEmulator.start({
    repos: [
      {
        owner: 'acme',
        name: 'shop',
        branches: { main: [{ message: 'Initial commit' }], feature: [{ message: 'Add Slack notifier' }] },
        pulls: [
          {
            number: 5,
            title: 'Add Slack notifier',
            head: 'feature',
            base: 'main',
            files: [
              {
                filename: 'src/notify.js',
                status: 'added',
                patch: `@@ -0,0 +1,2 @@\n+const slack = '${SLACK}';\n+export default slack;`,
              },
            ],
          },
        ],
      },
    ],
  });
});

afterEach(async () => {
  await github.stop();
});

afterAll(async () => {
  await Promise.all(temps.map((dir) => rm(dir, { recursive: true, force: true })));
});

function scan(inputs: ActionStep['with'] = {}, step: Partial<ActionStep> = {}): Promise<ActionRun> {
  return runAction({
    action: 'actions/security-scan',
    workspace,
    githubToken: DEFAULT_GITHUB_TOKEN,
    ...step,
    env: { PATH: `${bin}:${process.env.PATH}`, ...step.env },
    github: {
      GITHUB_API_URL: github.url,
      GITHUB_SHA: github.sha('acme', 'shop', 'main'),
      GITHUB_REF: 'refs/heads/main',
      ...step.github,
    },
    with: { ...inputs },
  });
}

function expectNoSecretAnywhere(run: ActionRun, ...secrets: string[]): void {
  for (const secret of secrets) {
    expect(run.stdout).not.toContain(secret);
    expect(run.stderr).not.toContain(secret);
    expect(run.summary).not.toContain(secret);
  }
}

describe('a push', () => {
  test('secrets, dependencies, workflows: annotated, summarised, failed on errors, uploaded to code scanning', async () => {
    const run = await scan();
    expect(run.exitCode).toBe(1);
    expect(run.stderr).toBe('');
    const annotations = run.commands.filter((c) => ['error', 'warning', 'notice'].includes(c.command));
    expect(annotations.find((c) => c.properties.title === 'secrets: github-pat')).toMatchObject({
      command: 'error',
      properties: { file: 'src/config.js', line: '3' },
    });
    expect(
      annotations.find((c) => c.properties.title === 'workflow-audit: template-injection')?.properties,
    ).toMatchObject({
      file: '.github/workflows/greet.yml',
      line: '9',
    });
    expect(
      annotations.find((c) => c.properties.title === 'npm-audit: GHSA-p6mc-m468-83gw')?.properties,
    ).toMatchObject({
      file: 'package-lock.json',
      line: '3',
    });
    expect(run.errors.at(-1)).toMatch(/^Security scan failed: Failed: \d+ finding\(s\) from 3 tool\(s\)/);
    expect(run.summary).toContain('- secrets: 1');
    expect(run.summary).toContain('| error | src/config.js:3 | secrets | github-pat |');
    expectNoSecretAnywhere(run, TOKEN);

    // The combined SARIF (written to RUNNER_TEMP, which the runner clears) is read back from code scanning.
    expect(run.outputs['sarif-file']).toMatch(/flowkit-security\.sarif$/);
    const [upload] = github.sarifUploads('acme', 'shop');
    expect(upload).toMatchObject({
      commitSha: github.sha('acme', 'shop', 'main'),
      ref: 'refs/heads/main',
      status: 'complete',
    });
    const sarif = upload?.log as {
      runs: { tool: { driver: { name: string } }; automationDetails: { id: string } }[];
    };
    expect(sarif.runs.map((r) => r.tool.driver.name).sort()).toEqual([
      'npm-audit',
      'secrets',
      'workflow-audit',
    ]);
    expect(new Set(sarif.runs.map((r) => r.automationDetails.id)).size).toBe(3);
    expect(JSON.stringify(sarif)).not.toContain(TOKEN);
    expect(run.outputs['sarif-id']).toBe(upload?.id);
    expect(run.summary).toContain('Code scanning upload: processed');
  });

  test('other scanners’ SARIF is judged with the rest', async () => {
    await put('scans/trivy.sarif', await readFile(new URL('sarif/trivy.sarif', fixtures), 'utf8'));
    const run = await scan({
      sarif: 'scans/trivy.sarif',
      secrets: false,
      dependencies: false,
      workflows: false,
    });
    expect(Number(run.outputs.findings)).toBeGreaterThan(0);
    expect(run.summary).toMatch(/- Trivy: \d+/);
  });

  test('fail-on-severity never reports without failing', async () => {
    const run = await scan({ 'fail-on-severity': 'never', upload: false });
    expect(run.exitCode).toBe(0);
    expect(Number(run.outputs.findings)).toBeGreaterThan(3);
    expect(github.sarifUploads('acme', 'shop')).toEqual([]);
  });
});

describe('pull requests', () => {
  const PULL = {
    eventName: 'pull_request',
    event: { pull_request: { number: 5, head: { sha: '', repo: { fork: false } } } },
    github: { GITHUB_REF: 'refs/pull/5/merge' },
  };

  test('only the added lines are scanned for secrets, and only changed lines can fail the scan', async () => {
    const run = await scan({ upload: false }, PULL);
    expect(run.exitCode).toBe(1);
    expect(run.errors.at(-1)).toMatch(/^Security scan failed: Failed: .*/);
    const secrets = run.commands.filter((c) => c.properties.title?.startsWith('secrets:'));
    expect(secrets.map((c) => [c.properties.file, c.properties.line])).toEqual([['src/notify.js', '1']]);
    expect(run.summary).toMatch(
      /finding\(s\) outside the lines this pull request changed are listed but cannot fail it/,
    );
    expectNoSecretAnywhere(run, SLACK, TOKEN);
  });

  test('a fork pull request scans but does not upload (its token is read-only)', async () => {
    const run = await scan(
      {},
      { ...PULL, event: { pull_request: { number: 5, head: { repo: { fork: true } } } } },
    );
    expect(github.sarifUploads('acme', 'shop')).toEqual([]);
    expect(run.summary).toContain(
      "Code scanning upload: Not uploading SARIF to code scanning: this run's token is read-only",
    );
  });
});

describe('the allowlist', () => {
  test('an entry with a reason suppresses; an expired one is an error of its own', async () => {
    await put(
      '.github/flowkit-secrets-allowlist.yml',
      '- path: src/config.js\n  rule: github-pat\n  reason: rotated test token\n  expires: 2999-01-01\n- path: docs/**\n  reason: examples\n  expires: 2020-01-01\n',
    );
    const run = await scan({ dependencies: false, workflows: false, upload: false });
    expect(run.commands.some((c) => c.properties.title === 'secrets: github-pat')).toBe(false);
    expect(
      run.commands.find((c) => c.properties.title === 'secrets: allowlist-entry-expired')?.message,
    ).toMatch(
      /^Allowlist entry at line 5 \(path docs\/\*\*\) expired on 2020-01-01 and no longer suppresses findings/,
    );
    expect(run.exitCode).toBe(1);
  });

  test('a malformed allowlist fails before scanning, naming the file and line', async () => {
    await put('.github/flowkit-secrets-allowlist.yml', '- path: src/config.js\n  expires: 2999-01-01\n');
    const run = await scan({ upload: false });
    expect(run.exitCode).toBe(1);
    expect(run.errors).toHaveLength(1);
    expect(run.errors[0]).toMatch(/^\.github\/flowkit-secrets-allowlist\.yml:1: .*reason/);
  });
});

describe('bad input and faults', () => {
  test('unreadable SARIF names the input and the file', async () => {
    await put('scans/broken.sarif', '{"version": "1.0"');
    const run = await scan({ sarif: 'scans/broken.sarif', upload: false });
    expect(run.exitCode).toBe(1);
    expect(run.errors).toEqual([expect.stringMatching(/^Input 'sarif' .*scans\/broken\.sarif/)]);
  });

  test('an unknown severity is refused before anything runs', async () => {
    const run = await scan({ 'fail-on-severity': 'critical' });
    expect(run.errors).toEqual([
      expect.stringMatching(
        /^Input 'fail-on-severity' must be one of error, warning, note, never, not 'critical'/,
      ),
    ]);
    expect(github.requests).toEqual([]);
  });

  test('a registry that refuses npm audit is a warning in npm’s words, not a silent pass', async () => {
    await fakeNpm(await readFile(new URL('audit/npm-audit-405.json', fixtures), 'utf8'));
    const run = await scan({ secrets: false, workflows: false, upload: false });
    expect(run.exitCode).toBe(0);
    expect(run.warnings).toEqual([
      expect.stringContaining(
        'npm audit failed: 405 Method Not Allowed - POST https://registry.npmjs.org/-/npm/v1/security/advisories/bulk',
      ),
    ]);
  });
});
