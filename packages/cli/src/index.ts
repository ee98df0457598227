// The flowkit CLI as a library: the command table and runCli, for tests and embedding.
export * from './commands.ts';
export { COMMANDS, runCli } from './main.ts';
