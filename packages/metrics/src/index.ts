// Metrics for the canary guard and release monitoring: providers (Prometheus, Datadog) behind one interface,
// alerting set-up, and deployment events.
export * from './datadog/index.ts';
export * from './prometheus/index.ts';
export * from './provider.ts';
export * from './registry.ts';
