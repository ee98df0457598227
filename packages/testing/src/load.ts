// A small load generator for traffic tests: GETs at a steady rate with a bound on requests in flight, over keep-alive
// connections (as browsers do), counting answers by status and by upstream (a response header). A GET that loses its
// connection (reset, "socket hang up": an nginx worker closing an idle keep-alive connection during a reload) is
// sent once more, as browsers and proxies do for idempotent requests; `retries` says how often that was needed.
import { Agent, request } from 'node:http';

export interface LoadOptions {
  /** An http:// URL; every request is a GET of it. */
  url: string;
  /** Requests started per second (spread evenly). */
  ratePerSecond: number;
  /** Stop starting requests after this long… */
  durationMs?: number;
  /** …or once this returns true (checked before every start), or after maxRequests. At least one is needed. */
  until?: () => boolean;
  /** Stop after starting this many requests. */
  maxRequests?: number;
  /** At most this many requests in flight; a request due while at the limit starts when one finishes. Default 64. */
  maxInFlight?: number;
  /** Headers sent with every request. */
  headers?: Record<string, string>;
  /** Virtual users: request n belongs to user n % users; counts per user are kept. Default 1. */
  users?: number;
  /** The Cookie header of a virtual user (e.g. `(user) => \`session=u${user}\``); none: no cookie. */
  cookie?: (user: number) => string;
  /** The response header naming the upstream that answered; default `x-upstream`. */
  upstreamHeader?: string;
  /** Send a GET again, once, when its connection was reset; default true. */
  retryOnce?: boolean;
  /** Per attempt; default 10000. */
  timeoutMs?: number;
}

export interface LoadResult {
  /** Requests finished (answered or failed); a retried request counts once. */
  total: number;
  /** Answers by HTTP status, e.g. { '200': 990, '502': 10 }. */
  byStatus: Record<string, number>;
  /** Answers by the upstream header's value ('(none)' when absent). */
  byUpstream: Record<string, number>;
  /** Per virtual user: answers by upstream. */
  byUser: Record<number, Record<string, number>>;
  /** Requests with no answer, after the retry. */
  failures: number;
  /** The first 20 failures' messages. */
  failureMessages: string[];
  /** Requests sent a second time after a reset connection. */
  retries: number;
  /** Why they were retried: error code and whether the connection was a reused keep-alive one → count. */
  retryReasons: Record<string, number>;
  /** Requests that started late because maxInFlight requests were still running (the target was too slow). */
  delayed: number;
}

const RETRIED_CODES = new Set(['ECONNRESET', 'EPIPE', 'ECONNABORTED']);

interface Answer {
  status: number;
  upstream: string;
}

/** Runs the load; resolves once the last request finished. */
export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  const url = new URL(options.url);
  if (url.protocol !== 'http:') throw new Error(`runLoad: only http:// URLs, not ${options.url}`);
  if (!(options.ratePerSecond > 0)) throw new Error('runLoad: ratePerSecond must be positive');
  if (options.durationMs === undefined && options.until === undefined && options.maxRequests === undefined)
    throw new Error('runLoad: give durationMs, until or maxRequests');
  const maxInFlight = options.maxInFlight ?? 64;
  const users = Math.max(1, options.users ?? 1);
  const upstreamHeader = (options.upstreamHeader ?? 'x-upstream').toLowerCase();
  const timeoutMs = options.timeoutMs ?? 10_000;
  const agent = new Agent({ keepAlive: true, maxSockets: maxInFlight });
  const result: LoadResult = {
    total: 0,
    byStatus: {},
    byUpstream: {},
    byUser: {},
    failures: 0,
    failureMessages: [],
    retries: 0,
    retryReasons: {},
    delayed: 0,
  };
  // A retry goes over a new connection, as browsers do after a reused keep-alive connection failed.
  const freshAgent = new Agent({ keepAlive: false });

  const attempt = (headers: Record<string, string>, fresh: boolean): Promise<Answer> =>
    new Promise((resolve, reject) => {
      const req = request(url, { method: 'GET', agent: fresh ? freshAgent : agent, headers }, (res) => {
        res.on('data', () => undefined);
        res.on('error', reject);
        res.on('end', () => {
          const value = res.headers[upstreamHeader];
          resolve({
            status: res.statusCode ?? 0,
            upstream: (Array.isArray(value) ? value.join(',') : value) ?? '(none)',
          });
        });
      });
      req.setTimeout(timeoutMs, () => {
        req.destroy(Object.assign(new Error(`no answer within ${timeoutMs} ms`), { code: 'ETIMEDOUT' }));
      });
      req.on('error', (error: NodeJS.ErrnoException) => {
        if (req.reusedSocket) Object.assign(error, { reusedSocket: true });
        reject(error);
      });
      req.end();
    });

  const one = async (index: number): Promise<void> => {
    const user = index % users;
    const headers: Record<string, string> = { ...options.headers };
    if (options.cookie !== undefined) headers.cookie = options.cookie(user);
    let answer: Answer | undefined;
    try {
      answer = await attempt(headers, false);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? 'ERR';
      if (options.retryOnce !== false && RETRIED_CODES.has(code)) {
        result.retries++;
        const reason = `${code} (${(error as { reusedSocket?: boolean }).reusedSocket ? 'reused' : 'new'} connection)`;
        result.retryReasons[reason] = (result.retryReasons[reason] ?? 0) + 1;
        try {
          answer = await attempt(headers, true);
        } catch (again) {
          fail(again);
        }
      } else fail(error);
    }
    result.total++;
    if (answer === undefined) return;
    result.byStatus[answer.status] = (result.byStatus[answer.status] ?? 0) + 1;
    result.byUpstream[answer.upstream] = (result.byUpstream[answer.upstream] ?? 0) + 1;
    const perUser = result.byUser[user] ?? {};
    perUser[answer.upstream] = (perUser[answer.upstream] ?? 0) + 1;
    result.byUser[user] = perUser;
  };
  const fail = (error: unknown) => {
    result.failures++;
    if (result.failureMessages.length < 20) {
      const code = (error as NodeJS.ErrnoException).code;
      result.failureMessages.push(`${code === undefined ? '' : `${code}: `}${(error as Error).message}`);
    }
  };

  const started = Date.now();
  const running = new Set<Promise<void>>();
  let count = 0;
  const finished = () =>
    (options.durationMs !== undefined && Date.now() - started >= options.durationMs) ||
    (options.maxRequests !== undefined && count >= options.maxRequests) ||
    (options.until?.() ?? false);
  try {
    const tickMs = Math.max(1, Math.min(10, 1000 / options.ratePerSecond));
    while (!finished()) {
      const due = Math.floor(((Date.now() - started) * options.ratePerSecond) / 1000) + 1;
      while (count < due && !finished()) {
        if (running.size >= maxInFlight) {
          result.delayed++;
          await Promise.race(running);
          continue;
        }
        const index = count++;
        const promise = one(index).finally(() => running.delete(promise));
        running.add(promise);
      }
      // Pacing, not synchronisation: the next requests are due one tick later.
      await new Promise((resolve) => setTimeout(resolve, tickMs));
    }
    await Promise.all(running);
  } finally {
    agent.destroy();
    freshAgent.destroy();
  }
  return result;
}

/** The share of answers whose upstream is `upstream`, from 0 to 1. */
export function upstreamShare(result: LoadResult, upstream: string): number {
  const answered = Object.values(result.byUpstream).reduce((sum, n) => sum + n, 0);
  return answered === 0 ? 0 : (result.byUpstream[upstream] ?? 0) / answered;
}
