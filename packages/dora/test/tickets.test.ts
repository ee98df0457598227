// Which deployment released which Jira key: the first successful one whose commits name it; pure.
import { describe, expect, it } from '@jest/globals';
import { type DeploymentMessages, ticketReleases, toTickets } from '../src/tickets.ts';

const HOUR = 3_600_000;

describe('ticketReleases', () => {
  const deployments: DeploymentMessages[] = [
    // Newest first on purpose: the order of the input does not matter, the finish time does.
    { outcome: 'success', finishedAt: 30 * HOUR, messages: ['JIRA-1: follow-up fix', 'JIRA-3 search'] },
    { outcome: 'rolled-back', finishedAt: 20 * HOUR, messages: ['JIRA-3 search', 'JIRA-9 never released'] },
    { outcome: 'failure', finishedAt: 25 * HOUR, messages: ['JIRA-9 never released'] },
    {
      outcome: 'success',
      finishedAt: 10 * HOUR,
      messages: [
        'JIRA-1 cart total\n\nAlso mentions DASH-7',
        'Fix UTF-8 handling',
        'jira-2 lower case is no key',
      ],
    },
  ];

  it('takes the first successful deployment that carried a key, ignoring failed and rolled-back ones', () => {
    expect(Object.fromEntries(ticketReleases(deployments, ['JIRA']))).toEqual({
      'JIRA-1': 10 * HOUR,
      'JIRA-3': 30 * HOUR,
    });
  });

  it('without projects any capitalised key counts (UTF-8 too), and every listed project with them', () => {
    expect([...ticketReleases(deployments, []).keys()].sort()).toEqual([
      'DASH-7',
      'JIRA-1',
      'JIRA-3',
      'UTF-8',
    ]);
    expect([...ticketReleases(deployments, ['JIRA', 'DASH']).keys()].sort()).toEqual([
      'DASH-7',
      'JIRA-1',
      'JIRA-3',
    ]);
  });

  it('no successful deployment: nothing released', () => {
    expect(ticketReleases(deployments.slice(1, 3), ['JIRA']).size).toBe(0);
  });
});

describe('toTickets', () => {
  it('pairs each release with the creation Jira gave and leaves out keys Jira does not know', () => {
    const releases = new Map([
      ['JIRA-1', 10 * HOUR],
      ['JIRA-77', 12 * HOUR],
    ]);
    expect(toTickets(releases, new Map([['JIRA-1', 2 * HOUR]]))).toEqual([
      { key: 'JIRA-1', createdAt: 2 * HOUR, releasedAt: 10 * HOUR },
    ]);
  });
});
