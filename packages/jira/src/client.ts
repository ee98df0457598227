// The Jira operations Flowkit uses, over jira.js's Cloud API surface and Flowkit's transport.
import { createCloudClient } from 'jira.js/cloud';
import type { AuthoredComment } from './approvals.ts';
import { bodyText, type Comment, toAdf, toWiki } from './comment.ts';
import { searchJql } from './search.ts';
import { type JiraDeployment, JiraError, type JiraTransport } from './transport.ts';

/** What Flowkit reads of an issue. */
export interface JiraIssue {
  key: string;
  summary: string;
  status: string;
  statusCategory: string;
  projectId: string;
  projectKey: string;
  issueTypeId: string;
  issueType: string;
  labels: string[];
  components: string[];
  priority: string;
  /** Account ID (Cloud) or user name (Server) of the assignee. */
  assignee: string | undefined;
  /** The assignee's display name. */
  assigneeName: string | undefined;
  /** When the issue was created, when Jira says. */
  created: Date | undefined;
  properties: Record<string, unknown>;
}

/** A transition available from the issue's status now, with the fields on its screen. */
export interface JiraTransition {
  id: string;
  name: string;
  to: string;
  screenFields: string[];
}

/** A user: account ID on Cloud, user name on Server. */
export interface JiraUser {
  id: string;
  displayName: string;
}

/** The workflow graph: status names and the transitions between them ([] from = global). */
export interface WorkflowGraph {
  statuses: string[];
  transitions: { name: string; from: string[]; to: string }[];
}

const ISSUE_FIELDS = [
  'summary',
  'status',
  'project',
  'issuetype',
  'labels',
  'components',
  'priority',
  'assignee',
  'created',
];

/** Jira, as Flowkit uses it. */
export class JiraApi {
  readonly deployment: JiraDeployment;
  readonly #transport: JiraTransport;
  readonly #jira: ReturnType<typeof createCloudClient>;

  constructor(transport: JiraTransport, deployment: JiraDeployment) {
    this.#transport = transport;
    this.deployment = deployment;
    this.#jira = createCloudClient(transport);
  }

  /** Requests sent so far. */
  get requestCount(): number {
    return this.#transport.requestCount;
  }

