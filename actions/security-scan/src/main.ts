// security-scan: maps the step's inputs to @flowkit/security and its result to outputs, annotations and summary.
import { DEFAULT_CONFIG_PATH, loadConfig, runProcess } from '@flowkit/core';
import { chooseAnnotations, type Finding, findingsTable } from '@flowkit/findings';
import { GitHubClient } from '@flowkit/github';
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
import { readSecurityScanSettings, runSecurityScan, summarizeSecretScan } from '@flowkit/security';

await runAction(async () => {
  const token = getInput('github-token');
  if (token !== '') setSecret(token);
  const config = await loadConfig(DEFAULT_CONFIG_PATH);
  const settings = readSecurityScanSettings((name) => getInput(name), config);
  const github = readGitHubContext();
  const log = { info, warning, debug };
  const deadline = Date.now() + settings.timeoutMs;
  const policy = () => ({ retries: 3, budgetMs: Math.max(0, deadline - Date.now()) });
  const [owner = '', repo = ''] = github.repository.split('/');
  const pull = github.event.pull_request as
    | { number?: number; head?: { repo?: { fork?: boolean } } }
    | undefined;
  const root = process.env.GITHUB_WORKSPACE ?? process.cwd();
  // Scanned tools run the repository's code on pull requests: they get no step inputs (the token) in their env.
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('INPUT_')));

  const result = await runSecurityScan(settings, {
    root,
    // The scanner's worker threads run this bundle's copy of the worker (built from src/secret-scan-worker.ts).
    secretScanWorker: new URL('./secret-scan-worker.js', import.meta.url),
    repo: { owner, repo },
    commitSha:
      (github.event.pull_request as { head?: { sha?: string } } | undefined)?.head?.sha ?? github.sha,
    ref: github.ref,
    pullRequest:
      typeof pull?.number === 'number'
        ? { number: pull.number, fromFork: pull.head?.repo?.fork === true }
        : undefined,
    github: token === '' ? undefined : new GitHubClient({ token, apiUrl: github.apiUrl, policy, log }),
    run: runProcess,
    env,
    tempDir: process.env.RUNNER_TEMP ?? root,
    log,
  });

  for (const note of result.notes) warning(note);
  const shown = result.verdict === undefined ? result.judged : result.judged;
  const { annotated } = chooseAnnotations(shown);
  for (const finding of annotated) annotate(finding);
  setOutput('findings', String(result.findings.length));
  setOutput('blocking', String(result.verdict?.blocking.length ?? 0));
  setOutput('sarif-file', result.sarifFile);
  setOutput(
    'sarif-id',
    result.upload !== undefined && 'sarifId' in result.upload ? result.upload.sarifId : '',
  );

  const byTool = new Map<string, number>();
  for (const finding of result.findings) byTool.set(finding.tool, (byTool.get(finding.tool) ?? 0) + 1);
  appendSummary(
    [
      '### Security scan',
      '',
      result.verdict?.explanation ?? `${result.findings.length} finding(s); fail-on-severity is never.`,
      '',
      [...byTool].map(([tool, count]) => `- ${tool}: ${count}`).join('\n') || '- no findings',
      result.judged.length < result.findings.length
        ? `\n${result.findings.length - result.judged.length} finding(s) outside the lines this pull request changed are listed but cannot fail it.`
        : '',
      result.upload === undefined ? '' : `\nCode scanning upload: ${uploadLine(result.upload)}`,
      '',
      result.secrets === undefined ? '' : summarizeSecretScan(result.secrets),
      '',
      findingsTable(result.findings),
    ].join('\n'),
  );
  if (result.upload?.status === 'failed')
    warning(`Code scanning could not process the upload: ${result.upload.errors.join('; ')}`);
  if (result.verdict?.failed) {
    process.exitCode = 1;
    error(`Security scan failed: ${result.verdict.explanation}`);
  }
});

function annotate(finding: Finding): void {
  const properties: AnnotationProperties = { title: `${finding.tool}: ${finding.rule}` };
  if (finding.file !== undefined) properties.file = finding.file;
  if (finding.line !== undefined) properties.line = finding.line;
  if (finding.endLine !== undefined) properties.endLine = finding.endLine;
  if (finding.column !== undefined) properties.col = finding.column;
  const message = finding.fix === undefined ? finding.message : `${finding.message} — ${finding.fix}`;
  if (finding.severity === 'error') error(message, properties);
  else if (finding.severity === 'warning') warning(message, properties);
  else notice(message, properties);
}

function uploadLine(upload: NonNullable<Awaited<ReturnType<typeof runSecurityScan>>['upload']>): string {
  switch (upload.status) {
    case 'skipped':
      return upload.reason;
    case 'complete':
      return `processed (${upload.sarifId})${upload.analysesUrl ? `, [analyses](${upload.analysesUrl})` : ''}`;
    case 'failed':
      return `failed: ${upload.errors.join('; ')}`;
    case 'pending':
      return `still processing after ${Math.round(upload.waitedMs / 1000)} s (${upload.sarifId})`;
  }
}
