// Starts a real Prometheus (the Debian package's /usr/bin/prometheus) for tests: its own temp dir for config and
// TSDB, 127.0.0.1 on a free port, short scrape and rule intervals. Never the defaults (0.0.0.0:9090, a shared dir).

import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './ports.ts';

/** The Prometheus binary; override with FLOWKIT_PROMETHEUS. */
export const PROMETHEUS_BINARY = process.env.FLOWKIT_PROMETHEUS ?? '/usr/bin/prometheus';

export interface PrometheusTarget {
  job: string;
  /** `host:port` serving /metrics. */
  address: string;
  /** Extra labels for its series. */
  labels?: Record<string, string>;
}

export interface PrometheusOptions {
  targets: PrometheusTarget[];
  /** Default 1. */
  scrapeIntervalSeconds?: number;
  /** Rule files (absolute paths), read at start and on reload(). */
  ruleFiles?: string[];
  /** Default 1. */
  evaluationIntervalSeconds?: number;
}

export interface RunningPrometheus {
  /** `http://127.0.0.1:<port>` */
  url: string;
  port: number;
  /** Its temp dir (config, TSDB); removed by stop(). */
  dir: string;
  /**
   * Resolves once every target has been scraped successfully after the call (or after `since`, epoch ms), so
   * anything a target counted before then is queryable; fails after `timeoutMs` (default 15 s).
   */
  waitForScrape(options?: { since?: number; timeoutMs?: number }): Promise<void>;
  /** Polls the instant query until `check` accepts its samples; returns them. Fails after `timeoutMs` (15 s). */
  waitForQuery(
    query: string,
    check: (samples: { labels: Record<string, string>; value: number }[]) => boolean,
    timeoutMs?: number,
  ): Promise<{ labels: Record<string, string>; value: number }[]>;
  /** An instant query now. */
  query(query: string): Promise<{ labels: Record<string, string>; value: number }[]>;
  /** Rewrites the config (new targets or rule files, when given) and reloads it; rejects when Prometheus refuses. */
  reload(update?: { targets?: PrometheusTarget[]; ruleFiles?: string[] }): Promise<void>;
  /** SIGTERM, waits for the exit (SIGKILL after 10 s), removes the dir. Safe to call twice. */
  stop(): Promise<void>;
}

