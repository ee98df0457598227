// Release notes: the Jira issues, pull requests and canary of a release, as a GitHub release and a Confluence page.
export * from './confluence.ts';
export * from './gather.ts';
export * from './github-release.ts';
export * from './notes.ts';
export * from './publish.ts';
export * from './settings.ts';
