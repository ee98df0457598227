// Waits until the environment answers healthy at the expected commit, so the old version never passes for the new.
import { type Clock, httpRequest, type Logger, silentLogger, systemClock } from '@flowkit/core';

/** What to wait for. */
export interface HealthCheck {
  url: string;
  /** The commit the answer must report (full sha; a reported short sha of 7+ digits matches its prefix). */
  commit: string;
  /**
   * Where the answer reports the commit: a dotted path into its JSON (`commit`, `build.sha`), or `body` to look
   * for the commit (full, or its first 7 digits) anywhere in the text.
   */
  commitPath: string;
  timeoutMs: number;
  /** First pause between attempts; it grows by half each time up to `maxIntervalMs`. Default 1 s. */
  intervalMs?: number;
  /** Default 10 s. */
  maxIntervalMs?: number;
  /** One request's limit. Default 5 s. */
  requestTimeoutMs?: number;
}

/** One answer of the health URL, or why there was none. */
export type HealthAnswer = { status: number; body: string } | { error: string };

/** Asks the health URL once; rejects when no answer came (connection refused, timeout). */
export type HealthProbe = (url: string, timeoutMs: number) => Promise<{ status: number; body: string }>;

/** How the wait ended: measurement problems are data here, never a pass. */
export interface HealthResult {
  healthy: boolean;
  attempts: number;
  elapsedMs: number;
  /** The last answer seen (undefined only when no attempt ran). */
  last: HealthAnswer | undefined;
  /** Why the last answer is not healthy, or what made it healthy. */
  verdict: string;
}

/** Asks with Flowkit's HTTP helper: GET, no redirects followed, the body as text. */
export const httpProbe: HealthProbe = async (url, timeoutMs) => {
  const response = await httpRequest({
    method: 'GET',
    url,
    headers: { accept: 'application/json', 'user-agent': 'flowkit-health' },
    timeoutMs,
  });
  return { status: response.status, body: response.body };
};

/** Judges one answer: 200, and the expected commit where `commitPath` says. */
export function judgeAnswer(
  answer: HealthAnswer,
  commit: string,
  commitPath: string,
): { ok: boolean; verdict: string } {
  if ('error' in answer) return { ok: false, verdict: `no answer (${answer.error})` };
  if (answer.status !== 200) return { ok: false, verdict: `HTTP ${answer.status}, not 200` };
  const short = commit.slice(0, 7);
  if (commitPath === 'body') {
    const text = answer.body.toLowerCase();
    return text.includes(commit.toLowerCase()) || text.includes(short.toLowerCase())
      ? { ok: true, verdict: `HTTP 200 naming ${short}` }
      : { ok: false, verdict: `HTTP 200, but the body does not name ${short}` };
  }
  let json: unknown;
  try {
    json = JSON.parse(answer.body);
  } catch {
    return { ok: false, verdict: 'HTTP 200, but the body is not JSON' };
  }
  let node = json;
  for (const key of commitPath.split('.')) {
    node = typeof node === 'object' && node !== null ? (node as Record<string, unknown>)[key] : undefined;
  }
  if (typeof node !== 'string' || node === '') {
    return { ok: false, verdict: `HTTP 200, but it reports no commit at '${commitPath}'` };
  }
  return sameCommit(node, commit)
    ? { ok: true, verdict: `HTTP 200 at commit ${short}` }
    : { ok: false, verdict: `HTTP 200, but it reports commit ${node.slice(0, 40)}, not ${short}` };
}

/** True when `reported` is `expected`, or a 7+ digit prefix of it (or the other way round), in any case. */
export function sameCommit(reported: string, expected: string): boolean {
  const a = reported.trim().toLowerCase();
  const b = expected.trim().toLowerCase();
  if (a.length < 7 || b.length < 7) return a === b;
  return a.startsWith(b) || b.startsWith(a);
}

/** An answer for a message: the status and the first 200 characters of the body, or the connection error. */
export function describeAnswer(answer: HealthAnswer | undefined): string {
  if (answer === undefined) return 'none';
  if ('error' in answer) return answer.error;
  const body = answer.body.replace(/\s+/g, ' ').trim();
  return `HTTP ${answer.status} ${body.length > 200 ? `${body.slice(0, 200)}…` : body}`.trim();
}

/**
 * Asks `check.url` until an answer is healthy or `check.timeoutMs` passes (one last attempt at the deadline),
 * with growing pauses between attempts.
 */
export async function waitForHealth(
  check: HealthCheck,
  options: { clock?: Clock; probe?: HealthProbe; log?: Logger } = {},
): Promise<HealthResult> {
  const { clock = systemClock, probe = httpProbe, log = silentLogger } = options;
  const maxInterval = check.maxIntervalMs ?? 10_000;
  const start = clock.now();
  const deadline = start + check.timeoutMs;
  let interval = check.intervalMs ?? 1000;
  let attempts = 0;
  let last: HealthAnswer | undefined;
  let verdict = 'not asked';
  for (;;) {
    attempts++;
    // The last attempt, at the deadline, still gets a second to answer: cut shorter, a busy machine would report
    // its own timeout instead of what the service says.
    const remaining = Math.max(1000, deadline - clock.now());
    try {
      last = await probe(check.url, Math.min(check.requestTimeoutMs ?? 5000, remaining));
    } catch (error) {
      last = { error: error instanceof Error ? error.message : String(error) };
    }
    const judged = judgeAnswer(last, check.commit, check.commitPath);
    verdict = judged.verdict;
    if (judged.ok) return { healthy: true, attempts, elapsedMs: clock.now() - start, last, verdict };
    const left = deadline - clock.now();
    if (left <= 0) break;
    log.debug(`Health: ${verdict}; asking again in ${Math.round(Math.min(interval, left))} ms`);
    await clock.sleep(Math.min(interval, left));
    interval = Math.min(maxInterval, interval * 1.5);
  }
  return { healthy: false, attempts, elapsedMs: clock.now() - start, last, verdict };
}
