// What every output parser needs: where paths are relative to, and which tool's findings these are.
import type { Finding } from '@flowkit/findings';
import { repoPath } from '../files.ts';

/** Where a tool ran, so its paths can be made repository-relative. */
export interface ParseContext {
  /** The repository root. */
  root: string;
  /** The directory the tool ran in: relative paths in its output are relative to it. */
  cwd: string;
  /** The name findings carry in `tool`. */
  tool: string;
}

/** Parses one tool output format into findings. */
export type OutputParser = (output: string, context: ParseContext) => Finding[];

/**
 * A finding at `path` (as the tool printed it). A path outside the repository cannot be annotated, so it moves
 * into the message instead.
 */
export function findingAt(
  context: ParseContext,
  path: string | undefined,
  fields: Omit<Finding, 'tool' | 'file'>,
): Finding {
  const file = path === undefined || path === '' ? undefined : repoPath(context.root, context.cwd, path);
  const message = path && file === undefined ? `${path}: ${fields.message}` : fields.message;
  const finding: Finding = { tool: context.tool, ...fields, message };
  if (file !== undefined) finding.file = file;
  for (const key of ['line', 'column', 'endLine', 'endColumn'] as const) {
    const value = finding[key];
    if (value === undefined || !Number.isInteger(value) || value < 1) delete finding[key];
  }
  return finding;
}
