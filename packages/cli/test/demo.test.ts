// `flowkit demo` through its door, twice on the compressed schedule: every step's outcome in the emulators' recorded
// state (run.json), nothing left running, then the report page in headless Chromium.
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, jest, test } from '@jest/globals';
import { chromium } from 'playwright-core';
import type { DemoResult } from '../src/demo/run.ts';
import { runCli } from '../src/main.ts';

jest.setTimeout(420_000);

const BIN = join(dirname(fileURLToPath(import.meta.url)), '..', 'bin', 'flowkit.js');

const TITLE =
  '[FEAT] As a user, I want to see my top 5 active deployments on a dashboard so I can monitor them at a glance';

let reports: string;

beforeAll(async () => {
  reports = await mkdtemp(join(tmpdir(), 'flowkit-demo-test-'));
});

afterAll(async () => {
  await rm(reports, { recursive: true, force: true });
});

async function demo(name: string): Promise<{ code: number; out: string; err: string; result: DemoResult }> {
  let out = '';
  let err = '';
  const code = await runCli(['demo', '--fast', '--report', join(reports, name)], {
    stdin: (async function* () {})(),
    write: (text) => (out += text),
    error: (text) => (err += text),
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

/** Every step's outcome, as the emulators recorded it. */
function expectTheWholeFlow(result: DemoResult): void {
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
    'teardown',
    'dora',
    'demo',
  ]);
  expect(result.timeline.filter((event) => event.kind === 'failed')).toEqual([]);

  // 1. Intake: labels, the on-call engineer, the channel told; the message is the ticket's card.
  const issue = result.issue;
  expect(issue?.labels).toEqual(['team-frontend', 'service-dashboard', 'priority-high']);
  expect(issue?.assignee).toBe('Sarah Lee');
  const [card, ...rest] = result.slack;
  expect(card?.channel).toBe('devops-team-frontend');
  expect(card?.text).toContain(TITLE);
  expect(card?.text).toContain('JIRA-1234');
  expect(issue?.properties['flowkit-slack']).toEqual({ channel: 'C0FRONTEND', ts: card?.ts });

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
    `[JIRA-1234] Staging deployment successful. Review here: ${result.stagingUrl}`,
  );
  expect(
    result.timeline.some((event) => /end-to-end: [1-9]\d* passed, 0 failed in Chromium/.test(event.text)),
  ).toBe(true);
  const staging = result.deployments.filter((deployment) => deployment.environment === 'staging');
  expect(staging.map((deployment) => deployment.states)).toEqual([['in_progress', 'success', 'inactive']]);

  // 4. Approval by comment, as check-approvals reads it.
  const comments = result.jira.filter((change) => change.kind === 'comment');
  expect(comments.map((comment) => comment.text)).toEqual(expect.arrayContaining(['Quinn QA', 'Pat PM']));
  expect(comments.find((comment) => comment.text === 'Quinn QA')?.detail).toMatch(/^Approved/);

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
      (message.threadTs === undefined || message.threadTs === message.ts) &&
      message.text.includes('JIRA-1234'),
  );
  expect(tops).toHaveLength(1);
  expect(card?.text).toMatch(/^JIRA-1234: Released — /);
  expect(card?.edited).toBe(true);
  const links = issue?.remoteLinks.filter((link) => link.url.includes(`p${card?.ts.replace('.', '')}`));
  expect(links).toHaveLength(1);
  expect(issue?.remoteLinks.filter((link) => /slack|archives/.test(link.url))).toHaveLength(1);
  // Its thread: one entry per stage change; QA and PM mentioned when staging was ready, on-call on the rollback.
  const entries = thread.map((message) => message.text);
  expect(new Set(entries).size).toBe(entries.length);
  expect(
    entries.filter((text) => /Staging deployment successful/.test(text) && /<@U0QUINN001>/.test(text)),
  ).toHaveLength(1);
  expect(entries.some((text) => /<@U0QUINN001>/.test(text) && /<@U0PAT00001>/.test(text))).toBe(true);
  expect(entries.filter((text) => /^<@U0SARAH001> the canary rolled back: .*error/i.test(text))).toHaveLength(
    1,
  );
  expect(entries.filter((text) => /Released to 100% of traffic/.test(text))).toHaveLength(1);

  // Release notes after the promotion: one GitHub release listing the ticket, one Confluence page in ENG.
  expect(result.releases).toHaveLength(1);
  expect(result.releases[0]?.name).toBe('dashboard 1.1.1');
  expect(result.releases[0]?.body).toContain('JIRA-1234');
  expect(result.release?.tag).toBe(result.releases[0]?.tag);
  expect(result.release?.issues).toContain('JIRA-1234');
  expect(result.pages).toHaveLength(1);
  expect(result.pages[0]?.title).toContain('dashboard 1.1.1');
  expect(result.pages[0]?.body).toContain('JIRA-1234');
  expect(result.release?.pageUrl).not.toBe('');
  expect(result.timeline.some((event) => /^release notes: GitHub release \S+ created/.test(event.text))).toBe(
    true,
  );

  // 6. DORA from the deployments GitHub holds: the rollback is a failed change.
  expect(result.dora?.text).toMatch(/Change failure rate: 33.3% \(1 of 3 deployments\)/);
  expect(result.dora?.html).toContain('<svg');
}

async function expectNothingLeft(result: DemoResult): Promise<void> {
  expect(result.resources.urls.length).toBeGreaterThanOrEqual(8);
  for (const url of result.resources.urls) expect([url, await refused(url)]).toEqual([url, true]);
  for (const dir of result.resources.dirs) await expect(stat(dir)).rejects.toMatchObject({ code: 'ENOENT' });
  expect(children()).toEqual([]);
}

describe('flowkit demo --fast', () => {
  let first: DemoResult;

  test('runs the whole flow: intake, CI, staging, approval, rollback, promotion, DORA; stops everything', async () => {
    const run = await demo('first');
    expect(run.err).toBe('');
    expect(run.code).toBe(0);
    expect(run.out).toContain('✔ intake: JIRA-1234 labelled team-frontend,service-dashboard,priority-high');
    expect(run.out).toContain(`Report: ${join(reports, 'first', 'index.html')}`);
    expect(run.out).toMatch(/DORA for dashboard \(production\)/);
    expectTheWholeFlow(run.result);
    await expectNothingLeft(run.result);
    first = run.result;
  });

  test('a second run works the same', async () => {
    const run = await demo('second');
    expect(run.code).toBe(0);
    expectTheWholeFlow(run.result);
    await expectNothingLeft(run.result);
    expect(run.result.resources.urls).not.toEqual(first.resources.urls);
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
