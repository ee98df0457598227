// Reads and checks every jira-transition input before anything is sent: one typed settings object comes out.
import { type FlowkitConfig, InputError, parseBooleanInput, parseIntegerInput } from '@flowkit/core';
import type { ApprovalRules } from './approvals.ts';
import { JIRA_CONNECTION_INPUTS, type JiraConnection, readJiraConnection } from './connection.ts';
import { isIssueKey } from './keys.ts';
import type { TransitionGoal } from './transition.ts';

/** The inputs of jira-transition, as action.yml declares them. */
export const TRANSITION_INPUTS = [
  ...JIRA_CONNECTION_INPUTS,
  'status',
  'transition',
  'keys',
  'projects',
  'since-deployment',
  'comment',
  'staging-url',
  'resolution',
  'fix-versions',
  'add-labels',
  'remove-labels',
  'assignee',
  'github-token',
  'check-approvals',
  'fail-on-error',
  'retries',
  'timeout',
  'config',
] as const;

export type TransitionInputName = (typeof TRANSITION_INPUTS)[number];

/** The flow's stages and the status names Jira's default software workflow gives them. */
export const DEFAULT_STAGES: Record<string, string> = {
  'to-do': 'To Do',
  'in-progress': 'In Progress',
  'in-review': 'In Review',
  'in-qa': 'In QA',
  done: 'Done',
};

/** Everything jira-transition needs, checked. */
export interface TransitionSettings {
  connection: JiraConnection;
  /** Set by check-approvals: only check that the issues are approved (the goal is then unused). */
  approvals: ApprovalRules | undefined;
  goal: TransitionGoal;
  /** Keys given explicitly; undefined means "find them in the change". */
  keys: string[] | undefined;
  projects: string[];
  sinceDeployment: string | undefined;
  comment: string | undefined;
  stagingUrl: string | undefined;
  resolution: string | undefined;
  fixVersions: string[];
  addLabels: string[];
  removeLabels: string[];
  assignee: { email: string } | null | undefined;
  githubToken: string;
  failOnError: boolean;
  retries: number;
  timeoutMs: number;
}

/** Checks every input; throws InputError for the first problem. Sends nothing. */
export function readTransitionSettings(
  input: (name: TransitionInputName) => string,
  config: FlowkitConfig,
): TransitionSettings {
  const connection = readJiraConnection(input, config);
  const approvals = readApprovals(input, config);
  const goal: TransitionGoal =
    approvals === undefined
      ? readGoal(input('status'), input('transition'), input('comment'), config)
      : { kind: 'comment' };
  const keys = input('keys') === '' ? undefined : list(input('keys'));
  for (const key of keys ?? []) {
    if (!isIssueKey(key))
      throw new InputError(
        'keys',
        `has '${key}', which is not an issue key`,
        'List keys like JIRA-1234, separated by commas, spaces or new lines.',
      );
  }
  const projects = input('projects') === '' ? (config.jira.projects ?? []) : list(input('projects'));
  for (const project of projects) {
    if (!/^[A-Z][A-Z0-9_]{1,9}$/.test(project))
      throw new InputError(
        'projects',
        `has '${project}', which is not a project key`,
        'List project keys like JIRA, DASH.',
      );
  }
  const stagingUrl = input('staging-url') || undefined;
  if (stagingUrl !== undefined && !/^https?:\/\/\S+$/.test(stagingUrl)) {
    throw new InputError(
      'staging-url',
      `is not an http(s) URL: '${stagingUrl}'`,
      'Give the URL reviewers open, e.g. https://staging.example.com.',
    );
  }
  const assigneeText = input('assignee');
  let assignee: TransitionSettings['assignee'];
  if (assigneeText === 'unassigned') assignee = null;
  else if (assigneeText !== '') {
    if (!/^[^@\s]+@[^@\s]+$/.test(assigneeText))
      throw new InputError(
        'assignee',
        `must be an email or 'unassigned', not '${assigneeText}'`,
        'Give the email of the Jira user to assign.',
      );
    assignee = { email: assigneeText };
  }
  const sinceDeployment = input('since-deployment') || undefined;
  if (sinceDeployment !== undefined && keys !== undefined) {
    throw new InputError(
      'since-deployment',
      'is set together with keys',
      'Give keys explicitly, or let Flowkit find them since the last deployment, not both.',
    );
  }
  return {
    connection,
    approvals,
    goal,
    keys,
    projects,
    sinceDeployment,
    comment: input('comment') || undefined,
    stagingUrl,
    resolution: input('resolution') || undefined,
    fixVersions: list(input('fix-versions'), /[\n,]+/),
    addLabels: labels('add-labels', input('add-labels')),
    removeLabels: labels('remove-labels', input('remove-labels')),
    assignee,
    githubToken: input('github-token'),
    failOnError: parseBooleanInput('fail-on-error', input('fail-on-error'), false),
    retries: parseIntegerInput('retries', input('retries'), 4, { min: 0, max: 20 }),
    timeoutMs: parseIntegerInput('timeout', input('timeout'), 120, { min: 1, max: 3600 }) * 1000,
  };
}

function readApprovals(
  input: (name: TransitionInputName) => string,
  config: FlowkitConfig,
): ApprovalRules | undefined {
  if (!parseBooleanInput('check-approvals', input('check-approvals'), false)) return undefined;
  const rules = config.jira.approvals;
  if (rules === undefined)
    throw new InputError(
      'check-approvals',
      'is true but .github/flowkit.yml has no jira.approvals',
      'Add jira.approvals with the groups that must approve, e.g. groups: { qa: [qa@example.com], product: [pm@example.com] }.',
    );
  for (const name of ['status', 'transition', 'comment'] as const)
    if (input(name) !== '')
      throw new InputError(
        name,
        'is set together with check-approvals',
        'Check approvals in a step of its own, before the promotion.',
      );
  return {
    status: rules.status === undefined ? undefined : (config.jira.statuses?.[rules.status] ?? rules.status),
    groups: rules.groups,
    phrase: rules.phrase,
    changesPhrase: rules['changes-phrase'],
  };
}

function readGoal(
  status: string,
  transition: string,
  comment: string,
  config: FlowkitConfig,
): TransitionGoal {
  if (status !== '' && transition !== '') {
    throw new InputError(
      'transition',
      'is set together with status',
      'Give the target status (preferred: reruns know when there is nothing to do) or a transition name or id.',
    );
  }
  if (transition !== '') return { kind: 'transition', transition };
  // A comment alone (no status, no transition) comments without moving anything: e.g. "staging failed".
  if (status === '' && comment !== '') return { kind: 'comment' };
  if (status === '') {
    throw new InputError(
      'status',
      'is required (or transition, or a comment alone)',
      `Give a status name like 'In Review', or a stage: ${Object.keys({ ...DEFAULT_STAGES, ...config.jira.statuses }).join(', ')}.`,
    );
  }
  const stage = config.jira.statuses?.[status] ?? DEFAULT_STAGES[status];
  return { kind: 'status', status: stage ?? status };
}

/** Items separated by commas, spaces or new lines (version names, which may hold spaces: commas or new lines). */
function list(text: string, separator: RegExp = /[\s,]+/): string[] {
  return text
    .split(separator)
    .map((item) => item.trim())
    .filter((item) => item !== '');
}

function labels(name: string, text: string): string[] {
  const found = list(text);
  for (const label of found) {
    if (label.length > 255)
      throw new InputError(name, 'has a label longer than 255 characters', 'Shorten the label.');
  }
  return found;
}
