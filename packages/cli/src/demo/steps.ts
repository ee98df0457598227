// The demo's steps, in the order of Flowkit's reusable workflows (intake, CI, staging, promote), as data: each runs the
// same actions with the same inputs as its workflow, by running the committed bundles under the runner's contract.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdir, readdir, readFile, symlink, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  type ActionRun,
  DEFAULT_GITHUB_TOKEN,
  type ExampleService,
  freePort,
  runAction,
  runLoad,
} from '@flowkit/testing';
import { doraOfRun } from './dora.ts';
import type { CanaryRun, CanarySample, DemoRecord } from './record.ts';
import { CONFLUENCE_SPACE, jiraAs, REPO, VERSIONS, type World } from './world.ts';

/** The canary plan: `fast` is the test's compressed schedule; the default is slower but still a few minutes. */
export interface Schedule {
  steps: string;
  duration: string;
  minStep: string;
  interval: string;
  watch: string;
  /** Requests per second through nginx while a canary runs. */
  load: number;
}

export const SCHEDULES: Record<'fast' | 'default', Schedule> = {
  fast: { steps: '10,50,100', duration: '24s', minStep: '4s', interval: '2s', watch: '2s', load: 100 },
  default: { steps: '5,25,50,100', duration: '60s', minStep: '6s', interval: '3s', watch: '6s', load: 100 },
};

/** What steps share while the demo runs. */
export interface DemoContext {
  world: World;
  /** When the demo began (the ticket's creation). */
  startedAt: number;
  schedule: Schedule;
  /** Asks a yes/no question on the terminal (--interactive); undefined: approvals are given automatically. */
  ask: ((question: string) => Promise<boolean>) | undefined;
  /** Adds a line to the timeline under the current step. */
  note(text: string): void;
  /** When the ticket was seen in Done (the release, for DORA's ticket lead time). */
  releasedAt?: number;
  stagingUrl?: string;
  /** provision-staging's vars, once staging was provisioned (teardown uses the same). */
  stagingVars?: string;
  canaries: CanaryRun[];
  release?: DemoRecord['release'];
  /** What monitor-guard's set-up changed in Datadog, and the service's dashboard. */
  monitors?: { changed: number; dashboardId: string };
  dora?: DemoRecord['dora'];
}

/** One step of the flow. `run` resolves with a one-line outcome, or throws to stop the demo. */
export interface DemoStep {
  id: string;
  title: string;
  run(context: DemoContext): Promise<string>;
}

const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
const EXAMPLE = join(ROOT, 'examples', 'deployments-dashboard');
const PLAYBOOK = join(ROOT, 'packages', 'provision', 'ansible', 'deployments-dashboard.yml');

interface Trigger {
  /** The commit (message in the GitHub emulator) the workflow runs on. */
  commit: string;
  branch: string;
  eventName?: string;
  event?: Record<string, unknown>;
  workspace?: string;
  timeoutMs?: number;
}

/** Runs one action's bundle as a workflow step on `trigger`; a failed step throws with its ::error:: lines. */
async function step(
  context: DemoContext,
  action: string,
  inputs: Record<string, string>,
  trigger: Trigger,
  allowFailure = false,
): Promise<ActionRun> {
  const { github } = context.world;
  const run = await runAction({
    action: `actions/${action}`,
    githubToken: DEFAULT_GITHUB_TOKEN,
    workspace: trigger.workspace ?? context.world.workspace,
    eventName: trigger.eventName ?? 'push',
    event: trigger.event ?? {},
    timeoutMs: trigger.timeoutMs ?? 120_000,
    github: {
      GITHUB_API_URL: github.url,
      GITHUB_REPOSITORY: `${REPO.owner}/${REPO.repo}`,
      GITHUB_SHA: github.sha(REPO.owner, REPO.repo, trigger.commit),
      GITHUB_REF: `refs/heads/${trigger.branch}`,
      GITHUB_REF_NAME: trigger.branch,
    },
    with: inputs,
  });
  for (const warning of run.warnings) context.note(`${action}: warning: ${warning}`);
  if (run.exitCode !== 0 && !allowFailure) {
    const why =
      run.errors.join('; ') || run.stderr.trim().split('\n').slice(-3).join(' ') || `exit ${run.exitCode}`;
    throw new Error(`${action} failed: ${why}`);
  }
  return run;
}

