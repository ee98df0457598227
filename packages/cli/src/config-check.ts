// `flowkit config check`: validates .github/flowkit.yml and says what it found, or every problem with its place.
import { readFile } from 'node:fs/promises';
import {
  ConfigError,
  configSchema,
  DEFAULT_CONFIG_PATH,
  type FlowkitConfig,
  formatPath,
  parseConfig,
  validateSchema,
} from '@flowkit/core';
import type { Command } from './commands.ts';

const count = (n: number, what: string) => `${n} ${what}${n === 1 ? '' : 's'}`;

/** One line: what the config defines. */
export function configSummary(file: string, config: FlowkitConfig): string {
  const teams = Object.values(config.teams);
  const channels = new Set(
    [config.slack.channel, ...teams.map((team) => team['slack-channel'])].filter(
      (channel): channel is string => channel !== undefined,
    ),
  );
  return `${file}: valid — ${[
    count(teams.length, 'team'),
    count(teams.filter((team) => team.rotation !== undefined).length, 'rotation'),
    count(channels.size, 'Slack channel'),
    count(Object.keys(config.people).length, 'person'),
    count(config.routing.length, 'routing rule'),
    count(config.jira.projects?.length ?? 0, 'Jira project'),
  ].join(', ')}.`;
}

/**
 * Every problem of an invalid file, one per line: the first exactly as the actions report it (with its line), the
 * others by their path, so one run shows all there is to fix.
 */
async function problems(text: string, file: string, first: ConfigError): Promise<string[]> {
  const lines = [first.message.replace(/ \(and \d+ more problem\(s\)\)$/, '')];
  if (!/\(and \d+ more problem\(s\)\)$/.test(first.message)) return lines;
  const { parse } = await import('yaml');
  const rest = validateSchema(parse(text) ?? {}, configSchema).slice(1);
  return [...lines, ...rest.map((problem) => `${file}: ${formatPath(problem.path)}: ${problem.message}`)];
}

export const configCheck: Command = {
  path: ['config', 'check'],
  summary: 'Validates .github/flowkit.yml: every problem with its place, or a summary.',
  group: 'Configuration',
  help: `
Reads the config file the actions read, checks it against its schema (keys, values, references between teams and
routing rules) and prints each problem as <file>:<line>: <path>: <what was expected>.
Exit codes: 0 valid (one line says what it defines), 1 invalid, 2 bad options or no such file.`,
  options: [{ name: 'config', description: 'the config file', default: DEFAULT_CONFIG_PATH }],
  async run(options, io) {
    const file = options.config ?? DEFAULT_CONFIG_PATH;
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      io.error(
        `flowkit: ${file} does not exist. Give its path with --config, or create it (the actions use defaults without one).\n`,
      );
      return 2;
    }
    try {
      io.write(`${configSummary(file, await parseConfig(text, file))}\n`);
      return 0;
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error;
      io.error(`${(await problems(text, file, error)).join('\n')}\n`);
      return 1;
    }
  },
};
