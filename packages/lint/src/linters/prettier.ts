// Prettier: `--list-different` over the working directory when a Prettier config exists.
import { join } from 'node:path';
import { existingFiles, packageJsonHas } from '../files.ts';
import type { Linter } from '../linter.ts';
import { parsePrettierOutput } from '../parsers/prettier.ts';
import { interpret, parseContext, runTool } from './shared.ts';

const CONFIGS = [
  '.prettierrc',
  '.prettierrc.json',
  '.prettierrc.json5',
  '.prettierrc.yaml',
  '.prettierrc.yml',
  '.prettierrc.toml',
  '.prettierrc.js',
  '.prettierrc.cjs',
  '.prettierrc.mjs',
  '.prettierrc.ts',
  '.prettierrc.cts',
  '.prettierrc.mts',
  'prettier.config.js',
  'prettier.config.cjs',
  'prettier.config.mjs',
  'prettier.config.ts',
  'prettier.config.cts',
  'prettier.config.mts',
];

/** Prettier's check: every file it would reformat is an error; exit 1 means some, 2 a crash or unparsable file. */
export const prettier: Linter = {
  name: 'prettier',
  tool: 'prettier',
  install: "add it with 'npm install --save-dev prettier' and run 'npm ci' before this step",
  looksFor: '.prettierrc*, prettier.config.* or a "prettier" key in package.json',
  caches: true,

  async detect(dir) {
    const configs = existingFiles(dir, CONFIGS);
    if (configs.length === 0 && (await packageJsonHas(dir, 'prettier'))) configs.push('package.json');
    if (configs.length === 0) return undefined;
    // The ignore file changes what is checked, so it belongs in the cache key too.
    return { configFiles: [...configs, ...existingFiles(dir, ['.prettierignore'])] };
  },

  async run(job) {
    const args = ['--list-different', '--no-error-on-unmatched-pattern'];
    if (job.cacheDir !== undefined) {
      args.push(
        '--cache',
        '--cache-location',
        join(job.cacheDir, 'prettier-cache'),
        '--cache-strategy',
        'content',
      );
    }
    args.push('.');
    const { result, command } = await runTool(job, args);
    return interpret(result, command, [0, 1, 2], () =>
      parsePrettierOutput(result.stdout, result.stderr, parseContext(job, 'prettier')),
    );
  },
};
