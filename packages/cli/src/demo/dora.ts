// The run's DORA figures: production deployments read back from GitHub (GraphQL), their commits, the ticket.
import { silentLogger } from '@flowkit/core';
import {
  computeDora,
  type DeploymentEvent,
  type DeploymentOutcome,
  doraHtml,
  doraSlackText,
} from '@flowkit/dora';
import { GitHubClient, readDeploymentHistory } from '@flowkit/github';
import { DEFAULT_GITHUB_TOKEN } from '@flowkit/testing';
import { REPO, TICKET, type World } from './world.ts';

const DAY = 24 * 3600_000;

/** How a deployment ended, from its statuses (newest first); undefined while it runs. */
export function outcome(
  statuses: readonly { state: string; description: string | null }[],
): DeploymentOutcome | undefined {
  // A later deployment marks earlier ones inactive: the state before that is how this one ended.
  const last = statuses.find((status) => status.state !== 'inactive');
  if (last === undefined) return statuses.length > 0 ? 'success' : undefined;
  if (last.state === 'success') return 'success';
  if (last.state === 'failure' || last.state === 'error')
    return statuses.some((status) => /^Canary at/.test(status.description ?? '')) ? 'rolled-back' : 'failure';
  return undefined;
}

/** DORA over the last week of production, as text lines for the terminal and an HTML fragment for the report. */
export async function doraOfRun(
  world: World,
  ticketCreatedAt: number,
  now = Date.now(),
): Promise<{ text: string; html: string }> {
  const github = new GitHubClient({
    token: DEFAULT_GITHUB_TOKEN,
    apiUrl: world.github.url,
    policy: () => ({ retries: 2, budgetMs: 30_000 }),
    log: silentLogger,
  });
  const repo = { owner: REPO.owner, repo: REPO.repo };
  const history = await readDeploymentHistory(github, repo, {
    environment: 'production',
    since: now - 8 * DAY,
  });
  const deployments: DeploymentEvent[] = [];
  let lastGood: string | undefined;
  for (const entry of [...history.deployments].sort((a, b) => a.createdAt - b.createdAt)) {
    const result = outcome(entry.statuses);
    if (result === undefined) continue;
    const commits =
      lastGood === undefined
        ? []
        : (await github.compareCommits(repo, lastGood, entry.sha)).map((commit) => ({
            sha: commit.sha,
            at:
              Date.parse(commit.commit.author?.date ?? commit.commit.committer?.date ?? '') ||
              entry.createdAt,
          }));
    deployments.push({
      id: String(entry.id),
      environment: entry.environment,
      sha: entry.sha,
      startedAt: entry.createdAt,
      finishedAt: Math.max(entry.createdAt, ...entry.statuses.map((status) => status.createdAt)),
      outcome: result,
      commits,
    });
    if (result === 'success') lastGood = entry.sha;
  }
  const issue = world.jira.issue(TICKET);
  const released = issue.transitions.find((move) => move.to === 'Done')?.at;
  const result = computeDora(
    {
      service: 'dashboard',
      deployments,
      incidents: [],
      tickets: [
        {
          key: TICKET,
          createdAt: ticketCreatedAt,
          ...(released === undefined ? {} : { releasedAt: released }),
        },
      ],
    },
    { from: now - 7 * DAY, to: now + 60_000, environment: 'production', bucket: 'day' },
  );
  const text = doraSlackText(result).replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
  return { text, html: doraHtml(result) };
}
