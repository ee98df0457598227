// Test helpers for Flowkit: emulators of the SaaS APIs and contract checks against the vendors' descriptions.
export * from './contracts.ts';
export * from './harness.ts';
export * from './slack-emulator.ts';
