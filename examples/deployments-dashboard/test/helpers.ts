// Shared test helpers: a throw-away static directory, raw HTTP requests, and deployment histories made by hand.
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DeploymentHistory, DeploymentState, DeploymentStatus } from '../server/deployments.ts';

/** The package folder, whatever the current directory. */
export const PACKAGE_DIR = join(import.meta.dirname, '..');

/** A built-widget stand-in: index.html, one asset, a secret beside it (outside) and a link leading out. */
export interface StaticTree {
  root: string;
  staticDir: string;
  remove(): void;
}

/** Creates a static directory in a fresh temporary folder, with a file outside it for traversal attempts. */
export function makeStaticTree(): StaticTree {
  const root = mkdtempSync(join(tmpdir(), 'dashboard-static-'));
  const staticDir = join(root, 'dist');
  mkdirSync(join(staticDir, 'assets'), { recursive: true });
  writeFileSync(
    join(staticDir, 'index.html'),
    '<!doctype html><title>Deployments dashboard</title><div id="root"></div>',
  );
  writeFileSync(join(staticDir, 'assets', 'index-abc123.js'), 'console.log("widget");');
  writeFileSync(join(staticDir, 'assets', 'index-abc123.css'), 'body { margin: 0 }');
  writeFileSync(join(staticDir, '.env'), 'HIDDEN=1');
  writeFileSync(join(root, 'secret.txt'), 'top secret');
  symlinkSync(join(root, 'secret.txt'), join(staticDir, 'leak.txt'));
  return { root, staticDir, remove: () => rmSync(root, { recursive: true, force: true }) };
}

/** A raw answer: status, headers and body as text. */
export interface RawAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/**
 * Sends the request target exactly as given (fetch would normalise `..` away before sending it), on a fresh
 * connection.
 */
export function rawRequest(
  baseUrl: string,
  target: string,
  options: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<RawAnswer> {
  const url = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    const request = httpRequest(
      {
        host: url.hostname,
        port: url.port,
        path: target,
        method: options.method ?? 'GET',
        headers: options.headers,
        agent: false,
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () =>
          resolve({
            status: response.statusCode ?? 0,
            headers: response.headers,
            body: Buffer.concat(chunks).toString('utf8'),
          }),
        );
        response.on('error', reject);
      },
    );
    request.on('error', reject);
    request.end(options.body);
  });
}

/** A status at `minute` minutes past 10:00 on 2 March 2026; ids follow time unless given. */
export function status(
  state: DeploymentState,
  minute: number,
  extra: Partial<DeploymentStatus> = {},
): DeploymentStatus {
  return { id: 1000 + minute, state, createdAt: at(minute), ...extra };
}

/** 10:00 on 2 March 2026 plus `minute` minutes, as GitHub writes times. */
export function at(minute: number): string {
  return new Date(Date.UTC(2026, 2, 2, 10, minute)).toISOString().replace('.000Z', 'Z');
}

/** A deployment to `environment` with these statuses. */
export function deployment(
  id: number,
  environment: string,
  statuses: DeploymentStatus[],
  extra: Partial<DeploymentHistory> = {},
): DeploymentHistory {
  return {
    id,
    environment,
    ref: `ref-${id}`,
    sha: `${id}`.padEnd(40, 'a'),
    creator: 'sarah',
    createdAt: statuses[0]?.createdAt ?? at(0),
    statuses,
    ...extra,
  };
}

/** The fields of a `GET /api/deployments/top` answer, or of an error answer, that tests look at. */
export interface ApiBody {
  deployments: { id: number; environment: string; state: string; environment_url?: string }[];
  source: string;
  error: string;
}

/** The JSON body of an answer, typed for assertions; the assertions check the shape. */
export async function bodyOf(response: Response): Promise<ApiBody> {
  return (await response.json()) as ApiBody;
}
