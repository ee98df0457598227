// The run's DORA figures: production's history read back from GitHub the way dora-metrics reads it, and the ticket.
import { silentLogger } from '@flowkit/core';
import { computeDora, doraHtml, doraSlackText, readGitHubDoraHistory } from '@flowkit/dora';
import { GitHubClient } from '@flowkit/github';
import { DEFAULT_GITHUB_TOKEN } from '@flowkit/testing';
import { REPO, type World } from './world.ts';

const DAY = 24 * 3600_000;

/**
 * DORA over the last week of production, as text lines for the terminal and an HTML fragment for the report.
 * The ticket's lead time runs from its filing to `releasedAt` (when the demo saw it Done).
 */
export async function doraOfRun(
  world: World,
  ticketCreatedAt: number,
  releasedAt: number | undefined,
  now = Date.now(),
): Promise<{ text: string; html: string }> {
  const github = new GitHubClient({
    token: DEFAULT_GITHUB_TOKEN,
    apiUrl: world.github.url,
    policy: () => ({ retries: 2, budgetMs: 30_000 }),
    log: silentLogger,
  });
  const window = { from: now - 7 * DAY, to: now + 60_000 };
  const { history } = await readGitHubDoraHistory(github, REPO, {
    service: 'dashboard',
    environment: 'production',
    ...window,
    incidentLabel: 'incident',
  });
  const result = computeDora(
    {
      ...history,
      tickets: [
        {
          key: world.story.key,
          createdAt: ticketCreatedAt,
          ...(releasedAt === undefined ? {} : { releasedAt }),
        },
      ],
    },
    { ...window, environment: 'production', bucket: 'day' },
  );
  const text = doraSlackText(result).replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
  return { text, html: doraHtml(result) };
}
