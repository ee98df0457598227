// `node scripts/bench-dora.ts`: what dora-metrics costs on a long production history — 5,000 deployments with their
// statuses, commits naming Jira issues, incidents — against the emulators; prints and writes bench/dora-results.md.
import { writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { silentLogger } from '../packages/core/src/index.ts';
import { readDoraSettings, runDora } from '../packages/dora/src/index.ts';
import {
  DEFAULT_GITHUB_TOKEN,
  DEFAULT_JIRA_ACCOUNT_ID,
  DEFAULT_JIRA_API_TOKEN,
  DEFAULT_JIRA_EMAIL,
  DEFAULT_JIRA_WORKFLOW,
  type GitHubDeploymentSeed,
  GitHubEmulator,
  JiraEmulator,
} from '../packages/testing/src/index.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const HOUR = 3_600_000;
const DEPLOYMENTS = 5000;
/** One production deployment every 2 hours from START: 5,000 span 417 days. */
const START = Date.UTC(2024, 0, 1);
const UNTIL = START + DEPLOYMENTS * 2 * HOUR;
const sha = (i: number) => (i + 1).toString(16).padStart(40, '0');
const deployedAt = (i: number) => START + i * 2 * HOUR;

const github = await GitHubEmulator.start({
  tokens: {
    [DEFAULT_GITHUB_TOKEN]: {
      login: 'github-actions[bot]',
      permissions: { deployments: 'read', contents: 'read', issues: 'read' },
    },
  },
  repos: [
    {
      owner: 'acme',
      name: 'shop',
      // One commit per deployment, an hour before it, naming its Jira issue.
      branches: {
        main: Array.from({ length: DEPLOYMENTS }, (_, i) => ({
          sha: sha(i),
          message: `JIRA-${i + 1} change ${i + 1}`,
          date: new Date(deployedAt(i) - HOUR).toISOString(),
        })),
      },
    },
  ],
});
const jira = await JiraEmulator.start({
  now: () => START - 24 * HOUR,
  users: [{ accountId: DEFAULT_JIRA_ACCOUNT_ID, displayName: 'Flowkit', emailAddress: DEFAULT_JIRA_EMAIL }],
  projects: [{ key: 'JIRA', workflow: DEFAULT_JIRA_WORKFLOW }],
  issues: Array.from({ length: DEPLOYMENTS }, (_, i) => ({
    key: `JIRA-${i + 1}`,
    summary: `Change ${i + 1}`,
    status: 'Done',
  })),
});
try {
  // Every 20th deployment fails; each success is marked inactive by the next one, as GitHub does.
  const seeds: GitHubDeploymentSeed[] = Array.from({ length: DEPLOYMENTS }, (_, i) => ({
    environment: 'production',
    sha: sha(i),
    createdAt: deployedAt(i),
    statuses: [
      { state: 'in_progress', createdAt: deployedAt(i) + 60_000 },
      i % 20 === 19
        ? { state: 'failure', createdAt: deployedAt(i) + 5 * 60_000, description: 'Image pull failed' }
        : { state: 'success', createdAt: deployedAt(i) + 10 * 60_000 },
      ...(i % 20 === 19 || i === DEPLOYMENTS - 1
        ? []
        : [{ state: 'inactive', createdAt: deployedAt(i + 1) + 10 * 60_000 }]),
    ],
  }));
  github.seedDeployments('acme', 'shop', seeds);
  github.seedIssues(
    'acme',
    'shop',
    Array.from({ length: 50 }, (_, i) => ({
      title: `Incident ${i + 1}`,
      labels: ['incident'],
      createdAt: deployedAt(i * 100) + 30 * 60_000,
      closedAt: deployedAt(i * 100) + 90 * 60_000,
    })),
  );

  const rows: string[] = [];
  for (const window of ['420d', '30d']) {
    const inputs: Record<string, string> = {
      'github-token': DEFAULT_GITHUB_TOKEN,
      repository: 'acme/shop',
      'github-api-url': github.url,
      window,
      until: new Date(UNTIL).toISOString(),
      'jira-url': jira.url,
      'jira-email': DEFAULT_JIRA_EMAIL,
      'jira-api-token': DEFAULT_JIRA_API_TOKEN,
      projects: 'JIRA',
    };
    const settings = readDoraSettings((name) => inputs[name] ?? '');
    const githubBefore = github.requests.length;
    const jiraBefore = jira.requests.length;
    const graphqlBefore = github.graphqlUsage.queries;
    const { result, cost } = await runDora(settings, {
      log: silentLogger,
      // No Slack channel: the run is only named in a digest, which the bench does not post.
      run: {
        serverUrl: '',
        repository: 'acme/shop',
        runUrl: '',
        workflow: '',
        job: '',
        sha: '',
        refName: '',
        actor: '',
      },
      now: UNTIL,
    });
    const seen = github.requests.slice(githubBefore);
    const kind = (pattern: RegExp) => seen.filter((request) => pattern.test(request.operation)).length;
    const measured = {
      graphql: github.graphqlUsage.queries - graphqlBefore,
      compare: kind(/\/compare\//),
      issues: kind(/\/issues$/),
      jira: jira.requests.length - jiraBefore,
    };
    if (
      measured.graphql !== cost.graphqlRequests ||
      measured.compare !== cost.compareRequests ||
      measured.issues !== cost.issueRequests ||
      measured.jira !== cost.jiraRequests
    ) {
      throw new Error(
        `the cost reported (${JSON.stringify(cost)}) differs from the emulators' ${JSON.stringify(measured)}`,
      );
    }
    // REST alone: the deployments list (100 a page) and one statuses call per deployment read; compare and
    // issues as now. GraphQL reads the same deployments with their statuses 100 a query.
    const readDeployments = result.changeFailureRate.attempted;
    const totalGitHub = cost.graphqlRequests + cost.compareRequests + cost.issueRequests;
    const restDeployments =
      Math.ceil(readDeploymentsInHistory(window) / 100) + readDeploymentsInHistory(window);
    const restTotal = restDeployments + cost.compareRequests + cost.issueRequests;
    rows.push(
      `| ${window} | ${readDeployments} | ${cost.graphqlRequests} | ${cost.compareRequests}${cost.uncompared > 0 ? ` (${cost.uncompared} uncompared)` : ''} | ${cost.issueRequests} | ${cost.jiraRequests} | **${totalGitHub}** (${((totalGitHub / 1000) * 100).toFixed(0)}% of an hour) | ${restDeployments} + ${cost.compareRequests + cost.issueRequests} = **${restTotal}** (${(restTotal / 1000).toFixed(1)} h) | ${result.ticketLeadTime.samples} |`,
    );
  }
  const report = `# DORA metrics: API requests

Generated by \`node scripts/bench-dora.ts\` against the emulators (packages/testing): ${DEPLOYMENTS.toLocaleString('en')}
production deployments of acme/shop, one every 2 hours (417 days), each with its statuses (in_progress, then success,
or failure for every 20th; inactive once the next one succeeds), one commit each naming its Jira issue (JIRA-n), 50
incident issues. \`runDora\` (what the dora-metrics action runs) reads GitHub and Jira for a window covering all of
them (420d) and for the last 30 days (the default); the counts are the emulators' and match the run's cost.

| window | deployments in window | GraphQL | compare | issues | Jira | GitHub total (of the workflow token's 1,000/h) | REST alone: list pages + statuses calls, + compare and issues | tickets released |
|---|---:|---:|---:|---:|---:|---:|---:|---:|
${rows.join('\n')}

- GraphQL reads 100 deployments with their statuses per query, from the window's end back to 30 days before its
  start (to find the base of the first deployments' commits), at most \`max-deployments\` (5,000): 50 queries for
  all 5,000. REST alone needs the deployments list (100 a page) and one statuses call per deployment: 5,050 requests
  for the same history, 5 hours of the workflow token's 1,000 requests per hour per repository before any commit is
  read.
- Compare: one request per deployment in the window that has a base (250 commits each), at most 500 a run; beyond
  that deployments count without their commits (the run warns). Issues: 100 incident issues a page.
- Jira: the keys in the released commits, \`key in (…)\` 100 keys a request (at most 1,000 keys, 10 requests).
- A rerun costs the same: nothing is cached between runs.
`;
  await writeFile(join(root, 'bench', 'dora-results.md'), report);
  console.log(report);
} finally {
  await Promise.all([github.stop(), jira.stop()]);
}

/** Deployments GraphQL or REST must read for a window: those from 30 days before its start to UNTIL. */
function readDeploymentsInHistory(window: string): number {
  const days = Number(window.slice(0, -1));
  const since = UNTIL - (days + 30) * 24 * HOUR;
  return Math.min(DEPLOYMENTS, seedsSince(since));
}

function seedsSince(since: number): number {
  let count = 0;
  for (let i = 0; i < DEPLOYMENTS; i++) if (deployedAt(i) >= since) count++;
  return count;
}
