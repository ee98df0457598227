// The security-scan action's work: secrets, dependencies, workflows and other scanners' SARIF, under one policy.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  type FlowkitConfig,
  InputError,
  type Logger,
  type ProcessRunner,
  parseBooleanInput,
  parseIntegerInput,
} from '@flowkit/core';
import { changedLinesOf, type Finding, keepChangedLines, type Severity } from '@flowkit/findings';
import type { GitHubClient, PullRequestFile, Repo } from '@flowkit/github';
import { type AuditOutcome, runDependencyAudit } from './audit/index.ts';
import {
  evaluatePolicy,
  type PolicyVerdict,
  readSarifFile,
  type SarifUploadResult,
  uploadSarif,
  writeSarif,
} from './sarif.ts';
import { DEFAULT_ALLOWLIST_PATH, runSecretScan, type SecretScanReport } from './secrets/index.ts';
import { auditRepository } from './workflow-audit.ts';

/** The inputs of security-scan, as action.yml declares them. */
export const SECURITY_SCAN_INPUTS = [
  'secrets',
  'dependencies',
  'workflows',
  'sarif',
  'allowlist',
  'fail-on-severity',
  'only-new',
  'upload',
  'trusted-owners',
  'github-token',
  'timeout',
] as const;

export type SecurityScanInputName = (typeof SECURITY_SCAN_INPUTS)[number];

/** Everything security-scan needs, checked. */
export interface SecurityScanSettings {
  secrets: boolean;
  dependencies: boolean;
  workflows: boolean;
  /** SARIF files from other scanners, relative to the workspace. */
  sarif: string[];
  /** The allowlist file chosen explicitly; undefined means the default, which may be absent. */
  allowlist: string | undefined;
  failOn: Severity | 'never';
  onlyNew: boolean;
  upload: boolean;
  trustedOwners: string[];
  githubToken: string;
  timeoutMs: number;
}

const SEVERITIES = ['error', 'warning', 'note', 'never'];

/** Checks every input; throws InputError for the first problem. Runs nothing. */
export function readSecurityScanSettings(
  input: (name: SecurityScanInputName) => string,
  _config: FlowkitConfig,
): SecurityScanSettings {
  const failOn = input('fail-on-severity') || 'error';
  if (!SEVERITIES.includes(failOn)) {
    throw new InputError(
      'fail-on-severity',
      `must be one of ${SEVERITIES.join(', ')}, not '${failOn}'`,
      'Use error to fail only on errors, or never to report without failing.',
    );
  }
  const sarif = input('sarif')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');
  for (const path of sarif) {
    if (path.startsWith('/') || path.split('/').includes('..')) {
      throw new InputError(
        'sarif',
        `names '${path}', outside the workspace`,
        'Give SARIF paths relative to the repository root, one per line.',
      );
    }
  }
  return {
    secrets: parseBooleanInput('secrets', input('secrets'), true),
    dependencies: parseBooleanInput('dependencies', input('dependencies'), true),
    workflows: parseBooleanInput('workflows', input('workflows'), true),
    sarif,
    // The default file is optional; a file the user names must exist.
    allowlist:
      input('allowlist') === '' || input('allowlist') === DEFAULT_ALLOWLIST_PATH
        ? undefined
        : input('allowlist'),
    failOn: failOn as SecurityScanSettings['failOn'],
    onlyNew: parseBooleanInput('only-new', input('only-new'), true),
    upload: parseBooleanInput('upload', input('upload'), true),
    trustedOwners: input('trusted-owners')
      .split(/[\s,]+/)
      .filter((owner) => owner !== ''),
    githubToken: input('github-token'),
    timeoutMs: parseIntegerInput('timeout', input('timeout'), 300, { min: 10, max: 3600 }) * 1000,
  };
}

/** Where the scan runs and what it may reach. */
export interface SecurityScanContext {
  root: string;
  repo: Repo;
  commitSha: string;
  ref: string;
  /** The pull request being checked, if any. */
  pullRequest: { number: number; fromFork: boolean } | undefined;
  github: GitHubClient | undefined;
  run: ProcessRunner;
  env: NodeJS.ProcessEnv;
  /** Where to write the combined SARIF file. */
  tempDir: string;
  /** The secret scanner's worker script, when a bundle ships it apart (default: beside the scanner's module). */
  secretScanWorker?: URL;
  log: Logger;
}

/** What the scan found and decided. */
export interface SecurityScanResult {
  findings: Finding[];
  /** The findings the policy judges (on pull requests with only-new: those on changed lines). */
  judged: Finding[];
  verdict: PolicyVerdict | undefined;
  secrets: SecretScanReport | undefined;
  audit: AuditOutcome | undefined;
  sarifFile: string;
  upload: SarifUploadResult | undefined;
  /** Things to tell people as warnings. */
  notes: string[];
}

/** Runs every scan the settings ask for, applies the policy, writes SARIF and uploads it. */
export async function runSecurityScan(
  settings: SecurityScanSettings,
  context: SecurityScanContext,
): Promise<SecurityScanResult> {
  const findings: Finding[] = [];
  const notes: string[] = [];
  const { root, pullRequest, github } = context;
  let files: PullRequestFile[] | undefined;
  if (pullRequest !== undefined && github !== undefined && (settings.secrets || settings.onlyNew)) {
    files = await github.listPullRequestFiles(context.repo, pullRequest.number);
  }

  let secrets: SecretScanReport | undefined;
  if (settings.secrets) {
    secrets = await runSecretScan({
      root,
      ...(settings.allowlist === undefined ? {} : { allowlist: settings.allowlist }),
      ...(context.secretScanWorker === undefined ? {} : { workerUrl: context.secretScanWorker }),
      ...(files === undefined ? {} : { patches: files }),
    });
    findings.push(...secrets.findings);
  }
  let audit: AuditOutcome | undefined;
  if (settings.dependencies) {
    audit = await runDependencyAudit(root, context.run, context.env);
    findings.push(...audit.findings);
    notes.push(...audit.notes);
  }
  if (settings.workflows)
    findings.push(...(await auditRepository(root, { trustedOwners: settings.trustedOwners })));
  for (const path of settings.sarif) findings.push(...(await readSarifFile(join(root, path), { root })));

  // On a pull request, a finding is new when it sits on a line the pull request changed.
  const judged =
    files !== undefined && settings.onlyNew
      ? keepChangedLines(findings, changedLinesOf(files)).kept
      : findings;
  const verdict =
    settings.failOn === 'never' ? undefined : evaluatePolicy(judged, { failOn: settings.failOn });

  const written = writeSarif(findings);
  const sarifFile = join(context.tempDir, 'flowkit-security.sarif');
  await writeFile(sarifFile, written.text);
  for (const dropped of written.dropped)
    notes.push(`SARIF: ${dropped.count} result(s) of ${dropped.tool} left out (${dropped.reason}).`);

  let upload: SarifUploadResult | undefined;
  if (settings.upload && github !== undefined) {
    upload = await uploadSarif(written, {
      client: github,
      repo: context.repo,
      commitSha: context.commitSha,
      ref: context.ref,
      readOnlyToken: pullRequest?.fromFork === true,
      log: context.log,
    });
  }
  return { findings, judged, verdict, secrets, audit, sarifFile, upload, notes };
}
