// Reading the team's tickets: one request per 100, on Jira Cloud (nextPageToken) and Server/Data Center (startAt).
import { silentLogger } from '@flowkit/core';
import { GitHubClient, GitHubError } from '@flowkit/github';
import { JiraTransport } from '@flowkit/jira';
import {
  DEFAULT_JIRA_ACCOUNT_ID,
  DEFAULT_JIRA_API_TOKEN,
  DEFAULT_JIRA_EMAIL,
  DEFAULT_JIRA_PAT,
  DEFAULT_JIRA_WORKFLOW,
  GitHubEmulator,
  JiraEmulator,
} from '@flowkit/testing';
import { describe, expect, test } from '@jest/globals';
import { readRepoDigest, readTickets } from '../src/gather.ts';
import { deployments, githubWorld, SHAS } from './fixture.ts';

const SARAH = '5b10sarah0000000000000001';
const policy = () => ({ retries: 2, budgetMs: 10_000 });

function issues(count: number) {
  return Array.from({ length: count }, (_, n) => ({
    key: `JIRA-${n + 1}`,
    summary: `Task ${n + 1}`,
    status: 'In Progress',
    labels: ['team-frontend'],
    assignee: SARAH,
  }));
}

describe('readTickets', () => {
  test.each([
    ['cloud', 150, 2],
    ['server', 120, 2],
    ['cloud', 50, 1],
  ] as const)('Jira %s with %i tickets in progress: %i request(s)', async (flavor, count, requests) => {
    const jira = await JiraEmulator.start({
      flavor,
      users: [
        { accountId: DEFAULT_JIRA_ACCOUNT_ID, displayName: 'Flowkit', emailAddress: DEFAULT_JIRA_EMAIL },
        { accountId: SARAH, displayName: 'Sarah Lee', emailAddress: 'sarah@example.com' },
      ],
      projects: [{ key: 'JIRA', workflow: DEFAULT_JIRA_WORKFLOW }],
      issues: [
        ...issues(count),
        { key: 'JIRA-999', summary: 'Not started', status: 'To Do', labels: ['team-frontend'] },
      ],
    });
    try {
      const transport = new JiraTransport({
        site: jira.url,
        auth:
          flavor === 'cloud'
            ? { kind: 'basic', email: DEFAULT_JIRA_EMAIL, apiToken: DEFAULT_JIRA_API_TOKEN }
            : { kind: 'bearer', token: DEFAULT_JIRA_PAT },
        deployment: flavor,
        policy,
        log: silentLogger,
      });
      const tickets = await readTickets(
        transport,
        flavor,
        jira.url,
        'labels = "team-frontend" AND status = "In Progress"',
      );
      expect(tickets).toHaveLength(count);
      expect(new Set(tickets.map((ticket) => ticket.key)).size).toBe(count);
      expect(tickets.find((ticket) => ticket.key === 'JIRA-1')).toEqual({
        key: 'JIRA-1',
        summary: 'Task 1',
        url: `${jira.url}/browse/JIRA-1`,
        status: 'In Progress',
        assignee: { name: 'Sarah Lee', email: 'sarah@example.com' },
      });
      expect(transport.requestCount).toBe(requests);
    } finally {
      await jira.stop();
    }
  });
});

describe('readRepoDigest', () => {
  const environments = { production: 'production', stagingPrefix: 'staging' };

  test('one GraphQL query reads pull requests and deployments; a token without deployments: read is refused', async () => {
    const github = await GitHubEmulator.start({
      ...githubWorld(),
      tokens: {
        full: { login: 'github-actions[bot]', permissions: { pull_requests: 'read', deployments: 'read' } },
        pulls: { login: 'github-actions[bot]', permissions: { pull_requests: 'read' } },
      },
    });
    try {
      github.seedDeployments('acme', 'shop', deployments());
      const client = (token: string) =>
        new GitHubClient({ token, apiUrl: github.url, policy, log: silentLogger });
      const full = client('full');
      const since = Date.parse('2026-11-27T14:30:00Z');
      const digest = await readRepoDigest(full, { owner: 'acme', repo: 'shop' }, environments, since);
      expect(full.requestCount).toBe(1);
      // 30 open, 2 reviewed and 1 draft left out.
      expect(digest.pulls).toHaveLength(27);
      expect(digest.morePulls).toBe(0);
      expect(digest.canaries).toEqual([
        { sha: SHAS.canary, weight: 5, step: '5% (step 2 of 5)', since: Date.parse('2026-11-30T13:10:00Z') },
      ]);
      expect(digest.rollbacks.map((rollback) => rollback.sha)).toEqual([SHAS.rolledBackFriday]);
      expect(digest.awaitingApproval.map((entry) => [entry.environment, entry.kind])).toEqual([
        ['staging-pr-12', 'review'],
        ['qa', 'reviewers'],
      ]);

      const refused = readRepoDigest(client('pulls'), { owner: 'acme', repo: 'shop' }, environments, since);
      await expect(refused).rejects.toBeInstanceOf(GitHubError);
      await expect(refused).rejects.toThrow('FORBIDDEN: Resource not accessible by integration');
    } finally {
      await github.stop();
    }
  });
});
