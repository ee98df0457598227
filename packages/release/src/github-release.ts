// The GitHub release of a tag: created once, its body updated on a rerun, never a second release.
import { type GitHubClient, GitHubError, type Repo } from '@flowkit/github';

/** What happened to the release. */
export interface ReleaseOutcome {
  action: 'created' | 'updated' | 'unchanged';
  id: number;
  url: string;
}

interface ReleaseAnswer {
  id: number;
  html_url: string;
  name: string | null;
  body: string | null;
}

/**
 * Creates the release of `tag` at `sha`, or updates its name and body when one exists (needs `contents: write`).
 * GitHub creates the tag with the release when it does not exist yet.
 */
export async function publishGitHubRelease(
  github: GitHubClient,
  { owner, repo }: Repo,
  release: { tag: string; sha: string; name: string; body: string },
): Promise<ReleaseOutcome> {
  const base = `/repos/${owner}/${repo}/releases`;
  let existing: ReleaseAnswer | undefined;
  try {
    existing = (await github.request<ReleaseAnswer>('GET', `${base}/tags/${encodeURIComponent(release.tag)}`))
      .data;
  } catch (error) {
    if (!(error instanceof GitHubError && error.status === 404)) throw error;
  }
  if (existing !== undefined) {
    if (existing.body === release.body && existing.name === release.name) {
      return { action: 'unchanged', id: existing.id, url: existing.html_url };
    }
    const { data } = await github.request<ReleaseAnswer>('PATCH', `${base}/${existing.id}`, {
      body: { name: release.name, body: release.body },
    });
    return { action: 'updated', id: data.id, url: data.html_url };
  }
  const { data } = await github.request<ReleaseAnswer>('POST', base, {
    body: { tag_name: release.tag, target_commitish: release.sha, name: release.name, body: release.body },
  });
  return { action: 'created', id: data.id, url: data.html_url };
}
