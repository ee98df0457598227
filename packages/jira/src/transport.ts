// jira.js's Client interface over Flowkit's HTTP helper: timeouts, one retry policy, Retry-After, Server's v2 paths.
import {
  type Clock,
  httpAttempt,
  type Logger,
  parseAnswerBody,
  parseRetryAfter,
  type RetryPolicy,
  silentLogger,
  systemClock,
  TransientError,
  withRetry,
} from '@flowkit/core';
import type { Client } from 'jira.js/core';

/** How Flowkit signs in: Cloud with an email and API token, Server/Data Center with a personal access token. */
export type JiraAuth = { kind: 'basic'; email: string; apiToken: string } | { kind: 'bearer'; token: string };

/** Jira Cloud (REST v3) or Server/Data Center (REST v2). */
export type JiraDeployment = 'cloud' | 'server';

/** Jira refused a request. `status` is the HTTP status; `messages` Jira's errorMessages and field errors. */
export class JiraError extends Error {
  readonly status: number;
  readonly messages: string[];
  readonly fieldErrors: Record<string, string>;

  constructor(request: string, status: number, messages: string[], fieldErrors: Record<string, string>) {
    const all = [...messages, ...Object.entries(fieldErrors).map(([field, text]) => `${field}: ${text}`)];
    super(`Jira answered ${status} to ${request}${all.length > 0 ? `: ${all.join('; ')}` : ''}`);
    this.name = 'JiraError';
    this.status = status;
    this.messages = messages;
    this.fieldErrors = fieldErrors;
  }
}

type SendRequestOptions = Parameters<Client['sendRequest']>[0];

export interface JiraTransportOptions {
  site: string;
  auth: JiraAuth;
  deployment: JiraDeployment;
  /** The retry policy for each request (a function, so a shared deadline can shrink it). */
  policy: () => RetryPolicy;
  timeoutMs?: number;
  log?: Logger;
  clock?: Clock;
}

/** Sends jira.js's requests. Counts them, for the API-economy figures. */
export class JiraTransport implements Client {
  /** Requests sent, retries included. */
  requestCount = 0;
  readonly #options: JiraTransportOptions;
  readonly #authorization: string;

  constructor(options: JiraTransportOptions) {
    this.#options = options;
    this.#authorization =
      options.auth.kind === 'basic'
        ? `Basic ${Buffer.from(`${options.auth.email}:${options.auth.apiToken}`).toString('base64')}`
        : `Bearer ${options.auth.token}`;
  }

  async sendRequest<T>(options: SendRequestOptions): Promise<T> {
    const { clock = systemClock, log = silentLogger, timeoutMs = 15_000 } = this.#options;
    const path =
      this.#options.deployment === 'server'
        ? options.url.replace('/rest/api/3/', '/rest/api/2/')
        : options.url;
    // Appended, not resolved: Server/Data Center may live under a context path (https://host/jira).
    const url = new URL(`${this.#options.site.replace(/\/$/, '')}${path}`);
    for (const [name, value] of Object.entries(options.searchParams ?? {})) {
      if (value === undefined || value === null) continue;
      if (Array.isArray(value)) for (const item of value) url.searchParams.append(name, String(item));
      else url.searchParams.set(name, typeof value === 'object' ? JSON.stringify(value) : String(value));
    }
    const method = options.method ?? 'GET';
    const headers: Record<string, string> = {
      accept: 'application/json',
      authorization: this.#authorization,
    };
    const body = options.body === undefined ? undefined : JSON.stringify(options.body);
    if (body !== undefined) headers['content-type'] = 'application/json';
    const request = `${method} ${url.pathname}`;

    return withRetry(
      async ({ remainingMs }) => {
        this.requestCount++;
        const response = await httpAttempt(
          { method, url, headers, body, timeoutMs: Math.max(1, Math.min(timeoutMs, remainingMs)) },
          request,
        );
        if (response.status === 429) {
          throw new TransientError(`${request} was rate limited by Jira`, {
            retryAfterMs: parseRetryAfter(response.headers['retry-after'], clock.now()) ?? 1000,
            hadNoEffect: true,
          });
        }
        if ([502, 503, 504].includes(response.status)) {
          throw new TransientError(`${request}: Jira answered HTTP ${response.status}`, {
            retryAfterMs: parseRetryAfter(response.headers['retry-after'], clock.now()),
          });
        }
        const parsed = parseAnswerBody(response.body);
        if (response.status >= 200 && response.status < 300) return parsed as T;
        const { errorMessages, errors } = (parsed ?? {}) as { errorMessages?: unknown; errors?: unknown };
        throw new JiraError(
          request,
          response.status,
          Array.isArray(errorMessages)
            ? errorMessages.map(String)
            : typeof parsed === 'string' && parsed
              ? [parsed]
              : [],
          typeof errors === 'object' && errors !== null ? (errors as Record<string, string>) : {},
        );
      },
      this.#options.policy(),
      { clock, log },
    );
  }
}