  async getIssue(key: string, properties: string[] = []): Promise<JiraIssue> {
    const issue = (await this.#jira.issues.getIssue({
      issueIdOrKey: key,
      fields: ISSUE_FIELDS,
      properties: properties.length > 0 ? properties : undefined,
    })) as unknown as RawIssue;
    return this.#toIssue(issue, key);
  }

  /**
   * The issues with these keys, in one search per hundred keys (`key in (…)`). Jira refuses the whole query when
   * one key does not exist; those keys are taken out, returned in `missing`, and the search is repeated.
   */
  async getIssues(keys: readonly string[]): Promise<{ issues: JiraIssue[]; missing: string[] }> {
    const issues: JiraIssue[] = [];
    const missing: string[] = [];
    for (let start = 0; start < keys.length; start += 100) {
      let batch = keys.slice(start, start + 100);
      for (let attempt = 0; batch.length > 0; attempt++) {
        const jql = `key in (${batch.map(jqlString).join(', ')})`;
        try {
          const found = await this.#search(jql, batch.length);
          issues.push(...found.map((raw) => this.#toIssue(raw, raw.key ?? '')));
          break;
        } catch (error) {
          const absent =
            error instanceof JiraError && error.status === 400 ? unknownKeys(error.messages) : [];
          if (absent.length === 0 || attempt >= 3) throw error;
          missing.push(...absent);
          batch = batch.filter((key) => !absent.includes(key));
        }
      }
    }
    return { issues, missing };
  }

  #search(jql: string, maxResults: number): Promise<RawIssue[]> {
    return searchJql<RawIssue>(this.#transport, this.deployment, {
      jql,
      fields: ISSUE_FIELDS,
      maxIssues: maxResults,
    });
  }

  #toIssue(issue: RawIssue, key: string): JiraIssue {
    const fields = issue.fields ?? {};
    return {
      key: issue.key ?? key,
      summary: String(fields.summary ?? ''),
      status: fields.status?.name ?? '',
      statusCategory: fields.status?.statusCategory?.key ?? '',
      projectId: String(fields.project?.id ?? ''),
      projectKey: fields.project?.key ?? key.split('-')[0] ?? '',
      issueTypeId: String(fields.issuetype?.id ?? ''),
      issueType: fields.issuetype?.name ?? '',
      labels: fields.labels ?? [],
      components: (fields.components ?? []).map((component) => component.name ?? ''),
      priority: fields.priority?.name ?? '',
      assignee: fields.assignee
        ? this.deployment === 'cloud'
          ? fields.assignee.accountId
          : fields.assignee.name
        : undefined,
      assigneeName: fields.assignee?.displayName ?? undefined,
      created:
        typeof fields.created === 'string' && !Number.isNaN(Date.parse(fields.created))
          ? new Date(fields.created)
          : undefined,
      properties: issue.properties ?? {},
    };
  }

  async getTransitions(key: string): Promise<JiraTransition[]> {
    const answer = (await this.#jira.issues.getTransitions({
      issueIdOrKey: key,
      expand: 'transitions.fields',
    })) as {
      transitions?: {
        id?: string;
        name?: string;
        to?: { name?: string };
        fields?: Record<string, unknown>;
      }[];
    };
    return (answer.transitions ?? []).map((transition) => ({
      id: String(transition.id ?? ''),
      name: transition.name ?? '',
      to: transition.to?.name ?? '',
      screenFields: Object.keys(transition.fields ?? {}),
    }));
  }

  async doTransition(key: string, id: string, change: IssueChange = {}): Promise<void> {
    await this.#jira.issues.doTransition({ issueIdOrKey: key, transition: { id }, ...change } as never);
  }

  async editIssue(key: string, change: IssueChange): Promise<void> {
    await this.#jira.issues.editIssue({ issueIdOrKey: key, ...change } as never);
  }

  /** The words of the newest comments (up to 50), for idempotency checks. */
  async recentCommentBodies(key: string): Promise<unknown[]> {
    const answer = (await this.#jira.issueComments.getComments({
      issueIdOrKey: key,
      orderBy: '-created',
      maxResults: 50,
    })) as {
      comments?: { body?: unknown }[];
    };
    return (answer.comments ?? []).map((comment) => comment.body);
  }

  /** Every comment (up to 500), oldest first, with its author's id and name and its words. */
  async authoredComments(key: string): Promise<AuthoredComment[]> {
    const comments: AuthoredComment[] = [];
    for (let startAt = 0; startAt < 500; startAt += 100) {
      const answer = (await this.#jira.issueComments.getComments({
        issueIdOrKey: key,
        orderBy: 'created',
        startAt,
        maxResults: 100,
      })) as {
        comments?: {
          body?: unknown;
          created?: string;
          author?: { accountId?: string; name?: string; displayName?: string };
        }[];
        total?: number;
      };
      const page = answer.comments ?? [];
      for (const comment of page) {
        const author = comment.author?.accountId ?? comment.author?.name ?? '';
        comments.push({
          author,
          authorName: comment.author?.displayName ?? author,
          text: bodyText(comment.body),
          ...(comment.created === undefined ? {} : { created: comment.created }),
        });
      }
      if (page.length < 100 || startAt + page.length >= (answer.total ?? 0)) break;
    }
    return comments;
  }

  async addComment(key: string, comment: Comment): Promise<void> {
    const body = this.deployment === 'cloud' ? toAdf(comment) : toWiki(comment);
    await this.#transport.sendRequest({
      url: `/rest/api/3/issue/${key}/comment`,
      method: 'POST',
      body: { body },
    });
  }

  async assign(key: string, user: JiraUser | null): Promise<void> {
    const body = this.deployment === 'cloud' ? { accountId: user?.id ?? null } : { name: user?.id ?? null };
    await this.#transport.sendRequest({ url: `/rest/api/3/issue/${key}/assignee`, method: 'PUT', body });
  }

  /** The active user with exactly this email, or undefined. */
  async findUserByEmail(email: string): Promise<JiraUser | undefined> {
    const users = (await this.#transport.sendRequest({
      url: '/rest/api/3/user/search',
      method: 'GET',
      searchParams: this.deployment === 'cloud' ? { query: email } : { username: email },
    })) as {
      accountId?: string;
      name?: string;
      displayName?: string;
      emailAddress?: string;
      active?: boolean;
    }[];
    const match = (users ?? []).find(
      (user) => user.active !== false && (user.emailAddress ?? '').toLowerCase() === email.toLowerCase(),
    );
    const id = match === undefined ? undefined : this.deployment === 'cloud' ? match.accountId : match.name;
    return id === undefined ? undefined : { id, displayName: match?.displayName ?? email };
  }

  /** A user's display name, and email when Jira shows it (profile visibility may hide it). */
  async getUser(id: string): Promise<JiraUser & { email?: string }> {
    const user = (await this.#transport.sendRequest({
      url: '/rest/api/3/user',
      method: 'GET',
      searchParams: this.deployment === 'cloud' ? { accountId: id } : { username: id },
    })) as { displayName?: string; emailAddress?: string };
    return { id, displayName: user.displayName ?? id, email: user.emailAddress || undefined };
  }

  /**
   * Creates a web link on the issue to something outside Jira, or replaces the issue's link with the same
   * `globalId`, so calling it again never adds a second link.
   */
  async upsertRemoteLink(
    key: string,
    link: { globalId: string; url: string; title: string; summary?: string; iconUrl?: string },
  ): Promise<void> {
    const object: Record<string, unknown> = { url: link.url, title: link.title };
    if (link.summary !== undefined) object.summary = link.summary;
    if (link.iconUrl !== undefined) object.icon = { url16x16: link.iconUrl, title: link.title };
    await this.#transport.sendRequest({
      url: `/rest/api/3/issue/${key}/remotelink`,
      method: 'POST',
      body: { globalId: link.globalId, object },
    });
  }

  /** The issue's links to things outside Jira. */
  async remoteLinks(key: string): Promise<{ globalId: string; url: string; title: string }[]> {
    const links = (await this.#transport.sendRequest({
      url: `/rest/api/3/issue/${key}/remotelink`,
      method: 'GET',
    })) as { globalId?: string; object?: { url?: string; title?: string } }[];
    return (links ?? []).map((link) => ({
      globalId: link.globalId ?? '',
      url: link.object?.url ?? '',
      title: link.object?.title ?? '',
    }));
  }

  /** Files an issue; resolves with its key. Jira's field errors come back as a JiraError with `fieldErrors`. */
  async createIssue(fields: {
    project: string;
    issueType: string;
    summary: string;
    priority?: string;
    labels?: string[];
  }): Promise<string> {
    const answer = (await this.#transport.sendRequest({
      url: '/rest/api/3/issue',
      method: 'POST',
      body: {
        fields: {
          project: { key: fields.project },
          issuetype: { name: fields.issueType },
          summary: fields.summary,
          ...(fields.priority === undefined ? {} : { priority: { name: fields.priority } }),
          ...(fields.labels === undefined ? {} : { labels: fields.labels }),
        },
      },
    })) as { key?: string };
    if (typeof answer?.key !== 'string') throw new Error('Jira created the issue but did not answer its key');
    return answer.key;
  }

  async setProperty(key: string, property: string, value: unknown): Promise<void> {
    await this.#jira.issueProperties.setIssueProperty({
      issueIdOrKey: key,
      propertyKey: property,
      body: value,
    } as never);
  }

  /**
   * The workflow an issue type follows in a project, or undefined when the credentials may not read workflows
   * (Administer Jira, or Administer projects + View workflow, are needed).
   */
  async readWorkflow(projectId: string, issueTypeId: string): Promise<WorkflowGraph | undefined> {
    let answer: RawWorkflows;
    try {
      answer = (await this.#jira.workflows.readWorkflows({
        projectAndIssueTypes: [{ projectId, issueTypeId }],
      })) as RawWorkflows;
    } catch (error) {
      if (
        error instanceof JiraError &&
        (error.status === 403 || error.status === 401 || error.status === 404)
      )
        return undefined;
      throw error;
    }
    const names = new Map(
      (answer.statuses ?? []).map((status) => [status.statusReference ?? status.id ?? '', status.name ?? '']),
    );
    const workflow = answer.workflows?.[0];
    if (workflow === undefined) return undefined;
    const name = (reference: string | undefined) => names.get(reference ?? '') ?? reference ?? '';
    return {
      statuses: (workflow.statuses ?? []).map((status) => name(status.statusReference)),
      transitions: (workflow.transitions ?? [])
        .filter((transition) => transition.type !== 'INITIAL')
        .map((transition) => ({
          name: transition.name ?? '',
          from:
            transition.type === 'GLOBAL'
              ? []
              : (transition.links ?? []).map((link) => name(link.fromStatusReference)),
          to: name(transition.toStatusReference),
        })),
    };
  }
}

