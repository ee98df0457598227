// A team's world for the digest tests and the benchmark: 50 tickets in progress, 30 open pull requests, deployments.
import { DEFAULT_PLAN, planDescription, rolledBackDescription, stepDescription } from '@flowkit/canary';
import {
  DEFAULT_JIRA_ACCOUNT_ID,
  DEFAULT_JIRA_API_TOKEN,
  DEFAULT_JIRA_EMAIL,
  DEFAULT_JIRA_WORKFLOW,
  type GitHubDeploymentSeed,
  type GitHubEmulatorOptions,
  type GitHubPullDef,
  type JiraEmulatorOptions,
  type JiraIssueDef,
  type SlackEmulatorOptions,
} from '@flowkit/testing';

/** Monday 2026-11-30, 09:35 in New York (EST, UTC−5): five minutes after the frontend team's stand-up. */
export const MONDAY_STANDUP = '2026-11-30T14:35:00Z';

export const PEOPLE = [
  {
    login: 'tom',
    name: 'Tom Berg',
    email: 'tom@example.com',
    slack: 'U0TOMBERG1',
    jira: '5b10tom000000000000000001',
  },
  {
    login: 'priya',
    name: 'Priya Nair',
    email: 'priya@example.com',
    slack: 'U0PRIYANA1',
    jira: '5b10priya0000000000000001',
  },
  {
    login: 'sarah',
    name: 'Sarah Lee',
    email: 'sarah@example.com',
    slack: 'U0SARAHLE1',
    jira: '5b10sarah0000000000000001',
  },
  {
    login: 'omar',
    name: 'Omar Haddad',
    email: 'omar@example.com',
    slack: 'U0OMARHAD1',
    jira: '5b10omar00000000000000001',
  },
] as const;

/** A summary meant to ping everyone and smuggle a link, if it were not escaped. */
export const HOSTILE_SUMMARY = '<!channel> urgent <https://evil.example/|click here> & <@U0TOMBERG1>';

export const FRONTEND_CHANNEL = 'C0FRONTEND1';
export const PLATFORM_CHANNEL = 'C0PLATFORM1';

/** The config file: two teams in different time zones, a holiday, a rotation. */
export const CONFIG = `version: 1
people:
${PEOPLE.map((person) => `  ${person.login}: { email: ${person.email} }`).join('\n')}
teams:
  frontend:
    slack-channel: ${FRONTEND_CHANNEL}
    standup: { time: "09:30", time-zone: America/New_York }
    holidays: [2026-11-26, 2026-12-25]
    rotation: { cadence: weekly, start: 2026-11-02, time-zone: America/New_York, members: [tom, priya, sarah] }
    digest: { review-wait-hours: 24 }
  platform:
    slack-channel: ${PLATFORM_CHANNEL}
    standup: { time: "10:00", time-zone: Asia/Tokyo }
`;

export function jiraWorld(): JiraEmulatorOptions {
  const issues: JiraIssueDef[] = [];
  for (let n = 1; n <= 50; n++) {
    const person = PEOPLE[n % PEOPLE.length];
    issues.push({
      key: `JIRA-${100 + n}`,
      summary: n === 47 ? HOSTILE_SUMMARY : `Dashboard task ${n}`,
      status: 'In Progress',
      labels: ['team-frontend'],
      // Every eleventh ticket has nobody on it yet.
      ...(n % 11 === 0 ? {} : { assignee: person?.jira }),
    });
  }
  issues.push(
    { key: 'JIRA-900', summary: 'Not started', status: 'To Do', labels: ['team-frontend'] },
    { key: 'JIRA-901', summary: 'Another team', status: 'In Progress', labels: ['team-platform'] },
  );
  return {
    users: [
      { accountId: DEFAULT_JIRA_ACCOUNT_ID, displayName: 'Flowkit', emailAddress: DEFAULT_JIRA_EMAIL },
      ...PEOPLE.map((person) => ({
        accountId: person.jira,
        displayName: person.name,
        emailAddress: person.email,
      })),
    ],
    credentials: [
      { accountId: DEFAULT_JIRA_ACCOUNT_ID, email: DEFAULT_JIRA_EMAIL, apiToken: DEFAULT_JIRA_API_TOKEN },
    ],
    projects: [{ key: 'JIRA', workflow: DEFAULT_JIRA_WORKFLOW }],
    issues,
  };
}

const hoursBefore = (iso: string, hours: number) =>
  new Date(Date.parse(iso) - hours * 3_600_000).toISOString();

