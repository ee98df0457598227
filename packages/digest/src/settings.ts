// Reads the digest's inputs and the config into one checked settings object, before anything is sent.
import {
  type FlowkitConfig,
  InputError,
  type Person,
  parseBooleanInput,
  parseIntegerInput,
} from '@flowkit/core';
import { JIRA_CONNECTION_INPUTS, type JiraConnection, jqlString, readJiraConnection } from '@flowkit/jira';
import { type Rotation, toRotation } from '@flowkit/teams';
import type { StandupSchedule } from './schedule.ts';

/** One team's digest. */
export interface TeamDigestSettings {
  name: string;
  /** Channel ID (C…) or name (#team). */
  channel: string;
  schedule: StandupSchedule;
  reviewWaitHours: number;
  /** The JQL search for the team's tickets in progress. */
  jql: string;
  rotation: Rotation | undefined;
}

/** Everything a digest run needs, checked. */
export interface DigestSettings {
  teams: TeamDigestSettings[];
  slackToken: string;
  slackApiUrl: string | undefined;
  jira: JiraConnection;
  githubToken: string;
  production: string;
  stagingPrefix: string;
  /** The moment to decide for. */
  now: Date;
  /** Post even outside the stand-up window (a manual run); still once per day. */
  force: boolean;
  dryRun: boolean;
  people: Record<string, Person>;
  retries: number;
  timeoutMs: number;
}

/** The inputs the digest reads. */
export const DIGEST_INPUTS = [
  'team',
  'config',
  'slack-token',
  'github-token',
  'now',
  'force',
  'dry-run',
  'production-environment',
  'staging-prefix',
  'window-minutes',
  'retries',
  'timeout',
  ...JIRA_CONNECTION_INPUTS,
] as const;
type DigestInput = (typeof DIGEST_INPUTS)[number];

/** Reads and checks the inputs; every problem is an InputError naming the input and the fix. */
export function readDigestSettings(
  input: (name: DigestInput) => string,
  config: FlowkitConfig,
  systemNow: Date,
): DigestSettings {
  const configured = Object.entries(config.teams).filter(([, team]) => team.standup !== undefined);
  const wanted = input('team')
    .split(/[\s,]+/)
    .filter((name) => name !== '');
  for (const name of wanted) {
    const team = config.teams[name];
    const known = configured.map(([key]) => key).join(', ') || 'none';
    if (team === undefined)
      throw new InputError(
        'team',
        `names team '${name}', which is not under teams: in the config`,
        `Use one of the teams with a stand-up (${known}) or add it to .github/flowkit.yml.`,
      );
    if (team.standup === undefined)
      throw new InputError(
        'team',
        `names team '${name}', which has no stand-up`,
        `Add teams.${name}.standup: { time: "09:30", time-zone: "Europe/Berlin" } to .github/flowkit.yml.`,
      );
  }
  const chosen = wanted.length > 0 ? configured.filter(([name]) => wanted.includes(name)) : configured;
  if (chosen.length === 0)
    throw new InputError(
      'team',
      'finds no team with a stand-up in the config',
      'Give a team teams.<name>.standup: { time: "09:30", time-zone: "Europe/Berlin" } in .github/flowkit.yml.',
    );
  const windowMinutes = parseIntegerInput('window-minutes', input('window-minutes'), 120, {
    min: 15,
    max: 720,
  });
  const inProgress = config.jira.statuses?.['in-progress'] ?? 'In Progress';
  const teams = chosen.map(([name, team]): TeamDigestSettings => {
    const channel = team['slack-channel'] ?? config.slack.channel;
    if (channel === undefined)
      throw new InputError(
        'team',
        `names team '${name}', which has no Slack channel`,
        `Set teams.${name}.slack-channel (or slack.channel) in .github/flowkit.yml.`,
      );
    const standup = team.standup as { time: string; 'time-zone': string };
    const restriction = team.digest?.jql ?? `labels = ${jqlString(`team-${name}`)}`;
    return {
      name,
      channel,
      schedule: {
        time: standup.time,
        timeZone: standup['time-zone'],
        holidays: team.holidays ?? [],
        windowMinutes,
      },
      reviewWaitHours: team.digest?.['review-wait-hours'] ?? 24,
      jql: `(${restriction}) AND status = ${jqlString(inProgress)}`,
      rotation: team.rotation === undefined ? undefined : toRotation(team.rotation),
    };
  });
  const slackToken = input('slack-token');
  if (slackToken === '')
    throw new InputError(
      'slack-token',
      'is required',
      "Give a bot token (xoxb-…) with chat:write, channels:history, channels:read and users:read.email as 'slack-token'.",
    );
  const githubToken = input('github-token');
  if (githubToken === '')
    throw new InputError(
      'github-token',
      'is empty',
      'Leave the default (${{ github.token }}) or give a token with pull-requests: read and deployments: read.',
    );
  const nowText = input('now');
  const now = nowText === '' ? systemNow : new Date(nowText);
  if (nowText !== '' && (!/^\d{4}-\d{2}-\d{2}T/.test(nowText) || Number.isNaN(now.getTime())))
    throw new InputError(
      'now',
      `is not an ISO 8601 instant: '${nowText}'`,
      'Give a moment like 2026-11-30T08:30:00Z, or leave it empty (it exists for tests and backfills).',
    );
  return {
    teams,
    slackToken,
    slackApiUrl: config.slack['api-url'],
    jira: readJiraConnection(input, config),
    githubToken,
    production: input('production-environment') || 'production',
    stagingPrefix: input('staging-prefix') || 'staging',
    now,
    force: parseBooleanInput('force', input('force'), false),
    dryRun: parseBooleanInput('dry-run', input('dry-run'), false),
    people: config.people,
    retries: parseIntegerInput('retries', input('retries'), 4, { min: 0, max: 20 }),
    timeoutMs: parseIntegerInput('timeout', input('timeout'), 120, { min: 5, max: 3600 }) * 1000,
  };
}
