// Keeps only the findings on lines a pull request added or changed.
import { addedLineNumbers, parsePatch } from '@flowkit/core';
import type { Finding } from './finding.ts';

/** A file of a pull request, as GitHub lists it (`GET /repos/{o}/{r}/pulls/{n}/files`). */
export interface PullRequestFileLike {
  filename: string;
  status?: string;
  /** The file's unified diff hunks; GitHub leaves it out for binary files and very large diffs. */
  patch?: string | null;
}

/** The lines a change touches, per file: a set of new-file line numbers, or 'all' when the diff is unknown. */
export interface ChangedLines {
  files: Map<string, ReadonlySet<number> | 'all'>;
  /** False when the list of files may be cut short (GitHub lists at most 3,000). */
  complete: boolean;
}

/** GitHub lists at most this many files of a pull request. */
export const PULL_REQUEST_FILES_CAP = 3000;

/**
 * The changed lines of a pull request's files. A file GitHub gives no patch for (too large, binary) counts as
 * changed throughout: better a finding too many than one hidden.
 */
export function changedLinesOf(files: readonly PullRequestFileLike[]): ChangedLines {
  const map = new Map<string, ReadonlySet<number> | 'all'>();
  for (const file of files) {
    if (file.status === 'removed') continue;
    map.set(
      file.filename,
      typeof file.patch === 'string'
        ? new Set(addedLineNumbers(parsePatch(file.filename, file.patch)))
        : 'all',
    );
  }
  return { files: map, complete: files.length < PULL_REQUEST_FILES_CAP };
}

/**
 * Splits findings into those on changed lines and the rest. Kept: findings with no file (a broken config is
 * everyone's business), file-level findings (no line) in a changed file, and findings whose lines
 * (line…endLine) include an added one. When the file list may be incomplete, findings in unlisted files stay.
 */
export function keepChangedLines(
  findings: readonly Finding[],
  changed: ChangedLines,
): { kept: Finding[]; dropped: Finding[] } {
  const kept: Finding[] = [];
  const dropped: Finding[] = [];
  for (const finding of findings) {
    (onChangedLine(finding, changed) ? kept : dropped).push(finding);
  }
  return { kept, dropped };
}

function onChangedLine(finding: Finding, changed: ChangedLines): boolean {
  if (finding.file === undefined) return true;
  const lines = changed.files.get(finding.file);
  if (lines === undefined) return !changed.complete;
  if (lines === 'all' || finding.line === undefined) return true;
  const first = finding.line;
  const last = Math.max(first, finding.endLine ?? first);
  for (const line of lines) if (line >= first && line <= last) return true;
  return false;
}
