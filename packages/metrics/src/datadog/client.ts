// The connection to Datadog shared by the provider, the set-up and the events: the official client's v1 API classes
// over Flowkit's own transport (timeouts, retries that honour X-RateLimit-Reset, keys never logged).
//
// Only the API modules used are imported, by path: the package root loads every model of v1 and v2 (over 2 s of
// start-up); these modules load the v1 models only (about 0.2 s warm). The v2 API classes load all v2 models (about
// 1 s), so the two v2 calls Flowkit makes (DORA) go through `rawRequest` instead.
import './quiet-punycode.ts';
import { createConfiguration } from '@datadog/datadog-api-client/dist/packages/datadog-api-client-common/configuration.js';
import { ApiException } from '@datadog/datadog-api-client/dist/packages/datadog-api-client-common/exception.js';
import {
  type HttpLibrary,
  type RequestContext,
  ResponseContext,
} from '@datadog/datadog-api-client/dist/packages/datadog-api-client-common/http/http.js';
import { BaseServerConfiguration } from '@datadog/datadog-api-client/dist/packages/datadog-api-client-common/servers.js';
import {
  type Clock,
  errorMessage,
  type HttpRequest,
  type HttpResponse,
  httpAttempt,
  httpRequest,
  InputError,
  type Logger,
  parseRetryAfter,
  RetryExhaustedError,
  type RetryPolicy,
  silentLogger,
  systemClock,
  TransientError,
  withRetry,
} from '@flowkit/core';
import { DATADOG_SITES } from './sites.ts';

/** How to reach Datadog, shared by every Datadog function in Flowkit. */
export interface DatadogConnectionOptions {
  /** The Datadog site ('datadoghq.com', 'datadoghq.eu', …); default 'datadoghq.com'. Ignored for API calls when `apiUrl` is given. */
  site?: string;
  /** The API base URL, e.g. an emulator's 'http://127.0.0.1:PORT'; default `https://api.<site>`. */
  apiUrl?: string;
  /** The web app base URL used in links; default from the site (`https://app.datadoghq.com`, `https://us3.datadoghq.com`, …). */
  appUrl?: string;
  /** DD-API-KEY. Never logged. */
  apiKey: string;
  /** DD-APPLICATION-KEY. Never logged. */
  appKey: string;
  /** Per-request timeout; default 10 000 ms. */
  timeoutMs?: number;
  /** Retries of timeouts, 5xx and 429; default 3 retries within 30 s. */
  retry?: RetryPolicy;
  clock?: Clock;
  log?: Logger;
}

export const DEFAULT_DATADOG_TIMEOUT_MS = 10_000;
export const DEFAULT_DATADOG_RETRY: RetryPolicy = { retries: 3, budgetMs: 30_000 };

/** Datadog answered with an error that retrying does not fix (400, 404, …), or retries ran out. */
export class DatadogApiError extends Error {
  /** HTTP status; 0 when no answer came. */
  readonly status: number;
  /** Datadog's `errors` strings, when it sent any. */
  readonly errors: string[];

  constructor(message: string, status: number, errors: string[], options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'DatadogApiError';
    this.status = status;
    this.errors = errors;
  }
}

/** Datadog refused a key (403). `key` says which: checked against /api/v1/validate, which needs the API key only. */
export class DatadogAuthError extends DatadogApiError {
  readonly key: 'api-key' | 'app-key';

  constructor(key: 'api-key' | 'app-key', what: string) {
    super(
      key === 'api-key'
        ? `Datadog refused the API key (403) during ${what}: check the DD API key (input 'api-key') and the site it belongs to`
        : `Datadog refused the application key (403) during ${what}: the API key is valid, so check the DD application key (input 'app-key'), that it belongs to the same organisation, and its scopes`,
      403,
      ['Forbidden'],
    );
    this.name = 'DatadogAuthError';
    this.key = key;
  }
}

/** The site checked, or an InputError naming the input. */
export function checkSite(site: string | undefined): string {
  const value = site ?? 'datadoghq.com';
  if (!DATADOG_SITES.includes(value)) {
    throw new InputError(
      'site',
      `is '${value}', which is not a Datadog site`,
      `Use one of ${DATADOG_SITES.join(', ')}.`,
    );
  }
  return value;
}

