// Moves issues to a target status (or through a named transition), idempotently, explaining each move.
import { errorMessage, type Logger, mapWithConcurrency, RetryExhaustedError } from '@flowkit/core';
import type { IssueChange, JiraApi, JiraIssue, JiraTransition, JiraUser, WorkflowGraph } from './client.ts';
import { bodyText, type Comment, plainText } from './comment.ts';
import { configuredRoute, type RouteSource, sameStatus, shortestRoute } from './paths.ts';
import { JiraError } from './transport.ts';

/**
 * Where to move the issues: to a status (found through transitions), through a named transition, or nowhere
 * (only the comment is added).
 */
export type TransitionGoal =
  | { kind: 'status'; status: string }
  | { kind: 'transition'; transition: string }
  | { kind: 'comment' };

/** What to do to every key. */
export interface TransitionRequest {
  keys: string[];
  goal: TransitionGoal;
  /** `jira.paths` from the config: status → statuses to pass through. */
  paths?: Record<string, string[]>;
  comment?: Comment;
  resolution?: string;
  fixVersions?: string[];
  addLabels?: string[];
  removeLabels?: string[];
  /** Assign to this user (looked up by email), or null to unassign. */
  assignee?: { email: string } | null;
}

/** What happened to one key. */
export interface TransitionResult {
  key: string;
  outcome: 'transitioned' | 'unchanged' | 'failed';
  from?: string;
  to?: string;
  route?: RouteSource;
  /** One line for people: what happened and why. */
  message: string;
}

/** Tries every key (four at a time) and reports each; a failure of one never stops the others. */
export async function transitionIssues(
  api: JiraApi,
  request: TransitionRequest,
  log: Logger,
): Promise<TransitionResult[]> {
  const workflows = new Map<string, Promise<WorkflowGraph | undefined>>();
  let assignee: Promise<JiraUser | null> | undefined;
  const context: MoveContext = {
    api,
    request,
    workflow: (issue) => {
      const id = `${issue.projectId}/${issue.issueTypeId}`;
      let graph = workflows.get(id);
      if (graph === undefined) {
        graph = api.readWorkflow(issue.projectId, issue.issueTypeId);
        workflows.set(id, graph);
      }
      return graph;
    },
    assignee: () => {
      assignee ??= request.assignee ? lookUp(api, request.assignee.email) : Promise.resolve(null);
      return assignee;
    },
  };
  // One search reads every issue (1 request instead of one per key); moves then go four at a time.
  let read: Awaited<ReturnType<JiraApi['getIssues']>>;
  try {
    read = await api.getIssues(request.keys);
  } catch (error) {
    return request.keys.map((key) => failure(key, error));
  }
  const byKey = new Map(read.issues.map((issue) => [issue.key, issue]));
  return mapWithConcurrency(request.keys, 4, async (key) => {
    const issue = byKey.get(key);
    const result =
      issue === undefined
        ? failure(key, new JiraError(`search for ${key}`, 404, [], {}))
        : await moveOne(context, issue).catch((error: unknown) => failure(key, error));
    // Failures are the caller's to annotate (as warnings or errors); successes are logged here.
    if (result.outcome !== 'failed') log.info(`${key}: ${result.message}`);
    return result;
  });
}

interface MoveContext {
  api: JiraApi;
  request: TransitionRequest;
  workflow(issue: JiraIssue): Promise<WorkflowGraph | undefined>;
  assignee(): Promise<JiraUser | null>;
}

