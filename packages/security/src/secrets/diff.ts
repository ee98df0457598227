// Scans only what a change adds: the added lines of a unified diff (`git diff`, or GitHub's file patches).
import { type DiffFile, type DiffLine, type PatchFile, parsePatch, parseUnifiedDiff } from '@flowkit/core';
import { compareFindings } from '@flowkit/findings';
import { detectSecrets } from './detect.ts';
import { DEFAULT_SIZE_LIMIT, type SecretScanResult } from './scan.ts';

/** How to scan a diff. */
export interface DiffScanOptions {
  /** Skip a file whose shown lines exceed this many bytes (default 5 MB, as for a tree). */
  sizeLimit?: number;
}

/**
 * Scans the added lines of `git diff` output. Context lines are read too, so a secret's surroundings count
 * (`datadog:` above an added `api_key:`), but only findings that start on an added line are kept, with their
 * line numbers in the new version of the file.
 */
export function scanDiff(diff: string, options: DiffScanOptions = {}): SecretScanResult {
  return scanDiffFiles(parseUnifiedDiff(diff), [], options);
}

/** Scans the added lines of GitHub's patches of a pull request's files; files without a patch are listed. */
export function scanPatches(files: readonly PatchFile[], options: DiffScanOptions = {}): SecretScanResult {
  const parsed: DiffFile[] = [];
  const withoutPatch: string[] = [];
  for (const file of files) {
    if (file.status === 'removed') continue;
    if (file.patch === undefined) withoutPatch.push(file.filename);
    else parsed.push(parsePatch(file.filename, file.patch));
  }
  return scanDiffFiles(parsed, withoutPatch, options);
}

function scanDiffFiles(
  files: DiffFile[],
  withoutPatch: string[],
  options: DiffScanOptions,
): SecretScanResult {
  const sizeLimit = options.sizeLimit ?? DEFAULT_SIZE_LIMIT;
  const result: SecretScanResult = {
    findings: [],
    source: 'diff',
    filesScanned: 0,
    bytesScanned: 0,
    skipped: { binary: 0, tooLarge: 0, unreadable: withoutPatch.length, symlinks: 0 },
    tooLargeFiles: [],
    unreadableFiles: [...withoutPatch].sort(),
  };
  for (const file of files) {
    if (file.binary) {
      result.skipped.binary++;
      continue;
    }
    if (!file.hunks.some((hunk) => hunk.some((line) => line.added))) continue;
    // One text per file: hunks joined, with an empty line between them so nothing spans two hunks.
    const shown: (DiffLine | undefined)[] = [];
    for (const hunk of file.hunks) {
      if (shown.length > 0) shown.push(undefined);
      shown.push(...hunk);
    }
    const text = shown.map((line) => line?.text ?? '').join('\n');
    if (text.length > sizeLimit) {
      result.tooLargeFiles.push(file.file);
      continue;
    }
    result.filesScanned++;
    result.bytesScanned += Buffer.byteLength(text);
    for (const finding of detectSecrets(text, { file: file.file })) {
      const start = shown[(finding.line ?? 1) - 1];
      if (start === undefined || !start.added) continue;
      const end = shown[(finding.endLine ?? finding.line ?? 1) - 1];
      result.findings.push({ ...finding, line: start.number, endLine: end?.number ?? start.number });
    }
  }
  result.skipped.tooLarge = result.tooLargeFiles.length;
  result.tooLargeFiles.sort();
  result.findings.sort(compareFindings);
  return result;
}
