// Findings: what linters and scanners report, and how Flowkit shows them within GitHub's limits.

export * from './changed-lines.ts';
export * from './finding.ts';
export * from './report.ts';
