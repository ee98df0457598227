// Ticket intake (flow steps 1–2): triage, on-call assignment, the team's Slack message.
export * from './property-store.ts';
export * from './settings.ts';
export * from './triage.ts';