/** The web app base URL for links. */
export function datadogAppUrl(options: Pick<DatadogConnectionOptions, 'site' | 'appUrl'>): string {
  if (options.appUrl) return options.appUrl.replace(/\/$/, '');
  const site = checkSite(options.site);
  return site.split('.').length > 2 ? `https://${site}` : `https://app.${site}`;
}

/** Seconds to wait as Datadog's 429 says: X-RateLimit-Reset (seconds until the window resets), else Retry-After. */
export function rateLimitWaitMs(headers: Record<string, string>, now: number): number | undefined {
  const reset = headers['x-ratelimit-reset'];
  if (reset !== undefined && /^\d+(\.\d+)?$/.test(reset.trim())) return Math.ceil(Number(reset) * 1000);
  return parseRetryAfter(headers['retry-after'], now);
}

function errorStrings(body: string): string[] {
  try {
    const parsed = JSON.parse(body) as { errors?: unknown };
    if (Array.isArray(parsed.errors)) {
      return parsed.errors.map((e) =>
        typeof e === 'string'
          ? e
          : String((e as { detail?: unknown; title?: unknown }).detail ?? JSON.stringify(e)),
      );
    }
  } catch {
    // not JSON (an HTML page from the edge)
  }
  return [];
}

/** One attempt over Flowkit's transport: answers any status, throws TransientError for 429, 5xx and no answer. */
async function send(request: HttpRequest, clock: Clock, label: string): Promise<HttpResponse> {
  const response = await httpAttempt(request, `Datadog ${label}`);
  if (response.status === 429) {
    const name = response.headers['x-ratelimit-name'];
    throw new TransientError(`Datadog ${label}: rate limited (429${name ? `, limit '${name}'` : ''})`, {
      retryAfterMs: rateLimitWaitMs(response.headers, clock.now()),
      hadNoEffect: true,
    });
  }
  if (response.status >= 500) throw new TransientError(`Datadog ${label}: HTTP ${response.status}`);
  return response;
}

/**
 * The client's HttpLibrary over `httpRequest`: the client's own transport (isomorphic fetch) has no timeout, and its
 * optional retry waits its own backoff rather than X-RateLimit-Reset, so both are replaced. The library throws
 * TransientError; `DatadogConnection.call` runs the API call under `withRetry`.
 */
class FlowkitHttpLibrary implements HttpLibrary {
  private readonly timeoutMs: number;
  private readonly clock: Clock;

  constructor(timeoutMs: number, clock: Clock) {
    this.timeoutMs = timeoutMs;
    this.clock = clock;
  }

  async send(request: RequestContext): Promise<ResponseContext> {
    const body = request.getBody();
    if (body !== undefined && typeof body !== 'string') throw new Error('Datadog: only JSON bodies are sent');
    const url = new URL(request.getUrl());
    const response = await send(
      {
        method: request.getHttpMethod() as HttpRequest['method'],
        url,
        headers: request.getHeaders(),
        ...(body === undefined ? {} : { body }),
        timeoutMs: this.timeoutMs,
      },
      this.clock,
      `${request.getHttpMethod()} ${url.pathname}`,
    );
    const buffer = Buffer.from(response.body, 'utf8');
    return new ResponseContext(response.status, response.headers, {
      text: async () => response.body,
      binary: async () => buffer,
    });
  }
}

type ClientConfiguration = ReturnType<typeof createConfiguration>;

/** A validated connection: the client configuration and the raw transport, with one error policy. */
export class DatadogConnection {
  readonly apiUrl: string;
  readonly appUrl: string;
  readonly configuration: ClientConfiguration;
  readonly log: Logger;
  private readonly apiKey: string;
  private readonly appKey: string;
  private readonly timeoutMs: number;
  private readonly retry: RetryPolicy;
  private readonly clock: Clock;

