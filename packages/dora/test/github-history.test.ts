// The DORA history read from GitHub: outcomes decoded from deployment statuses (canary-promote's rollback
// records included), commits through compare, incidents from labelled issues; against the GitHub emulator.
import { silentLogger } from '@flowkit/core';
import { GitHubClient } from '@flowkit/github';
import { DEFAULT_GITHUB_TOKEN, type GitHubEmulator } from '@flowkit/testing';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { deploymentOutcome, readGitHubDoraHistory, toIncidents } from '../src/github-history.ts';
import { computeDora } from '../src/keys.ts';
import { at, COMMITS, HOUR, MINUTE, NAME, OWNER, startSeededGitHub, T0 } from './github-fixture.ts';

const DAY = 24 * HOUR;

describe('deploymentOutcome', () => {
  const status = (state: string, minute: number, description: string | null = null) => ({
    state,
    createdAt: T0 + minute * MINUTE,
    description,
    logUrl: null,
  });

  test('the last status before the inactive ones decides; a running deployment has no outcome', () => {
    expect(
      deploymentOutcome([status('inactive', 9), status('success', 2), status('in_progress', 1)]),
    ).toEqual({
      outcome: 'success',
      at: T0 + 2 * MINUTE,
    });
    expect(deploymentOutcome([status('in_progress', 1)])).toBeUndefined();
    expect(deploymentOutcome([])).toBeUndefined();
    expect(deploymentOutcome([status('error', 3), status('queued', 1)])).toEqual({
      outcome: 'failure',
      at: T0 + 3 * MINUTE,
    });
  });

  test('a failure without a Flowkit canary record stays a failure, whatever its description says', () => {
    expect(deploymentOutcome([status('failure', 3, 'Rolled back from 5%: oops [flowkit]')])?.outcome).toBe(
      'failure',
    );
  });
});

describe('toIncidents', () => {
  test('leaves pull requests out and resolves closed issues at their closing time', () => {
    const incidents = toIncidents(
      [
        { number: 7, state: 'closed', created_at: '2025-02-03T01:00:00Z', closed_at: '2025-02-03T02:00:00Z' },
        { number: 8, state: 'open', created_at: '2025-02-03T03:00:00Z', closed_at: null },
        {
          number: 9,
          state: 'open',
          created_at: '2025-02-03T03:00:00Z',
          closed_at: null,
          pull_request: { url: 'x' },
        },
      ],
      'incident',
    );
    expect(incidents).toEqual([
      { id: '#7', openedAt: at(1), resolvedAt: at(2), label: 'incident' },
      { id: '#8', openedAt: at(3), label: 'incident' },
    ]);
  });
});

describe('readGitHubDoraHistory', () => {
  let github: GitHubEmulator;
  const client = () =>
    new GitHubClient({
      token: DEFAULT_GITHUB_TOKEN,
      apiUrl: github.url,
      policy: () => ({ retries: 1, budgetMs: 10_000 }),
      log: silentLogger,
    });

  beforeAll(async () => {
    github = await startSeededGitHub();
  });
  afterAll(async () => {
    await github.stop();
  });

  test('maps deployments, their commits and incidents, and the keys follow', async () => {
    const { history, cost } = await readGitHubDoraHistory(
      client(),
      { owner: OWNER, repo: NAME },
      { service: 'shop', environment: 'production', from: T0, to: T0 + 7 * DAY, incidentLabel: 'incident' },
    );
    const { m1, m2, m3, m4, m5, m6 } = COMMITS;
    expect(
      history.deployments.map((d) => [d.sha, d.outcome, d.finishedAt, d.commits.map((c) => c.sha)]),
    ).toEqual([
      [m1.sha, 'success', at(-24) + 10 * MINUTE, []],
      [m3.sha, 'success', at(4) + 10 * MINUTE, [m2.sha, m3.sha]],
      [m4.sha, 'rolled-back', at(6) + 30 * MINUTE, [m4.sha]],
      [m5.sha, 'failure', at(31) + 5 * MINUTE, [m4.sha, m5.sha]],
      [m6.sha, 'success', at(52) + 20 * MINUTE, [m4.sha, m5.sha, m6.sha]],
    ]);
    expect(history.deployments[1]?.commits.map((c) => c.at)).toEqual([m2.at, m3.at]);
    expect(history.incidents.map((i) => [i.id, i.openedAt, i.resolvedAt])).toEqual([
      ['#3', at(53), undefined],
      ['#1', at(6) + 15 * MINUTE, at(7)],
    ]);
    expect(cost).toEqual({
      graphqlRequests: 1,
      compareRequests: 4,
      issueRequests: 1,
      uncompared: 0,
      truncated: false,
    });

    const result = computeDora(history, { from: T0, to: T0 + 7 * DAY });
    expect(result.deploymentFrequency.count).toBe(2);
    expect(result.changeFailureRate).toMatchObject({ attempted: 4, failedDeployments: 2, failedChanges: 3 });
    expect(result.leadTime.samples).toBe(5);
  });

  test('stops comparing at maxCompares and says how many deployments were left without commits', async () => {
    const { history, cost } = await readGitHubDoraHistory(
      client(),
      { owner: OWNER, repo: NAME },
      {
        service: 'shop',
        environment: 'production',
        from: T0,
        to: T0 + 7 * DAY,
        incidentLabel: 'incident',
        maxCompares: 1,
      },
    );
    expect(cost).toMatchObject({ compareRequests: 1, uncompared: 3 });
    expect(history.deployments.filter((d) => d.commits.length > 0)).toHaveLength(1);
  });
});
