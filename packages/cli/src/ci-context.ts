// The GITHUB_* context an action expects, from CLI options, GitHub's own variables, other CI systems' or git.

/** What `git` says about the working copy (each '' when unknown). */
export interface GitFacts {
  sha: string;
  branch: string;
  /** The URL of the `origin` remote. */
  remote: string;
}

/** The context options every action command takes (`--repository` …); '' or absent when not given. */
export interface ContextOptions {
  repository?: string;
  sha?: string;
  ref?: string;
  'event-name'?: string;
}

/** The parts of the context that other CI systems also know. */
interface Known {
  repository?: string;
  sha?: string;
  /** A full ref (refs/heads/main) or a branch name. */
  ref?: string;
  job?: string;
  actor?: string;
  workflow?: string;
}

/** The CI system running us, by its marker variable; undefined for a terminal or an unknown system. */
export function ciSystem(env: NodeJS.ProcessEnv): 'github' | 'gitlab' | 'circleci' | 'jenkins' | undefined {
  if (env.GITHUB_ACTIONS === 'true') return 'github';
  if (env.GITLAB_CI !== undefined) return 'gitlab';
  if (env.CIRCLECI !== undefined) return 'circleci';
  if (env.JENKINS_URL !== undefined || env.JENKINS_HOME !== undefined) return 'jenkins';
  return undefined;
}

/** owner/name from a GitHub-style remote URL (https, ssh or scp-like), '' when it names none. */
export function repositoryFromRemote(url: string): string {
  const match = /[/:]([^/:]+)\/([^/]+?)(?:\.git)?\/?$/.exec(url.trim());
  return match ? `${match[1]}/${match[2]}` : '';
}

function fromCiSystem(env: NodeJS.ProcessEnv): Known {
  switch (ciSystem(env)) {
    case 'gitlab':
      return {
        repository: env.CI_PROJECT_PATH,
        sha: env.CI_COMMIT_SHA,
        ref: env.CI_COMMIT_TAG ? `refs/tags/${env.CI_COMMIT_TAG}` : env.CI_COMMIT_REF_NAME,
        job: env.CI_JOB_NAME,
        actor: env.GITLAB_USER_LOGIN,
        workflow: env.CI_PROJECT_NAME,
      };
    case 'circleci':
      return {
        repository:
          env.CIRCLE_PROJECT_USERNAME && env.CIRCLE_PROJECT_REPONAME
            ? `${env.CIRCLE_PROJECT_USERNAME}/${env.CIRCLE_PROJECT_REPONAME}`
            : undefined,
        sha: env.CIRCLE_SHA1,
        ref: env.CIRCLE_TAG ? `refs/tags/${env.CIRCLE_TAG}` : env.CIRCLE_BRANCH,
        job: env.CIRCLE_JOB,
        actor: env.CIRCLE_USERNAME,
        workflow: env.CIRCLE_WORKFLOW_ID,
      };
    case 'jenkins':
      return {
        repository: env.GIT_URL ? repositoryFromRemote(env.GIT_URL) : undefined,
        sha: env.GIT_COMMIT,
        // Multibranch pipelines set BRANCH_NAME; GIT_BRANCH is the remote-tracking name (origin/main).
        ref: env.BRANCH_NAME ?? env.GIT_BRANCH?.replace(/^(?:refs\/remotes\/)?origin\//, ''),
        job: env.JOB_NAME,
        workflow: env.JOB_NAME,
      };
    default:
      return {};
  }
}

const nonEmpty = (...values: (string | undefined)[]): string =>
  values.find((value) => value !== undefined && value !== '') ?? '';

/**
 * The GITHUB_* variables for an action run: each from the options first, then GitHub's own variable (a run inside
 * GitHub Actions), then the CI system's (GitLab, CircleCI, Jenkins), then git in the working copy.
 */
export function contextVariables(
  options: ContextOptions,
  env: NodeJS.ProcessEnv,
  git: GitFacts,
): Record<string, string> {
  const ci = fromCiSystem(env);
  const repository = nonEmpty(
    options.repository,
    env.GITHUB_REPOSITORY,
    ci.repository,
    repositoryFromRemote(git.remote),
  );
  const refOrBranch = nonEmpty(options.ref, env.GITHUB_REF, ci.ref, git.branch === 'HEAD' ? '' : git.branch);
  const ref =
    refOrBranch === '' || refOrBranch.startsWith('refs/') ? refOrBranch : `refs/heads/${refOrBranch}`;
  return {
    GITHUB_SERVER_URL: nonEmpty(env.GITHUB_SERVER_URL, 'https://github.com'),
    GITHUB_API_URL: nonEmpty(env.GITHUB_API_URL, 'https://api.github.com'),
    GITHUB_GRAPHQL_URL: nonEmpty(env.GITHUB_GRAPHQL_URL, 'https://api.github.com/graphql'),
    GITHUB_REPOSITORY: repository,
    GITHUB_REPOSITORY_OWNER: repository.split('/')[0] ?? '',
    GITHUB_SHA: nonEmpty(options.sha, env.GITHUB_SHA, ci.sha, git.sha),
    GITHUB_REF: ref,
    GITHUB_REF_NAME: ref.replace(/^refs\/(?:heads|tags)\//, ''),
    GITHUB_HEAD_REF: nonEmpty(env.GITHUB_HEAD_REF),
    GITHUB_EVENT_NAME: nonEmpty(options['event-name'], env.GITHUB_EVENT_NAME, 'workflow_dispatch'),
    // Only GitHub's: with another system's id, actions would link to a GitHub run page that does not exist.
    GITHUB_RUN_ID: nonEmpty(env.GITHUB_RUN_ID),
    GITHUB_RUN_ATTEMPT: nonEmpty(env.GITHUB_RUN_ATTEMPT, '1'),
    GITHUB_WORKFLOW: nonEmpty(env.GITHUB_WORKFLOW, ci.workflow, 'flowkit'),
    GITHUB_JOB: nonEmpty(env.GITHUB_JOB, ci.job),
    GITHUB_ACTOR: nonEmpty(env.GITHUB_ACTOR, ci.actor, env.USER),
  };
}