function jiraInputs(context: DemoContext): Record<string, string> {
  const { url, email, apiToken } = context.world.jiraCredentials;
  return { 'jira-url': url, 'jira-email': email, 'jira-api-token': apiToken };
}

function slackInputs(context: DemoContext): Record<string, string> {
  const { token, apiUrl, channel } = context.world.slack;
  return { token, 'api-url': apiUrl, channel: channel.id };
}

/** A push of the feature on the ticket's branch. */
function onBranch(context: DemoContext): Trigger {
  const { story } = context.world;
  return { commit: story.commits.feature, branch: story.branch };
}

/**
 * A workflow's `card` job: ticket-card rebuilds the ticket's living Slack card from Jira and GitHub. Best-effort like
 * in the workflows (continue-on-error): a failure is a line in the timeline, never the end of the demo.
 */
async function card(context: DemoContext, inputs: Record<string, string>, trigger: Trigger): Promise<string> {
  const run = await step(
    context,
    'ticket-card',
    {
      ...jiraInputs(context),
      'slack-token': context.world.slack.token,
      'slack-api-url': context.world.slack.apiUrl,
      ...inputs,
    },
    trigger,
    true,
  );
  if (run.exitCode !== 0) {
    context.note(`ticket-card failed: ${run.errors.join('; ') || `exit ${run.exitCode}`}`);
    return 'the card was not updated';
  }
  const entries = run.outputs.entries ? `, thread: ${run.outputs.entries}` : '';
  context.note(`card → ${run.outputs.stage ?? '?'}${entries}`);
  return `card: ${run.outputs.stage ?? '?'}`;
}

/** toJSON(needs) of reusable-ci.yml's card job, from the demo's CI runs. */
function ciJobs(runs: Record<string, ActionRun>): string {
  const needs: Record<string, { result: string; outputs: Record<string, string> }> = {};
  for (const [job, run] of Object.entries(runs))
    needs[job] = { result: run.exitCode === 0 ? 'success' : 'failure', outputs: {} };
  return JSON.stringify(needs);
}

// --- 1. Intake -----------------------------------------------------------------------------------------------------

const intake: DemoStep = {
  id: 'intake',
  title: 'A Jira ticket arrives: triage, route, assign, tell the team',
  async run(context) {
    // reusable-ticket-intake.yml: Jira's automation sends a repository_dispatch with the new ticket's key.
    const { story, slack } = context.world;
    const dispatch: Trigger = {
      commit: story.commits.initial,
      branch: 'main',
      eventName: 'repository_dispatch',
      event: { action: 'jira-ticket-created', client_payload: { issue: { key: story.key } } },
    };
    const run = await step(
      context,
      'jira-triage',
      {
        ...jiraInputs(context),
        'slack-token': slack.token,
        'slack-api-url': slack.apiUrl,
        force: 'false',
      },
      dispatch,
    );
    // Its card job: the new-ticket message becomes the ticket's living card.
    const cardOutcome = await card(context, { 'issue-key': story.key }, dispatch);
    return `${story.key} labelled ${run.outputs.labels}, assigned to ${run.outputs.assignee}, #${slack.channel.name} told; ${cardOutcome}`;
  },
};

// --- 2. A push: the ticket moves, CI runs ---------------------------------------------------------------------------

/**
 * The service's repository as CI checks it out: the example service's sources (no build output) at the top, its
 * TypeScript settings standalone, and the dependencies `npm ci` would install (the monorepo's, linked).
 */
