// Slack for Flowkit: templates, safe text, the Web API and webhook senders, keyed messages and mentions.
export * from './client.ts';
export * from './errors.ts';
export * from './mentions.ts';
export * from './notify.ts';
export * from './settings.ts';
export * from './store.ts';
export * from './templates/index.ts';
export * from './text.ts';
export * from './webhook.ts';
