// `flowkit demo` through its door, twice on the compressed schedule — the second time against a Jira and a Slack named by
// the environment, as a user's real ones would be — every step's outcome in run.json (read through Jira's and Slack's
// APIs), nothing left running, then the report page in headless Chromium.
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  checkDatadogRequest,
  checkDatadogResponse,
  checkJiraRequest,
  checkJiraResponse,
  checkSlackRequest,
  checkSlackResponse,
  DatadogEmulator,
  type DatadogRecordedRequest,
  DEFAULT_DD_API_KEY,
  DEFAULT_DD_APP_KEY,
  DEFAULT_SLACK_TOKEN,
  describeWithContracts,
  JiraEmulator,
  type JiraRecordedRequest,
  type JiraWorkflowDef,
  type RecordedRequest,
  SlackEmulator,
  unexplainedDatadogProblems,
  unexplainedJiraProblems,
  unexplainedSlackProblems,
} from '@flowkit/testing';
import { afterAll, beforeAll, describe, expect, jest, test } from '@jest/globals';
import { chromium } from 'playwright-core';
import type { DemoResult } from '../src/demo/run.ts';
import { runCli } from '../src/main.ts';

jest.setTimeout(420_000);

const BIN = join(dirname(fileURLToPath(import.meta.url)), '..', 'bin', 'flowkit.js');

const TITLE =
  '[FEAT] As a user, I want to see my top 5 active deployments on a dashboard so I can monitor them at a glance';

let reports: string;
/** What the demo sent to the Jira, Slack and Datadog the environment named, for the contract check. */
let sentToYours:
  | { jira: JiraRecordedRequest[]; slack: RecordedRequest[]; datadog: DatadogRecordedRequest[] }
  | undefined;

beforeAll(async () => {
  reports = await mkdtemp(join(tmpdir(), 'flowkit-demo-test-'));
});

afterAll(async () => {
  await rm(reports, { recursive: true, force: true });
});

async function demo(
  name: string,
  env: NodeJS.ProcessEnv = {},
): Promise<{ code: number; out: string; err: string; result: DemoResult }> {
  let out = '';
  let err = '';
  const code = await runCli(['demo', '--fast', '--report', join(reports, name)], {
    stdin: (async function* () {})(),
    write: (text) => (out += text),
    error: (text) => (err += text),
    env,
  });
  const result = JSON.parse(await readFile(join(reports, name, 'run.json'), 'utf8')) as DemoResult;
  return { code, out, err, result };
}

/** Pids whose /proc stat field `index` (after the command name) is `value`. */
function processesWith(index: number, value: number): number[] {
  return readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .filter((pid) => {
      try {
        // `pid (comm) state ppid …`: comm may hold spaces, so split after the last ')'.
        const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
        return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[index]) === value;
      } catch {
        return false;
      }
    })
    .map(Number);
}

/** This process's children: none should outlive the demo. */
const children = (): number[] => processesWith(1, process.pid);
/** The processes of a process group. */
const inGroup = (group: number): number[] => processesWith(2, group);

async function refused(url: string): Promise<boolean> {
  try {
    await fetch(url, { signal: AbortSignal.timeout(5000) });
    return false;
  } catch (error) {
    return /ECONNREFUSED/.test(String((error as Error).cause ?? error));
  }
}

/** Who the flow involves in the Jira and Slack a run used. */
interface Cast {
  key: string;
  channel: { id: string; name: string };
  assignee: string;
  /** The approvers' display names. */
  approvers: string[];
  /** Slack user IDs of the on-call engineer, QA and product. */
  mention: { onCall: string; qa: string; pm: string };
}

/** The demo's own emulated Jira and Slack. */
const EMULATED: Cast = {
  key: 'JIRA-1234',
  channel: { id: 'C0FRONTEND', name: 'devops-team-frontend' },
  assignee: 'Sarah Lee',
  approvers: ['Quinn QA', 'Pat PM'],
  mention: { onCall: 'U0SARAH001', qa: 'U0QUINN001', pm: 'U0PAT00001' },
};