async function checkout(context: DemoContext): Promise<void> {
  const { workspace } = context.world;
  const skip = new Set(['node_modules', 'playwright-report', 'test-results', 'dist']);
  await cp(EXAMPLE, workspace, {
    recursive: true,
    filter: (source) => !skip.has(basename(source)),
  });
  const base = JSON.parse(await readFile(join(ROOT, 'tsconfig.json'), 'utf8')) as {
    compilerOptions: unknown;
  };
  await writeFile(
    join(workspace, 'tsconfig.base.json'),
    `${JSON.stringify({ compilerOptions: base.compilerOptions }, null, 2)}\n`,
  );
  for (const [file, extendsPath] of [
    ['tsconfig.json', './tsconfig.base.json'],
    ['web/tsconfig.json', '../tsconfig.base.json'],
  ] as const) {
    const config = JSON.parse(await readFile(join(workspace, file), 'utf8')) as Record<string, unknown>;
    await writeFile(
      join(workspace, file),
      `${JSON.stringify({ ...config, extends: extendsPath }, null, 2)}\n`,
    );
  }
  // `npm ci`: the monorepo's dependencies and the service's own (workspaces hoist most of them to the root).
  const modules = join(workspace, 'node_modules');
  await mkdir(modules, { recursive: true });
  for (const from of [join(ROOT, 'node_modules'), join(EXAMPLE, 'node_modules')]) {
    for (const entry of await readdir(from).catch(() => [] as string[])) {
      if (entry.startsWith('.')) continue;
      await symlink(join(from, entry), join(modules, entry)).catch((error: unknown) => {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      });
    }
  }
}

const push: DemoStep = {
  id: 'push',
  title: 'A change is pushed on the ticket’s branch: the ticket moves to In Progress',
  async run(context) {
    context.note(`pushed ${context.world.story.branch}`);
    const run = await step(
      context,
      'jira-transition',
      { ...jiraInputs(context), status: 'in-progress' },
      onBranch(context),
    );
    return `${run.outputs.transitioned || run.outputs.unchanged} → In Progress`;
  },
};

const ci: DemoStep = {
  id: 'ci',
  title: 'CI: lint and the security scan',
  async run(context) {
    await checkout(context);
    // reusable-ci.yml's lint and security-scan jobs, with its default inputs.
    const lint = await step(context, 'lint', { linters: '' }, onBranch(context));
    const scan = await step(
      context,
      'security-scan',
      { 'fail-on-severity': 'error', upload: 'true' },
      onBranch(context),
    );
    // reusable-ci.yml's card job: needs [test, lint, security-scan], ci-jobs: toJSON(needs); the key is the branch's.
    const cardOutcome = await card(
      context,
      { 'ci-jobs': ciJobs({ lint, 'security-scan': scan }) },
      onBranch(context),
    );
    return `lint: ${lint.outputs.findings ?? '0'} finding(s) (${lint.outputs.linters || 'no linter'}); security scan: ${scan.outputs.findings ?? '0'} finding(s), ${scan.outputs.blocking ?? '0'} blocking; ${cardOutcome}`;
  },
};

// --- 3. Staging ------------------------------------------------------------------------------------------------------

/** The staging workflow's build step: the widget is deployed built. */
function buildWidget(): void {
  if (existsSync(join(EXAMPLE, 'web', 'dist', 'index.html'))) return;
  const vite = join(dirname(createRequire(import.meta.url).resolve('vite/package.json')), 'bin', 'vite.js');
  const build = spawnSync(process.execPath, [vite, 'build'], { cwd: EXAMPLE, encoding: 'utf8' });
  if (build.status !== 0)
    throw new Error(`the widget's build (vite build) failed:\n${build.stdout}${build.stderr}`);
}

async function vars(context: DemoContext): Promise<string> {
  context.stagingVars ??= JSON.stringify({
    deploy_root: context.world.deployRoot,
    dashboard_source: EXAMPLE,
    service_port: await freePort(),
    nginx_port: await freePort(),
    node_binary: process.execPath,
  });
  return context.stagingVars;
}

