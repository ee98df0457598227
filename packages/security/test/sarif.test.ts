// SARIF: reading CodeQL, Trivy, gitleaks and OSV-Scanner logs, the policy, writing within GitHub's limits, uploading.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { type Clock, InputError } from '@flowkit/core';
import type { Finding } from '@flowkit/findings';
import { GitHubClient } from '@flowkit/github';
import { GitHubEmulator, type GitHubEmulatorOptions } from '@flowkit/testing';
import { afterEach, beforeEach, describe, expect, test } from '@jest/globals';
import {
  evaluatePolicy,
  findingFingerprint,
  newFindings,
  parseSarif,
  readSarifFile,
  SARIF_UPLOAD_LIMITS,
  type SarifLog,
  SarifUploadError,
  sarifCategories,
  uploadSarif,
  writeSarif,
} from '../src/sarif.ts';

const fixturePath = (name: string) => fileURLToPath(new URL(`./fixtures/sarif/${name}`, import.meta.url));
const fixture = (name: string) => readFileSync(fixturePath(name), 'utf8');
const ROOT = '/home/runner/work/dashboard/dashboard';
const brief = (f: Finding) => [f.tool, f.rule, f.severity, f.file, f.line];

function finding(overrides: Partial<Finding> = {}): Finding {
  return {
    tool: 'workflow-audit',
    rule: 'template-injection',
    severity: 'error',
    message: 'run: expands ${{ github.event.issue.title }}',
    file: '.github/workflows/triage.yml',
    line: 12,
    ...overrides,
  };
}

