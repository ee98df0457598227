// The demo's world: the emulated SaaS (Jira, Slack, GitHub, Confluence), the example service's three versions behind real nginx,
// real Prometheus scraping them, and a workspace holding the service's .github/flowkit.yml. stop() undoes it all.
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readNginxOptions, renderNginxFile } from '@flowkit/canary';
import {
  ConfluenceEmulator,
  DEFAULT_JIRA_ACCOUNT_ID,
  DEFAULT_JIRA_API_TOKEN,
  DEFAULT_JIRA_EMAIL,
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

export const REPO = { owner: 'acme', repo: 'shop' };
export const TICKET = 'JIRA-1234';
export const SUMMARY =
  '[FEAT] As a user, I want to see my top 5 active deployments on a dashboard so I can monitor them at a glance';
export const BRANCH = 'JIRA-1234-top-deployments';
const FIX_BRANCH = 'JIRA-1234-empty-list';
/** The Confluence space the release notes are published in. */
export const CONFLUENCE_SPACE = 'ENG';
export const CHANNEL = { id: 'C0FRONTEND', name: 'devops-team-frontend' };
export const COMMITS = {
  initial: 'Initial commit',
  feature: 'JIRA-1234: top 5 active deployments widget',
  merge: 'JIRA-1234: top 5 active deployments widget (#12)',
  fix: 'JIRA-1234: answer an empty deployment list without an error (#13)',
};
export const VERSIONS = { stable: '1.0.0', faulty: '1.1.0', fixed: '1.1.1' };

/** People of the demo's Jira: the bot, the frontend rotation, QA and product (who approve by comment). */
export const PEOPLE = {
  sarah: { accountId: '5b10sarah0000000000000001', name: 'Sarah Lee', email: 'sarah@example.com' },
  tom: { accountId: '5b10tom00000000000000001', name: 'Tom Ito', email: 'tom@example.com' },
  priya: { accountId: '5b10priya0000000000000001', name: 'Priya Rao', email: 'priya@example.com' },
  qa: { accountId: '5b10qa000000000000000001', name: 'Quinn QA', email: 'qa@example.com', token: 'qa-token' },
  pm: { accountId: '5b10pm000000000000000001', name: 'Pat PM', email: 'pm@example.com', token: 'pm-token' },
};

const WEEK = 7 * 24 * 3600_000;

/** Monday (UTC) of the week two weeks before `now`: the rotation tom → priya → sarah puts Sarah on call this week. */
export function rotationStart(now: number): string {
  const day = new Date(now);
  const monday =
    Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate()) -
    ((day.getUTCDay() + 6) % 7) * 86_400_000;
  return new Date(monday - 2 * WEEK).toISOString().slice(0, 10);
}

