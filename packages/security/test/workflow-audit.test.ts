// Workflow audit: fixture repositories with known problems and clean ones, and the rules one by one.
import { fileURLToPath } from 'node:url';
import type { Finding } from '@flowkit/findings';
import { describe, expect, test } from '@jest/globals';
import {
  auditAction,
  auditRepository,
  auditWorkflow,
  contextsIn,
  expressionsIn,
  flowingContexts,
  WORKFLOW_AUDIT_TOOL,
} from '../src/workflow-audit.ts';

const fixture = (name: string) =>
  fileURLToPath(new URL(`./fixtures/workflow-audit/${name}`, import.meta.url));
const where = (f: Finding) => [f.file, f.line, f.rule, f.severity];

describe('auditRepository', () => {
  test('a repository with known problems: each finding at the offending line, with a fix', async () => {
    const findings = await auditRepository(fixture('bad'));
    const triage = '.github/workflows/issue-triage.yml';
    const target = '.github/workflows/pr-target.yml';
    const release = '.github/workflows/release.yml';
    expect(findings.map(where)).toEqual([
      [triage, 10, 'excessive-permissions', 'error'],
      [triage, 15, 'unpinned-uses', 'error'],
      [triage, 15, 'artipacked', 'warning'],
      [triage, 19, 'template-injection', 'error'],
      [triage, 25, 'template-injection', 'error'],
      [triage, 27, 'template-injection', 'error'],
      [target, 5, 'excessive-permissions', 'error'],
      [target, 11, 'excessive-permissions', 'error'],
      [target, 15, 'dangerous-triggers', 'error'],
      [target, 20, 'dangerous-triggers', 'error'],
      [target, 22, 'template-injection', 'error'],
      [release, 15, 'default-permissions', 'warning'],
      [release, 18, 'pin-without-version-comment', 'warning'],
      [release, 21, 'unpinned-uses', 'error'],
      [release, 25, 'template-injection', 'warning'],
      [release, 26, 'default-permissions', 'warning'],
      [release, 28, 'unpinned-uses', 'error'],
      [release, 29, 'secrets-inherit', 'warning'],
      ['actions/greet/action.yml', 10, 'unpinned-uses', 'error'],
      ['actions/greet/action.yml', 12, 'template-injection', 'warning'],
    ]);
    for (const finding of findings) {
      expect(finding.tool).toBe(WORKFLOW_AUDIT_TOOL);
      expect(finding.fix).toMatch(/\S/);
      expect(finding.helpUri).toMatch(/^https:\/\//);
      expect(finding.fingerprint).toMatch(/^[0-9a-f]{32}$/);
    }
    expect(new Set(findings.map((f) => f.fingerprint)).size).toBe(findings.length);
  });

  test('a clean repository has nothing to report', async () => {
    expect(await auditRepository(fixture('clean'))).toEqual([]);
  });

  test('actions inside test fixtures are skipped unless asked for', async () => {
    const all = await auditRepository(fixture('bad'), { skipDirectories: [] });
    expect(all.filter((f) => f.file === 'test/fixtures/sample/action.yml').map(where)).toEqual([
      ['test/fixtures/sample/action.yml', 6, 'unpinned-uses', 'error'],
    ]);
  });

  test('a folder without workflows or actions has nothing to report', async () => {
    expect(await auditRepository(fixture('bad/.github/workflows'))).toEqual([]);
  });
});

describe('template injection', () => {
  const workflow = (steps: string, on = 'issues') =>
    `on: ${on}\npermissions: {}\njobs:\n  j:\n    runs-on: ubuntu-24.04\n    steps:\n${steps}`;

  test('points at the line of the expression inside a block, and fixes through env', () => {
    const [finding, ...rest] = auditWorkflow(
      'w.yml',
      workflow('      - run: |\n          echo one\n          echo "${{ github.event.issue.body }}"\n'),
    );
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({ rule: 'template-injection', severity: 'error', line: 9, column: 17 });
    expect(finding?.message).toContain('${{ github.event.issue.body }}');
    expect(finding?.fix).toBe(
      'Do not expand it in the script: add `env: ISSUE_BODY: ${{ github.event.issue.body }}` to the step and use "$ISSUE_BODY" instead.',
    );
  });

  test('flags what outsiders write and leaves numbers, shas, logins and trusted contexts alone', () => {
    const run = (expression: string) =>
      auditWorkflow('w.yml', workflow(`      - run: echo "\${{ ${expression} }}"\n`)).map(
        (f) => f.message.match(/\$\{\{ (.+?) \}\}/)?.[1],
      );
    for (const expression of [
      'github.event.pull_request.title',
      'github.event.pull_request.head.ref',
      'github.event.pull_request.head.label',
      'github.event.head_commit.message',
      'github.event.head_commit.author.email',
      'github.event.commits[0].author.name',
      'github.event.pages[1].page_name',
      'github.event.review.body',
      'github.event.discussion.title',
      'github.event.workflow_run.head_branch',
      'toJSON(github.event)',
      "github.event['issue']['title']",
    ]) {
      expect(run(expression)).toHaveLength(1);
    }
    expect(run('github.event.commits[0].author.name')).toEqual(['github.event.commits.*.author.name']);
    for (const expression of [
      'github.event.issue.number',
      'github.event.pull_request.head.sha',
      'github.sha',
      'github.event.sender.login',
      'secrets.TOKEN',
      "format('{0}', 'github.event.issue.title')",
      // Tested or compared, these expand to true or false, never to the text.
      "contains(github.event.issue.labels.*.name, 'bug') && 'yes' || 'no'",
      "github.event.pull_request.title == 'release' && 'a' || 'b'",
      '!github.event.issue.body',
      "startsWith(github.head_ref, 'dependabot/')",
    ]) {
      expect(run(expression)).toEqual([]);
    }
    expect(run("github.event.issue.title || 'untitled'")).toEqual(['github.event.issue.title']);
  });

  test('github-script gets process.env, head_ref the runner’s own variable', () => {
    const findings = auditWorkflow(
      'w.yml',
      workflow(
        '      - uses: actions/github-script@60a0d83039c74a4aee543508d2ffcb1c3799cdea # v7.0.1\n' +
          '        with:\n          script: console.log("${{ github.event.comment.body }}")\n' +
          '      - run: git push origin "${{ github.head_ref }}"\n',
        'pull_request',
      ),
    );
    expect(findings.map((f) => [f.line, f.fix])).toEqual([
      [
        9,
        'Do not expand it in the script: add `env: COMMENT_BODY: ${{ github.event.comment.body }}` to the step and use process.env.COMMENT_BODY instead.',
      ],
      [10, 'Do not expand it in the script: use "$GITHUB_HEAD_REF" instead.'],
    ]);
  });

  test('a PowerShell step reads the variable as $env:', () => {
    const [finding] = auditWorkflow(
      'w.yml',
      workflow('      - shell: pwsh\n        run: Write-Output "${{ github.event.issue.title }}"\n'),
    );
    expect(finding?.message).toContain('into the PowerShell script');
    expect(finding?.fix).toContain('use $env:ISSUE_TITLE instead');
  });

  test('inputs: strings are warnings, booleans, numbers and choices are safe', () => {
    const text = [
      'on:',
      '  workflow_call:',
      '    inputs:',
      '      name: { type: string }',
      '      count: { type: number }',
      '      strict: { type: boolean }',
      'jobs:',
      '  j:',
      '    runs-on: ubuntu-24.04',
      '    steps:',
      '      - run: ./go "${{ inputs.name }}" ${{ inputs.count }} ${{ inputs.strict }} ${{ github.event.inputs.name }}',
      '',
    ].join('\n');
    const findings = auditWorkflow('called.yml', text);
    expect(findings.map((f) => [f.rule, f.severity, f.line])).toEqual([
      ['template-injection', 'warning', 11],
      ['template-injection', 'warning', 11],
    ]);
    expect(findings.map((f) => f.message.match(/\$\{\{ (.+?) \}\}/)?.[1])).toEqual([
      'inputs.name',
      'github.event.inputs.name',
    ]);
  });

  test('a composite action: event text is an error, its inputs warnings', () => {
    const text = [
      'name: x',
      'description: x',
      'runs:',
      '  using: composite',
      '  steps:',
      '    - shell: bash',
      '      run: |',
      '        echo "${{ inputs.greeting }}, ${{ github.event.issue.title }}"',
      '',
    ].join('\n');
    expect(auditAction('action.yml', text).map((f) => [f.severity, f.line, f.column])).toEqual([
      ['warning', 8, 15],
      ['error', 8, 39],
    ]);
    expect(auditAction('action.yml', 'name: js\nruns:\n  using: node24\n  main: dist/index.js\n')).toEqual(
      [],
    );
  });

  test('expressionsIn and contextsIn read expressions as GitHub writes them', () => {
    expect(expressionsIn('a ${{ x.y }} b ${{\n github.event.issue.title }}').map((e) => e.inner)).toEqual([
      ' x.y ',
      '\n github.event.issue.title ',
    ]);
    expect(contextsIn(" toJSON(github.event.issue) || format('{0}.x', steps.a.outputs.b) ")).toEqual([
      'github.event.issue',
      'steps.a.outputs.b',
    ]);
    expect(contextsIn("github.event['pull_request'].title == 'x' && matrix.os")).toEqual([
      'github.event.pull_request.title',
      'matrix.os',
    ]);
    expect(contextsIn('true && 1.5 > 2')).toEqual([]);
    expect(
      flowingContexts(
        "contains(fromJSON(github.event.issue.body), 'x') && github.event.issue.title || (github.head_ref != 'main')",
      ),
    ).toEqual(['github.event.issue.title']);
  });
});

describe('pinning', () => {
  const steps = (uses: string) =>
    `on: push\npermissions: {}\njobs:\n  j:\n    runs-on: ubuntu-24.04\n    steps:\n      - uses: ${uses}\n        with: { persist-credentials: false }\n`;

  test('first-party owners are pinned too, unless trusted', () => {
    expect(auditWorkflow('w.yml', steps('actions/checkout@v4')).map((f) => f.rule)).toEqual([
      'unpinned-uses',
    ]);
    expect(auditWorkflow('w.yml', steps('actions/checkout@v4'), { trustedOwners: ['Actions'] })).toEqual([]);
    expect(
      auditWorkflow('w.yml', steps('other/action@v4'), { trustedOwners: ['actions'] }).map((f) => f.rule),
    ).toEqual(['unpinned-uses']);
  });

  test('a full SHA with a version comment passes; a short SHA or a branch does not', () => {
    const sha = '11bd71901bbe5b1630ceea73d27597364c9af683';
    expect(auditWorkflow('w.yml', steps(`actions/checkout@${sha} # v4.2.2`))).toEqual([]);
    expect(auditWorkflow('w.yml', steps(`actions/checkout@${sha} # pinned`)).map((f) => f.rule)).toEqual([
      'pin-without-version-comment',
    ]);
    expect(auditWorkflow('w.yml', steps('actions/checkout@11bd719')).map((f) => f.rule)).toEqual([
      'unpinned-uses',
    ]);
    const [branch] = auditWorkflow('w.yml', steps('someone/action@main'));
    expect(branch?.fix).toContain('`uses: someone/action@<sha> # v1.2.3`');
    expect(branch?.message).toContain('whoever can push to someone/action');
  });

  test('docker images need a digest; local actions are fine', () => {
    expect(auditWorkflow('w.yml', steps('docker://ghcr.io/org/tool:1.0')).map((f) => f.rule)).toEqual([
      'unpinned-uses',
    ]);
    expect(auditWorkflow('w.yml', steps(`docker://ghcr.io/org/tool@sha256:${'a'.repeat(64)}`))).toEqual([]);
    expect(auditWorkflow('w.yml', steps('./.github/actions/build'))).toEqual([]);
  });
});

describe('permissions and triggers', () => {
  test('no permissions anywhere is a warning per job; permissions on every job is enough', () => {
    const jobs =
      '  a:\n    runs-on: x\n    steps: [{ run: echo }]\n  b:\n    runs-on: x\n    permissions: {}\n';
    expect(auditWorkflow('w.yml', `on: [push, pull_request]\njobs:\n${jobs}`).map(where)).toEqual([
      ['w.yml', 3, 'default-permissions', 'warning'],
    ]);
    expect(auditWorkflow('w.yml', `on: push\npermissions: read-all\njobs:\n${jobs}`)).toEqual([]);
  });

  test('write scopes are fine on push, not on pull_request_target or issue_comment', () => {
    const text = (on: string) => `on: ${on}\npermissions:\n  contents: write\n  id-token: write\njobs: {}\n`;
    expect(auditWorkflow('w.yml', text('push'))).toEqual([]);
    expect(auditWorkflow('w.yml', text('[issue_comment]')).map((f) => [f.rule, f.line])).toEqual([
      ['excessive-permissions', 3],
      ['excessive-permissions', 4],
    ]);
  });

  test('workflow_run checking out the head sha is dangerous; pull_request checking it out is not', () => {
    const text = (on: string, ref: string) =>
      `on: ${on}\npermissions: {}\njobs:\n  j:\n    runs-on: x\n    steps:\n      - uses: actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683 # v4.2.2\n        with:\n          persist-credentials: false\n          ref: \${{ ${ref} }}\n`;
    expect(
      auditWorkflow('w.yml', text('workflow_run', 'github.event.workflow_run.head_sha')).map(where),
    ).toEqual([['w.yml', 10, 'dangerous-triggers', 'error']]);
    expect(auditWorkflow('w.yml', text('pull_request', 'github.event.pull_request.head.sha'))).toEqual([]);
    expect(auditWorkflow('w.yml', text('pull_request_target', 'github.event.pull_request.base.sha'))).toEqual(
      [],
    );
    const cli = `on: pull_request_target\npermissions: {}\njobs:\n  j:\n    runs-on: x\n    steps:\n      - run: |\n          echo start\n          gh pr checkout "$PR"\n`;
    expect(auditWorkflow('w.yml', cli).map(where)).toEqual([['w.yml', 9, 'dangerous-triggers', 'error']]);
  });
});

describe('fingerprints and bad input', () => {
  test('stay the same when lines move, and tell repeated findings apart', () => {
    const text =
      'on: issues\npermissions: {}\njobs:\n  j:\n    runs-on: x\n    steps:\n      - run: echo "${{ github.event.issue.title }}" "${{ github.event.issue.title }}"\n';
    const before = auditWorkflow('w.yml', text);
    const after = auditWorkflow('w.yml', `# a comment\n\n${text}`);
    expect(before.map((f) => f.line)).toEqual([7, 7]);
    expect(after.map((f) => f.line)).toEqual([9, 9]);
    expect(after.map((f) => f.fingerprint)).toEqual(before.map((f) => f.fingerprint));
    expect(before[0]?.fingerprint).not.toBe(before[1]?.fingerprint);
    expect(auditWorkflow('other.yml', text)[0]?.fingerprint).not.toBe(before[0]?.fingerprint);
  });

  test('YAML that does not parse is one finding at the error; a file that is no mapping is none', () => {
    expect(auditWorkflow('w.yml', 'on: push\njobs:\n  a: [\n').map(where)).toEqual([
      ['w.yml', 4, 'invalid-yaml', 'error'],
    ]);
    expect(auditWorkflow('w.yml', '- just\n- a list\n')).toEqual([]);
  });
});
