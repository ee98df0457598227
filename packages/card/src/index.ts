// The ticket's living Slack card: state from Jira and GitHub, the stage, the rendering, handoffs in its thread.
export * from './card.ts';
export * from './changes.ts';
export * from './people.ts';
export * from './record.ts';
export * from './render.ts';
export * from './settings.ts';
export * from './stage.ts';
export * from './state.ts';
