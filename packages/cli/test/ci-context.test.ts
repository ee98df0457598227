// Where an action command's GITHUB_* context comes from: options, GitHub, GitLab, CircleCI, Jenkins, then git.
import { ciSystem, contextVariables, type GitFacts, repositoryFromRemote } from '@flowkit/cli';
import { describe, expect, test } from '@jest/globals';

const NO_GIT: GitFacts = { sha: '', branch: '', remote: '' };
const GIT: GitFacts = { sha: 'f00d', branch: 'feature/x', remote: 'git@github.com:acme/shop.git' };

const pick = (variables: Record<string, string>) => ({
  repository: variables.GITHUB_REPOSITORY,
  owner: variables.GITHUB_REPOSITORY_OWNER,
  sha: variables.GITHUB_SHA,
  ref: variables.GITHUB_REF,
  refName: variables.GITHUB_REF_NAME,
  runId: variables.GITHUB_RUN_ID,
  job: variables.GITHUB_JOB,
});

describe('contextVariables', () => {
  test('GitLab CI', () => {
    const env = {
      GITLAB_CI: 'true',
      CI_PROJECT_PATH: 'acme/shop',
      CI_COMMIT_SHA: 'abc1',
      CI_COMMIT_REF_NAME: 'main',
      CI_PIPELINE_ID: '77',
      CI_JOB_NAME: 'deploy',
      CI_API_V4_URL: 'https://gitlab.example.com/api/v4',
    };
    const variables = contextVariables({}, env, GIT);
    expect(pick(variables)).toEqual({
      repository: 'acme/shop',
      owner: 'acme',
      sha: 'abc1',
      ref: 'refs/heads/main',
      refName: 'main',
      // Another system's run id would make a link to a GitHub run page that does not exist.
      runId: '',
      job: 'deploy',
    });
    // GitLab's API is not GitHub's: the GitHub API URL stays GitHub's.
    expect(variables.GITHUB_API_URL).toBe('https://api.github.com');
    expect(pick(contextVariables({}, { ...env, CI_COMMIT_TAG: 'v1.2.0' }, NO_GIT)).ref).toBe(
      'refs/tags/v1.2.0',
    );
  });

  test('CircleCI', () => {
    const env = {
      CIRCLECI: 'true',
      CIRCLE_SHA1: 'abc2',
      CIRCLE_BRANCH: 'release',
      CIRCLE_PROJECT_USERNAME: 'acme',
      CIRCLE_PROJECT_REPONAME: 'shop',
      CIRCLE_JOB: 'e2e',
    };
    expect(pick(contextVariables({}, env, GIT))).toMatchObject({
      repository: 'acme/shop',
      sha: 'abc2',
      ref: 'refs/heads/release',
      job: 'e2e',
    });
  });

  test('Jenkins: GIT_BRANCH loses its origin/, BRANCH_NAME wins, the repository comes from GIT_URL', () => {
    const env = {
      JENKINS_URL: 'https://ci.example.com/',
      GIT_COMMIT: 'abc3',
      GIT_BRANCH: 'origin/main',
      GIT_URL: 'https://github.com/acme/shop.git',
      JOB_NAME: 'shop/main',
    };
    expect(pick(contextVariables({}, env, NO_GIT))).toMatchObject({
      repository: 'acme/shop',
      sha: 'abc3',
      ref: 'refs/heads/main',
      job: 'shop/main',
    });
    expect(pick(contextVariables({}, { ...env, BRANCH_NAME: 'PR-7' }, NO_GIT)).refName).toBe('PR-7');
  });

  test('inside GitHub Actions the runner’s variables are kept', () => {
    const env = {
      GITHUB_ACTIONS: 'true',
      GITHUB_REPOSITORY: 'acme/shop',
      GITHUB_SHA: 'abc4',
      GITHUB_REF: 'refs/pull/7/merge',
      GITHUB_RUN_ID: '4242',
    };
    expect(pick(contextVariables({}, env, GIT))).toMatchObject({
      repository: 'acme/shop',
      sha: 'abc4',
      ref: 'refs/pull/7/merge',
      refName: 'refs/pull/7/merge',
      runId: '4242',
    });
  });

  test('options win over everything; git fills in what no CI system says', () => {
    const env = { GITLAB_CI: 'true', CI_PROJECT_PATH: 'acme/shop', CI_COMMIT_SHA: 'abc1' };
    expect(
      pick(contextVariables({ repository: 'acme/web', sha: 'beef', ref: 'refs/tags/v2' }, env, GIT)),
    ).toMatchObject({ repository: 'acme/web', sha: 'beef', ref: 'refs/tags/v2', refName: 'v2' });
    expect(pick(contextVariables({}, {}, GIT))).toMatchObject({
      repository: 'acme/shop',
      sha: 'f00d',
      ref: 'refs/heads/feature/x',
      refName: 'feature/x',
    });
    // A detached HEAD names no branch.
    expect(pick(contextVariables({}, {}, { ...GIT, branch: 'HEAD' })).ref).toBe('');
  });
});

test('ciSystem and repositoryFromRemote', () => {
  expect(ciSystem({ GITLAB_CI: 'true' })).toBe('gitlab');
  expect(ciSystem({ CIRCLECI: 'true' })).toBe('circleci');
  expect(ciSystem({ JENKINS_URL: 'https://ci/' })).toBe('jenkins');
  expect(ciSystem({ GITHUB_ACTIONS: 'true', CI: 'true' })).toBe('github');
  expect(ciSystem({ CI: 'true' })).toBeUndefined();
  expect(repositoryFromRemote('https://github.com/acme/shop.git')).toBe('acme/shop');
  expect(repositoryFromRemote('git@github.com:acme/shop.git')).toBe('acme/shop');
  expect(repositoryFromRemote('ssh://git@github.com/acme/shop')).toBe('acme/shop');
  expect(repositoryFromRemote('')).toBe('');
});
