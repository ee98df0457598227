// The demo's world: Jira, Slack and Datadog (emulated, or the real ones the environment names), emulated GitHub and Confluence,
// the example service's three versions behind real nginx, real Prometheus scraping them, the ticket filed in Jira, and
// a workspace holding the service's .github/flowkit.yml. stop() undoes everything it started.
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readNginxOptions, renderNginxFile } from '@flowkit/canary';
import { silentLogger } from '@flowkit/core';
import { connectJira, type JiraApi, JiraError } from '@flowkit/jira';
import { SLACK_API_URL } from '@flowkit/slack';
import {
  ConfluenceEmulator,
  DatadogEmulator,
  DEFAULT_DD_API_KEY,
  DEFAULT_DD_APP_KEY,
  DEFAULT_JIRA_ACCOUNT_ID,
  DEFAULT_JIRA_API_TOKEN,
  DEFAULT_JIRA_EMAIL,
  DEFAULT_SLACK_TOKEN,
  type ExampleService,
  freePort,
  GitHubEmulator,
  JiraEmulator,
  type RunningNginx,
  type RunningPrometheus,
  SlackEmulator,
  startExampleService,
  startNginx,
  startPrometheus,
} from '@flowkit/testing';
import type { DemoServices } from './services.ts';

export const REPO = { owner: 'acme', repo: 'shop' };
export const SUMMARY =
  '[FEAT] As a user, I want to see my top 5 active deployments on a dashboard so I can monitor them at a glance';
/** The Confluence space the release notes are published in. */
export const CONFLUENCE_SPACE = 'ENG';
export const VERSIONS = { stable: '1.0.0', faulty: '1.1.0', fixed: '1.1.1' };

/** The ticket the demo files, and the branches and commits that carry its key. */
export interface Story {
  key: string;
  branch: string;
  fixBranch: string;
  commits: { initial: string; feature: string; merge: string; fix: string };
}

export function storyOf(key: string): Story {
  return {
    key,
    branch: `${key}-top-deployments`,
    fixBranch: `${key}-empty-list`,
    commits: {
      initial: 'Initial commit',
      feature: `${key}: top 5 active deployments widget`,
      merge: `${key}: top 5 active deployments widget (#12)`,
      fix: `${key}: answer an empty deployment list without an error (#13)`,
    },
  };
}

/** The emulated Jira's project, and the ticket before the demo's: the demo files JIRA-1234. */
const EMULATED_PROJECT = 'JIRA';
const PREVIOUS_TICKET = 'JIRA-1233';
/** The emulated Slack's team channel. */
const EMULATED_CHANNEL = { id: 'C0FRONTEND', name: 'devops-team-frontend' };

/** People of the emulated Jira: the bot, the frontend rotation, QA and product (who approve by comment). */
export const PEOPLE = {
  sarah: { accountId: '5b10sarah0000000000000001', name: 'Sarah Lee', email: 'sarah@example.com' },
  tom: { accountId: '5b10tom00000000000000001', name: 'Tom Ito', email: 'tom@example.com' },
  priya: { accountId: '5b10priya0000000000000001', name: 'Priya Rao', email: 'priya@example.com' },
  qa: { accountId: '5b10qa000000000000000001', name: 'Quinn QA', email: 'qa@example.com', token: 'qa-token' },
  pm: { accountId: '5b10pm000000000000000001', name: 'Pat PM', email: 'pm@example.com', token: 'pm-token' },
};

/** Who approves the release by a Jira comment, with their own credentials. */
export interface Approver {
  /** How the timeline and --interactive name them. */
  name: string;
  /** The approval groups their comment counts for. */
  groups: string;
  email: string;
  apiToken: string;
  words: string;
}

const WEEK = 7 * 24 * 3600_000;

/** Monday (UTC) of the week two weeks before `now`: the rotation tom → priya → sarah puts Sarah on call this week. */
export function rotationStart(now: number): string {
  const day = new Date(now);
  const monday =
    Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate()) -
    ((day.getUTCDay() + 6) % 7) * 86_400_000;
  return new Date(monday - 2 * WEEK).toISOString().slice(0, 10);
}

