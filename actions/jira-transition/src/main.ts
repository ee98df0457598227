// jira-transition: maps the step's inputs to @flowkit/jira and the results to outputs, summary and annotations.
import { DEFAULT_CONFIG_PATH, loadConfig } from '@flowkit/core';
import { GitHubClient, readChangeText, readReleaseText } from '@flowkit/github';
import {
  type Comment,
  checkApprovals,
  connectJira,
  findIssueKeys,
  type IssueApproval,
  jiraSecrets,
  readTransitionSettings,
  type TransitionGoal,
  type TransitionResult,
  transitionIssues,
} from '@flowkit/jira';
import {
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
  for (const secret of [...jiraSecrets(getInput), getInput('github-token')])
    if (secret !== '') setSecret(secret);
  const configPath = getInput('config') || DEFAULT_CONFIG_PATH;
  const config = await loadConfig(configPath, configPath === DEFAULT_CONFIG_PATH ? undefined : 'config');
  const settings = readTransitionSettings((name) => getInput(name), config);
  const github = readGitHubContext();
  const log = { info, warning, debug };
  const deadline = Date.now() + settings.timeoutMs;
  const policy = () => ({ retries: settings.retries, budgetMs: Math.max(0, deadline - Date.now()) });

  let keys = settings.keys;
  if (keys === undefined) {
    const [owner = '', repo = ''] = github.repository.split('/');
    const client =
      settings.githubToken === ''
        ? undefined
        : new GitHubClient({ token: settings.githubToken, apiUrl: github.apiUrl, policy, log });
    const change = await readChangeText(
      {
        eventName: github.eventName,
        event: github.event,
        refName: github.refName,
        headRef: github.headRef,
        repo: { owner, repo },
      },
      client,
    );
    if (settings.sinceDeployment !== undefined && client !== undefined) {
      const release = await readReleaseText(client, { owner, repo }, settings.sinceDeployment, github.sha);
      change.texts.push(...release.texts);
      change.sources.push(...release.sources);
    }
    keys = findIssueKeys({ branches: change.branches, texts: change.texts, projects: settings.projects });
    info(`Issue keys in ${change.sources.join(', ') || 'nothing readable'}: ${keys.join(', ') || 'none'}`);
  }
  setOutput('keys', keys.join(','));
  // The branch's key comes first: the ticket this change is about.
  setOutput('primary-key', keys[0] ?? '');
  if (keys.length === 0) {
    notice(
      settings.approvals === undefined
        ? 'No Jira issue keys found in this change; nothing to move.'
        : 'No Jira issue keys found in this release; no approvals to check.',
    );
    if (settings.approvals !== undefined) setOutput('approved', 'true');
    for (const name of ['transitioned', 'unchanged', 'failed']) setOutput(name, '');
    appendSummary('### Jira\nNo issue keys found in this change.');
    return;
  }

  const jira = connectJira(settings.connection, policy, log);
  if (settings.approvals !== undefined) {
    const approvals = await checkApprovals(jira, keys, settings.approvals);
    const pending = approvals.filter((approval) => !approval.approved);
    setOutput('approved', String(pending.length === 0));
    for (const name of ['transitioned', 'unchanged', 'failed']) setOutput(name, '');
    appendSummary(approvalSummary(approvals));
    if (pending.length > 0) {
      error(
        `Not approved yet: ${pending.map((approval) => `${approval.key} (${approval.error ?? `needs ${approval.missing.join(' and ')}`})`).join('; ')}. Nothing was promoted.`,
      );
      process.exitCode = 1;
    } else info(`All ${approvals.length} issue(s) approved.`);
    return;
  }
  const results = await transitionIssues(
    jira,
    {
      keys,
      goal: settings.goal,
      paths: config.jira.paths,
      comment:
        settings.comment === undefined
          ? undefined
          : commentWithLinks(settings.comment, github.runUrl, pullUrl(github.event), settings.stagingUrl),
      resolution: settings.resolution,
      fixVersions: settings.fixVersions,
      addLabels: settings.addLabels,
      removeLabels: settings.removeLabels,
      assignee: settings.assignee,
    },
    log,
  );
  const by = (outcome: TransitionResult['outcome']) =>
    results.filter((r) => r.outcome === outcome).map((r) => r.key);
  setOutput('transitioned', by('transitioned').join(','));
  setOutput('unchanged', by('unchanged').join(','));
  setOutput('failed', by('failed').join(','));
  appendSummary(summary(results, describeGoal(settings.goal), jira.requestCount));

  const failed = results.filter((r) => r.outcome === 'failed');
  for (const result of failed) (settings.failOnError ? error : warning)(`${result.key}: ${result.message}`);
  if (failed.length > 0 && settings.failOnError) process.exitCode = 1;
});

function approvalSummary(approvals: IssueApproval[]): string {
  const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
  const rows = approvals.map((approval) => {
    const by = Object.entries(approval.by)
      .map(([group, who]) => `${group}: ${who}`)
      .join(', ');
    const state = approval.approved
      ? ':white_check_mark: approved'
      : `:x: needs ${approval.missing.join(' and ')}`;
    return `| ${approval.key} | ${cell(approval.status)} | ${state} | ${cell(approval.error ?? by)} |`;
  });
  return [
    '### Release approvals',
    '',
    '| issue | status | approval | by |',
    '|---|---|---|---|',
    ...rows,
  ].join('\n');
}

function describeGoal(goal: TransitionGoal): string {
  if (goal.kind === 'status') return goal.status;
  return goal.kind === 'transition' ? `transition ${goal.transition}` : 'comment';
}

function commentWithLinks(
  text: string,
  runUrl: string,
  prUrl: string | undefined,
  stagingUrl: string | undefined,
): Comment {
  const links = [
    runUrl ? { text: 'workflow run', href: runUrl } : undefined,
    prUrl ? { text: 'pull request', href: prUrl } : undefined,
    stagingUrl ? { text: 'staging', href: stagingUrl } : undefined,
  ].filter((link) => link !== undefined);
  const line = links.flatMap((link, index) => (index === 0 ? [link] : [{ text: ' · ' }, link]));
  return line.length > 0 ? [[{ text }], line] : [[{ text }]];
}

function pullUrl(event: Record<string, unknown>): string | undefined {
  const url = (event.pull_request as { html_url?: unknown } | undefined)?.html_url;
  return typeof url === 'string' ? url : undefined;
}

function summary(results: TransitionResult[], target: string, requests: number): string {
  const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
  const icon = { transitioned: ':white_check_mark:', unchanged: ':heavy_minus_sign:', failed: ':x:' };
  const rows = results.map(
    (r) => `| ${r.key} | ${icon[r.outcome]} ${r.outcome} | ${cell(r.from ?? '')} | ${cell(r.message)} |`,
  );
  return [
    `### Jira: ${cell(target)}`,
    '',
    '| issue | result | was | what happened |',
    '|---|---|---|---|',
    ...rows,
    '',
    `${requests} Jira request(s).`,
  ].join('\n');
}
