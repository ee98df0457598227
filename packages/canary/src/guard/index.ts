// The canary guard: a mixture SPRT on each arm's share of errors and slow requests, its settings and its replay.
export * from './guard.ts';
export * from './replay.ts';
export * from './settings.ts';
export { intervalLogRatio, logMixture, MixtureSprt } from './sprt.ts';