const staging: DemoStep = {
  id: 'staging',
  title: 'Staging: Ansible behind nginx, Playwright in Chromium, Slack told, the ticket to QA',
  async run(context) {
    buildWidget();
    const provisioned = await step(
      context,
      'provision-staging',
      { driver: 'ansible', playbook: PLAYBOOK, vars: await vars(context) },
      { ...onBranch(context), timeoutMs: 240_000 },
    );
    const url = provisioned.outputs.url ?? '';
    context.stagingUrl = url;
    context.note(`staging is up at ${url}`);
    const sha = context.world.github.sha(REPO.owner, REPO.repo, context.world.story.commits.feature);
    const tested = await step(
      context,
      'e2e',
      {
        url,
        'working-directory': 'examples/deployments-dashboard',
        'expected-commit': sha,
        'deployment-id': provisioned.outputs['deployment-id'] ?? '',
        'artifact-name': '',
      },
      { ...onBranch(context), workspace: ROOT, timeoutMs: 240_000 },
    );
    context.note(`end-to-end: ${tested.outputs.passed} passed, ${tested.outputs.failed} failed in Chromium`);
    const moved = await step(
      context,
      'jira-transition',
      {
        ...jiraInputs(context),
        status: 'in-qa',
        comment: 'Staging deployment successful. Review here.',
        'staging-url': url,
      },
      onBranch(context),
    );
    const key = moved.outputs['primary-key'] ?? '';
    await step(
      context,
      'slack-notify',
      {
        ...slackInputs(context),
        template: 'staging-ready',
        'thread-key': key,
        'update-key': key === '' ? '' : `${key}/staging`,
        values: JSON.stringify({ key, url }),
      },
      onBranch(context),
    );
    // reusable-staging.yml's card job: the staging deployment's id; the key is the branch's.
    const cardOutcome = await card(
      context,
      { 'staging-deployment-id': provisioned.outputs['deployment-id'] ?? '' },
      onBranch(context),
    );
    return `${url}: ${tested.outputs.passed} e2e test(s) passed; ${key} → QA; Slack told; ${cardOutcome}`;
  },
};

// --- 4. Approval -----------------------------------------------------------------------------------------------------

const approval: DemoStep = {
  id: 'approval',
  title: 'Approval: QA and product approve by comment',
  async run(context) {
    const { story, approvers, jiraCredentials } = context.world;
    const given: string[] = [];
    for (const approver of approvers) {
      const who = `${approver.name} (${approver.groups})`;
      if (context.ask !== undefined && !(await context.ask(`Approve ${story.key} as ${who}?`))) {
        context.note(`${who} did not approve`);
        continue;
      }
      const jira = jiraAs(jiraCredentials.url, approver);
      await jira.addComment(story.key, [[{ text: approver.words }]]);
      given.push(who);
    }
    // The approvals are Jira comments; the card shows them (awaiting-approval → approved) on its next rebuild.
    const cardOutcome = await card(context, { 'issue-key': story.key }, onBranch(context));
    return `${given.length === 0 ? 'no approval given' : `approved by ${given.join(' and ')}`}; ${cardOutcome}`;
  },
};

// --- 5. Promotion ----------------------------------------------------------------------------------------------------

function weightOf(world: World, since: number): number {
  const deployment = world.github
    .deployments(REPO.owner, REPO.repo)
    .filter((candidate) => candidate.environment === 'production')
    .at(-1);
  if (deployment === undefined || deployment.id < since) return 0;
  for (const status of [...deployment.statuses].reverse()) {
    const text = status.description ?? '';
    const at = /^Canary at ([\d.]+)%/.exec(text);
    if (at) return Number(at[1]);
    if (text.startsWith('Released')) return 100;
    if (text.startsWith('Rolled back')) return 0;
  }
  return 0;
}

async function errorRates(world: World): Promise<Record<string, number | null>> {
  const query = (filter: string) =>
    world.prometheus.query(`sum by (version) (rate(http_requests_total{route!="/metrics"${filter}}[4s]))`);
  const [errors, all] = await Promise.all([query(',status=~"5.."'), query('')]);
  const rates: Record<string, number | null> = {};
  for (const sample of all) {
    const version = sample.labels.version ?? '';
    const bad = errors.find((candidate) => candidate.labels.version === version)?.value ?? 0;
    rates[version] = sample.value > 0 ? bad / sample.value : null;
  }
  return rates;
}

/**
 * Samples the weight and both arms' error rates every half second until `done()`, and once more after it (the
 * last seconds' rates still count the canary's answers); never throws: a failed read is a gap in the chart.
 */
async function sample(world: World, canary: ExampleService, done: () => boolean): Promise<CanarySample[]> {
  const samples: CanarySample[] = [];
  const start = Date.now();
  const since = Math.max(0, ...world.github.deployments(REPO.owner, REPO.repo).map((d) => d.id)) + 1;
  const take = async () => {
    const rates = await errorRates(world).catch(() => ({}) as Record<string, number | null>);
    samples.push({
      t: Math.round((Date.now() - start) / 100) / 10,
      weight: weightOf(world, since),
      canaryErrorRate: rates[canary.version] ?? null,
      stableErrorRate: rates[VERSIONS.stable] ?? null,
    });
  };
  while (!done()) {
    await take();
    for (let waited = 0; waited < 500 && !done(); waited += 100) await new Promise((r) => setTimeout(r, 100));
  }
  await take();
  return samples;
}

