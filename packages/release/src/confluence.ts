// The release notes page in Confluence Cloud (REST v2 through confluence.js): found by title, created once,
// updated with the next version number on a rerun.
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
import type { Client } from 'confluence.js/core';
import { createV2Client } from 'confluence.js/v2';

/** Confluence refused a request: the HTTP status and Confluence's words. */
export class ConfluenceError extends Error {
  readonly status: number;

  constructor(request: string, status: number, detail: string) {
    super(`Confluence answered ${status} to ${request}${detail ? `: ${detail}` : ''}`);
    this.name = 'ConfluenceError';
    this.status = status;
  }
}

export interface ConfluenceTransportOptions {
  /** The site, https://acme.atlassian.net (the API is under /wiki). */
  site: string;
  email: string;
  apiToken: string;
  policy: () => RetryPolicy;
  timeoutMs?: number;
  log?: Logger;
  clock?: Clock;
}

type SendRequestOptions = Parameters<Client['sendRequest']>[0];

/** confluence.js's Client over Flowkit's HTTP helper: timeouts, one retry policy, Retry-After. Counts requests. */
export class ConfluenceTransport implements Client {
  requestCount = 0;
  readonly #options: ConfluenceTransportOptions;
  readonly #authorization: string;

  constructor(options: ConfluenceTransportOptions) {
    this.#options = options;
    this.#authorization = `Basic ${Buffer.from(`${options.email}:${options.apiToken}`).toString('base64')}`;
  }

  async sendRequest<T>(options: SendRequestOptions): Promise<T> {
    const { clock = systemClock, log = silentLogger, timeoutMs = 15_000 } = this.#options;
    const url = new URL(`${this.#options.site.replace(/\/$/, '')}${options.url}`);
    for (const [name, value] of Object.entries(options.searchParams ?? {})) {
      if (value === undefined || value === null) continue;
      if (Array.isArray(value)) url.searchParams.set(name, value.map(String).join(','));
      else url.searchParams.set(name, String(value));
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
        if (response.status === 429 || response.status >= 500) {
          throw new TransientError(`${request}: Confluence answered HTTP ${response.status}`, {
            retryAfterMs:
              parseRetryAfter(response.headers['retry-after'], clock.now()) ??
              (response.status === 429 ? 1000 : undefined),
            hadNoEffect: response.status === 429,
          });
        }
        const parsed = parseAnswerBody(response.body);
        if (response.status >= 200 && response.status < 300) return parsed as T;
        throw new ConfluenceError(request, response.status, detailOf(parsed));
      },
      this.#options.policy(),
      { clock, log },
    );
  }
}

/** Where the page goes. */
export interface PageTarget {
  spaceKey: string;
  /** The parent page's ID; default the space's home page. */
  parentId?: string;
  title: string;
}

/** What happened to the page. */
export interface PageOutcome {
  action: 'created' | 'updated' | 'unchanged';
  id: string;
  version: number;
  url: string;
}

interface PageAnswer {
  id?: string;
  version?: { number?: number };
  body?: { storage?: { value?: string } };
  _links?: { webui?: string; base?: string };
}

/**
 * Publishes `storage` (XHTML) as the page `target.title` in the space: created when no page has that title, updated
 * to the next version when its body differs, left alone when it is the same. A 409 (someone saved in between)
 * reads the page again and retries once.
 */
export async function publishConfluencePage(
  transport: ConfluenceTransport,
  site: string,
  target: PageTarget,
  storage: string,
): Promise<PageOutcome> {
  const confluence = createV2Client(transport);
  const spaces = (await confluence.space.getSpaces({ keys: [target.spaceKey] } as never)) as {
    results?: { id?: string; key?: string }[];
  };
  const space = spaces.results?.find((entry) => entry.key === target.spaceKey);
  if (space?.id === undefined) {
    throw new ConfluenceError('GET /wiki/api/v2/spaces', 404, `no space with key ${target.spaceKey}`);
  }
  const webUrl = (page: PageAnswer) =>
    `${site.replace(/\/$/, '')}/wiki${page._links?.webui ?? `/pages/${page.id}`}`;
  for (let attempt = 1; ; attempt++) {
    const found = (await confluence.page.getPages({
      spaceId: [Number(space.id)],
      title: target.title,
      bodyFormat: 'storage',
    } as never)) as { results?: PageAnswer[] };
    const page = found.results?.[0];
    if (page?.id === undefined) {
      const created = (await confluence.page.createPage({
        body: {
          spaceId: space.id,
          status: 'current',
          title: target.title,
          ...(target.parentId === undefined ? {} : { parentId: target.parentId }),
          body: { representation: 'storage', value: storage },
        },
      } as never)) as PageAnswer;
      return {
        action: 'created',
        id: String(created.id),
        version: created.version?.number ?? 1,
        url: webUrl(created),
      };
    }
    const version = page.version?.number ?? 1;
    if (page.body?.storage?.value === storage)
      return { action: 'unchanged', id: page.id, version, url: webUrl(page) };
    try {
      const updated = (await confluence.page.updatePage({
        id: Number(page.id),
        body: {
          id: page.id,
          status: 'current',
          title: target.title,
          body: { representation: 'storage', value: storage },
          version: { number: version + 1, message: 'Updated by Flowkit release-notes' },
        },
      } as never)) as PageAnswer;
      return {
        action: 'updated',
        id: page.id,
        version: updated.version?.number ?? version + 1,
        url: webUrl(updated),
      };
    } catch (error) {
      if (!(error instanceof ConfluenceError && error.status === 409) || attempt >= 2) throw error;
    }
  }
}

/** Confluence v2 answers errors as { errors: [{ title, detail }] }; v1 as { message }. */
function detailOf(parsed: unknown): string {
  if (typeof parsed === 'string') return parsed;
  const record = (parsed ?? {}) as {
    errors?: { title?: string; detail?: string | null }[];
    message?: string;
  };
  const errors = (record.errors ?? []).map((entry) => [entry.title, entry.detail].filter(Boolean).join(': '));
  return errors.join('; ') || record.message || '';
}
