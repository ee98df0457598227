// Reads the release-notes inputs and the config into one checked settings object, before anything is sent.
import { type FlowkitConfig, InputError, parseIntegerInput } from '@flowkit/core';
import { JIRA_CONNECTION_INPUTS, type JiraConnection, readJiraConnection } from '@flowkit/jira';

/** Everything a release-notes run needs, checked. */
export interface ReleaseNotesSettings {
  githubToken: string;
  sha: string;
  tag: string;
  /** The release's title. */
  name: string;
  environment: string;
  /** Undefined: keys are listed without summaries. */
  jira: JiraConnection | undefined;
  projects: string[] | undefined;
  confluence:
    | { site: string; email: string; apiToken: string; spaceKey: string; parentId?: string; title: string }
    | undefined;
  retries: number;
  timeoutMs: number;
}

export const RELEASE_NOTES_INPUTS = [
  'github-token',
  'config',
  'sha',
  'tag',
  'name',
  'environment',
  'confluence-url',
  'confluence-email',
  'confluence-api-token',
  'confluence-space',
  'confluence-parent-id',
  'confluence-title',
  'retries',
  'timeout',
  ...JIRA_CONNECTION_INPUTS,
] as const;
type ReleaseInput = (typeof RELEASE_NOTES_INPUTS)[number];

/** Reads and checks the inputs; `context` gives the run's commit and repository. */
export function readReleaseNotesSettings(
  input: (name: ReleaseInput) => string,
  config: FlowkitConfig,
  context: { sha: string; repository: string },
): ReleaseNotesSettings {
  const githubToken = input('github-token');
  if (githubToken === '')
    throw new InputError(
      'github-token',
      'is empty',
      'Leave the default (${{ github.token }}) or give a token with contents: write and deployments: read.',
    );
  const sha = input('sha') || context.sha;
  if (!/^[0-9a-f]{40}$/.test(sha))
    throw new InputError(
      'sha',
      `is not a full commit SHA: '${sha}'`,
      'Give the 40-character SHA of the release commit.',
    );
  const tag = input('tag') || `release-${sha.slice(0, 7)}`;
  if (!/^[^\s~^:?*[\\]+$/.test(tag) || tag.includes('..') || tag.startsWith('-') || tag.endsWith('.lock'))
    throw new InputError(
      'tag',
      `is not a valid git tag name: '${tag}'`,
      'Use letters, digits, dots, dashes and slashes, e.g. v1.4.0.',
    );
  const name = input('name') || `${context.repository.split('/')[1] ?? context.repository} ${tag}`;
  const jiraCredentials = input('jira-api-token') !== '' || input('jira-token') !== '';
  const jira = jiraCredentials ? readJiraConnection(input, config) : undefined;
  const spaceKey = input('confluence-space');
  let confluence: ReleaseNotesSettings['confluence'];
  if (spaceKey !== '') {
    if (!/^~?[A-Za-z0-9]+$/.test(spaceKey))
      throw new InputError(
        'confluence-space',
        `is not a space key: '${spaceKey}'`,
        'Give the key of the space, e.g. ENG.',
      );
    const site = input('confluence-url') || input('jira-url') || config.jira.url || '';
    if (!/^https:\/\/|^http:\/\/(127\.0\.0\.1|localhost)[:/]/.test(site))
      throw new InputError(
        'confluence-url',
        site === ''
          ? 'is not set, and neither is jira-url nor jira.url in the config'
          : `is not an https URL: '${site}'`,
        "Give the site, e.g. 'confluence-url: https://acme.atlassian.net'.",
      );
    const email = input('confluence-email') || input('jira-email');
    if (!/^[^@\s]+@[^@\s]+$/.test(email))
      throw new InputError(
        'confluence-email',
        email === ''
          ? 'is required with confluence-space (or jira-email)'
          : `is not an email address: '${email}'`,
        'Give the email of the Atlassian account that publishes the page.',
      );
    const apiToken = input('confluence-api-token') || input('jira-api-token');
    if (apiToken === '')
      throw new InputError(
        'confluence-api-token',
        'is required with confluence-space (or jira-api-token)',
        'Give an Atlassian API token (from id.atlassian.com, as a secret).',
      );
    const parentId = input('confluence-parent-id');
    if (parentId !== '' && !/^\d+$/.test(parentId))
      throw new InputError(
        'confluence-parent-id',
        `is not a page ID: '${parentId}'`,
        'Give the numeric ID of the parent page.',
      );
    confluence = {
      site: site.replace(/\/$/, ''),
      email,
      apiToken,
      spaceKey,
      ...(parentId === '' ? {} : { parentId }),
      title: input('confluence-title') || `Release notes: ${name}`,
    };
  }
  return {
    githubToken,
    sha,
    tag,
    name,
    environment: input('environment') || 'production',
    jira,
    projects: config.jira.projects,
    confluence,
    retries: parseIntegerInput('retries', input('retries'), 4, { min: 0, max: 20 }),
    timeoutMs: parseIntegerInput('timeout', input('timeout'), 120, { min: 5, max: 3600 }) * 1000,
  };
}
