// canary-promote's post step: if the main step stopped mid-rollout (cancelled, crashed, killed), traffic goes back
// to stable and the deployment is marked failed. After a finished rollout it does nothing.
import { abandonRollout, createTrafficDriver } from '@flowkit/canary';
import { GitHubClient } from '@flowkit/github';
import {
  debug,
  error,
  getInput,
  getState,
  info,
  readGitHubContext,
  runAction,
  warning,
} from '@flowkit/runner';

await runAction(async () => {
  const deploymentId = getState('deployment-id');
  if (getState('finished') === 'true' || deploymentId === '') {
    debug('The rollout finished (or never started): nothing to undo.');
    return;
  }
  const github = readGitHubContext();
  const [owner, repo] = github.repository.split('/') as [string, string];
  const { name, options } = JSON.parse(getState('traffic')) as {
    name: string;
    options: Record<string, unknown>;
  };
  const log = { info, warning, debug };
  const outcome = await abandonRollout(
    { repo: { owner, repo }, deploymentId: Number(deploymentId), runUrl: github.runUrl },
    {
      github: new GitHubClient({
        token: getInput('github-token'),
        apiUrl: github.apiUrl,
        policy: () => ({ retries: 3, budgetMs: 20_000 }),
        log,
      }),
      traffic: createTrafficDriver(name, options),
      log,
    },
  );
  if (outcome === 'rolled-back')
    error(
      `The rollout of deployment ${deploymentId} stopped half-way: traffic is back on stable and the deployment is marked failed.`,
    );
  else info(`Deployment ${deploymentId} had finished: nothing to undo.`);
});
