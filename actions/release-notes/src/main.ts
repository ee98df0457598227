// release-notes: maps the step's inputs to @flowkit/release and the results to outputs and the job summary.
import { DEFAULT_CONFIG_PATH, loadConfig } from '@flowkit/core';
import { jiraSecrets } from '@flowkit/jira';
import { publishReleaseNotes, type RELEASE_NOTES_INPUTS, readReleaseNotesSettings } from '@flowkit/release';
import {
  appendSummary,
  debug,
  getInput,
  info,
  readGitHubContext,
  runAction,
  setOutput,
  setSecret,
  warning,
} from '@flowkit/runner';

await runAction(async () => {
  for (const secret of [getInput('github-token'), getInput('confluence-api-token'), ...jiraSecrets(getInput)])
    if (secret !== '') setSecret(secret);
  const configPath = getInput('config') || DEFAULT_CONFIG_PATH;
  const config = await loadConfig(configPath, configPath === DEFAULT_CONFIG_PATH ? undefined : 'config');
  const github = readGitHubContext();
  const settings = readReleaseNotesSettings(
    (name: (typeof RELEASE_NOTES_INPUTS)[number]) => getInput(name),
    config,
    { sha: github.sha, repository: github.repository },
  );
  const [owner = '', repo = ''] = github.repository.split('/');
  const result = await publishReleaseNotes(settings, {
    repo: { owner, repo },
    githubApiUrl: github.apiUrl,
    serverUrl: github.serverUrl,
    log: { info, warning, debug },
  });
  setOutput('tag', settings.tag);
  setOutput('release-url', result.release.url);
  setOutput('release', result.release.action);
  setOutput('issues', result.notes.issues.map((issue) => issue.key).join(','));
  setOutput('page-url', result.page?.url ?? '');
  setOutput('page', result.page?.action ?? '');
  appendSummary(
    [
      `### Release notes: ${settings.name}`,
      '',
      `- GitHub release [${settings.tag}](${result.release.url}): ${result.release.action}`,
      result.page === undefined
        ? '- Confluence: not configured (confluence-space)'
        : `- Confluence page [version ${result.page.version}](${result.page.url}): ${result.page.action}`,
      `- ${result.notes.issues.length} Jira issue(s), ${result.notes.pulls.length} pull request(s); ${result.notes.source}`,
    ].join('\n'),
  );
});