/** What the service repository's .github/flowkit.yml says, as the demo's Jira and Slack need it. */
export interface DemoConfig {
  jiraUrl: string;
  project: string;
  qaStatus: string;
  /** The rotation, in order: person key → email. */
  rotation: Record<string, string>;
  approvers: { qa: string[]; product: string[] };
  channel: string;
}

/** The service repository's .github/flowkit.yml: routing, the rotation, QA's status name, the approvals. */
export function flowkitConfig(config: DemoConfig, now: number): string {
  const quoted = (text: string) => JSON.stringify(text);
  const people = Object.entries(config.rotation);
  return `version: 1
jira:
  url: ${quoted(config.jiraUrl)}
  statuses:
    in-qa: ${quoted(config.qaStatus)}
  approvals:
    groups:
      qa: [${config.approvers.qa.map(quoted).join(', ')}]
      product: [${config.approvers.product.map(quoted).join(', ')}]
people:
${people.map(([name, email]) => `  ${name}: { email: ${quoted(email)} }`).join('\n')}
teams:
  frontend:
    slack-channel: ${config.channel}
    rotation:
      cadence: weekly
      start: ${rotationStart(now)}
      time-zone: UTC
      members: [${people.map(([name]) => name).join(', ')}]
routing:
  - name: dashboard work
    match: { project: ${config.project}, summary: "dashboard|widget" }
    team: frontend
    labels: [team-frontend, service-dashboard]
  - name: urgent
    match: { priority: [High, Highest] }
    labels: priority-high
`;
}

/** To Do → In Progress → QA → Done. */
const WORKFLOW = {
  name: 'Flowkit demo workflow',
  statuses: [
    { id: '10000', name: 'To Do', category: 'new' as const },
    { id: '3', name: 'In Progress', category: 'indeterminate' as const },
    { id: '10003', name: 'QA', category: 'indeterminate' as const },
    { id: '10002', name: 'Done', category: 'done' as const },
  ],
  transitions: [
    { id: '11', name: 'Back to To Do', from: [], to: 'To Do' },
    { id: '21', name: 'Start progress', from: ['To Do'], to: 'In Progress' },
    { id: '31', name: 'Ready for QA', from: ['In Progress'], to: 'QA' },
    { id: '41', name: 'Release', from: ['QA'], to: 'Done' },
  ],
};

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Stops every process a *.pid file under `root` names: SIGTERM, SIGKILL after 5 s. */
async function stopPidFiles(root: string): Promise<void> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true }).catch(() => []);
  const pids: number[] = [];
  for (const entry of entries) {
    if (!entry.isFile() || !entry.name.endsWith('.pid')) continue;
    const pid = Number((await readFile(join(entry.parentPath, entry.name), 'utf8').catch(() => '')).trim());
    if (Number.isInteger(pid) && pid > 1 && isRunning(pid)) pids.push(pid);
  }
  for (const pid of pids) process.kill(pid, 'SIGTERM');
  const deadline = Date.now() + 5000;
  while (pids.some(isRunning) && Date.now() < deadline)
    await new Promise((resolve) => setTimeout(resolve, 50));
  for (const pid of pids.filter(isRunning)) process.kill(pid, 'SIGKILL');
}

export interface World {
  /** The ticket the demo filed, its branches and commits. */
  story: Story;
  /** The Jira the actions use: the emulator's bot, or the account of JIRA_EMAIL. */
  jiraCredentials: { url: string; email: string; apiToken: string };
  /** The Slack the actions post in: the emulator's bot and channel, or SLACK_BOT_TOKEN's in SLACK_CHANNEL. */
  slack: { token: string; apiUrl: string; channel: { id: string; name: string } };
  /** Who approves the release (QA and product). */
  approvers: Approver[];
  /** The Datadog the service's monitors and dashboard are set up in: the emulator, or DD_API_KEY's organisation. */
  datadog: { apiKey: string; appKey: string; site: string | undefined; apiUrl: string | undefined };
  /** What is real and what emulated, for the report. */
  services: Record<string, string>;
  github: GitHubEmulator;
  /** Where release-notes publishes the release's page (space CONFLUENCE_SPACE), with the Jira account's token. */
  confluence: ConfluenceEmulator;
  stable: ExampleService;
  faulty: ExampleService;
  fixed: ExampleService;
  nginx: RunningNginx;
  prometheus: RunningPrometheus;
  /** traffic-options of canary-promote for a canary service. */
  trafficOptions(canary: ExampleService): string;
  /** Holds .github/flowkit.yml; the lint and scan steps' checkout. */
  workspace: string;
  /** Where Ansible deploys staging. */
  deployRoot: string;
  /** What it started, to check that stop() leaves nothing: the servers' URLs and the temporary folders. */
  resources: { urls: string[]; dirs: string[] };
  /** Stops everything started so far, newest first; safe to call twice and concurrently. */
  stop(): Promise<void>;
}

