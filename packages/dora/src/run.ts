// One DORA report from inputs: checks the inputs (same names for the action and `flowkit dora`), reads GitHub
// (and Jira, when given, for the tickets' lead time), computes the keys and, when a Slack channel is given, posts the digest once per window (a rerun updates it).
import { defaultConfig, type FlowkitConfig, InputError, type Logger, parseIntegerInput } from '@flowkit/core';
import { GitHubClient } from '@flowkit/github';
import { connectJira, JIRA_CONNECTION_INPUTS, type JiraConnection, readJiraConnection } from '@flowkit/jira';
import { checkSlackApiUrl, checkSlackToken, type NotifyResult, notify, type RunInfo } from '@flowkit/slack';
import { type GitHubDoraCost, readGitHubDoraHistory } from './github-history.ts';
import { type BucketSize, computeDora, type DoraResult } from './keys.ts';
import { doraSlackText } from './render.ts';
import { type JiraTicketCost, readJiraTickets, ticketReleases } from './tickets.ts';
import { DAY, WEEK } from './units.ts';

/** The inputs of the dora-metrics action, which `flowkit dora` takes as options of the same names. */
export const DORA_INPUTS = [
  'github-token',
  'repository',
  'github-api-url',
  'service',
  'environment',
  'window',
  'until',
  'bucket',
  'incident-label',
  'max-deployments',
  'slack-token',
  'slack-channel',
  'slack-api-url',
  ...JIRA_CONNECTION_INPUTS,
  'projects',
  // Read by the adapter, which loads the config file before the settings.
  'config',
] as const;

/** At most this many released keys are read from Jira (10 searches of 100). */
export const MAX_TICKETS = 1000;

export type DoraInputName = (typeof DORA_INPUTS)[number];

export interface DoraSettings {
  token: string;
  apiUrl: string;
  repo: { owner: string; repo: string };
  service: string;
  environment: string;
  windowMs: number;
  /** The window as given, e.g. `30d`. */
  window: string;
  /** The window's end (epoch ms, exclusive); undefined = now. */
  until: number | undefined;
  bucket: BucketSize;
  incidentLabel: string;
  maxDeployments: number;
  slack: { token: string; channel: string; apiUrl: string } | undefined;
  /** Set when Jira credentials or a Jira URL are given: the tickets' lead time is read. */
  jira: { connection: JiraConnection; projects: string[] } | undefined;
}

const BUCKETS: readonly BucketSize[] = ['day', 'week', 'month'];

/** `30d`, `12w`: 1 day to 2 years. */
export function parseWindow(input: string, text: string): number {
  const match = /^(\d+)\s*([dw])$/.exec(text.trim());
  const ms = match ? Number(match[1]) * (match[2] === 'w' ? WEEK : DAY) : Number.NaN;
  if (!(ms >= DAY && ms <= 730 * DAY)) {
    throw new InputError(
      input,
      `is '${text}'`,
      'Give a number of days or weeks from 1d to 730d, e.g. 30d or 12w.',
    );
  }
  return ms;
}

/** Jira is read when any of its connection inputs but the deployment is given; jira.url alone does not turn it on. */
function readJira(input: (name: DoraInputName) => string, config: FlowkitConfig): DoraSettings['jira'] {
  const given = JIRA_CONNECTION_INPUTS.some((name) => name !== 'jira-deployment' && input(name) !== '');
  if (!given) return undefined;
  const connection = readJiraConnection(input, config);
  const text = input('projects');
  const projects = text === '' ? (config.jira.projects ?? []) : text.split(/[\s,]+/).filter(Boolean);
  for (const project of projects) {
    if (!/^[A-Za-z][A-Za-z0-9_]{1,9}$/.test(project)) {
      throw new InputError(
        'projects',
        `has '${project}', not a Jira project key`,
        'Give project keys like JIRA, DASH.',
      );
    }
  }
  return { connection, projects: projects.map((project) => project.toUpperCase()) };
}

