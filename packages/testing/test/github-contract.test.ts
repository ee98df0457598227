// Contract tests: raw calls to the GitHub emulator and its answers, checked against GitHub's description.
import { randomBytes } from 'node:crypto';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, afterEach, beforeAll, describe, expect, test } from '@jest/globals';
import { describeWithContracts } from '../src/contracts.ts';
import {
  checkGitHubRequest,
  checkGitHubResponse,
  explainsGitHubProblem,
  GITHUB_SPEC_GAPS,
  type GitHubContract,
  loadGitHubContract,
  unexplainedGitHubProblems,
} from '../src/github-contract.ts';
import {
  GITHUB_EMULATED_OPERATIONS,
  GITHUB_SARIF_LIMITS,
  GitHubEmulator,
  type GitHubEmulatorOptions,
  type GitHubRecordedRequest,
} from '../src/github-emulator.ts';

const OWNER = 'flowkit-org';
const REPO = 'dashboard';
const BASE = `/repos/${OWNER}/${REPO}`;
const BOT = 'ghs_contract_bot';
const DEPLOY_READER = 'ghs_contract_deploy_reader';
const APP = 'ghs_contract_app_admin';

const options: GitHubEmulatorOptions = {
  // Each upload answers 'pending' once, so all three processing states are checked.
  sarif: { pendingPolls: 1 },
  tokens: {
    [BOT]: { login: 'github-actions[bot]' },
    [DEPLOY_READER]: { login: 'reader', permissions: { deployments: 'read' } },
    [APP]: { login: 'flowkit[bot]', permissions: { deployments: 'write', administration: 'write' } },
  },
  repos: [
    {
      owner: OWNER,
      name: REPO,
      branches: {
        main: [{ message: 'Initial commit' }, { message: 'Add widget' }, { message: 'Fix widget' }],
        'feature/top-5': [
          {
            message: 'Top 5 query',
            parents: ['Add widget'],
            author: { name: 'Alice', email: 'alice@example.com', login: 'alice' },
          },
          { message: 'Top 5 widget', author: { name: 'Alice', email: 'alice@example.com' } },
        ],
        hotfix: [{ message: 'Hotfix', parents: ['main'] }],
        orphan: [{ message: 'Unrelated root' }],
      },
      pulls: [
        {
          number: 1,
          title: 'Top 5 widget',
          body: 'Shows the top 5.',
          head: 'feature/top-5',
          base: 'main',
          files: [
            {
              filename: 'src/top5.ts',
              status: 'added',
              patch: '@@ -0,0 +1,2 @@\n+export const top = 5;\n+export const order = "desc";',
            },
            { filename: 'README.md', patch: '@@ -1,3 +1,3 @@\n # Dashboard\n-Old\n+New\n end' },
            { filename: 'logo.png', status: 'renamed', previousFilename: 'img/logo.png' },
          ],
        },
        { number: 2, title: 'Hotfix', head: 'hotfix', base: 'main' },
      ],
      environments: [
        {
          name: 'production',
          protectionRules: [
            { type: 'required_reviewers', reviewers: ['pm-pat'] },
            { type: 'wait_timer', waitTimer: 30 },
            { type: 'branch_policy' },
          ],
        },
      ],
    },
  ],
};

// biome-ignore lint/suspicious/noExplicitAny: answers are untyped JSON, read field by field.
type Json = any;

