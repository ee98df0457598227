// Runs scripts/check-workflows.ts as a child process against the repository and against fixture trees.
import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, test } from '@jest/globals';

const checkScript = fileURLToPath(new URL('../check-workflows.ts', import.meta.url));

interface CheckRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

// The parser needs a module hook that Jest's module loader would only warn about, so the check runs in
// its own Node process, just as CI runs it.
function runCheck(args: string[]): Promise<CheckRun> {
  return new Promise((resolve, reject) => {
    const env = { ...process.env };
    // npm test sets --experimental-vm-modules for Jest; the check itself does not need it.
    delete env.NODE_OPTIONS;
    const child = spawn(process.execPath, [checkScript, ...args], { env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

function findingLines(run: CheckRun): string[] {
  return run.stdout.split('\n').filter((line) => /^\S+:\d+:\d+: \[/.test(line));
}

const temporaryRoots: string[] = [];

async function writeTree(files: Record<string, string>): Promise<string> {
  const root = await mkdtemp(path.join(tmpdir(), 'flowkit-workflow-check-'));
  temporaryRoots.push(root);
  for (const [file, content] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(root, file)), { recursive: true });
    await writeFile(path.join(root, file), content);
  }
  return root;
}

afterEach(async () => {
  await Promise.all(temporaryRoots.splice(0).map((root) => rm(root, { recursive: true, force: true })));
});

const cleanWorkflow = `name: clean
on: push
permissions:
  contents: read
jobs:
  build:
    runs-on: ubuntu-24.04
    steps:
      - run: echo "building"
`;

const cleanTemplate = `name: Flowkit CI
on:
  push:
    branches: [$default-branch]
  pull_request:
    branches: [$default-branch]
permissions:
  contents: read
jobs:
  ci:
    uses: acme/flowkit/.github/workflows/reusable-ci.yml@main
`;

const cleanAction = `name: Greet
description: Says hello.
inputs:
  who:
    description: Who to greet.
    required: true
runs:
  using: node24
  main: dist/index.js
`;

describe('check-workflows', () => {
  test('passes on this repository', async () => {
    const run = await runCheck([]);

    expect(run.stderr).toBe('');
    expect(findingLines(run)).toEqual([]);
    expect(run.stdout).toMatch(/^workflow check: \d+ files, 0 findings$/m);
    expect(run.code).toBe(0);
  });

  test('passes on a clean tree, with the $default-branch placeholder in a template', async () => {
    const root = await writeTree({
      '.github/workflows/clean.yml': cleanWorkflow,
      'workflow-templates/flowkit-ci.yml': cleanTemplate,
      'workflow-templates/flowkit-ci.properties.json': JSON.stringify({
        name: 'Flowkit CI',
        description: 'Lint, test and scan with Flowkit.',
        iconName: 'flowkit',
        categories: ['Continuous integration'],
      }),
      'workflow-templates/flowkit.svg': '<svg xmlns="http://www.w3.org/2000/svg"/>',
      'actions/greet/action.yml': cleanAction,
    });

    const run = await runCheck(['--root', root]);

    expect(findingLines(run)).toEqual([]);
    expect(run.stdout).toContain('workflow check: 4 files, 0 findings');
    expect(run.code).toBe(0);
  });

  test('passes with 0 files on a tree without workflows, templates or actions', async () => {
    const root = await writeTree({ 'README.md': '# nothing to check\n' });

    const run = await runCheck(['--root', root]);

    expect(run.stdout.trim()).toBe('workflow check: 0 files, 0 findings');
    expect(run.code).toBe(0);
  });

  test('reports each problem with its file and line, and fails', async () => {
    const root = await writeTree({
      '.github/workflows/injection.yml': `name: injection
on: issues
permissions:
  contents: read
jobs:
  greet:
    runs-on: ubuntu-24.04
    steps:
      - run: echo "\${{ github.event.issue.title }}"
`,
      '.github/workflows/unknown-key.yml': `name: unknown key
on: push
permissions:
  contents: read
jobs:
  build:
    runs-on: ubuntu-24.04
    run-on-friday: true
    steps:
      - run: echo "building"
`,
      'actions/extra-key/action.yml': `name: Extra key
description: Has a key runs does not allow.
runs:
  using: node24
  main: dist/index.js
  entry: dist/index.js
`,
      'actions/no-using/action.yml': `name: No using
description: Does not say how it runs.
runs:
  main: dist/index.js
`,
      'workflow-templates/orphan.yml': cleanTemplate,
      'workflow-templates/nameless.yml': cleanTemplate,
      'workflow-templates/nameless.properties.json': '{\n  "description": "Has no name."\n}\n',
      'workflow-templates/broken.yml': cleanTemplate,
      'workflow-templates/broken.properties.json':
        '{\n  "name": "Broken",\n  "description": "trailing comma",\n}\n',
      'workflow-templates/lonely.properties.json': '{ "name": "Lonely", "description": "No template." }\n',
    });

    const run = await runCheck(['--root', root]);
    const findings = findingLines(run);

    // Each finding is named by the start of its line: file, line, column, tool and the message's opening.
    const expected = [
      '.github/workflows/injection.yml:9:24: [actionlint] "github.event.issue.title" is potentially untrusted',
      ".github/workflows/unknown-key.yml:8:5: [parser] Unexpected value 'run-on-friday'",
      '.github/workflows/unknown-key.yml:8:5: [actionlint] unexpected key "run-on-friday"',
      "actions/extra-key/action.yml:6:3: [parser] Unexpected value 'entry'",
      'actions/no-using/action.yml:4:3: [parser] Required property is missing: using',
      'workflow-templates/orphan.yml:1:1: [template] template has no orphan.properties.json beside it',
      'workflow-templates/nameless.properties.json:1:1: [template] "name" is required',
      'workflow-templates/broken.properties.json:4:1: [template] not valid JSON',
      'workflow-templates/lonely.properties.json:1:1: [template] properties file has no template lonely.yml',
    ];
    for (const start of expected) {
      expect(findings.map((line) => line.slice(0, start.length))).toContain(start);
    }
    // The clean template beside the broken ones is not reported.
    expect(findings.filter((line) => line.startsWith('workflow-templates/nameless.yml'))).toEqual([]);
    expect(run.stdout).toContain(`workflow check: 10 files, ${findings.length} findings`);
    expect(run.code).toBe(1);
  });

  test('rejects a --root that is not a directory', async () => {
    const run = await runCheck(['--root', path.join(tmpdir(), 'flowkit-no-such-dir', 'nested')]);

    expect(run.stderr).toContain('is not a directory');
    expect(run.code).toBe(2);
  });
});
