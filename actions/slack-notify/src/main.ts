// slack-notify: maps the step's inputs to @flowkit/slack and its result to outputs, summary and annotations.
import { DEFAULT_CONFIG_PATH, loadConfig } from '@flowkit/core';
import {
  appendSummary,
  debug,
  error,
  getInput,
  info,
  readGitHubContext,
  resolveGitHubExpression,
  runAction,
  setOutput,
  setSecret,
  warning,
} from '@flowkit/runner';
import { type NotifyResult, notify, readNotifySettings } from '@flowkit/slack';

await runAction(async () => {
  // Mask first: nothing below may log a secret, even by accident.
  for (const secret of [getInput('token'), getInput('webhook')]) if (secret !== '') setSecret(secret);

  const configPath = getInput('config') || DEFAULT_CONFIG_PATH;
  const config = await loadConfig(configPath, configPath === DEFAULT_CONFIG_PATH ? undefined : 'config');
  const github = readGitHubContext();
  const settings = await readNotifySettings({
    input: (name) => getInput(name),
    config,
    lookup: (expression) => {
      const [scope, ...path] = expression.split('.');
      return scope === 'env' ? process.env[path.join('.')] : resolveGitHubExpression(github, path);
    },
  });

  const result = await notify(settings, { log: { info, warning, debug }, run: github });
  setOutput('ok', String(result.ok));
  setOutput('updated', String(result.updated));
  for (const [name, value] of [
    ['ts', result.ts],
    ['thread-ts', result.threadTs],
    ['channel-id', result.channelId],
    ['permalink', result.permalink],
  ] as const) {
    if (value !== undefined) setOutput(name, value);
  }
  appendSummary(
    summaryLine(settings.message.kind === 'template' ? settings.message.template.name : 'custom', result),
  );
  if (!result.ok) {
    const message = `Slack notification not sent: ${result.error}`;
    if (settings.failOnError) {
      error(message);
      process.exitCode = 1;
    } else {
      warning(`${message} (not failing the step: fail-on-error is false)`);
    }
  }
});

function summaryLine(kind: string, result: NotifyResult): string {
  if (!result.ok) return `- :warning: Slack \`${kind}\` message not sent: ${result.error}`;
  const where = result.permalink
    ? ` ([message](${result.permalink}))`
    : result.channelId
      ? ` in ${result.channelId}`
      : '';
  return `- :speech_balloon: Slack \`${kind}\` message ${result.updated ? 'updated' : 'posted'}${where}`;
}