/** reusable-promote.yml's promote job for one version: approvals, the announcement, the canary, the tickets. */
async function promote(context: DemoContext, canary: ExampleService, commit: string): Promise<CanaryRun> {
  const { world, schedule } = context;
  const trigger: Trigger = { commit, branch: 'main', timeoutMs: 300_000 };
  await step(
    context,
    'jira-transition',
    { ...jiraInputs(context), 'check-approvals': 'true', 'since-deployment': 'production' },
    trigger,
  );
  context.note(`approvals checked for ${canary.version}`);
  const announce = await step(
    context,
    'slack-notify',
    {
      ...slackInputs(context),
      template: 'promote-started',
      values: JSON.stringify({ version: canary.version, plan: schedule.steps }),
    },
    trigger,
    true,
  );
  let done = false;
  const load = runLoad({
    url: `${world.nginx.url}/api/deployments/top`,
    ratePerSecond: schedule.load,
    maxInFlight: 32,
    until: () => done,
  });
  const samples = sample(world, canary, () => done);
  let run: ActionRun;
  try {
    run = await step(
      context,
      'canary-promote',
      {
        service: 'dashboard',
        version: canary.version,
        'stable-version': VERSIONS.stable,
        environment: 'production',
        steps: schedule.steps,
        duration: schedule.duration,
        'min-step': schedule.minStep,
        interval: schedule.interval,
        watch: schedule.watch,
        traffic: 'nginx',
        'traffic-options': world.trafficOptions(canary),
        metrics: 'prometheus',
        'prometheus-url': world.prometheus.url,
        'latency-threshold': '250ms',
        'slack-token': world.slack.token,
        'slack-channel': announce.outputs['channel-id'] ?? '',
        'slack-thread-ts': announce.outputs.ts ?? '',
        'slack-api-url': world.slack.apiUrl,
      },
      trigger,
      true,
    );
  } finally {
    done = true;
    await load;
  }
  const result =
    run.outputs.result === 'promoted' || run.outputs.result === 'rolled-back' ? run.outputs.result : 'failed';
  if (result === 'failed')
    throw new Error(`canary-promote failed: ${run.errors.join('; ') || `exit ${run.exitCode}`}`);
  let moved: ActionRun;
  if (result === 'promoted') {
    moved = await step(
      context,
      'jira-transition',
      {
        ...jiraInputs(context),
        status: 'done',
        'since-deployment': 'production',
        comment: 'Released to production by the canary.',
      },
      trigger,
    );
  } else {
    moved = await step(
      context,
      'jira-transition',
      {
        ...jiraInputs(context),
        'since-deployment': 'production',
        comment: `The canary was rolled back: ${run.outputs.reason ?? ''}`,
      },
      trigger,
    );
  }
  // reusable-promote.yml's card job: the release's tickets, the rollout's deployment and the canary's reason.
  const keys = moved.outputs.keys ?? '';
  if (keys !== '')
    await card(
      context,
      {
        'issue-key': keys,
        'deployment-id': run.outputs['deployment-id'] ?? '',
        'canary-numbers': run.outputs.reason ?? '',
      },
      trigger,
    );
  if (result === 'promoted') await releaseNotes(context, canary, trigger);
  const record: CanaryRun = {
    version: canary.version,
    result,
    reason: run.outputs.reason ?? '',
    samples: await samples,
  };
  context.canaries.push(record);
  return record;
}

/**
 * reusable-promote.yml's release-notes job after a promotion: the GitHub release and the Confluence page. The demo's
 * Confluence is its own emulator, so confluence-url is given (the workflow's default is the Jira site).
 */
