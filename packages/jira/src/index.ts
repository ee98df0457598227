// Jira for Flowkit: issue keys, a transport for jira.js, the operations Flowkit uses, and moving issues.
export * from './approvals.ts';
export * from './client.ts';
export * from './comment.ts';
export * from './connection.ts';
export * from './keys.ts';
export * from './paths.ts';
export * from './search.ts';
export * from './transition.ts';
export * from './transition-settings.ts';
export * from './transport.ts';
