// Reads and checks how to reach Jira (site, credentials, Cloud or Server) from inputs and the config file.
import { type FlowkitConfig, InputError, type Logger, type RetryPolicy } from '@flowkit/core';
import { JiraApi } from './client.ts';
import { type JiraAuth, type JiraDeployment, JiraTransport } from './transport.ts';

/** The inputs every Jira action takes to reach Jira. */
export const JIRA_CONNECTION_INPUTS = [
  'jira-url',
  'jira-email',
  'jira-api-token',
  'jira-token',
  'jira-deployment',
] as const;

/** Where Jira is and how to sign in, checked. */
export interface JiraConnection {
  site: string;
  auth: JiraAuth;
  deployment: JiraDeployment;
}

/** Checks the connection inputs (names them in errors) before anything is sent. */
export function readJiraConnection(
  input: (name: (typeof JIRA_CONNECTION_INPUTS)[number]) => string,
  config: FlowkitConfig,
): JiraConnection {
  const site = input('jira-url') || config.jira.url || '';
  if (site === '') {
    throw new InputError(
      'jira-url',
      'is not set, and neither is jira.url in .github/flowkit.yml',
      "Set 'jira-url: https://your-site.atlassian.net' or jira.url in the config.",
    );
  }
  const url = URL.canParse(site) ? new URL(site) : undefined;
  const loopback = url !== undefined && ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
  if (url === undefined || !(url.protocol === 'https:' || (url.protocol === 'http:' && loopback))) {
    throw new InputError(
      'jira-url',
      `is not an https URL: '${site}'`,
      'Give the site URL, e.g. https://acme.atlassian.net (Server/Data Center: its base URL).',
    );
  }
  const deployment = (input('jira-deployment') || config.jira.deployment || 'cloud') as string;
  if (deployment !== 'cloud' && deployment !== 'server') {
    throw new InputError(
      'jira-deployment',
      `must be cloud or server, not '${deployment}'`,
      "Use 'cloud' for *.atlassian.net, 'server' for Jira Server or Data Center.",
    );
  }
  const email = input('jira-email');
  const apiToken = input('jira-api-token');
  const token = input('jira-token');
  if (deployment === 'cloud') {
    if (token !== '' && apiToken === '') {
      throw new InputError(
        'jira-token',
        'is a personal access token, which only Jira Server/Data Center accepts',
        "For Jira Cloud give 'jira-email' and 'jira-api-token'; for Server/Data Center set 'jira-deployment: server'.",
      );
    }
    if (email === '' || apiToken === '') {
      const missing = email === '' ? 'jira-email' : 'jira-api-token';
      throw new InputError(
        missing,
        'is required for Jira Cloud',
        "Give 'jira-email' (the account Flowkit acts as) and 'jira-api-token' (from id.atlassian.com, as a secret).",
      );
    }
    if (!/^[^@\s]+@[^@\s]+$/.test(email))
      throw new InputError(
        'jira-email',
        `is not an email address: '${email}'`,
        'Give the email of the Atlassian account Flowkit signs in as.',
      );
    return {
      site: url.origin + url.pathname.replace(/\/$/, ''),
      auth: { kind: 'basic', email, apiToken },
      deployment,
    };
  }
  if (token === '') {
    throw new InputError(
      'jira-token',
      'is required for Jira Server/Data Center',
      "Give a personal access token as 'jira-token' (from your Jira profile, as a secret).",
    );
  }
  return { site: url.origin + url.pathname.replace(/\/$/, ''), auth: { kind: 'bearer', token }, deployment };
}

/** A Jira client for a checked connection. */
export function connectJira(connection: JiraConnection, policy: () => RetryPolicy, log: Logger): JiraApi {
  return new JiraApi(new JiraTransport({ ...connection, policy, log }), connection.deployment);
}

/** The secrets among the connection inputs, to mask before anything is logged. */
export function jiraSecrets(input: (name: (typeof JIRA_CONNECTION_INPUTS)[number]) => string): string[] {
  return [input('jira-api-token'), input('jira-token')].filter((secret) => secret !== '');
}
