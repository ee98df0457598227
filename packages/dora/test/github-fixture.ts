// A week of a service's production history seeded into the GitHub emulator: commits, deployments written the way
// canary-promote writes them, incident issues. Shared by the package, action and CLI tests.
import { planDescription, rolledBackDescription, stepDescription } from '@flowkit/canary';
import { DEFAULT_GITHUB_TOKEN, GitHubEmulator, type GitHubEmulatorOptions } from '@flowkit/testing';

/** Monday 2025-02-03T00:00:00Z: the window is [T0, T0 + 7 days). */
export const T0 = Date.UTC(2025, 1, 3);
export const HOUR = 3_600_000;
export const MINUTE = 60_000;
export const at = (hours: number): number => T0 + hours * HOUR;
export const OWNER = 'acme';
export const NAME = 'shop';

const sha = (n: number) => `${n}`.repeat(40).slice(0, 40);
/** Commits on main: m1 before the window, then m2…m6. */
export const COMMITS = {
  m1: { sha: sha(1), at: at(-48) },
  m2: { sha: sha(2), at: at(1) },
  m3: { sha: sha(3), at: at(2) },
  m4: { sha: sha(4), at: at(5) },
  m5: { sha: sha(5), at: at(30) },
  m6: { sha: sha(6), at: at(50) },
};

export const githubOptions = (extra: Partial<GitHubEmulatorOptions> = {}): GitHubEmulatorOptions => ({
  tokens: {
    [DEFAULT_GITHUB_TOKEN]: {
      login: 'github-actions[bot]',
      permissions: { deployments: 'read', contents: 'read', issues: 'read' },
    },
  },
  repos: [
    {
      owner: OWNER,
      name: NAME,
      branches: {
        main: Object.entries(COMMITS).map(([message, commit]) => ({
          sha: commit.sha,
          message,
          date: new Date(commit.at).toISOString(),
        })),
      },
    },
  ],
  ...extra,
});

const PLAN = {
  steps: [5, 100],
  durationSeconds: 1800,
  minStepSeconds: 300,
  earlyAdvance: false,
  watchSeconds: 600,
  intervalSeconds: 30,
};

/**
 * d1 m1 success before the window; d2 m3 success (brings m2, m3); d3 m4 canary rolled back at 5%; d4 m5 failed
 * before serving; d5 m6 success (brings m4, m5, m6). Incidents: #1 opened during d3, closed; #2 opened after d5,
 * still open; a `bug` issue that is no incident.
 */
export async function startSeededGitHub(extra: Partial<GitHubEmulatorOptions> = {}): Promise<GitHubEmulator> {
  const github = await GitHubEmulator.start(githubOptions(extra));
  const { m1, m3, m4, m5, m6 } = COMMITS;
  github.seedDeployments(OWNER, NAME, [
    {
      environment: 'production',
      sha: m1.sha,
      createdAt: at(-24),
      statuses: [
        { state: 'success', createdAt: at(-24) + 10 * MINUTE },
        { state: 'inactive', createdAt: at(4) + 10 * MINUTE },
      ],
    },
    {
      environment: 'production',
      sha: m3.sha,
      createdAt: at(4),
      statuses: [
        { state: 'in_progress', createdAt: at(4) + MINUTE },
        { state: 'success', createdAt: at(4) + 10 * MINUTE },
        { state: 'inactive', createdAt: at(52) + 20 * MINUTE },
      ],
    },
    {
      environment: 'production',
      sha: m4.sha,
      createdAt: at(6),
      statuses: [
        { state: 'in_progress', createdAt: at(6), description: planDescription(PLAN, at(6)) },
        {
          state: 'in_progress',
          createdAt: at(6) + MINUTE,
          description: stepDescription({ index: 0, weight: 5, since: at(6) + MINUTE }, 2),
        },
        {
          state: 'failure',
          createdAt: at(6) + 30 * MINUTE,
          description: rolledBackDescription(5, 'error rate 4.1% > 1%'),
        },
      ],
    },
    {
      environment: 'production',
      sha: m5.sha,
      createdAt: at(31),
      statuses: [
        { state: 'in_progress', createdAt: at(31) },
        { state: 'failure', createdAt: at(31) + 5 * MINUTE, description: 'Image pull failed' },
      ],
    },
    {
      environment: 'production',
      sha: m6.sha,
      createdAt: at(52),
      statuses: [{ state: 'success', createdAt: at(52) + 20 * MINUTE }],
    },
    { environment: 'staging', sha: m6.sha, createdAt: at(51), statuses: [{ state: 'success' }] },
  ]);
  github.seedIssues(OWNER, NAME, [
    { title: 'Checkout 500s', labels: ['incident'], createdAt: at(6) + 15 * MINUTE, closedAt: at(7) },
    { title: 'Typo on the cart page', labels: ['bug'], createdAt: at(10) },
    { title: 'Slow search', labels: ['incident', 'search'], createdAt: at(53) },
  ]);
  return github;
}
