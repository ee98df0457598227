// The HTTP routes: the widget and its API (both faultable), health, version, metrics and the fault admin switch.
import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { setTimeout as delay } from 'node:timers/promises';
import type { Config } from './config.ts';
import { type DeploymentSource, SourceError } from './deployment-source.ts';
import { topActiveDeployments } from './deployments.ts';
import { type FaultSwitch, parseFaultUpdate } from './fault.ts';
import { methodLabel, PROMETHEUS_CONTENT_TYPE, routeLabel, type ServiceMetrics } from './metrics.ts';
import { serveStatic } from './static-files.ts';

/** What the routes work with; tests build it with their own clock, random source and deployments. */
export interface AppContext {
  config: Config;
  source: DeploymentSource;
  fault: FaultSwitch;
  metrics: ServiceMetrics;
  /** Epoch milliseconds. */
  startedAtMs: number;
  now: () => number;
  /** One line for the operator (stderr in production). */
  log: (line: string) => void;
  /** True once shutdown has begun: answers then close their connection. */
  isClosing: () => boolean;
}

/** The largest admin request body read; the real one is about 40 bytes. */
const MAX_BODY_BYTES = 4096;

const READ_METHODS = 'GET, HEAD';

type Handler = (request: IncomingMessage, response: ServerResponse, context: AppContext) => Promise<void>;

function sendJson(
  response: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = `${JSON.stringify(body)}\n`;
  response.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    'cache-control': 'no-store',
    ...headers,
  });
  response.end(text);
}

function methodNotAllowed(response: ServerResponse, allow: string): void {
  sendJson(response, 405, { error: `method not allowed: use ${allow}` }, { allow });
}

function notFound(response: ServerResponse): void {
  sendJson(response, 404, { error: 'not found' });
}

function isRead(request: IncomingMessage): boolean {
  return request.method === 'GET' || request.method === 'HEAD';
}

/**
 * Applies the fault switch to an app request: waits the configured latency, then answers 500 with probability
 * errorRate. True when the request is finished with: failed and answered, or its connection gone meanwhile.
 */
async function sufferFault(response: ServerResponse, context: AppContext): Promise<boolean> {
  const decision = context.fault.decide();
  if (decision.delayMs > 0) {
    // A client that gives up (or a forced shutdown) ends the wait, so no timer outlives its connection.
    const gone = new AbortController();
    response.once('close', () => gone.abort());
    await delay(decision.delayMs, undefined, { signal: gone.signal }).catch(() => undefined);
    if (gone.signal.aborted) return true;
  }
  if (!decision.fail) return false;
  sendJson(response, 500, { error: 'fault injected by the fault switch (FAULT_ERROR_RATE)' });
  return true;
}

const health: Handler = async (request, response, { config }) => {
  if (!isRead(request)) return methodNotAllowed(response, READ_METHODS);
  sendJson(response, 200, { status: 'ok', commit: config.commit, version: config.version });
};

const version: Handler = async (request, response, { config, startedAtMs }) => {
  if (!isRead(request)) return methodNotAllowed(response, READ_METHODS);
  sendJson(response, 200, {
    commit: config.commit,
    version: config.version,
    startedAt: new Date(startedAtMs).toISOString(),
  });
};

const metrics: Handler = async (request, response, context) => {
  if (!isRead(request)) return methodNotAllowed(response, READ_METHODS);
  const text = context.metrics.render();
  response.writeHead(200, {
    'content-type': PROMETHEUS_CONTENT_TYPE,
    'content-length': Buffer.byteLength(text),
    'cache-control': 'no-store',
  });
  response.end(text);
};

const topDeployments: Handler = async (request, response, context) => {
  if (!isRead(request)) return methodNotAllowed(response, READ_METHODS);
  if (await sufferFault(response, context)) return;
  let histories: Awaited<ReturnType<DeploymentSource['list']>>;
  try {
    histories = await context.source.list();
  } catch (error) {
    if (!(error instanceof SourceError)) throw error;
    context.log(`GET /api/deployments/top: 502 ${error.message}`);
    return sendJson(response, 502, { error: error.message });
  }
  const now = context.now();
  sendJson(response, 200, {
    deployments: topActiveDeployments(histories, now),
    source: context.source.kind,
    generated_at: new Date(now).toISOString(),
  });
};