async function releaseNotes(context: DemoContext, canary: ExampleService, trigger: Trigger): Promise<void> {
  const run = await step(
    context,
    'release-notes',
    {
      ...jiraInputs(context),
      name: `dashboard ${canary.version}`,
      environment: 'production',
      'confluence-space': CONFLUENCE_SPACE,
      'confluence-url': context.world.confluence.url,
      'confluence-api-token': context.world.jiraCredentials.apiToken,
    },
    trigger,
  );
  context.release = {
    tag: run.outputs.tag ?? '',
    url: run.outputs['release-url'] ?? '',
    issues: (run.outputs.issues ?? '').split(',').filter((key) => key !== ''),
    pageUrl: run.outputs['page-url'] ?? '',
  };
  context.note(
    `release notes: GitHub release ${context.release.tag} ${run.outputs.release ?? ''} (${context.release.issues.join(', ') || 'no ticket'}); Confluence page ${run.outputs.page ?? ''} in ${CONFLUENCE_SPACE}`,
  );
}

const faultyCanary: DemoStep = {
  id: 'canary-faulty',
  title: `Promotion of ${VERSIONS.faulty} (with an injected fault): the guard rolls it back`,
  async run(context) {
    const run = await promote(context, context.world.faulty, context.world.story.commits.merge);
    if (run.result !== 'rolled-back') throw new Error(`the faulty canary was ${run.result}, not rolled back`);
    return `rolled back: ${run.reason}`;
  },
};

const fixedCanary: DemoStep = {
  id: 'canary-fixed',
  title: `Promotion of the fixed ${VERSIONS.fixed}: canary to 100%, the ticket to Done`,
  async run(context) {
    const run = await promote(context, context.world.fixed, context.world.story.commits.fix);
    if (run.result !== 'promoted') throw new Error(`the fixed canary was ${run.result}: ${run.reason}`);
    return `${VERSIONS.fixed} serves 100% of production; ${context.world.story.key} → Done`;
  },
};

/**
 * reusable-promote.yml's monitors job (teams whose metrics are in Datadog): after a promotion the service's monitors
 * (error rate and p95 latency by version) and dashboard are created, or updated when a threshold changed. The demo's
 * canary read Prometheus on this machine; its Datadog is the emulator unless DD_API_KEY and DD_APP_KEY name yours.
 */
const monitors: DemoStep = {
  id: 'monitors',
  title: 'Datadog: the service’s monitors and dashboard follow the release',
  async run(context) {
    const { datadog, slack, services } = context.world;
    const run = await step(
      context,
      'monitor-guard',
      {
        mode: 'setup',
        service: 'dashboard',
        environment: 'production',
        // Datadog's Slack integration names channels; a real channel is known here only by its ID.
        notify: services.Slack === 'emulator' ? `@slack-${slack.channel.name}` : '',
        metrics: 'datadog',
        'metrics-options': datadog.apiUrl === undefined ? '' : JSON.stringify({ apiUrl: datadog.apiUrl }),
        'datadog-api-key': datadog.apiKey,
        'datadog-app-key': datadog.appKey,
        'datadog-site': datadog.site ?? '',
      },
      { commit: context.world.story.commits.fix, branch: 'main' },
    );
    context.monitors = {
      changed: Number(run.outputs.changed ?? '0'),
      dashboardId: run.outputs['dashboard-id'] ?? '',
    };
    return `${context.monitors.changed} created or updated (error-rate and p95-latency monitors, the dashboard ${context.monitors.dashboardId})`;
  },
};

const teardown: DemoStep = {
  id: 'teardown',
  title: 'Staging torn down (the pull request is closed)',
  async run(context) {
    if (context.stagingVars === undefined) return 'nothing to tear down';
    await step(
      context,
      'provision-staging',
      { mode: 'destroy', driver: 'ansible', playbook: PLAYBOOK, vars: context.stagingVars },
      { ...onBranch(context), timeoutMs: 180_000 },
    );
    return 'staging destroyed';
  },
};

const dora: DemoStep = {
  id: 'dora',
  title: 'DORA: the four keys of production, from the deployments GitHub holds',
  async run(context) {
    context.dora = await doraOfRun(context.world, context.startedAt, context.releasedAt);
    return context.dora.text.split('\n').slice(1).join('; ');
  },
};

/** The flow, in order. The lead may insert steps (e.g. a card refresh) anywhere. */
export const STEPS: DemoStep[] = [
  intake,
  push,
  ci,
  staging,
  approval,
  faultyCanary,
  fixedCanary,
  monitors,
  teardown,
  dora,
];
