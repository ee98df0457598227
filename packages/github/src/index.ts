// GitHub for Flowkit: a REST client with rate limits handled, and reading what a change is about.
export * from './changes.ts';
export * from './client.ts';
export * from './deployment-history.ts';