describe('reading SARIF', () => {
  test('CodeQL: rules in query-pack extensions, security-severity over level, %SRCROOT% paths, line hashes', () => {
    const findings = parseSarif(fixture('codeql.sarif'), 'codeql.sarif', { root: ROOT });
    expect(findings.map(brief)).toEqual([
      ['CodeQL', 'js/sql-injection', 'error', 'src/db.js', 14],
      // Level warning, but security-severity 7.5 is "high", as GitHub shows it.
      ['CodeQL', 'js/missing-rate-limiting', 'error', 'src/server.js', 22],
      // No security-severity: the rule's default level, note.
      ['CodeQL', 'js/unused-local-variable', 'note', 'src/db.js', 3],
    ]);
    expect(findings[0]).toMatchObject({
      message: 'This query string depends on a user-provided value.',
      column: 22,
      endColumn: 61,
    });
    expect(findings[1]).toMatchObject({ endLine: 27, endColumn: 2 });
    // The line hash follows the code, so the fingerprint survives the line moving.
    const moved = fixture('codeql.sarif').replace('"startLine": 14', '"startLine": 40');
    const [again] = parseSarif(moved, 'codeql.sarif');
    expect(again?.line).toBe(40);
    expect(again?.fingerprint).toBe(findings[0]?.fingerprint);
  });

  test('Trivy: ROOTPATH base, CVSS security-severity, a 0.0 score falls back to the level', () => {
    const findings = parseSarif(fixture('trivy.sarif'), 'trivy.sarif', { root: ROOT });
    expect(findings.map(brief)).toEqual([
      ['Trivy', 'CVE-2021-23337', 'error', 'package-lock.json', 1612],
      ['Trivy', 'CVE-2024-28863', 'warning', 'services/api/package-lock.json', 1],
      ['Trivy', 'DS002', 'error', 'Dockerfile', 1],
      ['Trivy', 'aws-access-key-id', 'error', 'deploy/.env', 2],
      ['Trivy', 'CVE-2023-0001', 'note', 'package-lock.json', 1],
    ]);
    expect(findings[0]?.helpUri).toBe('https://avd.aquasec.com/nvd/cve-2021-23337');
    expect(findings[0]?.message).toMatch(/^Package: lodash\nInstalled Version: 4.17.15\n/);
    // Without a root the ROOTPATH-relative URI is already a repository path.
    expect(parseSarif(fixture('trivy.sarif'), 'trivy.sarif').map((f) => f.file)).toEqual(
      findings.map((f) => f.file),
    );
  });

  test('gitleaks: no level anywhere is SARIF’s default, warning; commit fingerprints tell secrets apart', () => {
    const findings = parseSarif(fixture('gitleaks.sarif'), 'gitleaks.sarif');
    expect(findings.map(brief)).toEqual([
      ['gitleaks', 'generic-api-key', 'warning', 'src/config.js', 12],
      ['gitleaks', 'slack-bot-token', 'warning', '.github/notify.sh', 4],
    ]);
    expect(findings[0]?.fingerprint).not.toBe(findings[1]?.fingerprint);
    expect(findings[0]).toMatchObject({ column: 19, endLine: 12, endColumn: 58 });
  });

  test('OSV-Scanner: absolute file:// URIs become repository paths under the root, and stay absolute without one', () => {
    const findings = parseSarif(fixture('osv-scanner.sarif'), 'osv-scanner.sarif', { root: ROOT });
    expect(findings.map(brief)).toEqual([
      ['osv-scanner', 'CVE-2021-23337', 'warning', 'package-lock.json', undefined],
      ['osv-scanner', 'GO-2023-1571', 'warning', 'services/api/go.mod', undefined],
    ]);
    expect(findings[0]?.message).toBe(
      "Package 'lodash@4.17.15' is vulnerable to 'CVE-2021-23337' (also known as 'GHSA-35jh-r3h4-6jhm').",
    );
    expect(parseSarif(fixture('osv-scanner.sarif'), 'osv-scanner.sarif')[1]?.file).toBe(
      `${ROOT}/services/api/go.mod`,
    );
  });

  test('reads a file from disk', async () => {
    const findings = await readSarifFile(fixturePath('gitleaks.sarif'));
    expect(findings).toHaveLength(2);
  });

  test('message templates, artifacts by index, nested bases, hierarchical rule ids, fixes', () => {
    const log = {
      version: '2.1.0',
      runs: [
        {
          tool: {
            driver: {
              name: 'semgrep',
              rules: [
                {
                  id: 'injection',
                  messageStrings: { default: { text: 'Call to {0} with {1}.' } },
                  defaultConfiguration: { level: 'error' },
                  helpUri: 'https://example.com/injection',
                },
              ],
            },
          },
          originalUriBaseIds: {
            REPO: { uri: 'file:///work/repo/' },
            SRC: { uri: 'src/', uriBaseId: 'REPO' },
          },
          artifacts: [{ location: { uri: 'my%20file.ts', uriBaseId: 'SRC' } }],
          results: [
            {
              ruleId: 'injection/sql',
              message: { id: 'default', arguments: ['query', 'user input'] },
              locations: [{ physicalLocation: { artifactLocation: { index: 0 }, region: { startLine: 3 } } }],
              fixes: [{ description: { text: 'Use a parameterised query.' } }],
            },
            { ruleId: 'unknown-rule', level: 'none', message: { text: 'no location' } },
          ],
        },
      ],
    };
    const [first, second] = parseSarif(JSON.stringify(log), 'semgrep.sarif', { root: '/work/repo' });
    expect(first).toMatchObject({
      tool: 'semgrep',
      rule: 'injection/sql',
      severity: 'error',
      message: 'Call to query with user input.',
      file: 'src/my file.ts',
      line: 3,
      fix: 'Use a parameterised query.',
      helpUri: 'https://example.com/injection',
    });
    expect(second).toMatchObject({ rule: 'unknown-rule', severity: 'note', message: 'no location' });
    expect(second?.file).toBeUndefined();
  });

  test('what is not SARIF 2.1.0 with runs is an InputError naming the input and the file', async () => {
    const refused = (text: string) => {
      try {
        parseSarif(text, 'reports/scan.sarif');
      } catch (error) {
        expect(error).toBeInstanceOf(InputError);
        expect((error as InputError).input).toBe('sarif');
        return (error as Error).message;
      }
      throw new Error('accepted');
    };
    expect(refused('Scan finished: 3 issues')).toMatch(
      /^Input 'sarif' names reports\/scan\.sarif, which is not JSON \(.+\)\. Point it at the SARIF file/,
    );
    expect(refused('{"version":"2.0.0","runs":[]}')).toBe(
      'Input \'sarif\' names reports/scan.sarif, which is SARIF version "2.0.0", not "2.1.0". Have the scanner write SARIF 2.1.0, the only version GitHub code scanning accepts.',
    );
    expect(refused('{"version":"2.1.0","runs":[]}')).toMatch(
      /names reports\/scan\.sarif, which has no runs\./,
    );
    expect(refused('{"version":"2.1.0"}')).toMatch(/which has no runs/);
    expect(refused('[1, 2]')).toMatch(/which holds no SARIF log object/);
    expect(refused('{"version":"2.1.0","runs":[{"tool":{"driver":{}}}]}')).toMatch(
      /whose runs\[0\] has no tool\.driver\.name/,
    );
    await expect(readSarifFile('/nonexistent/flowkit/scan.sarif')).rejects.toThrow(
      "Input 'sarif' names /nonexistent/flowkit/scan.sarif, which does not exist.",
    );
  });
});

