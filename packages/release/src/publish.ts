// Publishes a release's notes: gathers them, renders them, and creates or updates the GitHub release and the page.
import { type Clock, type Logger, type RetryPolicy, systemClock } from '@flowkit/core';
import { GitHubClient, type Repo } from '@flowkit/github';
import { connectJira } from '@flowkit/jira';
import { ConfluenceTransport, type PageOutcome, publishConfluencePage } from './confluence.ts';
import { readReleaseContent } from './gather.ts';
import { publishGitHubRelease, type ReleaseOutcome } from './github-release.ts';
import { type ReleaseNotes, renderMarkdown, renderStorage } from './notes.ts';
import type { ReleaseNotesSettings } from './settings.ts';

export interface PublishDeps {
  repo: Repo;
  githubApiUrl: string;
  serverUrl: string;
  log: Logger;
  clock?: Clock;
}

/** What was published. */
export interface PublishResult {
  notes: ReleaseNotes;
  release: ReleaseOutcome;
  page: PageOutcome | undefined;
}

/** Gathers, renders and publishes the notes of `settings.sha`. */
export async function publishReleaseNotes(
  settings: ReleaseNotesSettings,
  deps: PublishDeps,
): Promise<PublishResult> {
  const clock = deps.clock ?? systemClock;
  const deadline = clock.now() + settings.timeoutMs;
  const policy = (): RetryPolicy => ({
    retries: settings.retries,
    budgetMs: Math.max(0, deadline - clock.now()),
  });
  const github = new GitHubClient({
    token: settings.githubToken,
    apiUrl: deps.githubApiUrl,
    policy,
    log: deps.log,
    clock,
  });
  const jira = settings.jira === undefined ? undefined : connectJira(settings.jira, policy, deps.log);
  const content = await readReleaseContent(github, jira, {
    repo: deps.repo,
    sha: settings.sha,
    environment: settings.environment,
    projects: settings.projects,
    jiraSite: settings.jira?.site,
    serverUrl: deps.serverUrl,
  });
  const notes: ReleaseNotes = { ...content, title: settings.name, tag: settings.tag };
  const release = await publishGitHubRelease(github, deps.repo, {
    tag: settings.tag,
    sha: settings.sha,
    name: settings.name,
    body: renderMarkdown(notes),
  });
  deps.log.info(`GitHub release ${settings.tag}: ${release.action} (${release.url}).`);
  let page: PageOutcome | undefined;
  if (settings.confluence !== undefined) {
    const { site, email, apiToken, spaceKey, parentId, title } = settings.confluence;
    const transport = new ConfluenceTransport({ site, email, apiToken, policy, log: deps.log, clock });
    page = await publishConfluencePage(transport, site, { spaceKey, parentId, title }, renderStorage(notes));
    deps.log.info(`Confluence page '${title}': ${page.action} (version ${page.version}, ${page.url}).`);
  }
  return { notes, release, page };
}
