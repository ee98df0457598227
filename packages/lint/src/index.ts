// Lint: detects a repository's linters, runs them, and turns their output into findings.
export * from './cache.ts';
export * from './commands.ts';
export * from './describe.ts';
export * from './files.ts';
export type * from './linter.ts';
export * from './parsers/index.ts';
export * from './plan.ts';
export * from './registry.ts';
export * from './report.ts';
export * from './run.ts';
export * from './settings.ts';
export * from './tools.ts';
