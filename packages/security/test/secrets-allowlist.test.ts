// The secrets allowlist: reading it (and its errors, with lines), matching, expiry, staleness, a whole run.
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { ConfigError, InputError } from '@flowkit/core';
import type { Finding } from '@flowkit/findings';
import { afterEach, beforeEach, describe, expect, test } from '@jest/globals';
import {
  type Allowlist,
  applyAllowlist,
  DEFAULT_ALLOWLIST_PATH,
  detectSecrets,
  loadAllowlist,
  parseAllowlist,
  runSecretScan,
  summarizeSecretScan,
} from '../src/secrets/index.ts';
import { FakeSecrets } from './fixtures/secrets/fakes.ts';

const fake = new FakeSecrets(23);
const FILE = '.github/flowkit-secrets-allowlist.yml';

/** The ConfigError `parseAllowlist` throws for `text`. */
function problemWith(text: string): ConfigError {
  try {
    parseAllowlist(text, FILE);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('reading the allowlist', () => {
  test('a list of entries, each with its line', async () => {
    const text = await readFile(new URL('./fixtures/secrets/allowlist.yml', import.meta.url), 'utf8');
    const allowlist = parseAllowlist(text, FILE);
    expect(allowlist.entries).toEqual([
      {
        path: 'test/fixtures/**',
        reason: 'Generated test fixtures; none is a real credential.',
        expires: '2027-06-30',
        line: 2,
      },
      {
        rule: 'generic-secret',
        path: '*.example.env',
        reason: 'Example env files hold made-up values.',
        expires: '2027-06-30',
        line: 6,
      },
      {
        fingerprint: '0e5751c026e543b2e8ab2eb06099daa1d1e5df47778f7787faab45cdf12fe3a8',
        reason: 'A revoked key in an old migration; rotated on 2026-11-02 (INC-4211).',
        expires: '2026-12-31',
        line: 11,
      },
    ]);
  });

  test("a mapping with 'allow:' holding the list, and empty files, are read too", () => {
    const text = 'allow:\n  - path: a/**\n    reason: r\n    expires: 2027-01-01\n';
    expect(parseAllowlist(text, FILE).entries).toEqual([
      { path: 'a/**', reason: 'r', expires: '2027-01-01', line: 2 },
    ]);
    expect(parseAllowlist('', FILE).entries).toEqual([]);
    expect(parseAllowlist('# nothing allowed yet\n', FILE).entries).toEqual([]);
    expect(parseAllowlist('allow:\n', FILE).entries).toEqual([]);
  });

  test.each([
    [
      'not a list',
      'path: a/**\nreason: r\n',
      `${FILE}:1: expected a list of entries (or a mapping with just 'allow:' holding the list)`,
    ],
    [
      'an entry that is not a mapping',
      '- a/**\n',
      `${FILE}:1: [0]: expected an entry with rule, path, fingerprint, reason, expires`,
    ],
    [
      'a missing reason',
      '- path: a/**\n  reason: ok\n  expires: 2027-01-01\n\n- path: b/**\n  expires: 2027-01-01\n',
      `${FILE}:5: [1]: missing required key 'reason' (a sentence saying why this secret is acceptable)`,
    ],
    [
      'a missing expiry',
      '- path: a/**\n  reason: fixtures\n',
      `${FILE}:1: [0]: missing required key 'expires' (the last day the entry holds, written YYYY-MM-DD)`,
    ],
    [
      'a date that does not exist',
      '- path: a/**\n  reason: fixtures\n  expires: 2026-02-30\n',
      `${FILE}:3: [0].expires: expected the last day the entry holds, written YYYY-MM-DD, got "2026-02-30"`,
    ],
    [
      'a date written another way',
      '- path: a/**\n  reason: fixtures\n  expires: 31/12/2026\n',
      `${FILE}:3: [0].expires: expected the last day the entry holds, written YYYY-MM-DD, got "31/12/2026"`,
    ],
    [
      'an unknown key',
      '- path: a/**\n  reason: fixtures\n  expires: 2027-01-01\n  until: 2027-01-01\n',
      `${FILE}:4: [0].until: unknown key 'until'; expected one of: rule, path, fingerprint, reason, expires`,
    ],
    [
      'an unknown rule',
      '- rule: github-token\n  path: a/**\n  reason: fixtures\n  expires: 2027-01-01\n',
      `${FILE}:1: [0].rule: unknown rule 'github-token'; expected a rule id, one of: github-pat,`,
    ],
    [
      'neither a fingerprint nor a path',
      '- rule: generic-secret\n  reason: too broad\n  expires: 2027-01-01\n',
      `${FILE}:1: [0]: needs a 'fingerprint' (from the finding) or a 'path' glob`,
    ],
    [
      'an empty reason',
      '- path: a/**\n  reason: ""\n  expires: 2027-01-01\n',
      `${FILE}:2: [0].reason: expected a sentence saying why this secret is acceptable`,
    ],
    ['invalid YAML', '- path: a/**\n  reason: [unclosed\n', `${FILE}:3: not valid YAML:`],
    ['a repeated key', '- path: a/**\n  path: b/**\n', `${FILE}:2: not valid YAML: Map keys must be unique`],
  ])('%s is a ConfigError naming the file, the line and what was expected', (_name, text, message) => {
    const error = problemWith(text);
    expect(error.file).toBe(FILE);
    expect(error.message.startsWith(message)).toBe(true);
  });

  test('a pasted secret in place of a fingerprint is never echoed back', () => {
    const token = fake.github();
    const error = problemWith(`- fingerprint: ${token}\n  reason: oops\n  expires: 2027-01-01\n`);
    expect(error.message).toBe(
      `${FILE}:1: [0].fingerprint: expected a finding's fingerprint: 64 hex digits, got 40 characters (never the secret itself)`,
    );
    expect(error.message).not.toContain(token.slice(4, 12));
  });

  describe('from a repository', () => {
    let root: string;
    beforeEach(async () => {
      root = await mkdtemp(join(tmpdir(), 'flowkit-secrets-allowlist-'));
    });
    afterEach(async () => {
      await rm(root, { recursive: true, force: true });
    });

    test('a missing default file allows nothing; a missing named file is an input error', async () => {
      expect(await loadAllowlist(root)).toEqual({ file: DEFAULT_ALLOWLIST_PATH, entries: [] });
      await expect(loadAllowlist(root, 'ci/allow.yml')).rejects.toThrow(InputError);
      await expect(loadAllowlist(root, 'ci/allow.yml')).rejects.toThrow(
        "Input 'allowlist' names 'ci/allow.yml', which does not exist.",
      );
    });
  });
});

describe('applying the allowlist', () => {
  const token = fake.github();
  const password = fake.password();
  const findings: Finding[] = [
    ...detectSecrets(`token = "${token}"`, { file: 'test/fixtures/tokens.txt' }),
    ...detectSecrets(`DB_PASSWORD=${password}`, { file: 'config/app.example.env' }),
    ...detectSecrets(`${token}`, { file: 'src/main.ts' }),
  ];
  const allowlist = (entries: Omit<Allowlist['entries'][number], 'line'>[]): Allowlist => ({
    file: FILE,
    entries: entries.map((entry, index) => ({ ...entry, line: index * 4 + 1 })),
  });

  test('by path glob, by rule and path, by fingerprint; every given field must match', () => {
    const fingerprint = findings[2]?.fingerprint as string;
    const outcome = applyAllowlist(
      findings,
      allowlist([
        { path: 'test/fixtures/**', reason: 'fixtures', expires: '2027-01-01' },
        { rule: 'generic-secret', path: '*.example.env', reason: 'examples', expires: '2027-01-01' },
        {
          rule: 'github-pat',
          path: '*.example.env',
          reason: 'wrong rule for that path',
          expires: '2027-01-01',
        },
        { fingerprint, path: 'other/**', reason: 'wrong path for that key', expires: '2027-01-01' },
      ]),
      { today: '2026-11-28' },
    );
    expect(outcome.suppressed.map(({ finding, entry }) => [finding.file, entry.reason])).toEqual([
      ['test/fixtures/tokens.txt', 'fixtures'],
      ['config/app.example.env', 'examples'],
    ]);
    expect(outcome.findings.map((finding) => finding.file)).toEqual(['src/main.ts']);

    const byFingerprint = applyAllowlist(
      findings,
      allowlist([{ fingerprint, reason: 'revoked', expires: '2027-01-01' }]),
      { today: '2026-11-28' },
    );
    // The same token in two files has one fingerprint: both are suppressed.
    expect(byFingerprint.suppressed.map(({ finding }) => finding.file)).toEqual([
      'test/fixtures/tokens.txt',
      'src/main.ts',
    ]);
  });

  test('an entry holds through its expiry date; the day after, it suppresses nothing and is an error', () => {
    const entries = allowlist([{ path: 'test/fixtures/**', reason: 'fixtures', expires: '2026-01-31' }]);
    expect(applyAllowlist(findings, entries, { today: '2026-01-31' }).suppressed).toHaveLength(1);

    const outcome = applyAllowlist(findings, entries, { today: '2026-02-01' });
    expect(outcome.suppressed).toEqual([]);
    expect(outcome.expired).toEqual(entries.entries);
    expect(outcome.findings.map((finding) => finding.rule)).toEqual([
      'github-pat',
      'generic-secret',
      'github-pat',
      'allowlist-entry-expired',
    ]);
    expect(outcome.findings[3]).toEqual({
      tool: 'secrets',
      rule: 'allowlist-entry-expired',
      severity: 'error',
      message:
        'Allowlist entry at line 1 (path test/fixtures/**) expired on 2026-01-31 and no longer suppresses findings (its reason: fixtures)',
      file: FILE,
      line: 1,
      fix: 'Renew it with a later expires date if the reason still holds, or remove it and deal with what it covered.',
    });
  });

  test('entries that matched nothing are notes when asked for', () => {
    const entries = allowlist([
      { path: 'test/fixtures/**', reason: 'fixtures', expires: '2027-01-01' },
      { path: 'vendor/**', reason: 'vendored code', expires: '2027-01-01' },
    ]);
    expect(applyAllowlist(findings, entries, { today: '2026-11-28' }).stale).toEqual([]);
    const outcome = applyAllowlist(findings, entries, { today: '2026-11-28', reportStale: true });
    expect(outcome.stale.map((entry) => entry.path)).toEqual(['vendor/**']);
    expect(outcome.findings.at(-1)).toMatchObject({
      rule: 'allowlist-entry-stale',
      severity: 'note',
      line: 5,
      message: 'Allowlist entry at line 5 (path vendor/**) matched no finding in this scan',
    });
  });

  test('findings of other tools are left alone', () => {
    const other: Finding = {
      tool: 'eslint',
      rule: 'no-console',
      severity: 'warning',
      message: 'x',
      file: 'test/fixtures/a.js',
    };
    const outcome = applyAllowlist(
      [other],
      allowlist([{ path: '**', reason: 'all', expires: '2027-01-01' }]),
      {
        today: '2026-11-28',
      },
    );
    expect(outcome.findings).toEqual([other]);
  });
});

describe('a whole scan with its allowlist', () => {
  let root: string;
  const write = async (path: string, content: string) => {
    await mkdir(dirname(join(root, path)), { recursive: true });
    await writeFile(join(root, path), content);
  };
  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'flowkit-secrets-run-'));
  });
  afterEach(async () => {
    await rm(root, { recursive: true, force: true });
  });

  test('suppresses, reports expiry and staleness, lists what it suppressed, and shows no secret anywhere', async () => {
    const fixture = fake.github();
    const live = fake.slack();
    const old = fake.awsKeyId();
    await write('test/fixtures/tokens.txt', `${fixture}\n`);
    await write('src/notify.ts', `const token = '${live}';\n`);
    await write('migrations/001.sql', `-- ${old}\n`);
    const oldFingerprint = detectSecrets(old)[0]?.fingerprint;
    await write(
      DEFAULT_ALLOWLIST_PATH,
      [
        '- path: test/fixtures/**',
        '  reason: Generated fixtures',
        '  expires: 2027-06-30',
        `- fingerprint: ${oldFingerprint}`,
        '  reason: Revoked in 2025',
        '  expires: 2026-06-30',
        '- path: vendor/**',
        '  reason: Vendored SDK samples',
        '  expires: 2027-06-30',
        '',
      ].join('\n'),
    );
    const report = await runSecretScan({ root, today: '2026-11-28', workers: 0 });
    expect(report.findings.map((finding) => [finding.rule, finding.file, finding.line])).toEqual([
      ['allowlist-entry-expired', DEFAULT_ALLOWLIST_PATH, 4],
      ['aws-access-key-id', 'migrations/001.sql', 1],
      ['slack-token', 'src/notify.ts', 1],
      ['allowlist-entry-stale', DEFAULT_ALLOWLIST_PATH, 7],
    ]);
    expect(report.suppressed.map(({ finding }) => finding.file)).toEqual(['test/fixtures/tokens.txt']);
    expect(report.allowlist).toEqual({ file: DEFAULT_ALLOWLIST_PATH, entries: 3 });

    const summary = summarizeSecretScan(report);
    expect(summary.split('\n')[0]).toBe('Scanned 4 file(s) (0.0 MiB), listed by a directory walk.');
    expect(summary).toContain('1 finding(s) suppressed by .github/flowkit-secrets-allowlist.yml');
    expect(summary).toContain('| test/fixtures/tokens.txt:1 | github-pat |');
    expect(summary).toContain('Generated fixtures');
    const everything = JSON.stringify(report) + summary;
    for (const secret of [fixture, live, old]) expect(everything).not.toContain(secret);
  });

  test('a malformed allowlist fails before anything is scanned', async () => {
    await write('src/a.ts', `${fake.github()}\n`);
    await write('ci/allow.yml', '- path: a/**\n  expires: 2027-01-01\n');
    await expect(runSecretScan({ root, allowlist: 'ci/allow.yml' })).rejects.toThrow(
      "ci/allow.yml:1: [0]: missing required key 'reason'",
    );
  });

  test('a diff scan reports no stale entries: it sees only the changed lines', async () => {
    await write(DEFAULT_ALLOWLIST_PATH, '- path: vendor/**\n  reason: samples\n  expires: 2027-06-30\n');
    const token = fake.github();
    const diff = `--- a/x.ts\n+++ b/x.ts\n@@ -1,0 +1,1 @@\n+const t = '${token}';\n`;
    const report = await runSecretScan({ root, diff, today: '2026-11-28' });
    expect(report.findings.map((finding) => [finding.rule, finding.file, finding.line])).toEqual([
      ['github-pat', 'x.ts', 1],
    ]);
    expect(report.stale).toEqual([]);
  });
});
