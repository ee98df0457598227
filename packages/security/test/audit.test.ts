import { readFileSync } from 'node:fs';
import { describe, expect, test } from '@jest/globals';
import { parseNpmAudit, parseOsvScanner } from '../src/audit/index.ts';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/audit/${name}`, import.meta.url), 'utf8');
const LOCKFILE =
  '{\n  "packages": {\n    "": {},\n    "node_modules/lodash": {\n      "version": "4.17.15"\n    },\n    "node_modules/mkdirp/node_modules/minimist": {}\n  }\n}\n';

describe('npm audit (report version 2)', () => {
  test('one finding per advisory, at the lockfile entry, with npm’s fix', () => {
    const report = parseNpmAudit(fixture('npm-audit-v2.json'), 'package-lock.json', LOCKFILE);
    expect(report.findings.map((f) => [f.rule, f.severity, f.line])).toEqual([
      ['GHSA-p6mc-m468-83gw', 'error', 4],
      ['GHSA-35jh-r3h4-6jhm', 'error', 4],
      ['GHSA-vh95-rmgr-6w4m', 'warning', undefined],
    ]);
    expect(report.findings[0]).toMatchObject({
      tool: 'npm-audit',
      message: 'lodash >=3.7.0 <4.17.19: Prototype Pollution in lodash (GHSA-p6mc-m468-83gw, high)',
      file: 'package-lock.json',
      fix: 'Run `npm audit fix`.',
      helpUri: 'https://github.com/advisories/GHSA-p6mc-m468-83gw',
    });
    expect(report.findings[2]?.fix).toMatch(/^No fix is available yet for minimist/);
    expect(report.unreadable).toEqual(['odd-entry: not an object']);
    expect(report.totals).toEqual({ info: 0, low: 0, moderate: 1, high: 2, critical: 0, total: 3 });
  });

  test('a registry that refuses the audit endpoint is reported in npm’s words', () => {
    expect(() => parseNpmAudit(fixture('npm-audit-405.json'))).toThrow(
      'npm audit failed: 405 Method Not Allowed - POST https://registry.npmjs.org/-/npm/v1/security/advisories/bulk',
    );
  });

  test('defensive: not JSON, an old report version, or no vulnerabilities at all', () => {
    expect(() => parseNpmAudit('npm ERR! oops')).toThrow('npm audit did not print JSON: npm ERR! oops');
    expect(() => parseNpmAudit('{"advisories": {}}')).toThrow(
      'npm audit report version undefined is not supported',
    );
    expect(parseNpmAudit('{"auditReportVersion": 2}')).toEqual({ findings: [], unreadable: [], totals: {} });
  });

  test('reads 20,000 advisories', () => {
    const vulnerabilities = Object.fromEntries(
      Array.from({ length: 20_000 }, (_, i) => [
        `pkg-${i}`,
        { via: [{ title: 't', url: `https://github.com/advisories/GHSA-${i}`, severity: 'low' }] },
      ]),
    );
    const text = JSON.stringify({ auditReportVersion: 2, vulnerabilities });
    expect(parseNpmAudit(text).findings).toHaveLength(20_000);
  });
});

describe('OSV-Scanner', () => {
  test('findings relative to the workspace, severity from the database or the CVSS score', () => {
    const report = parseOsvScanner(fixture('osv-scanner.json'), '/home/runner/work/shop/shop');
    expect(report.findings.map((f) => [f.rule, f.severity, f.file])).toEqual([
      ['GHSA-p6mc-m468-83gw', 'error', 'package-lock.json'],
      ['OSV-2025-0001', 'error', 'package-lock.json'],
    ]);
    expect(report.findings[1]?.message).toBe(
      'lodash@4.17.15: A finding with only a CVSS score (OSV-2025-0001, critical)',
    );
  });

  test('output without results is an error', () => {
    expect(() => parseOsvScanner('{"nothing": true}', '/')).toThrow(
      'osv-scanner printed JSON without "results"',
    );
  });
});
