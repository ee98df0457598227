// A minimal Slack Web API client over core's HTTP helper: bearer token, ok:false as errors, rate limits as retries.
import {
  type Clock,
  httpAttempt,
  type Logger,
  parseRetryAfter,
  type RetryPolicy,
  silentLogger,
  systemClock,
  TransientError,
  withRetry,
} from '@flowkit/core';
import { SERVER_TROUBLE, SlackApiError } from './errors.ts';

/** Slack's public Web API base URL. */
export const SLACK_API_URL = 'https://slack.com/api/';

/** Methods that change something; Slack takes their arguments as JSON. Reads go as GET query strings. */
const WRITE_METHODS = new Set(['chat.postMessage', 'chat.update', 'chat.delete', 'chat.postEphemeral']);

export interface SlackClientOptions {
  token: string;
  apiUrl?: string;
  /** Per-request timeout (default 10 s). */
  timeoutMs?: number;
  log?: Logger;
  clock?: Clock;
}

/** An answer Slack gave with `ok: true`. */
export type SlackResponse = Record<string, unknown> & { ok: true };

/** Calls Slack Web API methods. */
export class SlackClient {
  readonly apiUrl: string;
  /** Web API calls sent so far, retries included. */
  requestCount = 0;
  readonly #token: string;
  readonly #timeoutMs: number;
  readonly #log: Logger;
  readonly #clock: Clock;

  constructor(options: SlackClientOptions) {
    this.#token = options.token;
    this.apiUrl = options.apiUrl ?? SLACK_API_URL;
    this.#timeoutMs = options.timeoutMs ?? 10_000;
    this.#log = options.log ?? silentLogger;
    this.#clock = options.clock ?? systemClock;
  }

  /**
   * Calls `method` once, waiting at most `timeoutMs` (never more than the client's per-request timeout).
   * Throws SlackApiError for Slack's refusals, TransientError for rate limits, server trouble and lost
   * connections (with Retry-After when Slack gave one).
   */
  async callOnce(
    method: string,
    args: Record<string, unknown>,
    timeoutMs = this.#timeoutMs,
  ): Promise<SlackResponse> {
    this.requestCount++;
    const url = new URL(method, this.apiUrl);
    const headers: Record<string, string> = { authorization: `Bearer ${this.#token}` };
    let body: string | undefined;
    if (WRITE_METHODS.has(method)) {
      headers['content-type'] = 'application/json; charset=utf-8';
      body = JSON.stringify(args);
    } else {
      for (const [name, value] of Object.entries(args)) {
        if (value !== undefined) url.searchParams.set(name, String(value));
      }
    }
    const response = await httpAttempt(
      {
        method: body === undefined ? 'GET' : 'POST',
        url,
        headers,
        body,
        timeoutMs: Math.max(1, Math.min(timeoutMs, this.#timeoutMs)),
      },
      method,
    );
    if (response.status === 429) {
      const retryAfterMs = parseRetryAfter(response.headers['retry-after'], this.#clock.now()) ?? 1000;
      throw new TransientError(`${method} was rate limited by Slack`, { retryAfterMs, hadNoEffect: true });
    }
    if (response.status >= 500) {
      throw new TransientError(`${method}: Slack answered HTTP ${response.status}`, {
        retryAfterMs: parseRetryAfter(response.headers['retry-after'], this.#clock.now()),
      });
    }
    let parsed: Record<string, unknown>;
    try {
      parsed = JSON.parse(response.body) as Record<string, unknown>;
    } catch {
      throw new SlackApiError(method, `unexpected_answer_http_${response.status}`);
    }
    if (parsed.ok === true) return parsed as SlackResponse;
    const code = typeof parsed.error === 'string' ? parsed.error : 'unknown_error';
    if (SERVER_TROUBLE.has(code)) throw new TransientError(`${method} failed: ${code}`);
    const metadata = parsed.response_metadata as { messages?: unknown } | undefined;
    const details = Array.isArray(metadata?.messages) ? metadata.messages.map(String) : [];
    throw new SlackApiError(method, code, {
      needed: typeof parsed.needed === 'string' ? parsed.needed : undefined,
      details,
    });
  }

  /** Calls `method`, retrying rate limits and transient failures within `policy`. */
  call(method: string, args: Record<string, unknown>, policy: RetryPolicy): Promise<SlackResponse> {
    return withRetry(({ remainingMs }) => this.callOnce(method, args, remainingMs), policy, {
      clock: this.#clock,
      log: this.#log,
    });
  }
}
