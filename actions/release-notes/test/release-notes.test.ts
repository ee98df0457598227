// release-notes through the runner's contract, against the GitHub, Jira and Confluence emulators.
import { DEFAULT_PLAN, planDescription, promotedDescription, stepDescription } from '@flowkit/canary';
import {
  type ActionRun,
  ConfluenceEmulator,
  checkGitHubRequest,
  checkGitHubResponse,
  DEFAULT_CONFLUENCE_API_TOKEN,
  DEFAULT_GITHUB_TOKEN,
  DEFAULT_JIRA_ACCOUNT_ID,
  DEFAULT_JIRA_API_TOKEN,
  DEFAULT_JIRA_EMAIL,
  DEFAULT_JIRA_WORKFLOW,
  describeWithContracts,
  GitHubEmulator,
  type GitHubRecordedRequest,
  JiraEmulator,
  runAction,
  unexplainedGitHubProblems,
} from '@flowkit/testing';
import { afterEach, beforeEach, describe, expect, test } from '@jest/globals';

const HOSTILE = '<script>alert(1)</script> & [click](https://evil.example) @everyone';

let github: GitHubEmulator;
let jira: JiraEmulator;
let confluence: ConfluenceEmulator;
let head: string;
const githubLog: GitHubRecordedRequest[] = [];

beforeEach(async () => {
  [github, jira, confluence] = await Promise.all([
    GitHubEmulator.start({
      repos: [
        {
          owner: 'acme',
          name: 'shop',
          branches: {
            main: [
              { message: 'Initial commit' },
              { message: 'JIRA-1 released last week' },
              { message: 'JIRA-1234: top 5 active deployments widget (#12)' },
              { message: 'Merge pull request #13 from acme/JIRA-1235-cache\n\nJIRA-1235 cache invalidation' },
            ],
            'JIRA-1234-widget': [],
            'JIRA-1235-cache': [],
          },
          pulls: [
            {
              number: 12,
              title: 'Top 5 active deployments',
              head: 'JIRA-1234-widget',
              base: 'main',
              merged: true,
            },
            { number: 13, title: HOSTILE, head: 'JIRA-1235-cache', base: 'main', merged: true },
          ],
        },
      ],
    }),
    JiraEmulator.start({
      users: [
        { accountId: DEFAULT_JIRA_ACCOUNT_ID, displayName: 'Flowkit', emailAddress: DEFAULT_JIRA_EMAIL },
      ],
      credentials: [
        { accountId: DEFAULT_JIRA_ACCOUNT_ID, email: DEFAULT_JIRA_EMAIL, apiToken: DEFAULT_JIRA_API_TOKEN },
      ],
      projects: [{ key: 'JIRA', workflow: DEFAULT_JIRA_WORKFLOW }],
      issues: [
        { key: 'JIRA-1234', summary: '[FEAT] Top 5 active deployments widget', status: 'Done' },
        { key: 'JIRA-1235', summary: HOSTILE, status: 'Done' },
      ],
    }),
    ConfluenceEmulator.start({
      spaces: [{ key: 'ENG' }],
      credentials: [{ email: DEFAULT_JIRA_EMAIL, apiToken: DEFAULT_CONFLUENCE_API_TOKEN }],
    }),
  ]);
  head = github.sha(
    'acme',
    'shop',
    'Merge pull request #13 from acme/JIRA-1235-cache\n\nJIRA-1235 cache invalidation',
  );
  const start = Date.parse('2026-11-30T15:00:00Z');
  github.seedDeployments('acme', 'shop', [
    {
      environment: 'production',
      sha: github.sha('acme', 'shop', 'JIRA-1 released last week'),
      createdAt: '2026-11-23T15:00:00Z',
      statuses: [{ state: 'success', createdAt: '2026-11-23T16:00:00Z' }],
    },
    {
      environment: 'production',
      sha: head,
      createdAt: '2026-11-30T15:00:00Z',
      statuses: [
        { state: 'in_progress', createdAt: start, description: planDescription(DEFAULT_PLAN, start) },
        {
          state: 'in_progress',
          createdAt: start,
          description: stepDescription({ index: 0, weight: 1, since: start }, 5),
        },
        {
          state: 'in_progress',
          createdAt: start + 600_000,
          description: stepDescription({ index: 1, weight: 5, since: start + 600_000 }, 5),
        },
        {
          state: 'success',
          createdAt: start + 3_600_000,
          description: promotedDescription(start + 3_600_000),
        },
      ],
    },
  ]);
});

