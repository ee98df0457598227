// The built-in secret scanner: token rules, whole-tree and diff scans, and the allowlist.
export * from './allowlist.ts';
export * from './detect.ts';
export * from './diff.ts';
export * from './entropy.ts';
export * from './files.ts';
export * from './glob.ts';
export * from './redact.ts';
export * from './rules.ts';
export * from './run.ts';
export * from './scan.ts';
