// Test helpers for Flowkit: emulators of the SaaS APIs and contract checks against the vendors' descriptions.
export * from './contracts.ts';
export * from './github-contract.ts';
export * from './github-emulator.ts';
export * from './harness.ts';
export * from './jira-contract.ts';
export * from './jira-emulator.ts';
export * from './slack-emulator.ts';
