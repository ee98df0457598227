// E2E: runs a repository's Playwright tests against a URL, retries only the failed ones, and reports the results.
export * from './artifact.ts';
export * from './attempt.ts';
export * from './diagnose.ts';
export * from './junit.ts';
export * from './location.ts';
export * from './merge.ts';
export * from './playwright-cli.ts';
export * from './report.ts';
export * from './run.ts';
export * from './settings.ts';
export * from './stream.ts';
export * from './xml.ts';