/** 30 open pull requests (some reviewed, some drafts, some young), and a history of deployments. */
export function githubWorld(now = MONDAY_STANDUP): GitHubEmulatorOptions {
  const pulls: GitHubPullDef[] = [];
  const branches: Record<string, []> = {};
  for (let n = 1; n <= 30; n++) {
    branches[`JIRA-${100 + n}-work`] = [];
    pulls.push({
      number: n,
      title: n === 3 ? 'Fix <b>rendering</b> & <!here>' : `JIRA-${100 + n} change ${n}`,
      head: `JIRA-${100 + n}-work`,
      base: 'main',
      user: PEOPLE[n % PEOPLE.length]?.login,
      // Pull requests 1–10 are 2–11 days old, 11–30 are younger than a day.
      createdAt: n <= 10 ? hoursBefore(now, 24 * (n + 1)) : hoursBefore(now, n - 10),
      // 1, 2: reviewed already; 4: a draft.
      reviews: n <= 2 ? [{ user: 'omar', state: 'COMMENTED' }] : [],
      draft: n === 4,
      reviewRequests: n === 5 ? ['priya', 'sarah'] : [],
    });
  }
  return {
    repos: [
      {
        owner: 'acme',
        name: 'shop',
        branches: { main: [{ message: 'Initial commit' }], ...branches },
        pulls,
      },
    ],
  };
}

export const SHAS = {
  staging: 'a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1',
  canary: 'c2c2c2c2c2c2c2c2c2c2c2c2c2c2c2c2c2c2c2c2',
  rolledBackFriday: 'f3f3f3f3f3f3f3f3f3f3f3f3f3f3f3f3f3f3f3f3',
  rolledBackEarlier: 'e4e4e4e4e4e4e4e4e4e4e4e4e4e4e4e4e4e4e4e4',
  waiting: 'b5b5b5b5b5b5b5b5b5b5b5b5b5b5b5b5b5b5b5b5',
};

/** Deployments, oldest first, as the emulator takes them. */
export function deployments(): GitHubDeploymentSeed[] {
  const at = (iso: string) => Date.parse(iso);
  const rollback = (sha: string, start: string, end: string): GitHubDeploymentSeed => ({
    environment: 'production',
    sha,
    createdAt: start,
    statuses: [
      { state: 'in_progress', createdAt: start, description: planDescription(DEFAULT_PLAN, at(start)) },
      {
        state: 'in_progress',
        createdAt: start,
        description: stepDescription({ index: 0, weight: 1, since: at(start) }, 5),
      },
      {
        state: 'failure',
        createdAt: end,
        description: rolledBackDescription(1, 'error rate 4.1% vs 0.2% on stable'),
      },
    ],
  });
  return [
    // Before Friday's 09:30 digest: reported then.
    rollback(SHAS.rolledBackEarlier, '2026-11-27T13:00:00Z', '2026-11-27T13:20:00Z'),
    // After Friday's digest: new since the last one.
    rollback(SHAS.rolledBackFriday, '2026-11-27T18:00:00Z', '2026-11-27T18:25:00Z'),
    {
      environment: 'staging',
      sha: SHAS.canary,
      createdAt: '2026-11-29T20:00:00Z',
      statuses: [
        {
          state: 'success',
          createdAt: '2026-11-29T20:05:00Z',
          environmentUrl: 'https://staging.example.com',
        },
      ],
    },
    {
      environment: 'staging-pr-12',
      sha: SHAS.staging,
      createdAt: '2026-11-30T12:00:00Z',
      statuses: [
        { state: 'in_progress', createdAt: '2026-11-30T12:00:00Z' },
        {
          state: 'success',
          createdAt: '2026-11-30T12:05:00Z',
          environmentUrl: 'https://pr-12.staging.example.com',
        },
      ],
    },
    {
      environment: 'qa',
      sha: SHAS.waiting,
      createdAt: '2026-11-30T11:00:00Z',
      statuses: [{ state: 'waiting', createdAt: '2026-11-30T11:00:00Z' }],
    },
    {
      environment: 'production',
      sha: SHAS.canary,
      createdAt: '2026-11-30T13:00:00Z',
      statuses: [
        {
          state: 'in_progress',
          createdAt: '2026-11-30T13:00:00Z',
          description: planDescription(DEFAULT_PLAN, at('2026-11-30T13:00:00Z')),
        },
        {
          state: 'in_progress',
          createdAt: '2026-11-30T13:10:00Z',
          description: stepDescription({ index: 1, weight: 5, since: at('2026-11-30T13:10:00Z') }, 5),
        },
      ],
    },
  ];
}

export function slackWorld(): SlackEmulatorOptions {
  return {
    channels: [
      { id: FRONTEND_CHANNEL, name: 'devops-team-frontend', members: ['UBOT'] },
      { id: PLATFORM_CHANNEL, name: 'platform', members: ['UBOT'] },
    ],
    users: PEOPLE.map((person) => ({ id: person.slack, name: person.login, email: person.email })),
  };
}
