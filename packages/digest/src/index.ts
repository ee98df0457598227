// The stand-up digest: when to post (pure), what to gather in few requests, how it reads in Slack, posting once.
export * from './digest.ts';
export * from './gather.ts';
export * from './render.ts';
export * from './schedule.ts';
export * from './settings.ts';
