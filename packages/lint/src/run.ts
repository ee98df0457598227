// Runs the planned linters and commands, side by side, collecting their findings; never throws for a tool.
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Logger, mapWithConcurrency, type ProcessRunner, runProcess, silentLogger } from '@flowkit/core';
import type { Finding } from '@flowkit/findings';
import { runCommand } from './commands.ts';
import { describeResult } from './describe.ts';
import type { Crash, LinterName, LinterOutcome } from './linter.ts';
import type { LintPlan, PlannedLinter } from './plan.ts';

/** How a linter or command ended. */
export type LinterStatus = 'clean' | 'findings' | 'crashed' | 'missing' | 'not-applicable';

/** One linter's or command's part of the report. */
export interface LinterResult {
  name: string;
  kind: 'linter' | 'command';
  status: LinterStatus;
  findings: Finding[];
  /** The command line that ran. */
  command?: string;
  durationMs: number;
  crash?: Crash;
  /** 'missing': how to install the tool; 'not-applicable': what detection looked for. */
  detail?: string;
}

/** Every linter's result, and all findings together. */
export interface LintReport {
  results: LinterResult[];
  findings: Finding[];
}

/** How the plan runs. */
export interface RunOptions {
  /** When set, each linter that caches keeps its cache in `<cacheRoot>/<linter>`. */
  cacheRoot?: string;
  exec?: ProcessRunner;
  log?: Logger;
  /** Linters and commands run at the same time; default the machine's available parallelism. */
  concurrency?: number;
}

/** The cache folder of `linter` under `cacheRoot`. */
export function linterCacheDir(cacheRoot: string, linter: LinterName): string {
  return join(cacheRoot, linter);
}

/** Runs every planned linter and command; a crash or a missing tool is a result, never an exception. */
export async function runLint(plan: LintPlan, options: RunOptions = {}): Promise<LintReport> {
  const { exec = runProcess, log = silentLogger } = options;
  const tempDir = await mkdtemp(join(tmpdir(), 'flowkit-lint-'));
  try {
    type Task = () => Promise<LinterResult>;
    const tasks: Task[] = [
      ...plan.linters.map(
        (planned): Task =>
          () =>
            runLinter(planned, plan, { ...options, exec, tempDir }),
      ),
      ...plan.commands.map(
        (command): Task =>
          () =>
            timed(command.name, 'command', () =>
              runCommand(command, { root: plan.root, cwd: plan.cwd, exec, env: plan.env }),
            ),
      ),
    ];
    const ran = await mapWithConcurrency(
      tasks,
      options.concurrency ?? Math.max(2, availableParallelism()),
      async (task) => {
        const result = await task();
        logResult(result, log);
        return result;
      },
    );
    const skipped = plan.notApplicable.map(
      (linter): LinterResult => ({
        name: linter.name,
        kind: 'linter',
        status: 'not-applicable',
        findings: [],
        durationMs: 0,
        detail: `found no ${linter.looksFor}`,
      }),
    );
    const results = [...ran, ...skipped];
    return { results, findings: results.flatMap((result) => result.findings) };
  } finally {
    await rm(tempDir, { recursive: true, force: true });
  }
}

async function runLinter(
  planned: PlannedLinter,
  plan: LintPlan,
  options: RunOptions & { exec: ProcessRunner; tempDir: string },
): Promise<LinterResult> {
  const { linter, detection, tool } = planned;
  if (tool === undefined && !linter.toolOptional) {
    return {
      name: linter.name,
      kind: 'linter',
      status: 'missing',
      findings: [],
      durationMs: 0,
      detail: `${linter.tool} was not found in node_modules/.bin or on PATH: ${linter.install}`,
    };
  }
  let cacheDir: string | undefined;
  if (options.cacheRoot !== undefined && linter.caches) {
    cacheDir = linterCacheDir(options.cacheRoot, linter.name);
    await mkdir(cacheDir, { recursive: true });
  }
  const tempDir = join(options.tempDir, linter.name);
  await mkdir(tempDir, { recursive: true });
  return timed(linter.name, 'linter', () =>
    linter.run({
      root: plan.root,
      cwd: plan.cwd,
      detection,
      tool,
      cacheDir,
      tempDir,
      exec: options.exec,
      env: plan.env,
    }),
  );
}

async function timed(
  name: string,
  kind: LinterResult['kind'],
  run: () => Promise<LinterOutcome>,
): Promise<LinterResult> {
  const started = performance.now();
  let outcome: LinterOutcome;
  try {
    outcome = await run();
  } catch (error) {
    // A failure inside Flowkit's own handling (an unreadable report file…) still means "could not look".
    const reason = error instanceof Error ? error.message : String(error);
    outcome = { findings: [], command: name, crash: { exitCode: null, tail: [reason] } };
  }
  const durationMs = Math.round(performance.now() - started);
  const status = outcome.crash ? 'crashed' : outcome.findings.length > 0 ? 'findings' : 'clean';
  return {
    name,
    kind,
    status,
    findings: [...outcome.findings].sort(byPlace),
    command: outcome.command,
    durationMs,
    ...(outcome.crash ? { crash: outcome.crash } : {}),
  };
}

/** By file, line and column: the order a reader scans a tool's findings in. */
function byPlace(a: Finding, b: Finding): number {
  return (
    (a.file ?? '').localeCompare(b.file ?? '') ||
    (a.line ?? 0) - (b.line ?? 0) ||
    (a.column ?? 0) - (b.column ?? 0)
  );
}

function logResult(result: LinterResult, log: Logger): void {
  const seconds = `${(result.durationMs / 1000).toFixed(1)} s`;
  const what = result.command === undefined ? (result.detail ?? '') : `(${seconds}): ${result.command}`;
  log.info(`${result.name}: ${describeResult(result)} ${what}`);
  for (const line of result.crash?.tail ?? []) log.info(`  ${line}`);
}
