// One secret scan as the action and the CLI run it: allowlist, then the tree or the diff, then the verdict.

import type { PatchFile } from '@flowkit/core';
import { compareFindings, type Finding } from '@flowkit/findings';
import {
  type AllowlistEntry,
  applyAllowlist,
  describeAllowlistEntry,
  loadAllowlist,
  type SuppressedFinding,
} from './allowlist.ts';
import { scanDiff, scanPatches } from './diff.ts';
import { type SecretScanResult, scanTree, type TreeScanOptions } from './scan.ts';

/** What to scan and with which allowlist. */
export interface SecretScanRequest extends TreeScanOptions {
  /** The repository root: what a tree scan reads, and where the allowlist path starts. */
  root: string;
  /** `git diff` output: scan only its added lines (a pull request) instead of the tree. */
  diff?: string;
  /** GitHub's pull request files: scan only their patches' added lines. */
  patches?: readonly PatchFile[];
  /** The allowlist, relative to `root` (default: .github/flowkit-secrets-allowlist.yml, if it exists). */
  allowlist?: string;
  /** Today as YYYY-MM-DD (default: the UTC date), for allowlist expiry. */
  today?: string;
}

/** A scan's result after the allowlist. */
export interface SecretScanReport extends SecretScanResult {
  allowlist: { file: string; entries: number };
  /** Findings the allowlist suppressed, each with the entry that did. */
  suppressed: SuppressedFinding[];
  /** Entries past their date: each is also an error finding. */
  expired: AllowlistEntry[];
  /** Entries that matched nothing (tree scans only): each is also a note. */
  stale: AllowlistEntry[];
}

/**
 * Loads and checks the allowlist (a bad one fails before anything is read), scans the diff or patches when
 * given and the tree otherwise, and applies the allowlist.
 */
export async function runSecretScan(request: SecretScanRequest): Promise<SecretScanReport> {
  const allowlist = await loadAllowlist(request.root, request.allowlist);
  const scan =
    request.diff !== undefined
      ? scanDiff(request.diff, request)
      : request.patches !== undefined
        ? scanPatches(request.patches, request)
        : await scanTree(request.root, request);
  const outcome = applyAllowlist(scan.findings, allowlist, {
    ...(request.today === undefined ? {} : { today: request.today }),
    reportStale: scan.source !== 'diff',
  });
  return {
    ...scan,
    findings: outcome.findings.sort(compareFindings),
    allowlist: { file: allowlist.file, entries: allowlist.entries.length },
    suppressed: outcome.suppressed,
    expired: outcome.expired,
    stale: outcome.stale,
  };
}

/**
 * A Markdown account of a scan for the job summary: what was read, what was skipped and why, and each finding
 * the allowlist suppressed with the entry's reason. Like the findings, it holds no secret.
 */
export function summarizeSecretScan(report: SecretScanReport): string {
  const size = `${(report.bytesScanned / (1024 * 1024)).toFixed(1)} MiB`;
  const lister = report.source === 'git' ? 'git ls-files' : 'a directory walk';
  const lines = [
    report.source === 'diff'
      ? `Scanned the added lines of ${report.filesScanned} changed file(s) (${size}).`
      : `Scanned ${report.filesScanned} file(s) (${size}), listed by ${lister}.`,
  ];
  const skipped: string[] = [];
  if (report.skipped.binary > 0) skipped.push(`${report.skipped.binary} binary`);
  if (report.skipped.tooLarge > 0) {
    skipped.push(`${report.skipped.tooLarge} over the size limit (${someOf(report.tooLargeFiles)})`);
  }
  if (report.skipped.unreadable > 0) {
    skipped.push(
      `${report.skipped.unreadable} unreadable or without a patch (${someOf(report.unreadableFiles)})`,
    );
  }
  if (report.skipped.symlinks > 0) skipped.push(`${report.skipped.symlinks} symbolic link(s)`);
  if (skipped.length > 0) lines.push(`Skipped ${skipped.join('; ')}.`);
  if (report.suppressed.length > 0) {
    lines.push('', `${report.suppressed.length} finding(s) suppressed by ${report.allowlist.file}:`, '');
    lines.push(
      '| where | rule | fingerprint | allowlist entry | reason | expires |',
      '|---|---|---|---|---|---|',
    );
    for (const { finding, entry } of report.suppressed) lines.push(suppressedRow(finding, entry));
  }
  return `${lines.join('\n')}\n`;
}

/** The first few paths of a list, for a sentence. */
function someOf(files: readonly string[]): string {
  return files.length > 5 ? `${files.slice(0, 5).join(', ')}, …` : files.join(', ');
}

function suppressedRow(finding: Finding, entry: AllowlistEntry): string {
  const where = `${finding.file ?? ''}${finding.line === undefined ? '' : `:${finding.line}`}`;
  const cells = [
    where,
    finding.rule,
    `${(finding.fingerprint ?? '').slice(0, 12)}…`,
    describeAllowlistEntry(entry),
    entry.reason,
    entry.expires,
  ];
  return `| ${cells.map(cell).join(' | ')} |`;
}

/** Escapes a table cell so that text from the allowlist cannot break the table or inject links. */
function cell(text: string): string {
  return text.replace(/\r?\n/g, ' ').replace(/\|/g, '\\|').replace(/</g, '&lt;').replace(/\[/g, '\\[');
}
