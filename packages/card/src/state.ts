// Everything the card shows, read afresh from Jira and GitHub at every write (Slack's chat.update has no version
// check, so a card built from anything older could undo another job's update).
import { readRolloutRecord } from '@flowkit/canary/rollout/record';
import type { FlowkitConfig } from '@flowkit/core';
import type { GitHubClient, Repo } from '@flowkit/github';
import { checkApprovals, type IssueApproval, type JiraApi, type JiraIssue } from '@flowkit/jira';
import type { CardFacts } from './record.ts';

/** A GitHub deployment as the card shows it. */
export interface DeploymentView {
  id: number;
  /** The newest status's state (success, failure, in_progress, inactive…), or 'pending' with none yet. */
  state: string;
  /** The environment's URL from the newest status that gives one. */
  url?: string;
  /** The run or log behind the newest status. */
  logUrl?: string;
  /** The newest status's description. */
  description?: string;
}

/** What the canary's deployment statuses say. */
export interface RolloutView extends DeploymentView {
  /** Weight in force and the step, while rolling out. */
  weight?: number;
  step?: { index: number; of: number };
  outcome?: 'promoted' | 'rolled-back';
  rolledBack?: { from: number; reason: string };
}

/** The card's whole state: a pure function of it renders the message. */
export interface CardState {
  key: string;
  /** Link to the ticket in Jira. */
  ticketUrl: string;
  summary: string;
  status: string;
  statusCategory: string;
  assignee?: { id: string; name: string; email?: string };
  labels: string[];
  /** The team triage chose (issue property flowkit-triage). */
  team?: string;
  /** Set when jira.approvals is configured and a staging deployment is ready. */
  approval?: Pick<IssueApproval, 'approved' | 'by' | 'missing'>;
  facts: CardFacts;
  staging?: DeploymentView;
  production?: RolloutView;
}

/** Where the state is read from. */
export interface StateSources {
  jira: JiraApi;
  github?: { client: GitHubClient; repo: Repo };
  config: FlowkitConfig;
  jiraUrl: string;
}

/** Builds the state from an issue just read (with its properties) and the facts it holds. */
export async function gatherCardState(
  sources: StateSources,
  issue: JiraIssue,
  facts: CardFacts,
  team: string | undefined,
): Promise<CardState> {
  const state: CardState = {
    key: issue.key,
    ticketUrl: `${sources.jiraUrl.replace(/\/$/, '')}/browse/${issue.key}`,
    summary: issue.summary,
    status: issue.status,
    statusCategory: issue.statusCategory,
    labels: issue.labels,
    team,
    facts,
  };
  if (issue.assignee !== undefined) {
    const user = await sources.jira.getUser(issue.assignee);
    state.assignee = { id: user.id, name: user.displayName, email: user.email };
  }
  const github = sources.github;
  if (github !== undefined && facts.staging !== undefined)
    state.staging = await readDeployment(github.client, github.repo, facts.staging.deploymentId);
  if (github !== undefined && facts.production !== undefined)
    state.production = await readRollout(github.client, github.repo, facts.production.deploymentId);
  const rules = sources.config.jira.approvals;
  if (rules !== undefined && state.staging?.state === 'success' && state.production === undefined) {
    const [result] = await checkApprovals(sources.jira, [issue.key], {
      status: rules.status,
      groups: rules.groups,
      phrase: rules.phrase,
      changesPhrase: rules['changes-phrase'],
    });
    if (result !== undefined && result.error === undefined)
      state.approval = { approved: result.approved, by: result.by, missing: result.missing };
  }
  return state;
}

interface StatusRecord {
  id?: number;
  state?: string;
  description?: string | null;
  environment_url?: string;
  log_url?: string;
  target_url?: string;
  created_at?: string;
}

async function statusesOf(client: GitHubClient, repo: Repo, id: number): Promise<StatusRecord[]> {
  return (await client.listDeploymentStatuses(repo, id, 100)) as StatusRecord[];
}

function view(id: number, newestFirst: StatusRecord[]): DeploymentView {
  const newest = newestFirst[0];
  const withUrl = newestFirst.find((status) => (status.environment_url ?? '') !== '');
  const result: DeploymentView = { id, state: newest?.state ?? 'pending' };
  if (withUrl?.environment_url) result.url = withUrl.environment_url;
  const logUrl = newest?.log_url || newest?.target_url;
  if (logUrl) result.logUrl = logUrl;
  if (newest?.description) result.description = newest.description;
  return result;
}

async function readDeployment(client: GitHubClient, repo: Repo, id: number): Promise<DeploymentView> {
  return view(id, await statusesOf(client, repo, id));
}

async function readRollout(client: GitHubClient, repo: Repo, id: number): Promise<RolloutView> {
  const statuses = await statusesOf(client, repo, id);
  const result: RolloutView = view(id, statuses);
  const record = readRolloutRecord(statuses);
  if (record === undefined) return result;
  const step = record.steps.at(-1);
  if (step !== undefined) {
    result.weight = step.weight;
    result.step = { index: step.index, of: record.plan.steps.length };
  }
  if (record.outcome !== undefined) result.outcome = record.outcome;
  if (record.rolledBack !== undefined) result.rolledBack = record.rolledBack;
  return result;
}
