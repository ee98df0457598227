// lint: maps the step's inputs to @flowkit/lint, and its findings to annotations, a summary and outputs.
import { existsSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { errorMessage } from '@flowkit/core';
import { changedLinesOf, type Finding, keepChangedLines } from '@flowkit/findings';
import { GitHubClient } from '@flowkit/github';
import {
  type CacheEntry,
  type ChangedLinesScope,
  cacheEntries,
  judgeLint,
  lintSummary,
  planLint,
  readLintSettings,
  runLint,
} from '@flowkit/lint';
import {
  type AnnotationProperties,
  appendSummary,
  debug,
  error,
  getInput,
  info,
  notice,
  readGitHubContext,
  runAction,
  setOutput,
  setSecret,
  warning,
} from '@flowkit/runner';

await runAction(async () => {
  const token = getInput('github-token');
  if (token !== '') setSecret(token);
  const root = process.env.GITHUB_WORKSPACE || process.cwd();
  const settings = await readLintSettings((name) => getInput(name), root);
  const github = readGitHubContext();
  let warningsUsed = 0;

  const plan = await planLint({ root, settings });
  // Caching pays only where the Actions cache service is (a runner); elsewhere @actions/cache is not even loaded.
  const cacheRoot =
    settings.cache && (process.env.ACTIONS_CACHE_URL || process.env.ACTIONS_RESULTS_URL)
      ? join(process.env.RUNNER_TEMP || tmpdir(), 'flowkit-lint-cache')
      : undefined;
  const caches =
    cacheRoot === undefined
      ? []
      : await restoreCaches(
          await cacheEntries(plan, cacheRoot, {
            os: process.env.RUNNER_OS ?? process.platform,
            arch: process.env.RUNNER_ARCH ?? process.arch,
            run: github.sha.slice(0, 12) || String(Date.now()),
          }),
          () => warningsUsed++,
        );

  const report = await runLint(plan, { cacheRoot, log: { info, warning, debug } });

  let findings: Finding[] = report.findings;
  let scope: ChangedLinesScope | undefined;
  let scopeNote: string | undefined;
  if (settings.onlyChangedLines) {
    const number = (github.event.pull_request as { number?: unknown } | undefined)?.number;
    if (typeof number !== 'number') {
      scopeNote =
        'only-changed-lines is on, but this run is not for a pull request, so every finding counts.';
    } else {
      const [owner = '', repo = ''] = github.repository.split('/');
      const client = new GitHubClient({
        token: settings.githubToken,
        apiUrl: github.apiUrl,
        policy: () => ({ retries: 3, budgetMs: 60_000 }),
        log: { info, warning, debug },
      });
      try {
        const files = await client.listPullRequestFiles({ owner, repo }, number);
        const { kept, dropped } = keepChangedLines(findings, changedLinesOf(files));
        findings = kept;
        scope = { pullRequest: number, kept: kept.length, dropped: dropped.length };
      } catch (caught) {
        // Fail safe: without the diff, showing every finding beats hiding some.
        warning(
          `Could not read the changed lines of pull request #${number}, so every finding counts: ${errorMessage(caught)}`,
        );
        warningsUsed++;
        scopeNote = `The changed lines of pull request #${number} could not be read, so every finding counts.`;
      }
    }
  }

  const verdict = judgeLint(report, findings, { ...settings, reserved: { warning: warningsUsed } });
  for (const problem of verdict.problems) (problem.severity === 'error' ? error : warning)(problem.message);
  for (const finding of verdict.annotated) annotate(finding);

  appendSummary(lintSummary({ report, findings, verdict, scope, scopeNote }));
  setOutput('findings', String(findings.length));
  setOutput('errors', String(findings.filter((finding) => finding.severity === 'error').length));
  setOutput('warnings', String(findings.filter((finding) => finding.severity === 'warning').length));
  setOutput(
    'linters',
    report.results
      .filter(
        (result) => result.status === 'clean' || result.status === 'findings' || result.status === 'crashed',
      )
      .map((result) => result.name)
      .join(','),
  );

  await saveCaches(caches);
  if (verdict.failed) {
    error(verdict.reason ?? 'Lint failed.');
    process.exitCode = 1;
  }
});

function annotate(finding: Finding): void {
  const properties: AnnotationProperties = {
    title: finding.rule ? `${finding.tool} ${finding.rule}` : finding.tool,
    file: finding.file,
    line: finding.line,
    col: finding.column,
    endLine: finding.endLine,
    endColumn: finding.endColumn,
  };
  const message = finding.fix ? `${finding.message}\n${finding.fix}` : finding.message;
  const write = finding.severity === 'error' ? error : finding.severity === 'warning' ? warning : notice;
  write(message, properties);
}

type Restored = { entry: CacheEntry; hit: string | undefined };

/** Restores each linter's cache; a failure is a warning (counted by `warned`) and the linter starts cold. */
async function restoreCaches(entries: CacheEntry[], warned: () => void): Promise<Restored[]> {
  if (entries.length === 0) return [];
  let cache: typeof import('@actions/cache');
  try {
    cache = await import('@actions/cache');
  } catch (caught) {
    warning(`Linter caches are off: @actions/cache could not be loaded (${errorMessage(caught)}).`);
    warned();
    return [];
  }
  return Promise.all(
    entries.map(async (entry) => {
      try {
        const hit = await cache.restoreCache([entry.path], entry.key, entry.restoreKeys);
        info(
          `${entry.linter} cache: ${hit === undefined ? 'none yet' : hit === entry.key ? 'exact hit' : `restored ${hit}`}`,
        );
        return { entry, hit };
      } catch (caught) {
        warning(`Could not restore the ${entry.linter} cache, so it starts cold: ${errorMessage(caught)}`);
        warned();
        return { entry, hit: undefined };
      }
    }),
  );
}

/** Saves each cache under its new key, unless it was restored from exactly that key; failures are warnings. */
async function saveCaches(restored: Restored[]): Promise<void> {
  const toSave = restored.filter(
    ({ entry, hit }) => hit !== entry.key && existsSync(entry.path) && readdirSync(entry.path).length > 0,
  );
  if (toSave.length === 0) return;
  const cache = await import('@actions/cache');
  for (const { entry } of toSave) {
    try {
      await cache.saveCache([entry.path], entry.key);
      info(`${entry.linter} cache saved as ${entry.key}`);
    } catch (caught) {
      warning(`Could not save the ${entry.linter} cache: ${errorMessage(caught)}`);
    }
  }
}