/** Every step's outcome, as Jira, Slack and the emulated GitHub and Confluence hold it. */
function expectTheWholeFlow(result: DemoResult, cast: Cast): void {
  const { key } = cast;
  expect(result.ok).toBe(true);
  expect(result.timeline.filter((event) => event.kind === 'done').map((event) => event.step)).toEqual([
    'demo',
    'intake',
    'push',
    'ci',
    'staging',
    'approval',
    'canary-faulty',
    'canary-fixed',
    'monitors',
    'teardown',
    'dora',
    'demo',
  ]);
  expect(result.timeline.filter((event) => event.kind === 'failed')).toEqual([]);

  // 1. Intake: labels, the on-call engineer, the channel told; the message is the ticket's card.
  const issue = result.issue;
  expect(issue?.labels).toEqual(['team-frontend', 'service-dashboard', 'priority-high']);
  expect(issue?.assignee).toBe(cast.assignee);
  const [card, ...rest] = result.slack;
  expect(card?.channel).toBe(cast.channel.name);
  expect(card?.text).toContain(TITLE);
  expect(card?.text).toContain(key);
  expect(issue?.properties['flowkit-slack']).toEqual({ channel: cast.channel.id, ts: card?.ts });

  // 2–5. The ticket's moves, in order, each once.
  expect(issue?.transitions).toEqual([
    { from: 'To Do', to: 'In Progress' },
    { from: 'In Progress', to: 'QA' },
    { from: 'QA', to: 'Done' },
  ]);
  expect(issue?.status).toBe('Done');

  // 3. Staging: the URL in the card's thread; e2e passed in Chromium; the staging deployment torn down.
  expect(result.stagingUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  const thread = rest.filter((message) => message.threadTs === card?.ts && message.ts !== card?.ts);
  expect(thread.map((message) => message.text)).toContain(
    `[${key}] Staging deployment successful. Review here: ${result.stagingUrl}`,
  );
  expect(
    result.timeline.some((event) => /end-to-end: [1-9]\d* passed, 0 failed in Chromium/.test(event.text)),
  ).toBe(true);
  const staging = result.deployments.filter((deployment) => deployment.environment === 'staging');
  expect(staging.map((deployment) => deployment.states)).toEqual([['in_progress', 'success', 'inactive']]);

  // 4. Approval by comment, as check-approvals reads it.
  const comments = result.jira.filter((change) => change.kind === 'comment');
  expect(comments.map((comment) => comment.text)).toEqual(expect.arrayContaining(cast.approvers));
  for (const approver of cast.approvers)
    expect(
      comments.find((comment) => comment.text === approver && /^Approved/.test(comment.detail ?? '')),
    ).toBeDefined();

  // 5. Promotion: the faulty canary rolled back by the guard, the fixed one released.
  const production = result.deployments.filter((deployment) => deployment.environment === 'production');
  expect(production).toHaveLength(3); // the release before, the rolled-back canary, the fixed one
  expect(production[1]?.states.at(-1)).toBe('failure');
  expect(production[1]?.descriptions.at(-1)).toMatch(/^Rolled back from \d+%: errors: canary/);
  expect(production[2]?.states.at(-1)).toBe('success');
  expect(production[2]?.descriptions.at(-1)).toMatch(/^Released: 100%/);
  expect(result.canaries.map((run) => [run.version, run.result])).toEqual([
    ['1.1.0', 'rolled-back'],
    ['1.1.1', 'promoted'],
  ]);
  expect(result.canaries[1]?.samples.at(-1)?.weight).toBe(100);
  // The faulty rollout's chart: the weight went up and back to 0.
  expect(result.canaries[0]?.samples.some((sample) => sample.weight > 0)).toBe(true);
  expect(result.canaries[0]?.samples.at(-1)?.weight).toBe(0);
  const texts = result.slack.map((message) => message.text);
  expect(texts.some((text) => /^Rolled back 1\.1\.0 from \d+% of production: errors/.test(text))).toBe(true);
  expect(texts.some((text) => /^Released 1\.1\.1 to 100% of production/.test(text))).toBe(true);
  expect(comments.some((comment) => /^The canary was rolled back: errors/.test(comment.detail ?? ''))).toBe(
    true,
  );
  expect(
    comments.some((comment) => comment.detail?.startsWith('Released to production by the canary.')),
  ).toBe(true);

  // The living card: ONE top-level message for the ticket, updated in place to its final state, linked from Jira.
  const tops = result.slack.filter(
    (message) =>
      (message.threadTs === undefined || message.threadTs === message.ts) && message.text.includes(key),
  );
  expect(tops).toHaveLength(1);
  expect(card?.text.startsWith(`${key}: Released — `)).toBe(true);
  expect(card?.edited).toBe(true);
  const links = issue?.remoteLinks.filter((link) => link.url.includes(`p${card?.ts.replace('.', '')}`));
  expect(links).toHaveLength(1);
  expect(issue?.remoteLinks.filter((link) => /slack|archives/.test(link.url))).toHaveLength(1);
  // Its thread: one entry per stage change; QA and PM mentioned when staging was ready, on-call on the rollback.
  const entries = thread.map((message) => message.text);
  expect(new Set(entries).size).toBe(entries.length);
  const { onCall, qa, pm } = cast.mention;
  expect(
    entries.filter((text) => /Staging deployment successful/.test(text) && text.includes(`<@${qa}>`)),
  ).toHaveLength(1);
  expect(entries.some((text) => text.includes(`<@${qa}>`) && text.includes(`<@${pm}>`))).toBe(true);
  expect(
    entries.filter((text) => text.startsWith(`<@${onCall}> the canary rolled back: `) && /error/i.test(text)),
  ).toHaveLength(1);
  expect(entries.filter((text) => /Released to 100% of traffic/.test(text))).toHaveLength(1);

  // Release notes after the promotion: one GitHub release listing the ticket, one Confluence page in ENG.
  expect(result.releases).toHaveLength(1);
  expect(result.releases[0]?.name).toBe('dashboard 1.1.1');
  expect(result.releases[0]?.body).toContain(key);
  expect(result.release?.tag).toBe(result.releases[0]?.tag);
  expect(result.release?.issues).toContain(key);
  expect(result.pages).toHaveLength(1);
  expect(result.pages[0]?.title).toContain('dashboard 1.1.1');
  expect(result.pages[0]?.body).toContain(key);
  expect(result.release?.pageUrl).not.toBe('');
  expect(result.timeline.some((event) => /^release notes: GitHub release \S+ created/.test(event.text))).toBe(
    true,
  );

  // Datadog: the two monitors and the dashboard, set up after the release.
  expect(result.monitors?.changed).toBe(3);
  expect(result.monitors?.dashboardId).not.toBe('');

  // 6. DORA from the deployments GitHub holds: the rollback is a failed change.
  expect(result.dora?.text).toMatch(/Change failure rate: 33.3% \(1 of 3 deployments\)/);
  expect(result.dora?.html).toContain('<svg');
}

async function expectNothingLeft(result: DemoResult): Promise<void> {
  expect(result.resources.urls.length).toBeGreaterThanOrEqual(6);
  for (const url of result.resources.urls) expect([url, await refused(url)]).toEqual([url, true]);
  for (const dir of result.resources.dirs) await expect(stat(dir)).rejects.toMatchObject({ code: 'ENOENT' });
  expect(children()).toEqual([]);
}

describe('flowkit demo --fast', () => {
  let first: DemoResult;

  test('runs the whole flow: intake, CI, staging, approval, rollback, promotion, DORA; stops everything', async () => {
    const run = await demo('first');
    first = run.result;
    expect(run.err).toBe('');
    expect(run.code).toBe(0);
    expect(run.out).toContain('✔ intake: JIRA-1234 labelled team-frontend,service-dashboard,priority-high');
    expect(run.out).toContain('Jira: emulator');
    expect(run.out).toContain(`Report: ${join(reports, 'first', 'index.html')}`);
    expect(run.out).toMatch(/DORA for dashboard \(production\)/);
    expectTheWholeFlow(run.result, EMULATED);
    // Jira, Slack, Datadog, GitHub, Confluence, nginx, Prometheus, the three versions and staging.
    expect(run.result.resources.urls.length).toBe(11);
    await expectNothingLeft(run.result);
  });

  test('a second run works the same, with the Jira, Slack and Datadog the environment names', async () => {
    // "Your" Jira, Slack and Datadog: a project SHOP whose workflow reaches In Progress, QA and Done; one account that
    // files, is on call and approves; a bot in the team's channel; an organisation's keys. The demo must use them, and
    // leave them running.
    const statuses = ['To Do', 'In Progress', 'QA', 'Done'];
    const workflow: JiraWorkflowDef = {
      name: 'Shop workflow',
      statuses: statuses.map((name, index) => ({
        id: String(20_000 + index),
        name,
        category: index === 0 ? 'new' : index === 3 ? 'done' : 'indeterminate',
      })),
      transitions: statuses.map((to, index) => ({
        id: String(100 + index),
        name: `To ${to}`,
        from: [],
        to,
      })),
    };
    const dev = {
      accountId: '5b10dev0000000000000000001',
      displayName: 'Dana Dev',
      emailAddress: 'dana@shop.test',
    };
    const jira = await JiraEmulator.start({
      users: [dev],
      credentials: [{ accountId: dev.accountId, email: dev.emailAddress, apiToken: 'dana-token' }],
      projects: [{ key: 'SHOP', workflow }],
    });
    const channel = 'C0SHOPTEAM';
    const slack = await SlackEmulator.start({
      channels: [{ id: channel, name: 'shop-team', members: ['UBOT'] }],
      users: [{ id: 'U0DANA0001', name: 'dana', email: dev.emailAddress }],
    });
    const datadog = await DatadogEmulator.start();
    try {
      const run = await demo('second', {
        JIRA_URL: jira.url,
        JIRA_EMAIL: dev.emailAddress,
        JIRA_API_TOKEN: 'dana-token',
        JIRA_PROJECT: 'SHOP',
        SLACK_BOT_TOKEN: DEFAULT_SLACK_TOKEN,
        SLACK_CHANNEL: channel,
        SLACK_API_URL: slack.apiUrl,
        DD_API_KEY: DEFAULT_DD_API_KEY,
        DD_APP_KEY: DEFAULT_DD_APP_KEY,
        DD_API_URL: datadog.url,
      });
      sentToYours = { jira: [...jira.requests], slack: [...slack.requests], datadog: [...datadog.requests] };
      expect(run.code).toBe(0);
      expect(run.out).toContain(`Jira: real: ${jira.url}, project SHOP, as ${dev.emailAddress}`);
      expect(run.out).toContain(`Slack: real: channel ${channel}`);
      expect(run.out).toContain(`Datadog: real: ${datadog.url}`);
      expectTheWholeFlow(run.result, {
        key: 'SHOP-1',
        channel: { id: channel, name: channel },
        assignee: dev.displayName,
        approvers: [dev.displayName],
        mention: { onCall: 'U0DANA0001', qa: 'U0DANA0001', pm: 'U0DANA0001' },
      });
      // The ticket was filed through Jira's API by the account, and ended Done there; the card lives in that channel.
      const filed = jira.requests.filter((request) => request.operation === 'POST /rest/api/3/issue');
      expect(filed.map((request) => [request.status, request.body])).toEqual([
        [201, { fields: expect.objectContaining({ project: { key: 'SHOP' }, summary: TITLE }) }],
      ]);
      const issue = jira.issue('SHOP-1');
      expect([issue.status, issue.labels]).toEqual([
        'Done',
        ['team-frontend', 'service-dashboard', 'priority-high'],
      ]);
      const [card] = slack.messages(channel);
      expect(card?.text?.startsWith('SHOP-1: Released — ')).toBe(true);
      expect(slack.messages(channel).map((message) => message.ts)).toEqual(
        run.result.slack.map((message) => message.ts),
      );
      const monitors = [...datadog.state.monitors.values()];
      expect(monitors).toHaveLength(2);
      for (const monitor of monitors)
        expect(monitor.tags).toEqual(expect.arrayContaining(['service:dashboard']));
      expect(datadog.state.dashboards.size).toBe(1);
      // Only the demo's own servers were stopped: three fewer (no Jira, Slack or Datadog emulator), none of the first
      // run's.
      expect(run.result.resources.urls).toHaveLength(first.resources.urls.length - 3);
      expect(run.result.resources.urls.filter((url) => first.resources.urls.includes(url))).toEqual([]);
      await expectNothingLeft(run.result);
      await expect(fetch(`${jira.url}/status`).then((answer) => answer.status)).resolves.toBeLessThan(500);
    } finally {
      await Promise.all([jira.stop(), slack.stop(), datadog.stop()]);
    }
  });

  test('Ctrl-C during staging: exit 130, everything stopped, the report says where it stopped', async () => {
    const report = join(reports, 'cancelled');
    // Its own process group, signalled as a whole: what a terminal does on Ctrl-C.
    const child = spawn(process.execPath, [BIN, 'demo', '--fast', '--report', report], {
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let signalled = false;
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
      if (!signalled && stdout.includes('… staging:')) {
        signalled = true;
        process.kill(-(child.pid as number), 'SIGINT');
      }
    });
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(signalled).toBe(true);
    expect(code).toBe(130);
    expect(stdout).toContain('cancelled: stopping everything the demo started');
    const result = JSON.parse(await readFile(join(report, 'run.json'), 'utf8')) as DemoResult;
    expect(result.ok).toBe(false);
    expect(result.timeline.filter((event) => event.kind === 'failed').map((event) => event.step)).toEqual([
      'staging',
    ]);
    await expectNothingLeft(result);
    expect(inGroup(child.pid as number)).toEqual([]);
    await expect(readFile(join(report, 'index.html'), 'utf8')).resolves.toContain('The flow stopped early');
  });

  test('the report page shows the timeline, the charts, Slack, Jira and DORA in Chromium, offline', async () => {
    const browser = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    });
    try {
      const page = await browser.newPage();
      const requested: string[] = [];
      page.on('request', (request) => requested.push(request.url()));
      const file = pathToFileURL(join(reports, 'first', 'index.html')).href;
      await page.goto(file);
      expect(requested).toEqual([file]);
      await expect(page.title()).resolves.toBe('Flowkit demo — JIRA-1234');
      expect(await page.locator('#timeline tbody tr').count()).toBe(first.timeline.length);
      await expect(page.locator('#timeline tbody tr.failed').count()).resolves.toBe(0);
      const charts = page.locator('#canaries figure.chart');
      expect(
        await charts.evaluateAll((figures) => figures.map((f) => f.getAttribute('data-result'))),
      ).toEqual(['rolled-back', 'promoted']);
      for (const index of [0, 1]) {
        const chart = charts.nth(index);
        await expect(chart.locator('svg').isVisible()).resolves.toBe(true);
        const box = await chart.locator('svg').boundingBox();
        expect(box?.width).toBeGreaterThan(300);
        const series = await chart
          .locator('polyline.series')
          .evaluateAll((lines) => lines.map((line) => line.getAttribute('data-series')));
        expect(series).toContain('canary weight');
        expect(series.some((name) => name?.endsWith('error rate'))).toBe(true);
      }
      await expect(page.locator('#slack').textContent()).resolves.toContain(
        `[JIRA-1234] Staging deployment successful. Review here: ${first.stagingUrl}`,
      );
      // The card in its final state, marked as updated in place; the release notes with the ticket and the page.
      const card = page.locator('#slack > li').first().locator('.message').first();
      await expect(card.textContent()).resolves.toMatch(/^JIRA-1234: Released — .*updated in place/);
      const release = await page.locator('#release').textContent();
      expect(release).toContain(`GitHub release ${first.release?.tag}: JIRA-1234`);
      expect(release).toContain(first.release?.pageUrl);
      const jira = await page.locator('#jira').textContent();
      expect(jira).toContain('In Progress → QA');
      expect(jira).toContain('Sarah Lee');
      await expect(page.locator('#dora svg').count()).resolves.toBeGreaterThan(0);
    } finally {
      await browser.close();
    }
  });
});

describeWithContracts("the demo's requests to your Jira, Slack and Datadog", () => {
  test('fit Atlassian’s, Slack’s and Datadog’s API descriptions, and so do the answers', () => {
    expect(sentToYours).toBeDefined();
    const { jira = [], slack = [], datadog = [] } = sentToYours ?? {};
    expect(jira.some((request) => request.operation === 'POST /rest/api/3/issue')).toBe(true);
    expect(slack.some((request) => request.method === 'conversations.history')).toBe(true);
    expect(datadog.length).toBeGreaterThan(0);
    const problems = [
      ...jira
        .filter((request) => request.pathname.startsWith('/rest/api/3/'))
        .flatMap((request) =>
          unexplainedJiraProblems([...checkJiraRequest(request), ...checkJiraResponse(request)]),
        ),
      ...slack.flatMap((request) =>
        unexplainedSlackProblems([...checkSlackRequest(request), ...checkSlackResponse(request)]),
      ),
      ...datadog.flatMap((request) =>
        unexplainedDatadogProblems([...checkDatadogRequest(request), ...checkDatadogResponse(request)]),
      ),
    ];
    expect(problems).toEqual([]);
  });
});