/** Checks the inputs (empty = default) before anything is read or posted; `config` gives Jira's defaults. */
export function readDoraSettings(
  input: (name: DoraInputName) => string,
  config: FlowkitConfig = defaultConfig(),
): DoraSettings {
  const token = input('github-token');
  if (token === '') {
    throw new InputError(
      'github-token',
      'is empty',
      'Pass ${{ github.token }} or a token with deployments, issues and contents read.',
    );
  }
  const repository = input('repository');
  const [owner, repo, ...rest] = repository.split('/');
  if (!owner || !repo || rest.length > 0) {
    throw new InputError('repository', `is '${repository}'`, 'Give it as owner/name, e.g. acme/shop.');
  }
  const apiUrl = input('github-api-url') || 'https://api.github.com';
  if (!URL.canParse(apiUrl)) {
    throw new InputError('github-api-url', 'is not a URL', 'Give e.g. https://api.github.com.');
  }
  const window = input('window') || '30d';
  const bucket = (input('bucket') || 'week') as BucketSize;
  if (!BUCKETS.includes(bucket)) {
    throw new InputError('bucket', `is '${bucket}'`, `Use one of ${BUCKETS.join(', ')}.`);
  }
  const untilText = input('until');
  const until = untilText === '' ? undefined : Date.parse(untilText);
  if (Number.isNaN(until)) {
    throw new InputError(
      'until',
      `is '${untilText}'`,
      'Give an ISO 8601 date or time, e.g. 2026-11-30 or 2026-11-30T09:00:00Z.',
    );
  }
  const maxDeployments = parseIntegerInput('max-deployments', input('max-deployments'), 5000, {
    min: 1,
    max: 50_000,
  });
  const channel = input('slack-channel');
  const slackToken = input('slack-token');
  if (channel !== '' && slackToken === '') {
    throw new InputError(
      'slack-token',
      'is empty while slack-channel is set',
      'Pass the Slack bot token (xoxb-…) from a secret.',
    );
  }
  return {
    token,
    apiUrl,
    repo: { owner, repo },
    service: input('service') || repo,
    environment: input('environment') || 'production',
    windowMs: parseWindow('window', window),
    window,
    until,
    bucket,
    incidentLabel: input('incident-label') || 'incident',
    maxDeployments,
    slack:
      channel === ''
        ? undefined
        : {
            token: checkSlackToken('slack-token', slackToken),
            channel,
            apiUrl: checkSlackApiUrl('slack-api-url', input('slack-api-url') || 'https://slack.com/api/'),
          },
    jira: readJira(input, config),
  };
}

/** What reading GitHub and Jira cost. */
export type DoraCost = GitHubDoraCost & JiraTicketCost;

export interface DoraRun {
  result: DoraResult;
  cost: DoraCost;
  /** Set when the digest went to Slack (or failed to). */
  slack: NotifyResult | undefined;
}

/** Reads the window ending at `until` (default `now`) from GitHub, computes the keys, and posts the digest when asked. */
export async function runDora(
  settings: DoraSettings,
  deps: { log: Logger; run: RunInfo; now: number },
): Promise<DoraRun> {
  const github = new GitHubClient({
    token: settings.token,
    apiUrl: settings.apiUrl,
    policy: () => ({ retries: 3, budgetMs: 120_000 }),
    log: deps.log,
  });
  const to = settings.until ?? deps.now;
  const from = to - settings.windowMs;
  const read = await readGitHubDoraHistory(github, settings.repo, {
    service: settings.service,
    environment: settings.environment,
    from,
    to,
    incidentLabel: settings.incidentLabel,
    maxDeployments: settings.maxDeployments,
  });
  let history = read.history;
  let cost: DoraCost = { ...read.cost, jiraRequests: 0, unknownKeys: 0, unreadKeys: 0 };
  if (settings.jira !== undefined) {
    const jira = connectJira(settings.jira.connection, () => ({ retries: 3, budgetMs: 60_000 }), deps.log);
    const releases = ticketReleases(read.messages, settings.jira.projects);
    const tickets = await readJiraTickets(jira, releases, MAX_TICKETS);
    history = { ...history, tickets: tickets.tickets };
    cost = { ...cost, ...tickets.cost };
  }
  const result = computeDora(history, {
    from,
    to,
    environment: settings.environment,
    bucket: settings.bucket,
  });
  if (settings.slack === undefined) return { result, cost, slack: undefined };
  // One message per service, environment, window length and day: a rerun the same day updates it.
  const day = new Date(to).toISOString().slice(0, 10);
  const slack = await notify(
    {
      transport: { kind: 'api', token: settings.slack.token, apiUrl: settings.slack.apiUrl },
      channel: settings.slack.channel,
      message: { kind: 'payload', payload: { text: doraSlackText(result) } },
      updateKey: `dora:${settings.repo.owner}/${settings.repo.repo}:${settings.service}:${settings.environment}:${settings.window}:${day}`,
      threadKey: undefined,
      threadTs: undefined,
      retries: 3,
      timeoutMs: 60_000,
      failOnError: true,
      config: defaultConfig(),
    },
    { log: deps.log, run: deps.run },
  );
  return { result, cost, slack };
}
