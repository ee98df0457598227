// markdownlint-cli2 on the Markdown files, when the repository has a markdownlint config.
import { existingFiles } from '../files.ts';
import type { Linter } from '../linter.ts';
import { parseMarkdownlintOutput } from '../parsers/markdownlint.ts';
import { interpret, parseContext, runTool } from './shared.ts';

const CONFIGS = [
  '.markdownlint-cli2.jsonc',
  '.markdownlint-cli2.yaml',
  '.markdownlint-cli2.cjs',
  '.markdownlint-cli2.mjs',
  '.markdownlint.jsonc',
  '.markdownlint.json',
  '.markdownlint.yaml',
  '.markdownlint.yml',
  '.markdownlint.cjs',
  '.markdownlint.mjs',
];

/** markdownlint-cli2 over `**\/*.md` and `**\/*.markdown`; exit 1 means problems found, 2 a crash. */
export const markdownlint: Linter = {
  name: 'markdownlint',
  tool: 'markdownlint-cli2',
  install: "add it with 'npm install --save-dev markdownlint-cli2' and run 'npm ci' before this step",
  looksFor: '.markdownlint* or .markdownlint-cli2.* config',
  caches: false,

  async detect(dir) {
    const configs = existingFiles(dir, CONFIGS);
    return configs.length > 0 ? { configFiles: configs } : undefined;
  },

  async run(job) {
    const { result, command } = await runTool(job, ['**/*.{md,markdown}', '#node_modules']);
    return interpret(result, command, [0, 1], () =>
      parseMarkdownlintOutput(`${result.stderr}\n${result.stdout}`, parseContext(job, 'markdownlint')),
    );
  },
};
