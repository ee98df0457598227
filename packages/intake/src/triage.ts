// Ticket intake: route a new ticket to a team, tag it, assign the on-call engineer, and tell the team's channel.
import { type Clock, type FlowkitConfig, type Logger, systemClock } from '@flowkit/core';
import { addCommentOnce, type Comment, type JiraApi, type JiraIssue, type JiraUser } from '@flowkit/jira';
import {
  checkValues,
  findTemplate,
  type MessageRef,
  type NotifyResult,
  notify,
  type RunInfo,
} from '@flowkit/slack';
import { type OnCall, onCallAt, RotationError, routeTicket, toRotation } from '@flowkit/teams';
import { asRef, JiraPropertyStore, SLACK_PROPERTY } from './property-store.ts';

/** The issue property that records a finished triage, so a re-delivered webhook changes nothing. */
export const TRIAGE_PROPERTY = 'flowkit-triage';

/** What to triage and with what. */
export interface TriageRequest {
  key: string;
  config: FlowkitConfig;
  /** A team chosen by the caller instead of the routing rules. */
  team?: string;
  /** Triage again even if the issue was triaged before. */
  force?: boolean;
  /** The site URL, for links to the ticket. */
  jiraUrl: string;
  /** Slack bot token and API base; without them the team is not told. */
  slack?: { token: string; apiUrl: string; retries: number; timeoutMs: number };
  run: RunInfo;
  /** Whose shift counts; default the moment the ticket was created, so re-delivery picks the same person. */
  at?: Date;
}

/** What triage did, for outputs and the job summary. */
export interface TriageResult {
  key: string;
  summary: string;
  alreadyTriaged: boolean;
  team: string | undefined;
  labelsAdded: string[];
  assignee: { member: string; user: JiraUser } | undefined;
  onCall: OnCall | undefined;
  slack: NotifyResult | undefined;
  /** Where the team's message about the ticket is: posted now, or found in the ticket's record. */
  slackMessage: MessageRef | undefined;
  /** Why each decision was taken, one line each. */
  explanation: string[];
  /** Problems that did not stop triage (Slack down, nobody on call), already worded for people. */
  warnings: string[];
}

interface TriageRecord {
  at: string;
  team?: string;
  labels: string[];
  assignee?: string;
}

/** Triages one ticket. Each step is skipped when already done, so a rerun completes what a failure left. */
export async function triageTicket(
  jira: JiraApi,
  request: TriageRequest,
  log: Logger,
  clock: Clock = systemClock,
): Promise<TriageResult> {
  const { config, key } = request;
  const issue = await jira.getIssue(key, [TRIAGE_PROPERTY, SLACK_PROPERTY]);
  const record = issue.properties[TRIAGE_PROPERTY] as TriageRecord | undefined;
  const result: TriageResult = {
    key,
    summary: issue.summary,
    alreadyTriaged: record !== undefined && !request.force,
    team: record?.team,
    labelsAdded: [],
    assignee: undefined,
    onCall: undefined,
    slack: undefined,
    slackMessage: undefined,
    explanation: [],
    warnings: [],
  };

  if (result.alreadyTriaged && record !== undefined) {
    result.explanation.push(
      `Already triaged at ${record.at}${record.team ? ` for team ${record.team}` : ''}; nothing to change (re-run with force to triage again).`,
    );
  } else {
    const routing = routeTicket(
      {
        project: issue.projectKey,
        issueType: issue.issueType,
        components: issue.components,
        labels: issue.labels,
        priority: issue.priority,
        summary: issue.summary,
      },
      config.routing,
    );
    result.team = request.team ?? routing.team;
    result.explanation.push(
      request.team ? `Team ${request.team}, chosen by the caller.` : routing.explanation,
    );
    if (routing.labelsToAdd.length > 0) {
      await jira.editIssue(key, { update: { labels: routing.labelsToAdd.map((label) => ({ add: label })) } });
      result.labelsAdded = routing.labelsToAdd;
    }
    await assignOnCall(jira, issue, request, result, clock);
    const comment = triageComment(result);
    if (comment !== undefined) await addCommentOnce(jira, key, comment);
    const triage: TriageRecord = { at: new Date(clock.now()).toISOString(), labels: result.labelsAdded };
    if (result.team !== undefined) triage.team = result.team;
    if (result.assignee !== undefined) triage.assignee = result.assignee.user.id;
    await jira.setProperty(key, TRIAGE_PROPERTY, triage);
  }

  const posted = asRef(issue.properties[SLACK_PROPERTY]);
  if (posted !== undefined) {
    result.explanation.push(`The team was told before (Slack message ${posted.ts} in ${posted.channel}).`);
    result.slackMessage = posted;
  } else {
    result.slack = await tellTeam(jira, issue, request, result, log, clock);
    if (result.slack?.ok && result.slack.channelId && result.slack.ts) {
      result.slackMessage = { channel: result.slack.channelId, ts: result.slack.ts };
    }
  }
  return result;
}

