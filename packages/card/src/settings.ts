// Reads and checks every ticket-card input (and what the triggering event says) before anything is sent.
import { type FlowkitConfig, InputError, parseBooleanInput, parseIntegerInput } from '@flowkit/core';
import {
  findIssueKeys,
  isIssueKey,
  JIRA_CONNECTION_INPUTS,
  type JiraConnection,
  readJiraConnection,
} from '@flowkit/jira';
import { checkSlackApiUrl, checkSlackToken, SLACK_API_URL } from '@flowkit/slack';
import type { CardFacts, CiJob } from './record.ts';

/** The inputs of ticket-card, as action.yml declares them. */
export const CARD_INPUTS = [
  'issue-key',
  'changes-requested',
  'ci-jobs',
  'staging-deployment-id',
  'deployment-id',
  'canary-numbers',
  'channel',
  'slack-token',
  'slack-api-url',
  ...JIRA_CONNECTION_INPUTS,
  'github-token',
  'retries',
  'timeout',
  'config',
] as const;

export type CardInputName = (typeof CARD_INPUTS)[number];

/** The parts of the run's context the settings read. */
export interface CardEventContext {
  eventName: string;
  event: Record<string, unknown>;
  sha: string;
  refName: string;
  headRef: string;
  runUrl: string;
}

/** Everything ticket-card needs, checked. */
export interface CardSettings {
  /** The tickets whose cards to write (a release has several). */
  keys: string[];
  /** A reviewer requested changes (input, or a flowkit-changes-requested repository_dispatch). */
  changesRequested: { by?: string } | undefined;
  facts: CardFacts;
  connection: JiraConnection;
  slack: { token: string; apiUrl: string };
  channel: string | undefined;
  githubToken: string;
  retries: number;
  timeoutMs: number;
}

/** The repository_dispatch event type a Jira Automation rule sends when a reviewer requests changes. */
export const CHANGES_REQUESTED_EVENT = 'flowkit-changes-requested';

/** Checks the inputs; `at` stamps the facts this run saw. */
export function readCardSettings(
  input: (name: CardInputName) => string,
  config: FlowkitConfig,
  context: CardEventContext,
  at: Date,
): CardSettings {
  const connection = readJiraConnection(input, config);
  const slack = {
    token: checkSlackToken('slack-token', input('slack-token')),
    apiUrl: checkSlackApiUrl(
      'slack-api-url',
      input('slack-api-url') || config.slack['api-url'] || SLACK_API_URL,
    ),
  };
  const dispatched =
    context.eventName === 'repository_dispatch' && context.event.action === CHANGES_REQUESTED_EVENT;
  const changes = parseBooleanInput('changes-requested', input('changes-requested'), false) || dispatched;
  const stamp = at.toISOString();
  const facts: CardFacts = { ...changeFacts(context) };
  const jobs = parseJobs(input('ci-jobs'));
  if (jobs !== undefined && jobs.length > 0) {
    facts.ci = { sha: context.sha, jobs, at: stamp };
    if (context.runUrl !== '') facts.ci.runUrl = context.runUrl;
  }
  const staging = parseId('staging-deployment-id', input('staging-deployment-id'));
  if (staging !== undefined) facts.staging = { deploymentId: staging, at: stamp };
  const production = parseId('deployment-id', input('deployment-id'));
  const numbers = input('canary-numbers');
  if (production !== undefined) {
    facts.production = { deploymentId: production, at: stamp };
    if (numbers !== '') facts.production.numbers = numbers.slice(0, 500);
  } else if (numbers !== '') {
    throw new InputError(
      'canary-numbers',
      "is set without 'deployment-id'",
      "Pass the canary's deployment-id too.",
    );
  }
  return {
    keys: issueKeys(input('issue-key'), config, context),
    changesRequested: changes ? { by: requester(context) } : undefined,
    facts,
    connection,
    slack,
    channel: input('channel') || undefined,
    githubToken: input('github-token'),
    retries: parseIntegerInput('retries', input('retries'), 4, { min: 0, max: 20 }),
    timeoutMs: parseIntegerInput('timeout', input('timeout'), 120, { min: 1, max: 3600 }) * 1000,
  };
}

