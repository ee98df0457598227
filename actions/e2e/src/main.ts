// e2e: maps the step's inputs to @flowkit/e2e, and its results to annotations, a summary, outputs and an artifact.
import { errorMessage } from '@flowkit/core';
import {
  type E2eRun,
  type E2eSettings,
  e2eSummary,
  judgeE2e,
  type ReportLocation,
  readE2eSettings,
  reportFiles,
  runE2e,
  streamingRunner,
  urlSecret,
} from '@flowkit/e2e';
import type { Finding } from '@flowkit/findings';
import { GitHubClient } from '@flowkit/github';
import {
  appendSummary,
  debug,
  error,
  getInput,
  info,
  readGitHubContext,
  redact,
  runAction,
  setOutput,
  setSecret,
  warning,
} from '@flowkit/runner';

await runAction(async () => {
  // Mask first: a URL may carry a password (https://user:pass@staging…).
  const secret = urlSecret(getInput('url'));
  if (secret !== undefined) setSecret(secret);
  if (getInput('github-token') !== '') setSecret(getInput('github-token'));
  const root = process.env.GITHUB_WORKSPACE || process.cwd();
  const settings = readE2eSettings((name) => getInput(name), root);

  const run = await runE2e(settings, {
    exec: streamingRunner((text) => process.stdout.write(redact(text))),
    log: { info, warning, debug },
  });
  setOutput('report-dir', run.paths.reportDir);

  let warningsUsed = 0;
  const location = await upload(settings, run, () => warningsUsed++);
  const verdict = judgeE2e(run, { root, reserved: { warning: warningsUsed } });
  for (const finding of verdict.annotated) annotate(finding);

  appendSummary(e2eSummary({ run, verdict, url: settings.url, root, location }));
  setOutput('passed', String(verdict.counts.passed));
  setOutput('failed', String(verdict.counts.failed));
  setOutput('flaky', String(verdict.counts.flaky));
  setOutput('skipped', String(verdict.counts.skipped));
  if (verdict.failed) {
    await markDeploymentFailed(settings, verdict.conclusion);
    error(verdict.conclusion);
    process.exitCode = 1;
  } else info(verdict.conclusion);
});

/** Failing tests fail the deployment they tested, so the environment's page shows it is not good to review. */
async function markDeploymentFailed(settings: E2eSettings, conclusion: string): Promise<void> {
  if (settings.deploymentId === undefined || settings.githubToken === '') return;
  const github = readGitHubContext();
  const [owner = '', repo = ''] = github.repository.split('/');
  const client = new GitHubClient({
    token: settings.githubToken,
    apiUrl: github.apiUrl,
    policy: () => ({ retries: 3, budgetMs: 30_000 }),
  });
  try {
    await client.createDeploymentStatus({ owner, repo }, settings.deploymentId, {
      state: 'failure',
      ...(github.runUrl ? { log_url: github.runUrl } : {}),
      description: `End-to-end tests failed: ${conclusion}`.slice(0, 140),
    });
    info(`Marked deployment ${settings.deploymentId} as failed.`);
  } catch (caught) {
    warning(`Could not mark deployment ${settings.deploymentId} as failed: ${errorMessage(caught)}`);
  }
}

function annotate(finding: Finding): void {
  const write = finding.severity === 'error' ? error : warning;
  write(finding.message, {
    title: `${finding.severity === 'error' ? 'Failed' : 'Flaky'}: ${finding.rule}`,
    file: finding.file,
    line: finding.line,
    col: finding.column,
  });
}

/**
 * Uploads playwright-report/ and test-results/ as one artifact where the runner's artifact service is; elsewhere
 * says where the reports are. An upload failure is a warning (counted by `warned`): the tests' verdict stands.
 */
async function upload(settings: E2eSettings, run: E2eRun, warned: () => void): Promise<ReportLocation> {
  const where = `${run.paths.reportDir} and ${run.paths.resultsDir}`;
  if (settings.artifactName === undefined) {
    info(`artifact-name is empty, so nothing is uploaded; the reports are in ${where}.`);
    return { note: 'artifact-name is empty, so they were not uploaded.' };
  }
  if (!process.env.ACTIONS_RUNTIME_TOKEN || !process.env.ACTIONS_RESULTS_URL) {
    info(
      `No artifact service here (ACTIONS_RUNTIME_TOKEN and ACTIONS_RESULTS_URL are not set), so nothing is uploaded; the reports are in ${where}.`,
    );
    return { note: 'there is no artifact service outside a GitHub runner, so they were not uploaded.' };
  }
  const files = await reportFiles(run.paths);
  if (files.length === 0) {
    info('Playwright wrote no reports, so there is nothing to upload.');
    return { note: 'Playwright wrote none, so nothing was uploaded.' };
  }
  try {
    const { DefaultArtifactClient } = await import('@actions/artifact');
    const { id } = await new DefaultArtifactClient().uploadArtifact(
      settings.artifactName,
      files,
      run.paths.cwd,
      {
        ...(settings.retentionDays === undefined ? {} : { retentionDays: settings.retentionDays }),
      },
    );
    const github = readGitHubContext();
    const url = id !== undefined && github.runUrl ? `${github.runUrl}/artifacts/${id}` : undefined;
    info(
      `Uploaded ${files.length} report file(s) as the artifact ${settings.artifactName}${url ? `: ${url}` : ''}.`,
    );
    return { artifact: { name: settings.artifactName, ...(url ? { url } : {}) } };
  } catch (caught) {
    warning(
      `Could not upload the reports as the artifact ${settings.artifactName}; they are in ${where}: ${errorMessage(caught)}`,
    );
    warned();
    return { note: `the upload failed (${errorMessage(caught)}).` };
  }
}
