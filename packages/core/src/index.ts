// Flowkit's shared basics: errors, HTTP with retries, time, structured text, config.
export * from './clock.ts';
export * from './concurrency.ts';
export * from './config.ts';
export * from './diff.ts';
export * from './errors.ts';
export * from './http.ts';
export * from './inputs.ts';
export * from './interpolate.ts';
export * from './log.ts';
export * from './process.ts';
export * from './retry.ts';
export * from './schema.ts';
export * from './structured.ts';
export * from './zoned-time.ts';