/** Jira Cloud at `url` as the account of `email`, for what the demo does outside the actions. */
export function jiraAs(url: string, account: { email: string; apiToken: string }): JiraApi {
  return connectJira(
    {
      site: url,
      auth: { kind: 'basic', email: account.email, apiToken: account.apiToken },
      deployment: 'cloud',
    },
    () => ({ retries: 3, budgetMs: 30_000 }),
    silentLogger,
  );
}

/** The emulated Jira: the people, the workflow, the project's previous ticket. */
function emulatedJira(): Promise<JiraEmulator> {
  return JiraEmulator.start({
    users: [
      { accountId: DEFAULT_JIRA_ACCOUNT_ID, displayName: 'Flowkit', emailAddress: DEFAULT_JIRA_EMAIL },
      ...Object.values(PEOPLE).map((person) => ({
        accountId: person.accountId,
        displayName: person.name,
        emailAddress: person.email,
      })),
    ],
    credentials: [
      { accountId: DEFAULT_JIRA_ACCOUNT_ID, email: DEFAULT_JIRA_EMAIL, apiToken: DEFAULT_JIRA_API_TOKEN },
      ...[PEOPLE.qa, PEOPLE.pm].map((person) => ({
        accountId: person.accountId,
        email: person.email,
        apiToken: person.token,
        permissions: ['BROWSE_PROJECTS' as const, 'ADD_COMMENTS' as const],
      })),
    ],
    projects: [{ key: EMULATED_PROJECT, workflow: WORKFLOW }],
    issues: [
      {
        key: PREVIOUS_TICKET,
        summary: 'Deployments list: newest first',
        issueType: 'Story',
        status: 'Done',
      },
    ],
  });
}

/** The emulated Slack: the team's channel and everyone the card mentions (looked up by email). */
function emulatedSlack(): Promise<SlackEmulator> {
  return SlackEmulator.start({
    channels: [{ id: EMULATED_CHANNEL.id, name: EMULATED_CHANNEL.name, members: ['UBOT'] }],
    users: [
      { id: 'U0SARAH001', name: 'sarah', email: PEOPLE.sarah.email },
      { id: 'U0QUINN001', name: 'quinn', email: PEOPLE.qa.email },
      { id: 'U0PAT00001', name: 'pat', email: PEOPLE.pm.email },
    ],
  });
}

/**
 * The product manager files the ticket: a Story of priority High. A real project may have no Story type (then a
 * Task) or no priority on its create screen (then without one; the routing's priority-high label is not given).
 */
async function fileTicket(
  credentials: World['jiraCredentials'],
  project: string,
  note: (text: string) => void,
): Promise<string> {
  const jira = jiraAs(credentials.url, credentials);
  const fields: { issueType: string; priority?: string } = { issueType: 'Story', priority: 'High' };
  for (let attempt = 0; ; attempt++) {
    try {
      return await jira.createIssue({ project, summary: SUMMARY, ...fields });
    } catch (error) {
      const refused = error instanceof JiraError && error.status === 400 ? error.fieldErrors : {};
      if (attempt >= 2 || !('issuetype' in refused || 'priority' in refused)) throw error;
      if ('issuetype' in refused) fields.issueType = 'Task';
      if ('priority' in refused) {
        delete fields.priority;
        note(`${project} sets no priority on new issues: the ticket is filed without one`);
      }
    }
  }
}

/**
 * Starts the world, step by step; if a part fails to start, what already runs is stopped before the error goes on.
 * Jira and Slack are emulated unless `real` names them; the ticket is filed in whichever Jira it is.
 */