async function moveOne(context: MoveContext, issue: JiraIssue): Promise<TransitionResult> {
  const { api, request } = context;
  const key = issue.key;
  const from = issue.status;
  const goal = request.goal;
  if (goal.kind === 'comment') {
    const commented = request.comment === undefined ? '' : await addCommentOnce(api, key, request.comment);
    // Nothing moves: every key is 'unchanged', and the message says whether the comment was added.
    return { key, outcome: 'unchanged', from, to: from, message: `left in ${from}${commented}` };
  }
  if (goal.kind === 'status' && sameStatus(from, goal.status)) {
    return { key, outcome: 'unchanged', from, to: from, message: `already in ${from}; left alone` };
  }
  let transitions = await api.getTransitions(key);
  const available = describeAvailable(transitions);

  let route: string[];
  let source: RouteSource;
  let named: JiraTransition | undefined;
  if (goal.kind === 'transition') {
    named = transitions.find((t) => t.id === goal.transition || sameStatus(t.name, goal.transition));
    if (named === undefined) {
      return {
        key,
        outcome: 'failed',
        from,
        message: `transition '${goal.transition}' is not available from ${from}; ${available}`,
      };
    }
    route = [named.to];
    source = 'direct';
  } else if (transitions.some((t) => sameStatus(t.to, goal.status))) {
    route = [goal.status];
    source = 'direct';
  } else {
    const configured = configuredRoute(from, goal.status, request.paths);
    const graph = configured === undefined ? await context.workflow(issue) : undefined;
    const found = configured ?? (graph === undefined ? undefined : shortestRoute(graph, from, goal.status));
    if (found === undefined || found.length === 0) {
      const why =
        graph === undefined && configured === undefined
          ? `add jira.paths."${goal.status}" to .github/flowkit.yml, or let Flowkit's account read workflows (Administer Jira, or Administer projects + View workflow)`
          : `the workflow has no route from ${from} to ${goal.status}`;
      return {
        key,
        outcome: 'failed',
        from,
        message: `no transition leads from ${from} to ${goal.status} (${available}); ${why}`,
      };
    }
    route = found;
    source = configured === undefined ? 'workflow' : 'configured';
  }

  let at = from;
  for (const [index, hop] of route.entries()) {
    if (index > 0) transitions = await api.getTransitions(key);
    const transition = named ?? transitions.find((t) => sameStatus(t.to, hop));
    if (transition === undefined) {
      const path = [from, ...route].join(' → ');
      return {
        key,
        outcome: 'failed',
        from,
        to: at,
        route: source,
        message: `the ${source} route ${path} breaks at ${hop}: from ${at} ${describeAvailable(transitions)}${at === from ? '' : `; the issue stays in ${at}`}`,
      };
    }
    const last = index === route.length - 1;
    const { withTransition, afterwards } = last
      ? splitChange(request, transition)
      : { withTransition: {}, afterwards: undefined };
    try {
      await api.doTransition(key, transition.id, withTransition);
    } catch (error) {
      if (!(error instanceof JiraError) || error.status !== 400) throw error;
      return {
        key,
        outcome: 'failed',
        from,
        to: at,
        route: source,
        message: `Jira refused transition '${transition.name}' (${transition.id}) from ${at} to ${transition.to}: ${[...error.messages, ...Object.entries(error.fieldErrors).map(([field, text]) => `${field}: ${text}`)].join('; ')}`,
      };
    }
    at = transition.to;
    if (afterwards !== undefined) await api.editIssue(key, afterwards);
  }

  if (request.assignee !== undefined) await api.assign(key, await context.assignee());
  const commented = request.comment === undefined ? '' : await addCommentOnce(api, key, request.comment);
  const via = route.length > 1 ? ` via ${route.slice(0, -1).join(', ')}` : '';
  const how =
    source === 'direct'
      ? 'a direct transition'
      : source === 'configured'
        ? 'the path configured in jira.paths'
        : "the workflow's shortest path";
  return {
    key,
    outcome: 'transitioned',
    from,
    to: at,
    route: source,
    message: `${from} → ${at}${via} (${how})${commented}`,
  };
}

/** Fields go with the transition when they are on its screen; labels and fix versions otherwise by an edit after it. */
function splitChange(
  request: TransitionRequest,
  transition: JiraTransition,
): { withTransition: IssueChange; afterwards: IssueChange | undefined } {
  const onScreen = new Set(transition.screenFields);
  const withTransition: IssueChange = {};
  const afterwards: IssueChange = {};
  // Resolution has no other door: send it, so Jira's own refusal is what the user reads if it is not on the screen.
  if (request.resolution !== undefined) withTransition.fields = { resolution: { name: request.resolution } };
  const labels = [
    ...(request.addLabels ?? []).map((label) => ({ add: label })),
    ...(request.removeLabels ?? []).map((label) => ({ remove: label })),
  ];
  const versions = (request.fixVersions ?? []).map((name) => ({ add: { name } }));
  for (const [field, operations] of [
    ['labels', labels],
    ['fixVersions', versions],
  ] as const) {
    if (operations.length === 0) continue;
    const target = onScreen.has(field) ? withTransition : afterwards;
    target.update = { ...target.update, [field]: operations };
  }
  return { withTransition, afterwards: afterwards.update === undefined ? undefined : afterwards };
}

/** Adds the comment unless one with the same words is among the newest; says which happened. */
export async function addCommentOnce(api: JiraApi, key: string, comment: Comment): Promise<string> {
  const text = plainText(comment);
  const existing = await api.recentCommentBodies(key);
  if (existing.some((body) => bodyText(body) === text)) return '; the same comment is already there';
  await api.addComment(key, comment);
  return '; commented';
}

async function lookUp(api: JiraApi, email: string): Promise<JiraUser> {
  const user = await api.findUserByEmail(email);
  if (user === undefined)
    throw new JiraError(`user search for ${email}`, 404, [`no active Jira user has the email ${email}`], {});
  return user;
}

function describeAvailable(transitions: JiraTransition[]): string {
  if (transitions.length === 0) return 'no transitions are available';
  return `the transitions lead to: ${transitions.map((t) => `${t.to} ('${t.name}', id ${t.id})`).join(', ')}`;
}

function failure(key: string, error: unknown): TransitionResult {
  if (error instanceof JiraError && error.status === 404) {
    return {
      key,
      outcome: 'failed',
      message: `${key} does not exist, or Flowkit's account may not browse it`,
    };
  }
  if (error instanceof JiraError && error.status === 401) {
    return {
      key,
      outcome: 'failed',
      message:
        'Jira did not accept the credentials: check the email and API token (or the personal access token)',
    };
  }
  if (error instanceof JiraError && error.status === 403) {
    return {
      key,
      outcome: 'failed',
      message: `Flowkit's account lacks a permission: ${error.message}. It needs Browse projects, Transition issues, Add comments and Assign issues`,
    };
  }
  if (error instanceof JiraError || error instanceof RetryExhaustedError)
    return { key, outcome: 'failed', message: error.message };
  return { key, outcome: 'failed', message: `unexpected: ${errorMessage(error)}` };
}
