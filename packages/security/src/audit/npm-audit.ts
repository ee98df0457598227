// Reads `npm audit --json` (report version 2) into findings. npm publishes no schema for it, so every field is checked.
import type { Finding, Severity } from '@flowkit/findings';

/** The outcome of reading an audit report: findings, and what could not be read (never silently dropped). */
export interface AuditReport {
  findings: Finding[];
  /** Entries skipped because their shape was not understood, with why. */
  unreadable: string[];
  /** npm's own totals by severity, when the report has them. */
  totals: Record<string, number>;
}

/** npm and OSV severities → finding severity: critical/high fail, moderate warns, low/info note. */
export function severityOf(level: string | undefined): Severity {
  switch ((level ?? '').toLowerCase()) {
    case 'critical':
    case 'high':
      return 'error';
    case 'moderate':
    case 'medium':
      return 'warning';
    default:
      return 'note';
  }
}

/**
 * Parses npm's JSON audit report. One finding per advisory per package, located at the package's entry in
 * `lockfile` (line numbers found with `lockfileText` when given). An `{"error": …}` report (npm could not audit)
 * throws with npm's own summary.
 */
export function parseNpmAudit(text: string, lockfile = 'package-lock.json', lockfileText = ''): AuditReport {
  let report: unknown;
  try {
    report = JSON.parse(text);
  } catch {
    throw new Error(`npm audit did not print JSON: ${text.trim().slice(0, 200)}`);
  }
  if (!isObject(report)) throw new Error('npm audit printed JSON that is not an object');
  if (isObject(report.error)) {
    // npm writes {"error": {code, summary}} and, for registry refusals, a top-level "message" with an empty summary.
    const { code, summary } = report.error;
    const said = [summary, report.message].find((text) => typeof text === 'string' && text.trim() !== '');
    throw new Error(
      `npm audit failed${typeof code === 'string' ? ` (${code})` : ''}: ${typeof said === 'string' ? said : 'no reason given'}`,
    );
  }
  const version = report.auditReportVersion;
  if (version !== 2)
    throw new Error(
      `npm audit report version ${String(version)} is not supported (expected 2, from npm ≥ 7)`,
    );

  const findings: Finding[] = [];
  const unreadable: string[] = [];
  const vulnerabilities = isObject(report.vulnerabilities) ? report.vulnerabilities : {};
  for (const [name, entry] of Object.entries(vulnerabilities)) {
    if (!isObject(entry)) {
      unreadable.push(`${name}: not an object`);
      continue;
    }
    const via = Array.isArray(entry.via) ? entry.via : [];
    const advisories = via.filter(isObject);
    const line = lineOf(lockfileText, `"node_modules/${name}"`);
    const fix = fixText(name, entry.fixAvailable);
    if (advisories.length === 0) {
      // Only vulnerable through other packages: reported where those packages are, not here.
      if (via.length === 0) unreadable.push(`${name}: no advisories and no dependencies named in "via"`);
      continue;
    }
    for (const advisory of advisories) {
      const title = typeof advisory.title === 'string' ? advisory.title : 'vulnerability';
      const url = typeof advisory.url === 'string' ? advisory.url : undefined;
      const id =
        url?.match(/GHSA-[\w-]+/)?.[0] ??
        (advisory.source === undefined ? 'advisory' : `npm-${String(advisory.source)}`);
      const level =
        typeof advisory.severity === 'string'
          ? advisory.severity
          : typeof entry.severity === 'string'
            ? entry.severity
            : undefined;
      const range = typeof advisory.range === 'string' ? ` ${advisory.range}` : '';
      findings.push({
        tool: 'npm-audit',
        rule: id,
        severity: severityOf(level),
        message: `${name}${range}: ${title} (${id}, ${level ?? 'unknown severity'})`,
        file: lockfile,
        ...(line === undefined ? {} : { line }),
        fix,
        ...(url === undefined ? {} : { helpUri: url }),
        fingerprint: `npm-audit/${id}/${name}`,
      });
    }
  }
  const totals =
    isObject(report.metadata) && isObject(report.metadata.vulnerabilities)
      ? numbers(report.metadata.vulnerabilities)
      : {};
  return { findings, unreadable, totals };
}

function fixText(name: string, fixAvailable: unknown): string {
  if (fixAvailable === true) return 'Run `npm audit fix`.';
  if (isObject(fixAvailable) && typeof fixAvailable.name === 'string') {
    const major =
      fixAvailable.isSemVerMajor === true ? ' (a semver-major upgrade: check for breaking changes)' : '';
    return `Upgrade ${fixAvailable.name} to ${String(fixAvailable.version ?? 'a fixed version')}${major}.`;
  }
  return `No fix is available yet for ${name}: consider replacing it or accept the risk in the allowlist.`;
}

/** The 1-based line of the first occurrence of `needle`, or undefined. */
export function lineOf(text: string, needle: string): number | undefined {
  const at = text.indexOf(needle);
  return at === -1 ? undefined : text.slice(0, at).split('\n').length;
}

function numbers(record: Record<string, unknown>): Record<string, number> {
  return Object.fromEntries(
    Object.entries(record).filter(([, value]) => typeof value === 'number'),
  ) as Record<string, number>;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