/** The service repository's .github/flowkit.yml: routing, the rotation, QA's status name, the approvals. */
export function flowkitConfig(jiraUrl: string, now: number): string {
  return `version: 1
jira:
  url: ${jiraUrl}
  statuses:
    in-qa: QA
  approvals:
    groups:
      qa: [${PEOPLE.qa.email}]
      product: [${PEOPLE.pm.email}]
people:
  tom: { email: ${PEOPLE.tom.email} }
  priya: { email: ${PEOPLE.priya.email} }
  sarah: { email: ${PEOPLE.sarah.email} }
teams:
  frontend:
    slack-channel: ${CHANNEL.id}
    rotation:
      cadence: weekly
      start: ${rotationStart(now)}
      time-zone: UTC
      members: [tom, priya, sarah]
routing:
  - name: dashboard work
    match: { project: JIRA, summary: "dashboard|widget" }
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
  jira: JiraEmulator;
  slack: SlackEmulator;
  github: GitHubEmulator;
  /** Where release-notes publishes the release's page (space CONFLUENCE_SPACE), with the Jira account's token. */
  confluence: ConfluenceEmulator;
  jiraCredentials: { url: string; email: string; apiToken: string };
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

/** Starts the world, step by step; if a part fails to start, what already runs is stopped before the error goes on. */
export async function startWorld(now = Date.now()): Promise<World> {
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
    const temp = await mkdtemp(join(tmpdir(), 'flowkit-demo-'));
    stops.push(() => rm(temp, { recursive: true, force: true }));
    const jira = started(
      await JiraEmulator.start({
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
        projects: [{ key: 'JIRA', workflow: WORKFLOW }],
        issues: [{ key: TICKET, summary: SUMMARY, priority: 'High', issueType: 'Story' }],
      }),
    );
    const slack = started(
      await SlackEmulator.start({
        channels: [{ id: CHANNEL.id, name: CHANNEL.name, members: ['UBOT'] }],
        // Everyone the card mentions: the on-call engineer, QA and product (looked up by email).
        users: [
          { id: 'U0SARAH001', name: 'sarah', email: PEOPLE.sarah.email },
          { id: 'U0QUINN001', name: 'quinn', email: PEOPLE.qa.email },
          { id: 'U0PAT00001', name: 'pat', email: PEOPLE.pm.email },
        ],
      }),
    );
    const confluence = started(
      await ConfluenceEmulator.start({
        spaces: [{ key: CONFLUENCE_SPACE, name: 'Engineering' }],
        credentials: [{ email: DEFAULT_JIRA_EMAIL, apiToken: DEFAULT_JIRA_API_TOKEN }],
      }),
    );
    const hour = 3600_000;
    const github = started(
      await GitHubEmulator.start({
        repos: [
          {
            owner: REPO.owner,
            name: REPO.repo,
            branches: {
              main: [
                { message: COMMITS.initial, date: new Date(now - 7 * 24 * hour).toISOString() },
                { message: COMMITS.merge, date: new Date(now - 3 * hour).toISOString() },
                { message: COMMITS.fix, date: new Date(now - hour).toISOString() },
              ],
              [BRANCH]: [
                {
                  message: COMMITS.feature,
                  parents: [COMMITS.initial],
                  date: new Date(now - 4 * hour).toISOString(),
                },
              ],
              // The fix's branch: its pull request (#13) is in the release notes with #12.
              [FIX_BRANCH]: [
                {
                  message: 'JIRA-1234: answer an empty deployment list without an error',
                  parents: [COMMITS.merge],
                  date: new Date(now - 2 * hour).toISOString(),
                },
              ],
            },
            pulls: [
              { number: 12, title: `[${TICKET}] Top 5 active deployments`, head: BRANCH, base: 'main' },
              {
                number: 13,
                title: `[${TICKET}] Answer an empty deployment list without an error`,
                head: FIX_BRANCH,
                base: 'main',
                merged: true,
              },
            ],
          },
        ],
      }),
    );
    // The release before this one, six days ago: what "since the last production deployment" starts from.
    github.seedDeployments(REPO.owner, REPO.repo, [
      {
        environment: 'production',
        sha: github.sha(REPO.owner, REPO.repo, COMMITS.initial),
        createdAt: now - 6 * 24 * hour,
        statuses: [{ state: 'success', createdAt: now - 6 * 24 * hour + 20 * 60_000 }],
      },
    ]);
    const workspace = join(temp, 'workspace');
    await mkdir(join(workspace, '.github'), { recursive: true });
    await writeFile(join(workspace, '.github', 'flowkit.yml'), flowkitConfig(jira.url, now));
    const deployRoot = join(temp, 'staging');
    await mkdir(deployRoot);
    // Staging is normally destroyed by its teardown step; after a failure or Ctrl-C its processes are stopped here.
    stops.push(() => stopPidFiles(deployRoot));

    const services = await Promise.allSettled([
      startExampleService({ version: VERSIONS.stable }),
      startExampleService({ version: VERSIONS.faulty, errorRate: 0.3 }),
      startExampleService({ version: VERSIONS.fixed }),
    ]);
    for (const service of services) if (service.status === 'fulfilled') started(service.value);
    const [stable, faulty, fixed] = services.map((service) => {
      if (service.status === 'rejected') throw service.reason;
      return service.value;
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
      jira,
      slack,
      github,
      confluence,
      jiraCredentials: { url: jira.url, email: DEFAULT_JIRA_EMAIL, apiToken: DEFAULT_JIRA_API_TOKEN },
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
          jira.url,
          slack.url,
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