describe('policy', () => {
  const error = finding({ fingerprint: 'fp-error' });
  const warning = finding({ rule: 'artipacked', severity: 'warning', fingerprint: 'fp-warning' });
  const note = finding({ tool: 'CodeQL', rule: 'js/unused', severity: 'note', fingerprint: 'fp-note' });

  test('fails when any finding of any tool is at or above the threshold', () => {
    expect(evaluatePolicy([warning, note], { failOn: 'error' })).toEqual({
      failed: false,
      blocking: [],
      preexisting: [],
      explanation: 'Passed: 2 finding(s) from 2 tool(s), 0 at or above error.',
    });
    const verdict = evaluatePolicy([note, warning, error], { failOn: 'warning' });
    expect(verdict.failed).toBe(true);
    expect(verdict.blocking).toEqual([error, warning]);
    expect(verdict.explanation).toBe('Failed: 3 finding(s) from 2 tool(s), 2 at or above warning.');
    expect(evaluatePolicy([note], { failOn: 'note' }).failed).toBe(true);
  });

  test('on a pull request only findings new against the base count, by fingerprint', () => {
    const newError = finding({ message: 'another', fingerprint: 'fp-new' });
    const verdict = evaluatePolicy([error, newError, warning], { failOn: 'error', base: [error] });
    expect(verdict.blocking).toEqual([newError]);
    expect(verdict.preexisting).toEqual([error]);
    expect(verdict.explanation).toBe(
      'Failed: 3 finding(s) from 1 tool(s), 2 at or above error, 1 of them new against the base (1 already there).',
    );
    const clean = evaluatePolicy([error], { failOn: 'error', base: ['fp-error'] });
    expect(clean).toMatchObject({ failed: false, blocking: [], preexisting: [error] });
    expect(clean.explanation).toBe(
      'Passed: 1 finding(s) from 1 tool(s), 1 at or above error, none new against the base (1 already there).',
    );
  });

  test('new findings are counted: a second copy of a known finding is new', () => {
    const copy = { ...error };
    expect(newFindings([error, copy], ['fp-error'])).toEqual([copy]);
    expect(newFindings([error, copy], ['fp-error', 'fp-error'])).toEqual([]);
  });

  test('a finding without a fingerprint is known by tool, rule, file and message, not by line', () => {
    const plain = finding();
    const moved = finding({ line: 40 });
    expect(findingFingerprint(moved)).toBe(findingFingerprint(plain));
    expect(findingFingerprint(finding({ message: 'other' }))).not.toBe(findingFingerprint(plain));
    expect(newFindings([moved], [plain])).toEqual([]);
    expect(findingFingerprint(error)).toBe('fp-error');
  });
});