export async function startWorld(
  real: DemoServices = {},
  now = Date.now(),
  note: (text: string) => void = () => undefined,
): Promise<World> {
  const stops: (() => Promise<unknown>)[] = [];
  let stopping: Promise<void> | undefined;
  const stop = (): Promise<void> => {
    stopping ??= (async () => {
      for (const undo of stops.reverse()) await undo().catch(() => undefined);
    })();
    return stopping;
  };
  try {
    const started = <T extends { stop(): Promise<unknown> }>(thing: T): T => {
      stops.push(() => thing.stop());
      return thing;
    };
    const urls: string[] = [];
    const temp = await mkdtemp(join(tmpdir(), 'flowkit-demo-'));
    stops.push(() => rm(temp, { recursive: true, force: true }));

    let jiraCredentials: World['jiraCredentials'];
    let approvers: Approver[];
    let config: Omit<DemoConfig, 'channel'>;
    const services: Record<string, string> = {};
    if (real.jira === undefined) {
      const jira = started(await emulatedJira());
      urls.push(jira.url);
      jiraCredentials = { url: jira.url, email: DEFAULT_JIRA_EMAIL, apiToken: DEFAULT_JIRA_API_TOKEN };
      approvers = [
        { person: PEOPLE.qa, groups: 'QA', words: 'Approved — works on staging.' },
        { person: PEOPLE.pm, groups: 'product', words: 'Approved for release.' },
      ].map(({ person, groups, words }) => ({
        name: person.name,
        groups,
        email: person.email,
        apiToken: person.token,
        words,
      }));
      config = {
        jiraUrl: jira.url,
        project: EMULATED_PROJECT,
        qaStatus: 'QA',
        rotation: { tom: PEOPLE.tom.email, priya: PEOPLE.priya.email, sarah: PEOPLE.sarah.email },
        approvers: { qa: [PEOPLE.qa.email], product: [PEOPLE.pm.email] },
      };
      services.Jira = 'emulator';
    } else {
      const { url, email, apiToken, project, qaStatus } = real.jira;
      jiraCredentials = { url, email, apiToken };
      // On your Jira you are the on-call engineer and both approvers: the demo has nobody else's credentials.
      approvers = [
        { name: email, groups: 'QA and product', email, apiToken, words: 'Approved — works on staging.' },
      ];
      config = {
        jiraUrl: url,
        project,
        qaStatus,
        rotation: { you: email },
        approvers: { qa: [email], product: [email] },
      };
      services.Jira = `real: ${url}, project ${project}, as ${email}`;
    }

    let slack: World['slack'];
    if (real.slack === undefined) {
      const emulator = started(await emulatedSlack());
      urls.push(emulator.url);
      slack = { token: DEFAULT_SLACK_TOKEN, apiUrl: emulator.apiUrl, channel: EMULATED_CHANNEL };
      services.Slack = 'emulator';
    } else {
      const { token, channel, apiUrl } = real.slack;
      slack = { token, apiUrl: apiUrl ?? SLACK_API_URL, channel: { id: channel, name: channel } };
      services.Slack = `real: channel ${channel}${apiUrl === undefined ? '' : ` at ${apiUrl}`}`;
    }

    let datadog: World['datadog'];
    if (real.datadog === undefined) {
      const emulator = started(await DatadogEmulator.start());
      urls.push(emulator.url);
      datadog = {
        apiKey: DEFAULT_DD_API_KEY,
        appKey: DEFAULT_DD_APP_KEY,
        site: undefined,
        apiUrl: emulator.url,
      };
      services.Datadog = 'emulator';
    } else {
      const { apiKey, appKey, site, apiUrl } = real.datadog;
      datadog = { apiKey, appKey, site, apiUrl };
      services.Datadog = `real: ${apiUrl ?? `site ${site ?? 'datadoghq.com'}`}`;
    }

    const story = storyOf(await fileTicket(jiraCredentials, config.project, note));

    const confluence = started(
      await ConfluenceEmulator.start({
        spaces: [{ key: CONFLUENCE_SPACE, name: 'Engineering' }],
        credentials: [{ email: jiraCredentials.email, apiToken: jiraCredentials.apiToken }],
      }),
    );
    const hour = 3600_000;
    const { commits } = story;
    const github = started(
      await GitHubEmulator.start({
        repos: [
          {
            owner: REPO.owner,
            name: REPO.repo,
            branches: {
              main: [
                { message: commits.initial, date: new Date(now - 7 * 24 * hour).toISOString() },
                { message: commits.merge, date: new Date(now - 3 * hour).toISOString() },
                { message: commits.fix, date: new Date(now - hour).toISOString() },
              ],
              [story.branch]: [
                {
                  message: commits.feature,
                  parents: [commits.initial],
                  date: new Date(now - 4 * hour).toISOString(),
                },
              ],
              // The fix's branch: its pull request (#13) is in the release notes with #12.
              [story.fixBranch]: [
                {
                  message: `${story.key}: answer an empty deployment list without an error`,
                  parents: [commits.merge],
                  date: new Date(now - 2 * hour).toISOString(),
                },
              ],
            },
            pulls: [
              {
                number: 12,
                title: `[${story.key}] Top 5 active deployments`,
                head: story.branch,
                base: 'main',
              },
              {
                number: 13,
                title: `[${story.key}] Answer an empty deployment list without an error`,
                head: story.fixBranch,
                base: 'main',
                merged: true,
              },
            ],
          },
        ],
      }),
    );
    services.GitHub = 'emulator';
    services.Confluence = 'emulator';
    services['nginx, Prometheus, Ansible, Chromium'] = 'real, on this machine';
    services['the service'] =
      'examples/deployments-dashboard, versions 1.0.0 (stable), 1.1.0 (faulty), 1.1.1 (fixed)';
    // The release before this one, six days ago: what "since the last production deployment" starts from.
    github.seedDeployments(REPO.owner, REPO.repo, [
      {
        environment: 'production',
        sha: github.sha(REPO.owner, REPO.repo, commits.initial),
        createdAt: now - 6 * 24 * hour,
        statuses: [{ state: 'success', createdAt: now - 6 * 24 * hour + 20 * 60_000 }],
      },
    ]);
    const workspace = join(temp, 'workspace');
    await mkdir(join(workspace, '.github'), { recursive: true });
    await writeFile(
      join(workspace, '.github', 'flowkit.yml'),
      flowkitConfig({ ...config, channel: slack.channel.id }, now),
    );
    const deployRoot = join(temp, 'staging');
    await mkdir(deployRoot);
    // Staging is normally destroyed by its teardown step; after a failure or Ctrl-C its processes are stopped here.
    stops.push(() => stopPidFiles(deployRoot));

    const versions = await Promise.allSettled([
      startExampleService({ version: VERSIONS.stable }),
      startExampleService({ version: VERSIONS.faulty, errorRate: 0.3 }),
      startExampleService({ version: VERSIONS.fixed }),
    ]);
    for (const version of versions) if (version.status === 'fulfilled') started(version.value);
    const [stable, faulty, fixed] = versions.map((version) => {
      if (version.status === 'rejected') throw version.reason;
      return version.value;
    }) as [ExampleService, ExampleService, ExampleService];
    const statusListen = `127.0.0.1:${await freePort()}`;
    const options = (canary: ExampleService) => ({
      name: 'dashboard',
      stable: stable.address,
      canary: canary.address,
      statusListen,
    });
    const nginx = started(
      await startNginx({
        serverBlock: [
          '        location / {',
          '            proxy_pass http://$flowkit_dashboard;',
          '            add_header X-Upstream $upstream_addr always;',
          '        }',
        ].join('\n'),
        includeFiles: {
          'dashboard.conf': renderNginxFile(
            readNginxOptions({ ...options(faulty), file: '/placeholder.conf' }),
            0,
          ).text,
        },
      }),
    );
    const prometheus = started(
      await startPrometheus({
        targets: [stable, faulty, fixed].map((service) => ({ job: 'dashboard', address: service.address })),
      }),
    );
    return {
      story,
      jiraCredentials,
      slack,
      approvers,
      datadog,
      services,
      github,
      confluence,
      stable,
      faulty,
      fixed,
      nginx,
      prometheus,
      trafficOptions: (canary) =>
        JSON.stringify({
          ...options(canary),
          file: join(nginx.includeDir, 'dashboard.conf'),
          nginx: nginx.nginx,
          nginxArgs: nginx.nginxArgs,
        }),
      workspace,
      deployRoot,
      resources: {
        urls: [
          ...urls,
          github.url,
          confluence.url,
          nginx.url,
          prometheus.url,
          stable.url,
          faulty.url,
          fixed.url,
        ],
        dirs: [temp, nginx.prefix, prometheus.dir],
      },
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
