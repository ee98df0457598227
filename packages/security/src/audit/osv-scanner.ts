// Reads OSV-Scanner's JSON output (`osv-scanner --format json`) into findings.
import type { Finding } from '@flowkit/findings';
import { type AuditReport, severityOf } from './npm-audit.ts';

/** OSV-Scanner scores groups with CVSS numbers; these are CVSS v3's bands. */
function bandOf(score: number): string {
  if (score >= 9) return 'critical';
  if (score >= 7) return 'high';
  if (score >= 4) return 'moderate';
  return 'low';
}

/** Parses OSV-Scanner's JSON report; paths are made relative to `root`. */
export function parseOsvScanner(text: string, root: string): AuditReport {
  let report: unknown;
  try {
    report = JSON.parse(text);
  } catch {
    throw new Error(`osv-scanner did not print JSON: ${text.trim().slice(0, 200)}`);
  }
  const results = isObject(report) && Array.isArray(report.results) ? report.results : undefined;
  if (results === undefined) throw new Error('osv-scanner printed JSON without "results"');
  const findings: Finding[] = [];
  const unreadable: string[] = [];
  for (const result of results) {
    const source =
      isObject(result) && isObject(result.source) && typeof result.source.path === 'string'
        ? result.source.path
        : undefined;
    const file = source === undefined ? undefined : relative(source, root);
    for (const entry of isObject(result) && Array.isArray(result.packages) ? result.packages : []) {
      if (!isObject(entry) || !isObject(entry.package)) {
        unreadable.push('a package entry without "package"');
        continue;
      }
      const name = String(entry.package.name ?? 'unknown');
      const version = String(entry.package.version ?? '');
      const groups = Array.isArray(entry.groups) ? entry.groups.filter(isObject) : [];
      for (const vulnerability of Array.isArray(entry.vulnerabilities)
        ? entry.vulnerabilities.filter(isObject)
        : []) {
        const id = String(vulnerability.id ?? 'OSV');
        const group = groups.find((g) => Array.isArray(g.ids) && g.ids.includes(id));
        const score = Number(group?.max_severity);
        const named = isObject(vulnerability.database_specific)
          ? vulnerability.database_specific.severity
          : undefined;
        const level = typeof named === 'string' ? named : Number.isFinite(score) ? bandOf(score) : undefined;
        findings.push({
          tool: 'osv-scanner',
          rule: id,
          severity: severityOf(level),
          message: `${name}@${version}: ${String(vulnerability.summary ?? 'vulnerability')} (${id}, ${level?.toLowerCase() ?? 'unknown severity'})`,
          ...(file === undefined ? {} : { file }),
          fix: `Upgrade ${name} past the versions ${id} affects (see https://osv.dev/vulnerability/${id}).`,
          helpUri: `https://osv.dev/vulnerability/${id}`,
          fingerprint: `osv/${id}/${name}`,
        });
      }
    }
  }
  return { findings, unreadable, totals: {} };
}

function relative(path: string, root: string): string {
  const base = root.endsWith('/') ? root : `${root}/`;
  return path.startsWith(base) ? path.slice(base.length) : path;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