afterEach(async () => {
  githubLog.push(...github.requests);
  await Promise.all([github.stop(), jira.stop(), confluence.stop()]);
});

/** Renames an issue the way a person would, through Jira's REST API. */
async function rename(key: string, summary: string): Promise<void> {
  const response = await fetch(`${jira.url}/rest/api/3/issue/${key}`, {
    method: 'PUT',
    headers: {
      authorization: `Basic ${Buffer.from(`${DEFAULT_JIRA_EMAIL}:${DEFAULT_JIRA_API_TOKEN}`).toString('base64')}`,
      'content-type': 'application/json',
    },
    body: JSON.stringify({ fields: { summary } }),
  });
  expect(response.status).toBe(204);
}

function releaseNotes(inputs: Record<string, string> = {}): Promise<ActionRun> {
  return runAction({
    action: 'actions/release-notes',
    githubToken: DEFAULT_GITHUB_TOKEN,
    eventName: 'workflow_dispatch',
    github: { GITHUB_API_URL: github.url, GITHUB_REPOSITORY: 'acme/shop', GITHUB_SHA: head },
    with: {
      'jira-url': jira.url,
      'jira-email': DEFAULT_JIRA_EMAIL,
      'jira-api-token': DEFAULT_JIRA_API_TOKEN,
      'confluence-url': confluence.url,
      'confluence-api-token': DEFAULT_CONFLUENCE_API_TOKEN,
      'confluence-space': 'ENG',
      name: 'dashboard 1.4.0',
      ...inputs,
    },
  });
}

function expectClean(run: ActionRun): void {
  expect(run.errors).toEqual([]);
  expect(run.warnings).toEqual([]);
  expect(run.stderr).toBe('');
  expect(run.exitCode).toBe(0);
}