/** A JQL string literal: quoted, with backslashes and quotes escaped, so no value can change the query. */
export function jqlString(value: string): string {
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

/** The keys Jira names in "An issue with key 'X' does not exist for field 'key'." messages. */
function unknownKeys(messages: string[]): string[] {
  return messages.flatMap((message) =>
    [...message.matchAll(/key '([A-Z][A-Z0-9_]*-\d+)' does not exist/g)].map((match) => match[1] ?? ''),
  );
}

/** Field changes that travel with a transition or an edit. */
export interface IssueChange {
  fields?: Record<string, unknown>;
  update?: Record<string, unknown[]>;
}

interface RawIssue {
  key?: string;
  properties?: Record<string, unknown>;
  fields?: {
    summary?: unknown;
    status?: { name?: string; statusCategory?: { key?: string } };
    project?: { id?: string | number; key?: string };
    issuetype?: { id?: string | number; name?: string };
    labels?: string[];
    components?: { name?: string }[];
    priority?: { name?: string };
    assignee?: { accountId?: string; name?: string; displayName?: string } | null;
    created?: string;
  };
}

interface RawWorkflows {
  statuses?: { id?: string; name?: string; statusReference?: string }[];
  workflows?: {
    statuses?: { statusReference?: string }[];
    transitions?: {
      name?: string;
      type?: string;
      toStatusReference?: string;
      links?: { fromStatusReference?: string }[];
    }[];
  }[];
}
