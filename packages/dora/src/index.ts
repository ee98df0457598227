// @flowkit/dora: DORA's four keys from one service's event history, their performance bands, and renderings.
export * from './bands.ts';
export * from './events.ts';
export * from './github-history.ts';
export * from './keys.ts';
export * from './render.ts';
export * from './run.ts';
export * from './tickets.ts';
export * from './units.ts';
