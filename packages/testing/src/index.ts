// Test helpers for Flowkit: emulators of the SaaS APIs and contract checks against the vendors' descriptions.
export * from './confluence-emulator.ts';
export * from './contracts.ts';
export * from './datadog-contract.ts';
export * from './datadog-emulator.ts';
export * from './example-service.ts';
export * from './github-contract.ts';
export * from './github-emulator.ts';
export * from './harness.ts';
export * from './jira-contract.ts';
export * from './jira-emulator.ts';
export * from './load.ts';
export * from './nginx.ts';
export * from './ports.ts';
export * from './prometheus.ts';
export * from './slack-emulator.ts';
