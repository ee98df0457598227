// Datadog: the metrics provider, monitor and dashboard set-up, deployment and DORA events.
export * from './client.ts';
export * from './events.ts';
export * from './provider.ts';
export * from './setup.ts';
export * from './sites.ts';
