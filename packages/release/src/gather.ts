// What a release contains: the Jira issues and pull requests its commits name, and the canary's course.
import { readRolloutRecord } from '@flowkit/canary/rollout/record';
import { type GitHubClient, type Repo, readReleaseText } from '@flowkit/github';
import { findIssueKeys, type JiraApi } from '@flowkit/jira';
import { type CanarySummary, canarySummary, type ReleaseNotes } from './notes.ts';

/** Where to look. */
export interface ReleaseSource {
  repo: Repo;
  sha: string;
  /** The environment the release went to (production). */
  environment: string;
  /** Project keys that count when finding issue keys. */
  projects: string[] | undefined;
  /** The Jira site, for links. */
  jiraSite: string | undefined;
  /** The GitHub web URL and API base, for links. */
  serverUrl: string;
}

/** Pull requests read per release at most (one request each). */
const MAX_PULLS = 50;

/** Reads everything the notes list. Without Jira (`jira` undefined) the keys are listed without summaries. */
export async function readReleaseContent(
  github: GitHubClient,
  jira: JiraApi | undefined,
  source: ReleaseSource,
): Promise<Omit<ReleaseNotes, 'title' | 'tag'>> {
  const { repo, sha } = source;
  const text = await readReleaseText(github, repo, source.environment, sha);
  const keys = findIssueKeys({ branches: [], texts: text.texts, projects: source.projects });
  const site = (source.jiraSite ?? '').replace(/\/$/, '');
  let issues: ReleaseNotes['issues'] = keys.map((key) => ({
    key,
    summary: '',
    url: `${site}/browse/${key}`,
    status: '',
  }));
  let missingIssues: string[] = [];
  if (jira !== undefined && keys.length > 0) {
    const found = await jira.getIssues(keys);
    const byKey = new Map(found.issues.map((issue) => [issue.key, issue]));
    issues = keys.flatMap((key) => {
      const issue = byKey.get(key);
      return issue === undefined
        ? []
        : [{ key, summary: issue.summary, url: `${site}/browse/${key}`, status: issue.status }];
    });
    missingIssues = found.missing;
  }
  const numbers = [...new Set(text.texts.flatMap(pullNumbers))].slice(0, MAX_PULLS);
  const pulls: ReleaseNotes['pulls'] = [];
  for (const number of numbers) {
    const { data } = await github.request<{
      number: number;
      title: string;
      html_url: string;
      user: { login: string } | null;
    }>('GET', `/repos/${repo.owner}/${repo.repo}/pulls/${number}`);
    pulls.push({ number, title: data.title, url: data.html_url, author: data.user?.login ?? 'ghost' });
  }
  return {
    sha,
    repository: `${repo.owner}/${repo.repo}`,
    serverUrl: source.serverUrl,
    issues,
    missingIssues,
    pulls,
    source: text.sources.join(', '),
    canary: await readCanary(github, repo, source.environment, sha),
  };
}

/** The pull requests a commit message names: "Merge pull request #12 from …" or a squash's "Title (#12)". */
export function pullNumbers(message: string): number[] {
  const subject = message.split('\n')[0] ?? '';
  const merge = /^Merge pull request #(\d+) from /.exec(subject);
  const squash = /\(#(\d+)\)\s*$/.exec(subject);
  return [merge?.[1], squash?.[1]].filter((value) => value !== undefined).map(Number);
}

async function readCanary(
  github: GitHubClient,
  repo: Repo,
  environment: string,
  sha: string,
): Promise<CanarySummary | { missing: string }> {
  const deployment = (await github.listDeployments(repo, environment, 30)).find((entry) => entry.sha === sha);
  if (deployment === undefined)
    return { missing: `No ${environment} deployment of ${sha.slice(0, 7)} found.` };
  const statuses = await github.listDeploymentStatuses(repo, Number(deployment.id), 100);
  const record = readRolloutRecord(statuses);
  if (record === undefined) return { missing: `The ${environment} deployment was not a Flowkit canary.` };
  return canarySummary(record, statuses[0]?.description ?? '');
}
