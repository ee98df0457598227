// Dependency audit: npm audit and OSV-Scanner reports as findings.
export * from './npm-audit.ts';
export * from './osv-scanner.ts';
export * from './run.ts';