async function assignOnCall(
  jira: JiraApi,
  issue: JiraIssue,
  request: TriageRequest,
  result: TriageResult,
  clock: Clock,
): Promise<void> {
  const team = result.team === undefined ? undefined : request.config.teams[result.team];
  if (result.team === undefined) {
    result.warnings.push(
      'No routing rule picked a team, so nobody was assigned: add a rule with a team (a last rule with an empty match catches everything).',
    );
    return;
  }
  const rotation = team?.rotation;
  if (rotation === undefined) {
    result.explanation.push(`Team ${result.team} has no rotation, so nobody was assigned.`);
    return;
  }
  if (issue.assignee !== undefined) {
    result.explanation.push('The ticket already has an assignee; left as it is.');
    return;
  }
  const at = request.at ?? issue.created ?? new Date(clock.now());
  let onCall: OnCall;
  try {
    onCall = onCallAt(toRotation(rotation), at);
  } catch (error) {
    if (!(error instanceof RotationError)) throw error;
    result.warnings.push(`Nobody was assigned: in team ${result.team}'s rotation, ${error.message}.`);
    return;
  }
  result.onCall = onCall;
  result.explanation.push(onCall.explanation);
  const email = emailOf(onCall.member, request.config);
  const user = email === undefined ? undefined : await jira.findUserByEmail(email);
  if (user === undefined) {
    result.warnings.push(
      email === undefined
        ? `${onCall.member} is on call but has no email: add people.${onCall.member}.email to .github/flowkit.yml.`
        : `${onCall.member} is on call but no active Jira user has the email ${email}.`,
    );
    return;
  }
  await jira.assign(issue.key, user);
  result.assignee = { member: onCall.member, user };
}

async function tellTeam(
  jira: JiraApi,
  issue: JiraIssue,
  request: TriageRequest,
  result: TriageResult,
  log: Logger,
  clock: Clock,
): Promise<NotifyResult | undefined> {
  const channel =
    (result.team === undefined ? undefined : request.config.teams[result.team]?.['slack-channel']) ??
    request.config.slack.channel;
  if (request.slack === undefined || channel === undefined) {
    result.explanation.push(
      request.slack === undefined
        ? 'No Slack token given; the team was not told.'
        : 'No Slack channel for the team (teams.<team>.slack-channel); the team was not told.',
    );
    return undefined;
  }
  const template = findTemplate('ticket-created');
  if (template === undefined) throw new Error('the ticket-created template is missing');
  const assigneeEmail =
    result.assignee === undefined ? undefined : emailOf(result.assignee.member, request.config);
  const labels = [...new Set([...issue.labels, ...result.labelsAdded])];
  const values = checkValues(template, {
    key: issue.key,
    title: issue.summary,
    url: `${request.jiraUrl.replace(/\/$/, '')}/browse/${issue.key}`,
    assignee: assigneeEmail ?? result.assignee?.user.displayName,
    priority: issue.priority || undefined,
    labels: labels.length > 0 ? labels : undefined,
    team: result.team,
  });
  const outcome = await notify(
    {
      transport: { kind: 'api', token: request.slack.token, apiUrl: request.slack.apiUrl },
      channel,
      message: { kind: 'template', template, values },
      updateKey: issue.key,
      threadKey: undefined,
      threadTs: undefined,
      retries: request.slack.retries,
      timeoutMs: request.slack.timeoutMs,
      failOnError: false,
      config: request.config,
    },
    {
      log,
      run: request.run,
      clock,
      store: () => new JiraPropertyStore(jira, { [issue.key]: asRef(issue.properties[SLACK_PROPERTY]) }),
    },
  );
  if (!outcome.ok) result.warnings.push(`The team was not told on Slack: ${outcome.error}`);
  else result.explanation.push(`Told ${channel} (Slack message ${outcome.ts}).`);
  return outcome;
}

function triageComment(result: TriageResult): Comment | undefined {
  const lines = [...result.explanation];
  if (result.labelsAdded.length > 0) lines.push(`Labels added: ${result.labelsAdded.join(', ')}.`);
  if (result.assignee !== undefined) lines.push(`Assigned to ${result.assignee.user.displayName}.`);
  if (lines.length === 0) return undefined;
  return [[{ text: 'Triaged by Flowkit.' }], ...lines.map((line) => [{ text: line }])];
}

/** The email of a rotation member: the member itself when it is an email, else the config's people entry. */
export function emailOf(member: string, config: FlowkitConfig): string | undefined {
  if (member.includes('@')) return member;
  const person = Object.entries(config.people).find(
    ([login]) => login.toLowerCase() === member.toLowerCase(),
  )?.[1];
  return person?.email;
}
