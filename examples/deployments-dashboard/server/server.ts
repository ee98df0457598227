// Starts the service from a Config and stops it gracefully: no new connections, in-flight requests finish.
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequestListener } from './app.ts';
import type { Config } from './config.ts';
import { cachedSource, type DeploymentSource } from './deployment-source.ts';
import { FaultSwitch } from './fault.ts';
import { createFixtureSource } from './fixture-source.ts';
import { createGitHubSource } from './github-source.ts';
import { ServiceMetrics } from './metrics.ts';

/** What tests may replace; production uses the defaults. */
export interface ServerOverrides {
  /** Numbers in [0, 1) deciding injected faults; default `Math.random`. */
  random?: () => number;
  /** Epoch milliseconds; default `Date.now`. */
  now?: () => number;
  /** Default stderr. */
  log?: (line: string) => void;
  /** The HTTP client for GitHub; default the global `fetch`. */
  fetch?: typeof fetch;
  /** GitHub's time budget per listing; default `GITHUB_TIMEOUT_MS`. */
  githubTimeoutMs?: number;
  /** How long GitHub's answer is reused; default `GITHUB_CACHE_TTL_MS`. */
  cacheTtlMs?: number;
  /** How long shutdown waits for in-flight requests before cutting them; default `SHUTDOWN_GRACE_MS`. */
  shutdownGraceMs?: number;
  /** Use these deployments instead of the configured source. */
  source?: DeploymentSource;
}

/** A running service. */
export interface RunningServer {
  /** `http://host:port`, with the port actually chosen. */
  url: string;
  port: number;
  server: Server;
  /** Stops accepting, lets in-flight requests finish (within the grace period), then resolves. Idempotent. */
  close(): Promise<void>;
}

/** GitHub's answer is reused this long: the widget refreshes every 30 s, so one listing serves every viewer. */
export const GITHUB_CACHE_TTL_MS = 30_000;

/** Shutdown waits this long for in-flight requests; under the 30 s a process manager usually allows. */
export const SHUTDOWN_GRACE_MS = 25_000;

function createSource(config: Config, startedAtMs: number, overrides: ServerOverrides): DeploymentSource {
  if (overrides.source) return overrides.source;
  if (config.source.kind === 'fixture') return createFixtureSource(config.source.path, startedAtMs);
  const github = createGitHubSource({
    ...config.source,
    ...(overrides.fetch ? { fetch: overrides.fetch } : {}),
    ...(overrides.githubTimeoutMs === undefined ? {} : { timeoutMs: overrides.githubTimeoutMs }),
  });
  return cachedSource(github, overrides.cacheTtlMs ?? GITHUB_CACHE_TTL_MS, overrides.now);
}

function urlOf(host: string, port: number): string {
  return host.includes(':') ? `http://[${host}]:${port}` : `http://${host}:${port}`;
}

/**
 * Loads the deployment source (a bad fixture throws a `FixtureError` here, before listening) and listens on
 * `config.host`:`config.port`.
 */
export async function startServer(config: Config, overrides: ServerOverrides = {}): Promise<RunningServer> {
  const now = overrides.now ?? Date.now;
  const startedAtMs = now();
  const source = createSource(config, startedAtMs, overrides);
  let closing = false;
  const inFlight = new Set<ServerResponse>();
  const listener = createRequestListener({
    config,
    source,
    fault: new FaultSwitch(config.fault, overrides.random),
    metrics: new ServiceMetrics({ version: config.version, commit: config.commit, startedAtMs }),
    startedAtMs,
    now,
    log: overrides.log ?? ((line) => process.stderr.write(`${line}\n`)),
    isClosing: () => closing,
  });
  const server = createServer((request, response) => {
    inFlight.add(response);
    response.once('close', () => inFlight.delete(response));
    listener(request, response);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  let closed: Promise<void> | undefined;
  return {
    url: urlOf(config.host, port),
    port,
    server,
    close() {
      closed ??= new Promise<void>((resolve) => {
        closing = true;
        // Answers not yet begun tell their keep-alive client to go; idle connections are closed by close().
        for (const response of inFlight) if (!response.headersSent) response.setHeader('connection', 'close');
        const force = setTimeout(
          () => server.closeAllConnections(),
          overrides.shutdownGraceMs ?? SHUTDOWN_GRACE_MS,
        );
        server.close(() => {
          clearTimeout(force);
          resolve();
        });
        server.closeIdleConnections();
      });
      return closed;
    },
  };
}
