// The GitHub Actions runner's contract, from the action's side: inputs, outputs, commands, summary, context.
export * from './commands.ts';
export * from './context.ts';
export * from './files.ts';
export * from './inputs.ts';
export * from './run.ts';
