// GitHubClient.listPullRequestFiles against the GitHub emulator, feeding the changed-lines filter.

import { changedLinesOf } from '@flowkit/findings';
import { GitHubClient, GitHubError } from '@flowkit/github';
import { DEFAULT_GITHUB_TOKEN, GitHubEmulator } from '@flowkit/testing';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';

const REPO = { owner: 'acme', repo: 'shop' };
let github: GitHubEmulator;

beforeAll(async () => {
  github = await GitHubEmulator.start({
    tokens: {
      [DEFAULT_GITHUB_TOKEN]: { login: 'github-actions[bot]', permissions: { pull_requests: 'read' } },
      ghs_contents_only: { login: 'github-actions[bot]', permissions: { contents: 'read' } },
    },
    repos: [
      {
        owner: 'acme',
        name: 'shop',
        branches: {
          main: [{ message: 'Initial commit' }],
          feature: [{ message: 'Top 5', parents: ['main'] }],
        },
        pulls: [
          {
            number: 7,
            title: 'Top 5 widget',
            head: 'feature',
            base: 'main',
            files: [
              ...Array.from({ length: 120 }, (_, index) => ({
                filename: `src/widget-${String(index).padStart(3, '0')}.js`,
                status: 'added' as const,
                patch: '@@ -0,0 +1,2 @@\n+export const a = 1;\n+export const b = 2;',
              })),
              { filename: 'README.md', patch: '@@ -1,2 +1,2 @@\n # Shop\n-old\n+new' },
              { filename: 'logo.png', status: 'modified' as const },
            ],
          },
        ],
      },
    ],
  });
});

afterAll(() => github.stop());

const client = (token = DEFAULT_GITHUB_TOKEN) =>
  new GitHubClient({ token, apiUrl: github.url, policy: () => ({ retries: 0, budgetMs: 5000 }) });

describe('listPullRequestFiles', () => {
  test('reads every page (100 per page) with each file’s patch', async () => {
    const before = github.requests.length;
    const files = await client().listPullRequestFiles(REPO, 7);
    expect(files).toHaveLength(122);
    expect(github.requests.slice(before).map((r) => r.path)).toEqual([
      '/repos/acme/shop/pulls/7/files?per_page=100&page=1',
      '/repos/acme/shop/pulls/7/files?per_page=100&page=2',
    ]);
    expect(files[120]).toMatchObject({
      filename: 'README.md',
      status: 'modified',
      additions: 1,
      deletions: 1,
    });
    expect(files[121]?.patch).toBeUndefined();
  });

  test('feeds changedLinesOf: added lines per file, a file without a patch changed throughout', async () => {
    const changed = changedLinesOf(await client().listPullRequestFiles(REPO, 7));
    expect(changed.files.get('README.md')).toEqual(new Set([2]));
    expect(changed.files.get('src/widget-000.js')).toEqual(new Set([1, 2]));
    expect(changed.files.get('logo.png')).toBe('all');
  });

  test('an unknown pull request is a 404; a token without pull-requests read is refused', async () => {
    await expect(client().listPullRequestFiles(REPO, 99)).rejects.toThrow(GitHubError);
    await expect(client('ghs_contents_only').listPullRequestFiles(REPO, 7)).rejects.toThrow(
      /403 .*Resource not accessible by integration/,
    );
  });
});
