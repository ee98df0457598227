// Which SaaS the demo talks to: the emulators by default, or the real Jira, Slack and Datadog when their credentials are
// in the environment. Each service's variables come as a set: all of them, or none.
import { DATADOG_SITES } from '@flowkit/metrics/datadog-sites';

/** A real Jira Cloud site: the demo files its ticket in `project` and acts as the account of `email`. */
export interface RealJira {
  url: string;
  email: string;
  apiToken: string;
  project: string;
  /** The status a ticket waits in for QA (jira.statuses.in-qa). */
  qaStatus: string;
}

/** A real Slack workspace: the demo posts in `channel` with the bot token. */
export interface RealSlack {
  token: string;
  channel: string;
  apiUrl: string | undefined;
}

/** A real Datadog organisation: the demo sets up the service's monitors and dashboard there. */
export interface RealDatadog {
  apiKey: string;
  appKey: string;
  /** datadoghq.com, datadoghq.eu, us3.datadoghq.com, … */
  site: string | undefined;
  /** Another API base URL (a proxy). */
  apiUrl: string | undefined;
}

export interface DemoServices {
  jira?: RealJira;
  slack?: RealSlack;
  datadog?: RealDatadog;
}

interface VariableSet {
  service: string;
  required: readonly string[];
  optional: readonly string[];
}

const JIRA: VariableSet = {
  service: 'Jira',
  required: ['JIRA_URL', 'JIRA_EMAIL', 'JIRA_API_TOKEN', 'JIRA_PROJECT'],
  optional: ['JIRA_QA_STATUS'],
};
const SLACK: VariableSet = {
  service: 'Slack',
  required: ['SLACK_BOT_TOKEN', 'SLACK_CHANNEL'],
  optional: ['SLACK_API_URL'],
};

const DATADOG: VariableSet = {
  service: 'Datadog',
  required: ['DD_API_KEY', 'DD_APP_KEY'],
  optional: ['DD_SITE', 'DD_API_URL'],
};

const list = (names: readonly string[]): string =>
  names.length === 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;

/** The set's values when all required ones are set, undefined when none is, or the error naming what is missing. */
function readSet(
  env: NodeJS.ProcessEnv,
  set: VariableSet,
): { values: Record<string, string> | undefined } | { error: string } {
  const value = (name: string) => env[name]?.trim() ?? '';
  const given = [...set.required, ...set.optional].filter((name) => value(name) !== '');
  if (given.length === 0) return { values: undefined };
  const missing = set.required.filter((name) => value(name) === '');
  if (missing.length > 0)
    return {
      error: `${list(given)} ${given.length === 1 ? 'is' : 'are'} set but ${list(missing)} ${missing.length === 1 ? 'is' : 'are'} not: set ${list(set.required)} to use your ${set.service}, or none of them to use the emulator.`,
    };
  return { values: Object.fromEntries(given.map((name) => [name, value(name)])) };
}

function httpUrl(name: string, text: string, example: string): string | { error: string } {
  try {
    const url = new URL(text);
    if (url.protocol === 'https:' || url.protocol === 'http:') return url.href.replace(/\/$/, '');
  } catch {}
  return { error: `${name} must be an http(s) URL such as ${example}, not '${text}'.` };
}

/** Reads the real services from the environment, or the one line that says which variable to fix. */
export function readDemoServices(env: NodeJS.ProcessEnv): { services: DemoServices } | { error: string } {
  const services: DemoServices = {};
  const jira = readSet(env, JIRA);
  if ('error' in jira) return jira;
  if (jira.values !== undefined) {
    const values = jira.values;
    const url = httpUrl('JIRA_URL', values.JIRA_URL ?? '', 'https://your-site.atlassian.net');
    if (typeof url !== 'string') return url;
    const project = values.JIRA_PROJECT ?? '';
    if (!/^[A-Z][A-Z0-9_]{1,9}$/.test(project))
      return { error: `JIRA_PROJECT must be a Jira project key such as SHOP, not '${project}'.` };
    services.jira = {
      url,
      email: values.JIRA_EMAIL ?? '',
      apiToken: values.JIRA_API_TOKEN ?? '',
      project,
      qaStatus: values.JIRA_QA_STATUS ?? 'QA',
    };
  }
  const slack = readSet(env, SLACK);
  if ('error' in slack) return slack;
  if (slack.values !== undefined) {
    const values = slack.values;
    const channel = values.SLACK_CHANNEL ?? '';
    if (!/^[CG][A-Z0-9]{6,}$/.test(channel))
      return {
        error: `SLACK_CHANNEL must be a channel ID such as C0123ABCDEF (the channel's details show it), not '${channel}'.`,
      };
    let apiUrl: string | undefined;
    if (values.SLACK_API_URL !== undefined) {
      const url = httpUrl('SLACK_API_URL', values.SLACK_API_URL, 'https://slack.com/api');
      if (typeof url !== 'string') return url;
      apiUrl = `${url}/`;
    }
    services.slack = { token: values.SLACK_BOT_TOKEN ?? '', channel, apiUrl };
  }
  const datadog = readSet(env, DATADOG);
  if ('error' in datadog) return datadog;
  if (datadog.values !== undefined) {
    const values = datadog.values;
    const site = values.DD_SITE;
    if (site !== undefined && !DATADOG_SITES.includes(site))
      return {
        error: `DD_SITE must be one of Datadog's sites (${DATADOG_SITES.join(', ')}), not '${site}'.`,
      };
    let apiUrl: string | undefined;
    if (values.DD_API_URL !== undefined) {
      const url = httpUrl('DD_API_URL', values.DD_API_URL, 'https://api.datadoghq.com');
      if (typeof url !== 'string') return url;
      apiUrl = url;
    }
    services.datadog = { apiKey: values.DD_API_KEY ?? '', appKey: values.DD_APP_KEY ?? '', site, apiUrl };
  }
  return { services };
}