describe('writing SARIF', () => {
  test('one run per tool, each in its own category; tools without findings get an empty run', () => {
    const audit = finding({ column: 7, endColumn: 40, fix: 'Use env.', helpUri: 'https://docs.zizmor.sh/' });
    const trivy = finding({
      tool: 'Trivy',
      rule: 'CVE-1',
      severity: 'warning',
      file: 'my dir/package-lock.json',
    });
    const written = writeSarif([trivy, audit], { tools: ['workflow-audit', 'Trivy', 'gitleaks'] });
    const log = written.log;
    expect(log.version).toBe('2.1.0');
    expect(
      log.runs.map((run) => [run.tool.driver.name, run.automationDetails?.id, run.results?.length]),
    ).toEqual([
      ['gitleaks', 'flowkit/gitleaks/', 0],
      ['Trivy', 'flowkit/trivy/', 1],
      ['workflow-audit', 'flowkit/workflow-audit/', 1],
    ]);
    const run = log.runs[2];
    expect(run?.tool.driver.rules).toEqual([
      {
        id: 'template-injection',
        name: 'template-injection',
        shortDescription: { text: 'template-injection' },
        fullDescription: { text: audit.message },
        help: { text: 'Use env.' },
        helpUri: 'https://docs.zizmor.sh/',
        defaultConfiguration: { level: 'error' },
      },
    ]);
    expect(run?.results?.[0]).toEqual({
      ruleId: 'template-injection',
      ruleIndex: 0,
      level: 'error',
      message: { text: `${audit.message}\n\nFix: Use env.` },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: '.github/workflows/triage.yml', uriBaseId: '%SRCROOT%' },
            region: { startLine: 12, startColumn: 7, endColumn: 40 },
          },
        },
      ],
      fingerprints: { 'flowkit/v1': findingFingerprint(audit) },
      partialFingerprints: { primaryLocationLineHash: findingFingerprint(audit) },
    });
    expect(log.runs[1]?.results?.[0]?.locations?.[0]?.physicalLocation?.artifactLocation?.uri).toBe(
      'my%20dir/package-lock.json',
    );
    expect(JSON.parse(gunzipSync(written.gzipped).toString('utf8'))).toEqual(log);
    expect(JSON.parse(written.text)).toEqual(log);
    expect(written.dropped).toEqual([]);
  });

  test('reading the written log back gives the same findings', () => {
    const findings = [
      finding({ column: 3, endLine: 14, endColumn: 9, fix: 'Fix it.' }),
      finding({
        tool: 'gitleaks',
        rule: 'generic-api-key',
        severity: 'warning',
        file: 'src/a b.js',
        line: 2,
      }),
    ];
    const back = parseSarif(writeSarif(findings).text, 'flowkit.sarif');
    expect(
      back.map((f) => [f.tool, f.rule, f.severity, f.file, f.line, f.column, f.endLine, f.fingerprint]),
    ).toEqual(
      findings
        .map((f) => [f.tool, f.rule, f.severity, f.file, f.line, f.column, f.endLine, findingFingerprint(f)])
        .sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
    );
  });

  test('categories stay unique when tool names make the same slug', () => {
    expect([...sarifCategories(['CodeQL', 'codeql', 'My Tool!'], 'org').values()]).toEqual([
      'org/codeql/',
      'org/codeql-2/',
      'org/my-tool/',
    ]);
  });

  test('over 25,000 results of a tool keeps the worst and says how many were dropped', () => {
    const many = Array.from({ length: 25_003 }, (_, n) =>
      finding({
        tool: 'semgrep',
        rule: `r${n % 7}`,
        severity: n % 10_000 === 0 ? 'error' : 'note',
        line: n + 1,
      }),
    );
    const written = writeSarif([...many, finding({ file: undefined })]);
    const results = written.log.runs.find((run) => run.tool.driver.name === 'semgrep')?.results ?? [];
    expect(results).toHaveLength(SARIF_UPLOAD_LIMITS.maxResultsPerRun);
    expect(results.filter((result) => result.level === 'error')).toHaveLength(3);
    expect(written.dropped).toEqual([
      { tool: 'workflow-audit', count: 1, reason: 'no-file' },
      { tool: 'semgrep', count: 3, reason: 'too-many-results' },
    ]);
    expect(written.notes).toEqual([
      '1 workflow-audit finding(s) name no file, so they are in the summary but not in code scanning.',
      "3 of semgrep's least severe findings were left out of the upload: code scanning takes at most 25000 results per tool.",
    ]);
  });

  test('over 20 tools keeps those with the worst findings', () => {
    const findings = Array.from({ length: 22 }, (_, n) =>
      finding({ tool: `tool-${String(n).padStart(2, '0')}`, severity: n < 2 ? 'note' : 'warning' }),
    );
    const written = writeSarif(findings);
    expect(written.log.runs).toHaveLength(20);
    expect(written.log.runs.map((run) => run.tool.driver.name)).not.toContain('tool-00');
    expect(written.dropped).toEqual([
      { tool: 'tool-00', count: 1, reason: 'too-many-runs' },
      { tool: 'tool-01', count: 1, reason: 'too-many-runs' },
    ]);
  });

  test('over the gzipped size limit drops the least severe findings until it fits', () => {
    const noisy = Array.from({ length: 3000 }, (_, n) =>
      finding({
        tool: n % 2 ? 'Trivy' : 'semgrep',
        severity: n < 10 ? 'error' : 'note',
        message: `finding ${n}: ${createNoise(n)}`,
        line: n + 1,
      }),
    );
    const limit = 40_000;
    const written = writeSarif(noisy, { limits: { maxGzippedBytes: limit } });
    expect(written.gzipped.length).toBeLessThanOrEqual(limit);
    const kept = written.log.runs.flatMap((run) => run.results ?? []);
    expect(kept.filter((result) => result.level === 'error')).toHaveLength(10);
    const dropped = written.dropped.reduce((sum, drop) => sum + drop.count, 0);
    expect(kept.length + dropped).toBe(3000);
    expect(written.dropped.every((drop) => drop.reason === 'too-large')).toBe(true);
    expect(written.notes[0]).toMatch(
      /least severe findings were left out of the upload to keep it under 40000 bytes/,
    );
  });
});