  constructor(options: DatadogConnectionOptions) {
    if (!options.apiKey) throw new InputError('api-key', 'is empty', 'Pass the Datadog API key (a secret).');
    if (!options.appKey)
      throw new InputError('app-key', 'is empty', 'Pass the Datadog application key (a secret).');
    const site = checkSite(options.site);
    this.apiUrl = (options.apiUrl ?? `https://api.${site}`).replace(/\/$/, '');
    if (!URL.canParse(this.apiUrl)) {
      throw new InputError(
        'api-url',
        `is '${this.apiUrl}', not a URL`,
        'Pass an http(s) URL or leave it empty.',
      );
    }
    this.appUrl = datadogAppUrl(options);
    this.apiKey = options.apiKey;
    this.appKey = options.appKey;
    this.timeoutMs = options.timeoutMs ?? DEFAULT_DATADOG_TIMEOUT_MS;
    this.retry = options.retry ?? DEFAULT_DATADOG_RETRY;
    this.clock = options.clock ?? systemClock;
    this.log = options.log ?? silentLogger;
    this.configuration = createConfiguration({
      baseServer: new BaseServerConfiguration(this.apiUrl, {}),
      authMethods: { apiKeyAuth: this.apiKey, appKeyAuth: this.appKey },
      httpApi: new FlowkitHttpLibrary(this.timeoutMs, this.clock),
      enableRetry: false,
      debug: false,
    });
  }

  /**
   * Runs one API call with retries. `idempotent: false` retries only failures that certainly had no effect (429, a
   * refused connection), so a POST is never doubled by a lost answer. Errors: DatadogAuthError (403, naming the
   * key), DatadogApiError (other 4xx, or retries exhausted with status 0/5xx/429).
   */
  async call<T>(what: string, attempt: () => Promise<T>, idempotent = true): Promise<T> {
    try {
      return await withRetry(
        async () => {
          try {
            return await attempt();
          } catch (error) {
            if (error instanceof TransientError && !idempotent && !error.hadNoEffect) {
              throw new DatadogApiError(
                `${error.message} (not retried: the request may have taken effect)`,
                0,
                [],
                {
                  cause: error,
                },
              );
            }
            throw error;
          }
        },
        this.retry,
        { clock: this.clock, log: this.log },
      );
    } catch (error) {
      throw await this.translate(what, error);
    }
  }

  /** A request outside the client (v2 DORA, key validation), with the same retries and errors. */
  async rawRequest(
    what: string,
    method: 'GET' | 'POST',
    path: string,
    body: unknown,
    keys: 'api' | 'api+app',
    idempotent = true,
  ): Promise<unknown> {
    return this.call(
      what,
      async () => {
        const response = await send(this.rawHttp(method, path, body, keys), this.clock, `${method} ${path}`);
        if (response.status >= 400) throw new ApiException(response.status, response.body);
        return response.body.trim() === '' ? undefined : JSON.parse(response.body);
      },
      idempotent,
    );
  }

  private rawHttp(method: 'GET' | 'POST', path: string, body: unknown, keys: 'api' | 'api+app'): HttpRequest {
    const headers: Record<string, string> = { accept: 'application/json', 'dd-api-key': this.apiKey };
    if (keys === 'api+app') headers['dd-application-key'] = this.appKey;
    if (body !== undefined) headers['content-type'] = 'application/json';
    return {
      method,
      url: `${this.apiUrl}${path}`,
      headers,
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      timeoutMs: this.timeoutMs,
    };
  }

  /** Which key a 403 is about: /api/v1/validate checks the API key alone. */
  private async refusedKey(): Promise<'api-key' | 'app-key'> {
    try {
      const response = await httpRequest(this.rawHttp('GET', '/api/v1/validate', undefined, 'api'));
      return response.status === 403 ? 'api-key' : 'app-key';
    } catch {
      return 'api-key';
    }
  }

  private async translate(what: string, error: unknown): Promise<Error> {
    if (error instanceof DatadogApiError) return error;
    if (error instanceof RetryExhaustedError) {
      return new DatadogApiError(`Datadog ${what} failed: ${error.message}`, 0, [], { cause: error });
    }
    if (error instanceof ApiException) {
      const body = typeof error.body === 'string' ? error.body : JSON.stringify(error.body ?? '');
      if (error.code === 403) return new DatadogAuthError(await this.refusedKey(), what);
      const errors = errorStrings(body);
      if (errors.length === 0 && typeof error.body === 'object' && error.body !== null) {
        const inner = (error.body as { errors?: unknown }).errors;
        if (Array.isArray(inner)) errors.push(...inner.map(String));
      }
      return new DatadogApiError(
        `Datadog ${what} failed: HTTP ${error.code}${errors.length > 0 ? `: ${errors.join('; ')}` : ''}`,
        error.code,
        errors,
        { cause: error },
      );
    }
    return new DatadogApiError(`Datadog ${what} failed: ${errorMessage(error)}`, 0, [], { cause: error });
  }
}
