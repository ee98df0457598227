// The flowkit CLI as a library: the command table and runCli, for tests and embedding.
export * from './action-command.ts';
export * from './ci-context.ts';
export * from './commands.ts';
export * from './config-check.ts';
export { COMMANDS, runCli } from './main.ts';
export * from './workflow-log.ts';