describe('publishing', () => {
  test('creates the release and the page once; a rerun changes nothing; new facts update both in place', async () => {
    const first = await releaseNotes();
    expectClean(first);
    const tag = `release-${head.slice(0, 7)}`;
    expect(first.outputs).toMatchObject({
      tag,
      release: 'created',
      page: 'created',
      issues: 'JIRA-1234,JIRA-1235',
    });
    const [release, ...moreReleases] = github.releases('acme', 'shop');
    expect(moreReleases).toEqual([]);
    expect(release).toMatchObject({ tagName: tag, name: 'dashboard 1.4.0', draft: false });
    const body = release?.body ?? '';
    expect(body).toContain(
      `- [JIRA-1234](${jira.url}/browse/JIRA-1234) \\[FEAT\\] Top 5 active deployments widget — Done`,
    );
    expect(body).toContain('- [#12](https://github.com/acme/shop/pull/12) Top 5 active deployments by');
    expect(body).toContain('- Outcome: promoted');
    expect(body).toContain('steps: 1% (15:00) → 5% (15:10)');
    // Hostile text cannot open HTML, a link or a mention.
    expect(body).not.toContain('<script>');
    expect(body).not.toContain('](https://evil.example)');
    expect(body).not.toContain('@everyone');
    expect(body).toContain(
      '\\<script\\>alert\\(1\\)\\</script\\> &amp; \\[click\\]\\(https://evil.example\\) @\u200deveryone',
    );

    const [page, ...morePages] = confluence.pages();
    expect(morePages).toEqual([]);
    expect(page).toMatchObject({ title: 'Release notes: dashboard 1.4.0', version: 1 });
    expect(page?.body).toContain(
      `<a href="${jira.url}/browse/JIRA-1234">JIRA-1234</a> [FEAT] Top 5 active deployments widget`,
    );
    expect(page?.body).toContain(
      '&lt;script&gt;alert(1)&lt;/script&gt; &amp; [click](https://evil.example) @everyone',
    );
    expect(page?.body).not.toContain('<script>');

    const rerun = await releaseNotes();
    expectClean(rerun);
    expect(rerun.outputs).toMatchObject({ release: 'unchanged', page: 'unchanged' });
    expect(github.releases('acme', 'shop')).toHaveLength(1);
    expect(confluence.pages()).toEqual([page]);

    // A new fact (the ticket renamed) updates both in place: the page to version 2.
    await rename('JIRA-1234', 'Top 5 active deployments widget, renamed');
    const third = await releaseNotes();
    expectClean(third);
    expect(third.outputs).toMatchObject({ release: 'updated', page: 'updated' });
    expect(github.releases('acme', 'shop')).toHaveLength(1);
    expect(github.releases('acme', 'shop')[0]?.body).toContain('renamed');
    expect(confluence.pages()).toEqual([expect.objectContaining({ id: page?.id, version: 2 })]);
  });

  test('a page edited meanwhile (409 on the stale version) is read again; a 429 waits for Retry-After', async () => {
    await releaseNotes();
    const [page] = confluence.pages();
    confluence.failNext('PUT /wiki/api/v2/pages/{id}', { status: 409 });
    confluence.failNext('GET /wiki/api/v2/pages', { status: 429, retryAfterSeconds: 0 });
    await rename('JIRA-1234', 'Changed');
    const run = await releaseNotes({ tag: 'v1.4.0' });
    expectClean(run);
    expect(run.outputs).toMatchObject({ tag: 'v1.4.0', release: 'created', page: 'updated' });
    expect(confluence.pages()).toEqual([expect.objectContaining({ id: page?.id, version: 2 })]);
    const puts = confluence.requests.filter((request) => request.operation === 'PUT /wiki/api/v2/pages/{id}');
    expect(puts.map((request) => request.status)).toEqual([409, 200]);
  });

  test('without confluence-space, only the GitHub release', async () => {
    const run = await releaseNotes({ 'confluence-space': '' });
    expectClean(run);
    expect(run.outputs).toMatchObject({ release: 'created', page: '', 'page-url': '' });
    expect(confluence.requests).toEqual([]);
  });
});

describe('bad input', () => {
  test('a bad tag is one error line, before any request', async () => {
    const run = await releaseNotes({ tag: 'release 1' });
    expect(run.exitCode).toBe(1);
    expect(run.errors).toEqual([
      "Input 'tag' is not a valid git tag name: 'release 1'. Use letters, digits, dots, dashes and slashes, e.g. v1.4.0.",
    ]);
    expect(github.requests).toEqual([]);
    expect(confluence.requests).toEqual([]);
  });

  test('a rejected Confluence token fails the step with Confluence’s answer, the token masked', async () => {
    const run = await releaseNotes({ 'confluence-api-token': 'wrong-token' });
    expect(run.exitCode).toBe(1);
    expect(run.errors).toHaveLength(1);
    expect(run.errors[0]).toContain('Confluence answered 401 to GET /wiki/api/v2/spaces');
    expect(run.masks).toContain('wrong-token');
    expect(run.log).not.toContain('wrong-token');
  });
});

describeWithContracts("GitHub's API description", () => {
  test('every release request release-notes sent, and every answer, fit it', () => {
    const releases = githubLog.filter((r) => r.pathname.includes('/releases'));
    expect(releases.map((r) => `${r.httpMethod} ${r.status}`)).toEqual(
      expect.arrayContaining(['GET 404', 'POST 201', 'GET 200', 'PATCH 200']),
    );
    const problems = githubLog.flatMap((r) =>
      unexplainedGitHubProblems([...checkGitHubRequest(r), ...checkGitHubResponse(r)]),
    );
    expect(problems).toEqual([]);
  });
});