/** Branch and pull request, from a pull_request or push event. */
function changeFacts(context: CardEventContext): CardFacts {
  const pull = context.event.pull_request as { number?: unknown; html_url?: unknown } | undefined;
  if (pull !== undefined && typeof pull.number === 'number' && typeof pull.html_url === 'string') {
    return { branch: context.headRef || undefined, pullRequest: { number: pull.number, url: pull.html_url } };
  }
  if (context.eventName === 'push' && context.refName !== '') return { branch: context.refName };
  return {};
}

/** `toJSON(needs)` ({"test": {"result": "success"}}) or a plain {"test": "success"} map. */
function parseJobs(text: string): CiJob[] | undefined {
  if (text.trim() === '') return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = undefined;
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new InputError(
      'ci-jobs',
      'is not a JSON object of job results',
      'Pass ${{ toJSON(needs) }} or {"test": "success", "lint": "failure"}.',
    );
  }
  const jobs: CiJob[] = [];
  for (const [name, value] of Object.entries(parsed)) {
    const result = typeof value === 'string' ? value : (value as { result?: unknown } | null)?.result;
    if (typeof result !== 'string' || !/^(success|failure|cancelled|skipped)$/.test(result)) {
      throw new InputError(
        'ci-jobs',
        `gives job '${name.slice(0, 40)}' no result GitHub knows`,
        'Each job needs success, failure, cancelled or skipped.',
      );
    }
    jobs.push({ name: name.slice(0, 80), result });
  }
  return jobs;
}

function parseId(name: CardInputName, text: string): number | undefined {
  if (text === '') return undefined;
  if (!/^[1-9]\d{0,15}$/.test(text))
    throw new InputError(
      name,
      `is not a GitHub deployment id: '${text.slice(0, 40)}'`,
      'Pass the id a deployment step output.',
    );
  return Number(text);
}

/** Who requested changes, as the Jira Automation rule sends it (untrusted: only ever shown escaped). */
function requester(context: CardEventContext): string | undefined {
  const payload = context.event.client_payload as { user?: unknown } | undefined;
  return typeof payload?.user === 'string' && payload.user.trim() !== ''
    ? payload.user.slice(0, 80)
    : undefined;
}

function issueKeys(text: string, config: FlowkitConfig, context: CardEventContext): string[] {
  if (text.trim() !== '') {
    const keys = [...new Set(text.split(/[\s,]+/).filter((key) => key !== ''))];
    const bad = keys.find((key) => !isIssueKey(key));
    if (bad !== undefined)
      throw new InputError(
        'issue-key',
        `is not an issue key: '${bad.slice(0, 40)}'`,
        'Give keys like JIRA-1234, comma-separated.',
      );
    if (keys.length > 50)
      throw new InputError('issue-key', `names ${keys.length} issues`, 'Give at most 50 keys.');
    return keys;
  }
  return [issueKey(config, context)];
}

function issueKey(config: FlowkitConfig, context: CardEventContext): string {
  const payload = context.event.client_payload as { issue?: { key?: unknown }; key?: unknown } | undefined;
  const fromPayload = payload?.issue?.key ?? payload?.key;
  if (typeof fromPayload === 'string' && isIssueKey(fromPayload)) return fromPayload;
  const pull = context.event.pull_request as { title?: unknown } | undefined;
  const [key] = findIssueKeys({
    branches: [context.headRef || context.refName].filter((branch) => branch !== ''),
    texts: typeof pull?.title === 'string' ? [pull.title] : [],
    projects: config.jira.projects,
  });
  if (key !== undefined) return key;
  throw new InputError(
    'issue-key',
    'is not set, and neither the branch, the pull request title nor a dispatch payload names an issue',
    "Pass 'issue-key', or name branches like JIRA-1234-short-title.",
  );
}