async function call(
  gh: GitHubEmulator,
  method: string,
  path: string,
  body?: unknown,
  token: string = BOT,
): Promise<Json> {
  const headers: Record<string, string> = {
    authorization: `token ${token}`,
    accept: 'application/vnd.github+json',
    'x-github-api-version': '2022-11-28',
  };
  if (body !== undefined) headers['content-type'] = 'application/json; charset=utf-8';
  const response = await fetch(`${gh.url}${path}`, {
    method,
    headers,
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await response.text();
  return text === '' ? undefined : JSON.parse(text);
}

/** Every operation with its success and error answers, sent as a well-behaved client sends them. */
async function driveEveryOperation(gh: GitHubEmulator): Promise<void> {
  const main = gh.sha(OWNER, REPO, 'main');

  await call(gh, 'GET', `${BASE}/pulls/1`);
  await call(gh, 'GET', `${BASE}/pulls/99`);
  gh.seedIssues(OWNER, REPO, [
    { title: 'Checkout down', labels: ['incident'], closedAt: '2025-01-07T10:00:00Z' },
  ]);
  await call(gh, 'GET', `${BASE}/issues?state=all&labels=incident&per_page=1`);
  await call(gh, 'GET', `${BASE}/issues?state=all`);
  await call(gh, 'GET', `${BASE}/pulls/1`, undefined, 'ghs_unknown');
  await call(gh, 'GET', `${BASE}/pulls/1`, undefined, DEPLOY_READER);
  await call(gh, 'GET', `${BASE}/pulls/1/commits?per_page=1&page=2`);
  await call(gh, 'GET', `${BASE}/pulls/99/commits`);
  await call(gh, 'GET', `${BASE}/pulls/1/files?per_page=1&page=2`);

  await call(gh, 'GET', `${BASE}/compare/main...feature/top-5`);
  await call(gh, 'GET', `${BASE}/compare/main...hotfix?per_page=1`);
  await call(gh, 'GET', `${BASE}/compare/main...nope`);
  await call(gh, 'GET', `${BASE}/compare/main...orphan`);
  await call(gh, 'GET', `${BASE}/commits/feature/top-5`);
  await call(gh, 'GET', `${BASE}/commits/nope`);

  await call(gh, 'POST', `${BASE}/statuses/${main}`, {
    state: 'pending',
    context: 'ci/e2e',
    target_url: null,
  });
  await call(gh, 'POST', `${BASE}/statuses/${'0'.repeat(40)}`, { state: 'success' });

  const staging = await call(gh, 'POST', `${BASE}/deployments`, {
    ref: 'main',
    environment: 'staging',
    auto_merge: false,
    required_contexts: [],
    payload: { canary: 5 },
    description: 'Staging',
    production_environment: false,
  });
  await call(gh, 'POST', `${BASE}/deployments`, {
    ref: 'hotfix',
    environment: 'pr-2',
    transient_environment: true,
  });
  await call(gh, 'POST', `${BASE}/deployments`, { ref: 'feature/top-5' });
  await call(gh, 'POST', `${BASE}/deployments`, { ref: 'main' });
  await call(gh, 'POST', `${BASE}/deployments`, { ref: 'nope' });
  await call(gh, 'POST', `${BASE}/deployments`, { ref: 'main', required_contexts: [] }, DEPLOY_READER);
  await call(gh, 'GET', `${BASE}/deployments?environment=staging&per_page=1`);
  await call(gh, 'GET', `${BASE}/deployments/${staging.id}`);
  await call(gh, 'GET', `${BASE}/deployments/999`);

  await call(gh, 'POST', `${BASE}/deployments/${staging.id}/statuses`, {
    state: 'in_progress',
    log_url: 'https://ci.example/run/1',
  });
  await call(gh, 'POST', `${BASE}/deployments/${staging.id}/statuses`, {
    state: 'success',
    environment_url: 'https://staging.example',
    description: 'Deployed',
    auto_inactive: true,
  });
  await call(gh, 'POST', `${BASE}/deployments/${staging.id}/statuses`, {
    state: 'success',
    description: 'x'.repeat(141),
  });
  await call(gh, 'POST', `${BASE}/deployments/999/statuses`, { state: 'success' });
  await call(gh, 'GET', `${BASE}/deployments/${staging.id}/statuses?per_page=1`);
  await call(gh, 'GET', `${BASE}/deployments/999/statuses`);

  await call(gh, 'GET', `${BASE}/environments/production`);
  await call(gh, 'GET', `${BASE}/environments/staging`);
  await call(gh, 'GET', `${BASE}/environments/nowhere`);
  // The workflow token may not delete an environment (no administration permission); an app token may.
  await call(gh, 'DELETE', `${BASE}/environments/staging`);
  await call(gh, 'DELETE', `${BASE}/environments/staging`, undefined, APP);

  const comment = await call(gh, 'POST', `${BASE}/issues/1/comments`, {
    body: 'Staging deployment successful.',
  });
  await call(gh, 'POST', `${BASE}/issues/1/comments`, { body: 'x'.repeat(65_537) });
  await call(gh, 'POST', `${BASE}/issues/99/comments`, { body: 'x' });
  await call(gh, 'PATCH', `${BASE}/issues/comments/${comment.id}`, { body: 'Edited.' });
  await call(gh, 'PATCH', `${BASE}/issues/comments/999`, { body: 'x' });
  await call(gh, 'GET', `${BASE}/issues/1/comments?since=2020-01-01T00:00:00Z&per_page=10`);
  await call(gh, 'GET', `${BASE}/issues/99/comments`);

  // Code scanning: an upload and its status, refusals of the body, the size and the permission.
  const sarif = (log: unknown) => gzipSync(JSON.stringify(log)).toString('base64');
  const log = {
    version: '2.1.0',
    runs: [
      { tool: { driver: { name: 'flowkit-audit', rules: [] } }, automationDetails: { id: 'flowkit/a/' } },
    ],
  };
  const upload = await call(gh, 'POST', `${BASE}/code-scanning/sarifs`, {
    commit_sha: main,
    ref: 'refs/heads/main',
    sarif: sarif(log),
    tool_name: 'flowkit',
  });
  await call(gh, 'GET', `${BASE}/code-scanning/sarifs/${upload.id}`);
  await call(gh, 'GET', `${BASE}/code-scanning/sarifs/${upload.id}`);
  const twice = { ...log, runs: [...log.runs, ...log.runs] };
  const failing = await call(gh, 'POST', `${BASE}/code-scanning/sarifs`, {
    commit_sha: main,
    ref: 'refs/pull/1/merge',
    sarif: sarif(twice),
  });
  await call(gh, 'GET', `${BASE}/code-scanning/sarifs/${failing.id}`);
  await call(gh, 'GET', `${BASE}/code-scanning/sarifs/${failing.id}`);
  await call(gh, 'GET', `${BASE}/code-scanning/sarifs/${failing.id}`, undefined, DEPLOY_READER);
  await call(gh, 'GET', `${BASE}/code-scanning/sarifs/00000000-0000-0000-0000-000000000000`);
  await call(gh, 'POST', `${BASE}/code-scanning/sarifs`, {
    commit_sha: main,
    ref: 'refs/heads/main',
    sarif: '!',
  });
  await call(gh, 'POST', `${BASE}/code-scanning/sarifs`, {
    commit_sha: main,
    ref: 'refs/heads/main',
    sarif: randomBytes(GITHUB_SARIF_LIMITS.maxGzippedBytes + 1).toString('base64'),
  });
  const refused = { commit_sha: main, ref: 'refs/heads/main', sarif: sarif(log) };
  await call(gh, 'POST', `${BASE}/code-scanning/sarifs`, refused, DEPLOY_READER);

  // Releases: found by tag, created once per tag, updated in place.
  await call(gh, 'GET', `${BASE}/releases/tags/v1.0.0`);
  const release = await call(gh, 'POST', `${BASE}/releases`, {
    tag_name: 'v1.0.0',
    target_commitish: main,
    name: 'v1.0.0',
    body: 'Notes.',
  });
  await call(gh, 'POST', `${BASE}/releases`, { tag_name: 'v1.0.0' });
  await call(gh, 'POST', `${BASE}/releases`, { tag_name: 'v1.0.1' }, DEPLOY_READER);
  await call(gh, 'GET', `${BASE}/releases/tags/v1.0.0`);
  await call(gh, 'PATCH', `${BASE}/releases/${release.id}`, { body: 'Updated notes.' });
  await call(gh, 'PATCH', `${BASE}/releases/999`, { body: 'x' });

  // Rate limits, and a secondary limit as failNext gives it.
  gh.failNext({ path: `${BASE}/issues/1/comments` }, { status: 429, headers: { 'retry-after': '30' } });
  await call(gh, 'GET', `${BASE}/issues/1/comments`);
}

/** Requests a client gets wrong, each answered with GitHub's error. */
async function driveMalformedRequests(gh: GitHubEmulator): Promise<void> {
  await call(gh, 'POST', `${BASE}/deployments`, { environment: 'staging' });
  await call(gh, 'POST', `${BASE}/deployments`, { ref: 'main', auto_merge: 'yes' });
  await call(gh, 'POST', `${BASE}/deployments`, '{"ref":');
  await call(gh, 'POST', `${BASE}/deployments`, '["main"]');
  await call(gh, 'POST', `${BASE}/deployments/1/statuses`, { state: 'done' });
  await call(gh, 'POST', `${BASE}/issues/1/comments`, {});
  await call(gh, 'GET', `${BASE}/pulls/1/commits?limit=5`);
  const sha = gh.sha(OWNER, REPO, 'main');
  await call(gh, 'POST', `${BASE}/code-scanning/sarifs`, { commit_sha: sha, ref: 'refs/heads/main' });
  await call(gh, 'POST', `${BASE}/code-scanning/sarifs`, { commit_sha: sha, ref: 'main', sarif: 'H4sI' });
}

function statusesSeen(requests: readonly GitHubRecordedRequest[]): string[] {
  return [...new Set(requests.map((r) => `${r.operation || `${r.httpMethod} ?`} ${r.status}`))].sort();
}

describeWithContracts('GitHub contract', (dir) => {
  let gh: GitHubEmulator;
  let limited: GitHubEmulator;
  let malformed: GitHubEmulator;
  let contract: GitHubContract;
  let requests: GitHubRecordedRequest[];

  beforeAll(async () => {
    contract = loadGitHubContract(dir);
    gh = await GitHubEmulator.start(options);
    limited = await GitHubEmulator.start({
      ...options,
      rateLimit: { limit: 3, windowMs: 3_600_000 },
      contentRateLimits: [{ limit: 1, windowMs: 60_000 }],
    });
    malformed = await GitHubEmulator.start(options);
    await driveEveryOperation(gh);
    await call(limited, 'POST', `${BASE}/issues/1/comments`, { body: 'first' });
    await call(limited, 'POST', `${BASE}/issues/1/comments`, { body: 'too soon' });
    await call(limited, 'GET', `${BASE}/environments/production`);
    await call(limited, 'GET', `${BASE}/environments/production`);
    await driveMalformedRequests(malformed);
    requests = [...gh.requests, ...limited.requests];
  });

  afterAll(async () => {
    await Promise.all([gh.stop(), limited.stop(), malformed.stop()]);
  });

  test('the calls cover every operation the emulator answers, with its successes and errors', () => {
    expect(new Set(requests.map((r) => r.operation))).toEqual(new Set(GITHUB_EMULATED_OPERATIONS));
    const REPOS = 'GET /repos/{owner}/{repo}';
    expect(statusesSeen(requests)).toEqual(
      [
        `${REPOS}/pulls/{pull_number} 200`,
        `${REPOS}/pulls/{pull_number} 401`,
        `${REPOS}/pulls/{pull_number} 403`,
        `${REPOS}/pulls/{pull_number} 404`,
        `${REPOS}/pulls/{pull_number}/commits 200`,
        `${REPOS}/pulls/{pull_number}/commits 404`,
        `${REPOS}/pulls/{pull_number}/files 200`,
        `${REPOS}/compare/{basehead} 200`,
        `${REPOS}/compare/{basehead} 404`,
        `${REPOS}/commits/{ref} 200`,
        `${REPOS}/commits/{ref} 422`,
        'POST /repos/{owner}/{repo}/statuses/{sha} 201',
        'POST /repos/{owner}/{repo}/statuses/{sha} 422',
        `${REPOS}/deployments 200`,
        'POST /repos/{owner}/{repo}/deployments 201',
        'POST /repos/{owner}/{repo}/deployments 403',
        'POST /repos/{owner}/{repo}/deployments 409',
        'POST /repos/{owner}/{repo}/deployments 422',
        `${REPOS}/deployments/{deployment_id} 200`,
        `${REPOS}/deployments/{deployment_id} 404`,
        `${REPOS}/deployments/{deployment_id}/statuses 200`,
        `${REPOS}/deployments/{deployment_id}/statuses 404`,
        'POST /repos/{owner}/{repo}/deployments/{deployment_id}/statuses 201',
        'POST /repos/{owner}/{repo}/deployments/{deployment_id}/statuses 404',
        'POST /repos/{owner}/{repo}/deployments/{deployment_id}/statuses 422',
        `${REPOS}/environments/{environment_name} 200`,
        `${REPOS}/environments/{environment_name} 403`,
        `${REPOS}/environments/{environment_name} 404`,
        'DELETE /repos/{owner}/{repo}/environments/{environment_name} 204',
        'DELETE /repos/{owner}/{repo}/environments/{environment_name} 403',
        `${REPOS}/issues 200`,
        `${REPOS}/issues/{issue_number}/comments 200`,
        `${REPOS}/issues/{issue_number}/comments 404`,
        `${REPOS}/issues/{issue_number}/comments 429`,
        'POST /repos/{owner}/{repo}/issues/{issue_number}/comments 201',
        'POST /repos/{owner}/{repo}/issues/{issue_number}/comments 403',
        'POST /repos/{owner}/{repo}/issues/{issue_number}/comments 404',
        'POST /repos/{owner}/{repo}/issues/{issue_number}/comments 422',
        'PATCH /repos/{owner}/{repo}/issues/comments/{comment_id} 200',
        'PATCH /repos/{owner}/{repo}/issues/comments/{comment_id} 404',
        'POST /repos/{owner}/{repo}/code-scanning/sarifs 202',
        'POST /repos/{owner}/{repo}/code-scanning/sarifs 400',
        'POST /repos/{owner}/{repo}/code-scanning/sarifs 403',
        'POST /repos/{owner}/{repo}/code-scanning/sarifs 413',
        `${REPOS}/code-scanning/sarifs/{sarif_id} 200`,
        `${REPOS}/code-scanning/sarifs/{sarif_id} 403`,
        `${REPOS}/code-scanning/sarifs/{sarif_id} 404`,
        `${REPOS}/releases/tags/{tag} 200`,
        `${REPOS}/releases/tags/{tag} 404`,
        'POST /repos/{owner}/{repo}/releases 201',
        'POST /repos/{owner}/{repo}/releases 403',
        'POST /repos/{owner}/{repo}/releases 422',
        'PATCH /repos/{owner}/{repo}/releases/{release_id} 200',
        'PATCH /repos/{owner}/{repo}/releases/{release_id} 404',
      ].sort(),
    );
    const rateLimited = limited.requests
      .filter((r) => r.status === 403)
      .map((r) => (r.response as Json).message);
    expect(rateLimited).toEqual([
      expect.stringMatching(/^You have exceeded a secondary rate limit/),
      expect.stringMatching(/^API rate limit exceeded for installation ID/),
    ]);
  });

  test('the SARIF status is checked in each processing state, a failure with its error', () => {
    const states = gh.requests
      .filter(
        (r) =>
          r.operation === 'GET /repos/{owner}/{repo}/code-scanning/sarifs/{sarif_id}' && r.status === 200,
      )
      .map((r) => r.response as Json);
    expect(states.map((state) => state.processing_status)).toEqual([
      'pending',
      'complete',
      'pending',
      'failed',
    ]);
    expect(states[3].errors).toEqual([
      expect.stringMatching(/^A delivery cannot contain multiple runs with the same category/),
    ]);
  });

  test('every request fits the description', () => {
    expect(requests.flatMap((r) => checkGitHubRequest(r, contract))).toEqual([]);
  });

  test('every answer fits the description, apart from its known gaps', () => {
    const unexplained = requests.flatMap((r) => unexplainedGitHubProblems(checkGitHubResponse(r, contract)));
    expect(unexplained).toEqual([]);
  });

  test('answers to malformed requests fit the description too, apart from its known gaps', () => {
    expect(statusesSeen(malformed.requests)).toEqual([
      'GET /repos/{owner}/{repo}/pulls/{pull_number}/commits 200',
      'POST /repos/{owner}/{repo}/code-scanning/sarifs 422',
      'POST /repos/{owner}/{repo}/deployments 400',
      'POST /repos/{owner}/{repo}/deployments 422',
      'POST /repos/{owner}/{repo}/deployments/{deployment_id}/statuses 404',
      'POST /repos/{owner}/{repo}/issues/{issue_number}/comments 422',
    ]);
    const unexplained = malformed.requests.flatMap((r) =>
      unexplainedGitHubProblems(checkGitHubResponse(r, contract)),
    );
    expect(unexplained).toEqual([]);
  });

  test('every known gap of the description is met by a real answer', () => {
    const problems = [...requests, ...malformed.requests].flatMap((r) => checkGitHubResponse(r, contract));
    const unmet = GITHUB_SPEC_GAPS.filter(
      (gap) => !problems.some((problem) => explainsGitHubProblem(gap, problem)),
    );
    expect(unmet.map((gap) => gap.why)).toEqual([]);
  });

  describe('the checks can fail', () => {
    let wrong: GitHubEmulator;

    beforeAll(async () => {
      wrong = await GitHubEmulator.start(options);
    });

    afterEach(() => {
      wrong.requests.length = 0;
    });

    afterAll(async () => {
      await wrong.stop();
    });

    test('malformed requests: an unknown parameter, wrong types, a missing body, a body that is not JSON', () => {
      const problems = malformed.requests.map((r) => checkGitHubRequest(r, contract));
      expect(problems).toEqual([
        ["POST /repos/{owner}/{repo}/deployments request: body (root) must have required property 'ref'"],
        ['POST /repos/{owner}/{repo}/deployments request: body /auto_merge must be boolean (got string)'],
        ['POST /repos/{owner}/{repo}/deployments request: body is not valid JSON'],
        ['POST /repos/{owner}/{repo}/deployments request: body (root) must be object (got array)'],
        [
          'POST /repos/{owner}/{repo}/deployments/{deployment_id}/statuses request: body /state must be equal to one of the allowed values (got "done")',
        ],
        [
          "POST /repos/{owner}/{repo}/issues/{issue_number}/comments request: body (root) must have required property 'body'",
        ],
        ['GET /repos/{owner}/{repo}/pulls/{pull_number}/commits request: unknown query parameter "limit"'],
        [
          "POST /repos/{owner}/{repo}/code-scanning/sarifs request: body (root) must have required property 'sarif'",
        ],
        [
          'POST /repos/{owner}/{repo}/code-scanning/sarifs request: body /ref must match pattern "^refs/(heads|tags|pull)/.*$" (got "main")',
        ],
      ]);
    });

    test('path and query parameters of the wrong type, a body where none is taken, an unknown path', async () => {
      await call(wrong, 'GET', `${BASE}/deployments?per_page=many&page=2`);
      await call(wrong, 'GET', `${BASE}/deployments/first`);
      await call(wrong, 'GET', `${BASE}/pulls/1`);
      await call(wrong, 'GET', '/repos/flowkit-org/dashboard/wiki');
      const [perPage, pathType, pull, unknown] = wrong.requests as [
        GitHubRecordedRequest,
        GitHubRecordedRequest,
        GitHubRecordedRequest,
        GitHubRecordedRequest,
      ];
      expect(checkGitHubRequest(perPage, contract)).toEqual([
        'GET /repos/{owner}/{repo}/deployments request: query parameter "per_page" must be an integer, got "many"',
      ]);
      expect(checkGitHubRequest(pathType, contract)).toEqual([
        'GET /repos/{owner}/{repo}/deployments/{deployment_id} request: path parameter "deployment_id" must be an integer, got "first"',
      ]);
      // fetch sends no body with GET, so the body is put in the record.
      expect(checkGitHubRequest({ ...pull, body: { expand: true } }, contract)).toEqual([
        'GET /repos/{owner}/{repo}/pulls/{pull_number} request: has a body, but the operation takes none',
      ]);
      const notAnOperation = [
        "GET /repos/flowkit-org/dashboard/wiki: not an operation in GitHub's API description",
      ];
      expect(checkGitHubRequest(unknown, contract)).toEqual(notAnOperation);
      expect(checkGitHubResponse(unknown, contract)).toEqual(notAnOperation);
    });

    test('an answer missing a required field, with a wrong type, content type or an undeclared status', async () => {
      const created = await call(wrong, 'POST', `${BASE}/deployments`, { ref: 'main', auto_merge: false });
      const [real] = wrong.requests as [GitHubRecordedRequest];
      expect(checkGitHubResponse(real, contract)).toEqual([]);
      const { node_id: _dropped, ...answer } = created;
      const tampered: GitHubRecordedRequest = {
        ...real,
        responseHeaders: { ...real.responseHeaders, 'content-type': 'text/html' },
        response: { ...answer, id: String(answer.id), created_at: 'yesterday', creator: { login: 'x' } },
      };
      const problems = checkGitHubResponse(tampered, contract);
      const at = 'POST /repos/{owner}/{repo}/deployments 201 response:';
      expect(problems).toEqual(
        expect.arrayContaining([
          `${at} content type "text/html", but the description gives application/json`,
          `${at} (root) must have required property 'node_id'`,
          `${at} /id must be integer (got string)`,
          `${at} /created_at must match format "date-time" (got "yesterday")`,
          `${at} /creator must have required property 'id'`,
        ]),
      );
      expect(unexplainedGitHubProblems(problems)).toEqual(problems);
      const teapot = checkGitHubResponse({ ...real, status: 418 }, contract);
      expect(teapot).toEqual([
        'POST /repos/{owner}/{repo}/deployments 418 response: the description declares no 418 answer',
      ]);
      expect(unexplainedGitHubProblems(teapot)).toEqual(teapot);
    });

    test('a gap explains its problem for its operations only', async () => {
      await call(wrong, 'GET', `${BASE}/environments/nowhere`);
      await call(wrong, 'GET', `${BASE}/deployments/7`);
      const [environment, deployment] = wrong.requests as [GitHubRecordedRequest, GitHubRecordedRequest];
      const undeclared = checkGitHubResponse(environment, contract);
      expect(undeclared).toEqual([
        'GET /repos/{owner}/{repo}/environments/{environment_name} 404 response: the description declares no 404 answer',
      ]);
      expect(unexplainedGitHubProblems(undeclared)).toEqual([]);
      // GET a deployment declares its 404, so there is nothing to explain; the same words for it are not excused.
      expect(checkGitHubResponse(deployment, contract)).toEqual([]);
      const invented =
        'GET /repos/{owner}/{repo}/deployments/{deployment_id} 404 response: the description declares no 404 answer';
      expect(unexplainedGitHubProblems([invented])).toEqual([invented]);
    });
  });

  describe('loadGitHubContract', () => {
    const read = (file: string) => JSON.parse(readFileSync(join(dir, 'github', file), 'utf8')) as Json;

    test('is the subset plus the operations it lacks from the full description, unchanged', () => {
      const subset = read('api.github.com.subset.json');
      const full = read('api.github.com.json');
      expect(contract.fromFullDescription).toEqual([
        'GET /repos/{owner}/{repo}/pulls/{pull_number}',
        'GET /repos/{owner}/{repo}/pulls/{pull_number}/commits',
        'GET /repos/{owner}/{repo}/pulls/{pull_number}/files',
        'GET /repos/{owner}/{repo}/commits/{ref}',
        'POST /repos/{owner}/{repo}/statuses/{sha}',
        'DELETE /repos/{owner}/{repo}/environments/{environment_name}',
        'GET /repos/{owner}/{repo}/issues',
        'GET /repos/{owner}/{repo}/releases/tags/{tag}',
        'POST /repos/{owner}/{repo}/releases',
        'PATCH /repos/{owner}/{repo}/releases/{release_id}',
      ]);
      for (const [path, item] of Object.entries(contract.paths)) {
        for (const [method, operation] of Object.entries(item)) {
          const source = subset.paths[path]?.[method] ?? full.paths[path][method];
          expect(operation).toEqual(source);
        }
      }
      expect(Object.keys(contract.paths).sort()).toEqual(
        [
          ...Object.keys(subset.paths),
          '/repos/{owner}/{repo}/pulls/{pull_number}',
          '/repos/{owner}/{repo}/pulls/{pull_number}/commits',
          '/repos/{owner}/{repo}/pulls/{pull_number}/files',
          '/repos/{owner}/{repo}/commits/{ref}',
          '/repos/{owner}/{repo}/statuses/{sha}',
          '/repos/{owner}/{repo}/issues',
          '/repos/{owner}/{repo}/releases/tags/{tag}',
          '/repos/{owner}/{repo}/releases',
          '/repos/{owner}/{repo}/releases/{release_id}',
        ].sort(),
      );
      for (const [kind, components] of Object.entries(contract.components)) {
        for (const [name, component] of Object.entries(components)) {
          expect(component).toEqual(full.components[kind][name]);
        }
      }
    });

    test('every reference resolves inside the loaded contract', () => {
      const references = new Set<string>();
      const walk = (value: unknown): void => {
        if (Array.isArray(value)) value.forEach(walk);
        else if (typeof value === 'object' && value !== null) {
          for (const [key, child] of Object.entries(value)) {
            if (key === '$ref' && typeof child === 'string') references.add(child);
            else walk(child);
          }
        }
      };
      walk([contract.paths, contract.pathParameters, contract.components]);
      const unresolved = [...references].filter((reference) => {
        const [, , kind = '', name = ''] = reference.split('/');
        return contract.components[kind]?.[name] === undefined;
      });
      expect(references.size).toBeGreaterThan(30);
      expect(unresolved).toEqual([]);
    });

    test('reads the 13 MB full description only when the subset lacks an operation', () => {
      const onlySubset = mkdtempSync(join(tmpdir(), 'flowkit-github-contract-'));
      try {
        mkdirSync(join(onlySubset, 'github'));
        copyFileSync(
          join(dir, 'github', 'api.github.com.subset.json'),
          join(onlySubset, 'github', 'api.github.com.subset.json'),
        );
        const subsetOnly = loadGitHubContract(onlySubset, ['GET /repos/{owner}/{repo}/deployments']);
        expect(subsetOnly.fromFullDescription).toEqual([]);
        expect(() => loadGitHubContract(onlySubset)).toThrow('api.github.com.json');
        expect(loadGitHubContract(dir)).toBe(contract);
      } finally {
        rmSync(onlySubset, { recursive: true, force: true });
      }
    });

    test('without a contracts folder it says what to provide', () => {
      const saved = process.env.CONTRACTS_DIR;
      try {
        process.env.CONTRACTS_DIR = join(tmpdir(), 'flowkit-no-such-contracts-folder');
        expect(() => loadGitHubContract()).toThrow('GitHub contract not found: set CONTRACTS_DIR');
      } finally {
        if (saved === undefined) delete process.env.CONTRACTS_DIR;
        else process.env.CONTRACTS_DIR = saved;
      }
    });
  });
});
