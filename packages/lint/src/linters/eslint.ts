// ESLint: flat `eslint.config.*` or legacy `.eslintrc*` config; the JSON report read from a file.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { existingFiles, packageJsonHas } from '../files.ts';
import type { Linter } from '../linter.ts';
import { parseEslintJson } from '../parsers/eslint-json.ts';
import { interpret, parseContext, runTool } from './shared.ts';

const FLAT_CONFIGS = [
  'eslint.config.js',
  'eslint.config.mjs',
  'eslint.config.cjs',
  'eslint.config.ts',
  'eslint.config.mts',
  'eslint.config.cts',
];
const LEGACY_CONFIGS = [
  '.eslintrc.js',
  '.eslintrc.cjs',
  '.eslintrc.yaml',
  '.eslintrc.yml',
  '.eslintrc.json',
  '.eslintrc',
];

/** ESLint over the working directory, with its own ignores; exit 1 means errors found, 2 a crash. */
export const eslint: Linter = {
  name: 'eslint',
  tool: 'eslint',
  install: "add it with 'npm install --save-dev eslint' and run 'npm ci' before this step",
  looksFor: 'eslint.config.* or .eslintrc*',
  caches: true,

  async detect(dir) {
    const flat = existingFiles(dir, FLAT_CONFIGS);
    if (flat.length > 0) return { configFiles: flat };
    const legacy = existingFiles(dir, LEGACY_CONFIGS);
    if (await packageJsonHas(dir, 'eslintConfig')) legacy.push('package.json');
    return legacy.length > 0 ? { configFiles: legacy, legacy: true } : undefined;
  },

  async run(job) {
    const report = join(job.tempDir, 'eslint.json');
    const args = ['--format', 'json', '--output-file', report, '--no-error-on-unmatched-pattern'];
    if (job.cacheDir !== undefined) {
      // Content, not modification times: a fresh checkout touches every file.
      args.push(
        '--cache',
        '--cache-location',
        join(job.cacheDir, '.eslintcache'),
        '--cache-strategy',
        'content',
      );
    }
    args.push('.');
    // ESLint 8 reads a legacy config only when told; 9 needs this to read it at all.
    const { result, command } = await runTool(
      job,
      args,
      job.detection.legacy ? { ESLINT_USE_FLAT_CONFIG: 'false' } : {},
    );
    const text = await readFile(report, 'utf8').catch(() => undefined);
    const outcome = interpret(result, command, [0, 1], () => {
      if (text === undefined) throw new Error('ESLint wrote no report');
      return parseEslintJson(text, parseContext(job, 'eslint'));
    });
    if (outcome.crash && job.detection.legacy && /eslint\.config/.test(outcome.crash.tail.join('\n'))) {
      outcome.crash.hint =
        "ESLint 9 and later read only eslint.config.* (flat config), and this repository has a legacy .eslintrc: migrate it with 'npx @eslint/migrate-config .eslintrc.json', or pin eslint@8.";
    }
    return outcome;
  },
};