function configText(
  options: Required<Omit<PrometheusOptions, 'ruleFiles'>> & { ruleFiles: string[] },
): string {
  const q = (value: string): string => JSON.stringify(value);
  const lines = [
    'global:',
    `  scrape_interval: ${options.scrapeIntervalSeconds}s`,
    `  scrape_timeout: ${options.scrapeIntervalSeconds}s`,
    `  evaluation_interval: ${options.evaluationIntervalSeconds}s`,
    `rule_files: [${options.ruleFiles.map(q).join(', ')}]`,
    'scrape_configs:',
  ];
  const jobs = [...new Set(options.targets.map((target) => target.job))];
  for (const job of jobs) {
    lines.push(`  - job_name: ${q(job)}`, '    static_configs:');
    for (const target of options.targets.filter((t) => t.job === job)) {
      const labels = Object.entries(target.labels ?? {})
        .map(([name, value]) => `${name}: ${q(value)}`)
        .join(', ');
      lines.push(`      - targets: [${q(target.address)}]`, `        labels: {${labels}}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

async function get(url: string): Promise<{ status: number; body: string } | undefined> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(5000) });
    return { status: response.status, body: await response.text() };
  } catch {
    return undefined;
  }
}

async function poll<T>(what: string, check: () => Promise<T | undefined>, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const result = await check();
    if (result !== undefined) return result;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Starts Prometheus and resolves once it is ready (GET /-/ready answers 200). */
export async function startPrometheus(options: PrometheusOptions): Promise<RunningPrometheus> {
  const dir = await mkdtemp(join(tmpdir(), 'flowkit-prometheus-'));
  let settings = {
    targets: options.targets,
    scrapeIntervalSeconds: options.scrapeIntervalSeconds ?? 1,
    evaluationIntervalSeconds: options.evaluationIntervalSeconds ?? 1,
    ruleFiles: options.ruleFiles ?? [],
  };
  const configFile = join(dir, 'prometheus.yml');
  await writeFile(configFile, configText(settings));

  let child: ChildProcess | undefined;
  let exited: Promise<void> = Promise.resolve();
  let stderr = '';
  let port = 0;
  const stopChild = async (): Promise<void> => {
    if (child === undefined) return;
    const running = child;
    if (running.exitCode === null && running.signalCode === null) running.kill('SIGTERM');
    const timer = setTimeout(() => running.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
  };
  try {
    // The free port can be taken between the check and Prometheus binding it: try a few.
    for (let attempt = 1; ; attempt++) {
      port = await freePort();
      stderr = '';
      const process_ = spawn(
        PROMETHEUS_BINARY,
        [
          `--config.file=${configFile}`,
          `--storage.tsdb.path=${join(dir, 'data')}`,
          `--web.listen-address=127.0.0.1:${port}`,
          '--web.enable-lifecycle',
          '--log.level=warn',
        ],
        { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] },
      );
      child = process_;
      process_.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
        stderr = (stderr + chunk).slice(-8000);
      });
      exited = new Promise<void>((resolve) => {
        process_.once('exit', () => resolve());
        process_.once('error', () => resolve());
      });
      const spawnFailed = new Promise<Error>((resolve) => process_.once('error', resolve));
      let gone = false;
      void exited.then(() => {
        gone = true;
      });
      const ready = await Promise.race([
        poll(
          'Prometheus to be ready',
          async () => {
            if (gone) return false;
            const answer = await get(`http://127.0.0.1:${port}/-/ready`);
            return answer?.status === 200 ? true : undefined;
          },
          30_000,
        ),
        spawnFailed.then((error) => {
          throw new Error(`cannot start ${PROMETHEUS_BINARY}: ${error.message}`);
        }),
      ]);
      if (ready) break;
      if (attempt >= 3 || !/address already in use/.test(stderr)) {
        throw new Error(`Prometheus exited while starting: ${stderr.trim()}`);
      }
    }
  } catch (error) {
    await stopChild();
    await rm(dir, { recursive: true, force: true });
    throw error;
  }

  const url = `http://127.0.0.1:${port}`;
  const query = async (promql: string) => {
    const answer = await get(`${url}/api/v1/query?query=${encodeURIComponent(promql)}`);
    if (answer === undefined || answer.status !== 200) {
      throw new Error(
        `Prometheus query ${promql} failed: ${answer?.status ?? 'no answer'} ${answer?.body ?? ''}`,
      );
    }
    const body = JSON.parse(answer.body) as {
      data: { result: { metric: Record<string, string>; value: [number, string] }[] };
    };
    return body.data.result.map((item) => ({ labels: item.metric, value: Number(item.value[1]) }));
  };
  let stopped: Promise<void> | undefined;

  return {
    url,
    port,
    dir,
    query,
    async waitForScrape({ since = Date.now(), timeoutMs = 15_000 } = {}) {
      const expected = settings.targets.length;
      await poll(
        `a scrape of all ${expected} targets after ${new Date(since).toISOString()}`,
        async () => {
          const answer = await get(`${url}/api/v1/targets?state=active`);
          if (answer?.status !== 200) return undefined;
          const targets = (
            JSON.parse(answer.body) as { data: { activeTargets: { health: string; lastScrape: string }[] } }
          ).data.activeTargets;
          const fresh = targets.filter((t) => t.health === 'up' && Date.parse(t.lastScrape) > since);
          return targets.length === expected && fresh.length === expected ? true : undefined;
        },
        timeoutMs,
      );
    },
    async waitForQuery(promql, check, timeoutMs = 15_000) {
      let last: { labels: Record<string, string>; value: number }[] = [];
      try {
        return await poll(
          `${promql} to match`,
          async () => {
            last = await query(promql);
            return check(last) ? last : undefined;
          },
          timeoutMs,
        );
      } catch (error) {
        throw new Error(`${(error as Error).message}; last answer ${JSON.stringify(last)}`);
      }
    },
    async reload(update = {}) {
      settings = { ...settings, ...update };
      await writeFile(configFile, configText(settings));
      const response = await fetch(`${url}/-/reload`, {
        method: 'POST',
        signal: AbortSignal.timeout(10_000),
      });
      const body = await response.text();
      if (!response.ok) throw new Error(`Prometheus refused the reload: ${response.status} ${body.trim()}`);
    },
    stop() {
      stopped ??= (async () => {
        await stopChild();
        await rm(dir, { recursive: true, force: true });
      })();
      return stopped;
    },
  };
}
