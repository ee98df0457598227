// Shows findings within GitHub's limits: the worst as annotations, all of them in a summary table under 1 MiB.
import { compareFindings, type Finding, type Severity } from './finding.ts';

/**
 * GitHub shows at most 10 error and 10 warning annotations per step (and 10 notices), 50 per job: more are
 * dropped silently. These are the per-step budgets.
 */
export const ANNOTATION_LIMITS: Readonly<Record<Severity, number>> = { error: 10, warning: 10, note: 10 };

/** The job summary of one step may hold at most 1 MiB. */
export const SUMMARY_LIMIT_BYTES = 1024 * 1024;

/** Which findings become annotations (worst first, within the budgets) and which only reach the summary. */
export function chooseAnnotations(
  findings: readonly Finding[],
  limits: Readonly<Record<Severity, number>> = ANNOTATION_LIMITS,
): { annotated: Finding[]; rest: Finding[] } {
  const used: Record<Severity, number> = { error: 0, warning: 0, note: 0 };
  const annotated: Finding[] = [];
  const rest: Finding[] = [];
  for (const finding of [...findings].sort(compareFindings)) {
    if (used[finding.severity] < limits[finding.severity]) {
      used[finding.severity]++;
      annotated.push(finding);
    } else {
      rest.push(finding);
    }
  }
  return { annotated, rest };
}

/**
 * A Markdown table of findings, worst first, cut so the text stays within `limitBytes`, with a line saying how
 * many were left out. Cells are escaped so a message cannot break the table or inject Markdown links.
 */
export function findingsTable(
  findings: readonly Finding[],
  limitBytes: number = SUMMARY_LIMIT_BYTES - 4096,
): string {
  if (findings.length === 0) return '';
  const header = '| severity | where | tool | rule | message |\n|---|---|---|---|---|\n';
  const sorted = [...findings].sort(compareFindings);
  const rows = [header];
  // A running count keeps this linear however many findings there are.
  let bytes = Buffer.byteLength(header);
  for (const finding of sorted) {
    const where =
      finding.file === undefined
        ? ''
        : `${finding.file}${finding.line === undefined ? '' : `:${finding.line}`}`;
    const row = `| ${finding.severity} | ${cell(where)} | ${cell(finding.tool)} | ${cell(finding.rule)} | ${cell(finding.message)}${finding.fix ? ` — ${cell(finding.fix)}` : ''} |\n`;
    const size = Buffer.byteLength(row);
    // Leave room for the "N more" line.
    if (bytes + size > limitBytes - 200) break;
    rows.push(row);
    bytes += size;
  }
  const left = sorted.length - (rows.length - 1);
  const text = rows.join('');
  return left > 0
    ? `${text}\n… and ${left} more finding(s) not shown (the job summary is limited to 1 MiB).\n`
    : text;
}

function cell(text: string): string {
  return text
    .replace(/\r\n|\r|\n/g, ' ')
    .replace(/\|/g, '\\|')
    .replace(/</g, '&lt;')
    .replace(/\[/g, '\\[')
    .slice(0, 1000);
}
