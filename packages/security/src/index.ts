// Security scanning: secrets, dependency audits and workflow audits, reported as findings.

export * from './audit/index.ts';
export * from './sarif.ts';
export * from './secrets/index.ts';
export * from './security-scan.ts';
export * from './workflow-audit.ts';
