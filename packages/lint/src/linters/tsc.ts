// TypeScript: `tsc --noEmit` on the working directory's tsconfig.json.
import { join } from 'node:path';
import { existingFiles } from '../files.ts';
import type { Linter } from '../linter.ts';
import { parseTscOutput } from '../parsers/tsc.ts';
import { interpret, parseContext, runTool } from './shared.ts';

/** Type errors as findings; exit 1 or 2 means diagnostics were found, anything else a crash. */
export const tsc: Linter = {
  name: 'tsc',
  tool: 'tsc',
  install: "add TypeScript with 'npm install --save-dev typescript' and run 'npm ci' before this step",
  looksFor: 'tsconfig.json',
  caches: true,

  async detect(dir) {
    const configs = existingFiles(dir, ['tsconfig.json']);
    return configs.length > 0 ? { configFiles: configs } : undefined;
  },

  async run(job) {
    const args = ['--noEmit', '--pretty', 'false', '-p', 'tsconfig.json'];
    if (job.cacheDir !== undefined) {
      // tsBuildInfo keeps each file's hash and diagnostics, so unchanged files are not checked again.
      args.push('--incremental', '--tsBuildInfoFile', join(job.cacheDir, 'tsconfig.tsbuildinfo'));
    }
    const { result, command } = await runTool(job, args);
    return interpret(result, command, [0, 1, 2], () =>
      parseTscOutput(`${result.stdout}\n${result.stderr}`, parseContext(job, 'tsc')),
    );
  },
};