/** Text that gzip cannot shrink much, so a few thousand findings exceed a small limit. */
function createNoise(seed: number): string {
  let state = seed + 1;
  let text = '';
  for (let i = 0; i < 40; i++) {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    text += state.toString(36);
  }
  return text;
}

describe('uploading SARIF', () => {
  const OWNER = 'flowkit-org';
  const REPO = 'dashboard';
  const TOKEN = 'ghs_security_scan';
  const FORK_TOKEN = 'ghs_fork_pr';
  let gh: GitHubEmulator;
  let sleeps: number[];
  let now: number;
  const clock: Clock = {
    now: () => now,
    sleep: async (ms) => {
      sleeps.push(ms);
      now += ms;
    },
  };

  async function start(overrides: Partial<GitHubEmulatorOptions> = {}): Promise<void> {
    gh = await GitHubEmulator.start({
      repos: [{ owner: OWNER, name: REPO }],
      tokens: {
        [TOKEN]: {
          login: 'github-actions[bot]',
          permissions: { contents: 'read', security_events: 'write' },
        },
        [FORK_TOKEN]: {
          login: 'github-actions[bot]',
          permissions: { contents: 'read', security_events: 'read' },
        },
      },
      now: () => now,
      ...overrides,
    });
  }

  const client = (token = TOKEN) =>
    new GitHubClient({ token, apiUrl: gh.url, policy: () => ({ retries: 2, budgetMs: 60_000 }), clock });
  const options = (token = TOKEN) => ({
    client: client(token),
    repo: { owner: OWNER, repo: REPO },
    commitSha: gh.sha(OWNER, REPO, 'main'),
    ref: 'refs/heads/main',
    clock,
  });
  const written = () =>
    writeSarif([finding(), finding({ tool: 'Trivy', rule: 'CVE-1', severity: 'warning' })], {
      tools: ['gitleaks'],
    });

  beforeEach(() => {
    sleeps = [];
    now = Date.UTC(2026, 5, 1, 9, 0, 0);
  });

  afterEach(async () => {
    await gh.stop();
  });

  test('uploads gzip+Base64, then polls until code scanning has processed it', async () => {
    await start({ sarif: { pendingPolls: 2 } });
    const sarif = written();
    const result = await uploadSarif(sarif, options());
    const [upload] = gh.sarifUploads(OWNER, REPO);
    expect(result).toEqual({
      status: 'complete',
      sarifId: upload?.id,
      analysesUrl: `${gh.url}/repos/${OWNER}/${REPO}/code-scanning/analyses?sarif_id=${upload?.id}`,
    });
    expect(upload).toMatchObject({
      commitSha: gh.sha(OWNER, REPO, 'main'),
      ref: 'refs/heads/main',
      errors: [],
    });
    expect(upload?.log).toEqual(sarif.log);
    expect((upload?.log as SarifLog | undefined)?.runs.map((run) => run.automationDetails?.id)).toEqual([
      'flowkit/gitleaks/',
      'flowkit/trivy/',
      'flowkit/workflow-audit/',
    ]);
    expect(sleeps).toEqual([2000, 4000, 8000]);
    expect(gh.requests.map((r) => `${r.httpMethod} ${r.status}`)).toEqual([
      'POST 202',
      'GET 200',
      'GET 200',
      'GET 200',
    ]);
  });

  test('stops polling after the last try and says the upload is still pending', async () => {
    await start({ sarif: { pendingPolls: 10 } });
    const result = await uploadSarif(written(), {
      ...options(),
      poll: { firstDelayMs: 1000, maxDelayMs: 3000, maxPolls: 4 },
    });
    expect(result).toMatchObject({ status: 'pending', waitedMs: 1000 + 2000 + 3000 + 3000 });
    expect(sleeps).toEqual([1000, 2000, 3000, 3000]);
  });

  test('processing that fails is reported with GitHub’s errors', async () => {
    await start();
    const twoRunsOneCategory = writeSarif([finding()]);
    const [run] = twoRunsOneCategory.log.runs;
    const log = { ...twoRunsOneCategory.log, runs: [run, run] };
    const { gzipSync } = await import('node:zlib');
    const result = await uploadSarif({ gzipped: gzipSync(JSON.stringify(log)) }, options());
    expect(result).toMatchObject({
      status: 'failed',
      errors: [expect.stringMatching(/^A delivery cannot contain multiple runs with the same category/)],
    });
  });

  test('a fork pull request’s read-only token skips the upload with a notice', async () => {
    await start();
    const notices: string[] = [];
    const log = { info: (m: string) => notices.push(m), warning: () => {}, debug: () => {} };
    const result = await uploadSarif(written(), { ...options(FORK_TOKEN), readOnlyToken: true, log });
    expect(result).toEqual({ status: 'skipped', reason: notices[0] });
    expect(notices[0]).toMatch(/^Not uploading SARIF to code scanning: this run's token is read-only/);
    expect(gh.requests).toEqual([]);
  });

  test('a token without security-events: write gets a message naming the permission', async () => {
    await start();
    const upload = uploadSarif(written(), options(FORK_TOKEN));
    await expect(upload).rejects.toBeInstanceOf(SarifUploadError);
    await expect(uploadSarif(written(), options(FORK_TOKEN))).rejects.toThrow(
      "Code scanning refused the SARIF upload to flowkit-org/dashboard (403): the workflow's GITHUB_TOKEN needs `security-events: write` (and `actions: read` in private repositories).",
    );
  });

  test('a log over the size limit is refused with the limit in the message', async () => {
    await start({ sarif: { limits: { maxGzippedBytes: 100 } } });
    const error = await uploadSarif(written(), options()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SarifUploadError);
    expect((error as SarifUploadError).status).toBe(413);
    expect((error as Error).message).toMatch(
      /as too large \(GitHub answered 413 to POST .+: SARIF ZIP upload is too large\)/,
    );
  });

  test('a server error is retried through the client', async () => {
    await start();
    gh.failNext({ method: 'POST', path: `/repos/${OWNER}/${REPO}/code-scanning/sarifs` }, { status: 502 });
    const result = await uploadSarif(written(), options());
    expect(result.status).toBe('complete');
    expect(gh.requests.map((r) => `${r.httpMethod} ${r.status}`)).toEqual([
      'POST 502',
      'POST 202',
      'GET 200',
    ]);
  });

  test('refuses a short SHA or a bare branch name before sending anything', async () => {
    await start();
    await expect(uploadSarif(written(), { ...options(), commitSha: 'abc1234' })).rejects.toThrow(
      'Input \'sha\' "abc1234" is not a full commit SHA.',
    );
    await expect(uploadSarif(written(), { ...options(), ref: 'main' })).rejects.toThrow(
      'Input \'ref\' "main" is not a full Git ref.',
    );
    expect(gh.requests).toEqual([]);
  });
});
