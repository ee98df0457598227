// One HTTP request over node:http/node:https with a hard timeout; retries live in retry.ts (httpAttempt is one attempt
// of a retried request).
//
// Why not fetch: on Node 24 the first fetch() loads the bundled undici, which costs about 45 ms of CPU —
// more than the rest of an action's run. node:http(s) loaded through getBuiltinModule costs a fraction of it.
import type { IncomingHttpHeaders } from 'node:http';
import { TransientError } from './retry.ts';

/** What to send. */
export interface HttpRequest {
  method: 'GET' | 'HEAD' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'OPTIONS';
  url: string | URL;
  headers?: Record<string, string>;
  body?: string;
  /** Abort the request when no complete answer arrived within this many milliseconds. */
  timeoutMs: number;
}

/** What came back. Header names are lower case; repeated headers are joined with ', '. */
export interface HttpResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/**
 * A request that got no answer. `maybeProcessed` is false when the server certainly never saw the request
 * (connection refused, name not resolved), so even a non-idempotent call may be sent again.
 */
export class NetworkError extends Error {
  readonly code: string;
  readonly maybeProcessed: boolean;

  constructor(message: string, code: string, maybeProcessed: boolean) {
    super(message);
    this.name = 'NetworkError';
    this.code = code;
    this.maybeProcessed = maybeProcessed;
  }
}

const NOT_SENT_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);

/** Sends one request and reads the whole answer as text. Rejects with NetworkError when there is no answer. */
export function httpRequest(request: HttpRequest): Promise<HttpResponse> {
  const url = typeof request.url === 'string' ? new URL(request.url) : request.url;
  const transport =
    url.protocol === 'https:'
      ? process.getBuiltinModule('node:https')
      : url.protocol === 'http:'
        ? process.getBuiltinModule('node:http')
        : undefined;
  if (transport === undefined) {
    return Promise.reject(new NetworkError(`unsupported URL scheme '${url.protocol}'`, 'EPROTO', false));
  }
  const headers: Record<string, string> = { ...request.headers };
  if (request.body !== undefined) headers['content-length'] = String(Buffer.byteLength(request.body));

  return new Promise((resolve, reject) => {
    const req = transport.request(url, { method: request.method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        clearTimeout(timer);
        resolve({
          status: res.statusCode ?? 0,
          headers: flattenHeaders(res.headers),
          body: Buffer.concat(chunks).toString('utf8'),
        });
      });
      res.on('error', (error) => fail(error));
    });
    const timer = setTimeout(() => {
      req.destroy(new NetworkError(`no answer within ${request.timeoutMs} ms`, 'ETIMEDOUT', true));
    }, request.timeoutMs);
    function fail(error: Error & { code?: string }): void {
      clearTimeout(timer);
      if (error instanceof NetworkError) {
        reject(error);
        return;
      }
      const code = error.code ?? 'ERR';
      reject(new NetworkError(`${code}: ${error.message}`, code, !NOT_SENT_CODES.has(code)));
    }
    req.on('error', fail);
    req.end(request.body);
  });
}

/**
 * One attempt of a request that withRetry may repeat: httpRequest, with no answer turned into a TransientError that
 * starts with `label` (and says the request had no effect when the server certainly never saw it).
 */
export async function httpAttempt(request: HttpRequest, label: string): Promise<HttpResponse> {
  try {
    return await httpRequest(request);
  } catch (error) {
    if (!(error instanceof NetworkError)) throw error;
    throw new TransientError(`${label}: ${error.message}`, {
      hadNoEffect: !error.maybeProcessed,
      cause: error,
    });
  }
}

/** An answer's body: its JSON, or the first 300 characters of a text one (an HTML error page), or undefined if empty. */
export function parseAnswerBody(text: string): unknown {
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text.trim().slice(0, 300);
  }
}

function flattenHeaders(headers: IncomingHttpHeaders): Record<string, string> {
  const flat: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined) flat[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return flat;
}
