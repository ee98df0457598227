// Starts the example service (examples/deployments-dashboard) as its own process on 127.0.0.1, port 0: the service
// every canary, traffic and metrics test deploys as "stable" and "canary".
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

/** The example service's folder. */
export const EXAMPLE_SERVICE_DIR = join(
  dirname(fileURLToPath(import.meta.url)),
  '..',
  '..',
  '..',
  'examples',
  'deployments-dashboard',
);

export interface ExampleServiceOptions {
  /** The `version` label of its metrics and /healthz (e.g. `stable`, `canary`). */
  version: string;
  /** 7–64 hex digits; default a fixed fake commit. */
  commit?: string;
  /** Injected error rate 0–1 on app routes (`/`, `/api/deployments/top`). */
  errorRate?: number;
  /** Added latency in milliseconds on app routes. */
  latencyMs?: number;
}

export interface ExampleService {
  /** `http://127.0.0.1:<port>` */
  url: string;
  /** `127.0.0.1:<port>`, for an nginx upstream or a Prometheus target. */
  address: string;
  version: string;
  /** Changes the fault switch while it runs. */
  setFault(fault: { errorRate?: number; latencyMs?: number }): Promise<void>;
  /** SIGTERM, waits for the exit. Safe to call twice. */
  stop(): Promise<void>;
}

const ADMIN_TOKEN = 'flowkit-test-admin-token';

/** Starts the service with the Node running the tests; resolves once it listens. */
export async function startExampleService(options: ExampleServiceOptions): Promise<ExampleService> {
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    PORT: '0',
    HOST: '127.0.0.1',
    VERSION: options.version,
    COMMIT: options.commit ?? 'c0ffee0c0ffee0c0ffee0c0ffee0c0ffee0c0ffe',
    ADMIN_TOKEN,
    FAULT_ERROR_RATE: String(options.errorRate ?? 0),
    FAULT_LATENCY_MS: String(options.latencyMs ?? 0),
  };
  const child = spawn(process.execPath, [join(EXAMPLE_SERVICE_DIR, 'server', 'main.ts')], {
    cwd: EXAMPLE_SERVICE_DIR,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = await new Promise<string>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout });
    lines.once('line', (line) => {
      const match = /^listening on (http:\/\/127\.0\.0\.1:\d+)$/.exec(line);
      if (match) resolve(match[1] as string);
      else reject(new Error(`example service: unexpected first line: ${line}`));
    });
    exited.then(() => reject(new Error(`example service exited before listening: ${stderr}`)));
  });
  child.stdout.resume();
  return {
    url,
    address: url.slice('http://'.length),
    version: options.version,
    async setFault(fault) {
      const response = await fetch(`${url}/admin/fault`, {
        method: 'POST',
        headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/json' },
        body: JSON.stringify(fault),
      });
      if (!response.ok) throw new Error(`example service: fault switch answered ${response.status}`);
      await response.text();
    },
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}
