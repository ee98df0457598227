// SARIF 2.1.0 logs: every run's results, with the first physical location of each.
import { isAbsolute } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Finding, Severity } from '@flowkit/findings';
import { findingAt, type ParseContext } from './context.ts';

interface SarifResult {
  ruleId?: string;
  rule?: { id?: string };
  level?: string;
  message?: { text?: string; markdown?: string };
  locations?: {
    physicalLocation?: {
      artifactLocation?: { uri?: string };
      region?: { startLine?: number; startColumn?: number; endLine?: number; endColumn?: number };
    };
  }[];
}

interface SarifRun {
  tool?: { driver?: { rules?: { id?: string; helpUri?: string }[] } };
  results?: SarifResult[];
}

/** Findings from a SARIF log; throws when the text is not one. A result without a level is a warning, as SARIF says. */
export function parseSarif(output: string, context: ParseContext): Finding[] {
  const log = JSON.parse(output) as { runs?: SarifRun[] };
  if (typeof log !== 'object' || log === null || !Array.isArray(log.runs)) {
    throw new Error('the output is not a SARIF log (no "runs" array)');
  }
  return log.runs.flatMap((run) => {
    const help = new Map((run.tool?.driver?.rules ?? []).map((rule) => [rule.id, rule.helpUri]));
    return (run.results ?? []).map((result) => {
      const location = result.locations?.[0]?.physicalLocation;
      const region = location?.region;
      const rule = result.ruleId ?? result.rule?.id ?? '';
      const helpUri = help.get(rule);
      return findingAt(context, pathOf(location?.artifactLocation?.uri), {
        rule,
        severity: severityOf(result.level),
        message: result.message?.text ?? result.message?.markdown ?? '',
        line: region?.startLine,
        column: region?.startColumn,
        endLine: region?.endLine,
        endColumn: region?.endColumn,
        ...(helpUri ? { helpUri } : {}),
      });
    });
  });
}

function pathOf(uri: string | undefined): string | undefined {
  if (uri === undefined) return undefined;
  if (uri.startsWith('file:')) return fileURLToPath(uri);
  const path = decodeURIComponent(uri);
  return isAbsolute(path) ? path : path.replace(/^\.\//, '');
}

function severityOf(level: string | undefined): Severity {
  if (level === 'error') return 'error';
  if (level === 'note' || level === 'none') return 'note';
  return 'warning';
}
