// Findings: what linters and scanners report, and how Flowkit shows them within GitHub's limits.
export * from './finding.ts';
export * from './report.ts';