const widget: Handler = async (request, response, context) => {
  if (!isRead(request)) return methodNotAllowed(response, READ_METHODS);
  if (await sufferFault(response, context)) return;
  if (!(await serveStatic(context.config.staticDir, '/', request, response))) {
    sendJson(response, 404, {
      error: `the widget is not built: no index.html in ${context.config.staticDir}`,
    });
  }
};

function digest(text: string): Buffer {
  return createHash('sha256').update(text).digest();
}

/** Compares digests, which have equal lengths, in constant time: the token's length and prefix stay secret. */
function isAuthorised(request: IncomingMessage, token: string): boolean {
  const header = request.headers.authorization ?? '';
  const match = /^Bearer (.+)$/i.exec(header);
  return match !== null && timingSafeEqual(digest(match[1] as string), digest(token));
}

async function readBody(request: IncomingMessage): Promise<string | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) return undefined;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

const adminFault: Handler = async (request, response, context) => {
  const token = context.config.adminToken;
  // Without a token the switch does not exist, exactly like any unknown path.
  if (token === undefined) return notFound(response);
  if (request.method !== 'POST' && !isRead(request)) return methodNotAllowed(response, 'GET, HEAD, POST');
  if (!isAuthorised(request, token)) {
    return sendJson(
      response,
      401,
      { error: 'expected Authorization: Bearer <ADMIN_TOKEN>' },
      { 'www-authenticate': 'Bearer realm="admin"' },
    );
  }
  if (isRead(request)) return sendJson(response, 200, context.fault.settings);
  const body = await readBody(request);
  if (body === undefined)
    return sendJson(response, 413, { error: `body larger than ${MAX_BODY_BYTES} bytes` });
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return sendJson(response, 400, {
      error: 'expected a JSON body like {"errorRate": 0.2, "latencyMs": 300}',
    });
  }
  const result = parseFaultUpdate(parsed);
  if (!result.ok) return sendJson(response, 400, { error: result.problem });
  const settings = context.fault.update(result.update);
  context.log(`fault switch set: errorRate ${settings.errorRate}, latencyMs ${settings.latencyMs}`);
  sendJson(response, 200, settings);
};

const staticFile: Handler = async (request, response, context) => {
  if (!isRead(request)) return notFound(response);
  const pathname = (request.url ?? '/').split('?')[0] as string;
  if (!(await serveStatic(context.config.staticDir, pathname, request, response))) notFound(response);
};

const ROUTES: Readonly<Record<string, Handler>> = {
  '/': widget,
  '/api/deployments/top': topDeployments,
  '/healthz': health,
  '/version': version,
  '/metrics': metrics,
  '/admin/fault': adminFault,
};

/**
 * The request listener: routes a request, records it in the metrics once answered, and turns an unexpected error
 * into a 500 (logged) rather than a hung connection.
 */
export function createRequestListener(
  context: AppContext,
): (request: IncomingMessage, response: ServerResponse) => void {
  return (request, response) => {
    const started = process.hrtime.bigint();
    const pathname = (request.url ?? '/').split('?')[0] as string;
    const route = pathname.startsWith('/') ? routeLabel(pathname) : 'other';
    const method = methodLabel(request.method);
    context.metrics.requestStarted();
    response.once('close', () => context.metrics.requestEnded());
    response.once('finish', () => {
      const durationSeconds = Number(process.hrtime.bigint() - started) / 1e9;
      context.metrics.observe({ route, method, status: response.statusCode, durationSeconds });
    });
    response.setHeader('x-content-type-options', 'nosniff');
    if (context.isClosing()) response.setHeader('connection', 'close');
    const handler = ROUTES[pathname] ?? staticFile;
    handler(request, response, context).catch((error: unknown) => {
      context.log(`${request.method} ${pathname}: 500 ${(error as Error).stack ?? error}`);
      if (!response.headersSent) sendJson(response, 500, { error: 'internal error' });
      else response.destroy();
    });
  };
}
