// Decides what will run, from the repository's files: the linters that apply, their tools, the commands.
import { resolve } from 'node:path';
import type { Detection, Linter, LinterName } from './linter.ts';
import { LINTER_NAMES, LINTERS } from './registry.ts';
import type { LintCommand, LintSettings } from './settings.ts';
import { findTool, toolEnvironment } from './tools.ts';

/** A linter that applies, with what detection found and its tool (undefined when not found). */
export interface PlannedLinter {
  linter: Linter;
  detection: Detection;
  tool: string | undefined;
}

/** What will run, decided from the repository's files before anything runs. */
export interface LintPlan {
  root: string;
  /** The working directory, absolute. */
  cwd: string;
  linters: PlannedLinter[];
  /** Linters named in the `linters` input that found nothing to lint. */
  notApplicable: Linter[];
  commands: LintCommand[];
  /** The tools' environment: PATH with the repository's node_modules/.bin first. */
  env: NodeJS.ProcessEnv;
}

/** Where the plan comes from. */
export interface PlanOptions {
  root: string;
  settings: Pick<LintSettings, 'linters' | 'commands' | 'workingDirectory'>;
  /** The environment tools are looked up in and run with; default process.env. */
  env?: NodeJS.ProcessEnv;
}

/** Detects the linters that apply and finds their tools. Reads files; runs nothing. */
export async function planLint(options: PlanOptions): Promise<LintPlan> {
  const root = resolve(options.root);
  const cwd = resolve(root, options.settings.workingDirectory || '.');
  const env = options.env ?? process.env;
  const wanted = options.settings.linters;
  const names: LinterName[] =
    wanted === 'auto' ? LINTER_NAMES : LINTER_NAMES.filter((name) => wanted.includes(name));
  const linters: PlannedLinter[] = [];
  const notApplicable: Linter[] = [];
  for (const name of names) {
    const linter = LINTERS[name];
    const detection = await linter.detect(cwd);
    if (detection === undefined) {
      if (wanted !== 'auto') notApplicable.push(linter);
      continue;
    }
    linters.push({ linter, detection, tool: findTool(linter.tool, { root, cwd, path: env.PATH }) });
  }
  return {
    root,
    cwd,
    linters,
    notApplicable,
    commands: options.settings.commands,
    env: toolEnvironment(root, cwd, env),
  };
}
