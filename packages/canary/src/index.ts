// The canary: the sequential guard, traffic drivers, and the rollout that moves traffic step by step.

export * from './events.ts';
export * from './guard/index.ts';
export * from './monitor.ts';
export * from './monitor-settings.ts';
export * from './promote.ts';
export * from './report.ts';
export * from './rollout/plan.ts';
export * from './rollout/record.ts';
export * from './rollout/rollout.ts';
export * from './settings.ts';
export * from './traffic/driver.ts';
export * from './traffic/index.ts';
