// Jira tickets for the ticket lead time: the keys each successful deployment released (from its commit messages),
// and each key's creation read from Jira with `key in (…)` searches of 100 keys.
import { findIssueKeys, type JiraApi } from '@flowkit/jira';
import type { DeploymentOutcome, TicketEvent } from './events.ts';

/** What a deployment released: its outcome, when it finished, and the messages of the commits it brought. */
export interface DeploymentMessages {
  outcome: DeploymentOutcome;
  finishedAt: number;
  messages: readonly string[];
}

/**
 * Each issue key's release: the finish of the first successful deployment whose commits name it. Keys only in
 * failed or rolled-back deployments are not released (the next successful deployment brings those commits again).
 * `projects` limits the keys to those projects ([] = any KEY-123 in capitals).
 */
export function ticketReleases(
  deployments: readonly DeploymentMessages[],
  projects: readonly string[],
): Map<string, number> {
  const released = new Map<string, number>();
  const successes = deployments
    .filter((deployment) => deployment.outcome === 'success')
    .sort((a, b) => a.finishedAt - b.finishedAt);
  for (const deployment of successes) {
    for (const key of findIssueKeys({ texts: [...deployment.messages], projects: [...projects] })) {
      if (!released.has(key)) released.set(key, deployment.finishedAt);
    }
  }
  return released;
}

/** Tickets from the releases and the creation times Jira gave; keys Jira does not know are left out. */
export function toTickets(
  releases: ReadonlyMap<string, number>,
  created: ReadonlyMap<string, number>,
): TicketEvent[] {
  return [...releases].flatMap(([key, releasedAt]) => {
    const createdAt = created.get(key);
    return createdAt === undefined ? [] : [{ key, createdAt, releasedAt }];
  });
}

/** What reading the tickets cost and left out. */
export interface JiraTicketCost {
  jiraRequests: number;
  /** Keys found in commits that Jira does not know (or the token cannot see). */
  unknownKeys: number;
  /** Keys not read because `maxTickets` was reached. */
  unreadKeys: number;
}

/** Reads the released keys' creation from Jira (100 keys a request, at most `maxTickets` keys). */
export async function readJiraTickets(
  jira: JiraApi,
  releases: ReadonlyMap<string, number>,
  maxTickets: number,
): Promise<{ tickets: TicketEvent[]; cost: JiraTicketCost }> {
  const keys = [...releases.keys()].slice(0, maxTickets);
  const before = jira.requestCount;
  const { issues, missing } = keys.length === 0 ? { issues: [], missing: [] } : await jira.getIssues(keys);
  const created = new Map<string, number>();
  for (const issue of issues)
    if (issue.created !== undefined) created.set(issue.key, issue.created.getTime());
  const read = new Map(keys.map((key) => [key, releases.get(key) ?? 0] as const));
  return {
    tickets: toTickets(read, created),
    cost: {
      jiraRequests: jira.requestCount - before,
      unknownKeys: missing.length,
      unreadKeys: releases.size - keys.length,
    },
  };
}
