// Reads and validates the service's environment into one typed settings object; nothing else reads process.env.
import { existsSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { errorRateProblem, type FaultSettings, latencyProblem } from './fault.ts';

/** Where deployments come from. */
export type SourceConfig =
  | { kind: 'github'; token: string; owner: string; repo: string; apiUrl: string }
  | { kind: 'fixture'; path: string };

/** Everything the server needs to run. */
export interface Config {
  host: string;
  /** 0 lets the system choose a free port. */
  port: number;
  /** The commit the service was built from, or 'unknown'. */
  commit: string;
  /** A release label such as stable, canary or v1.4.0. */
  version: string;
  /** The built widget (`vite build` output). */
  staticDir: string;
  /** False when STATIC_DIR was not set and the default does not exist yet: worth a warning, not a failure. */
  staticDirExists: boolean;
  source: SourceConfig;
  fault: FaultSettings;
  /** Set: `POST /admin/fault` exists and needs this bearer token. */
  adminToken?: string;
}

/** A problem with one environment variable; its message is the one line printed before exiting with 2. */
export class ConfigError extends Error {
  readonly variable: string;

  constructor(variable: string, problem: string) {
    super(`${variable}: ${problem}`);
    this.name = 'ConfigError';
    this.variable = variable;
  }
}

/** The default GitHub REST API base. */
export const DEFAULT_GITHUB_API_URL = 'https://api.github.com';

/** The shortest admin token accepted: it guards a switch that breaks the service on purpose. */
export const MIN_ADMIN_TOKEN_LENGTH = 16;

const PACKAGE_DIR = resolve(import.meta.dirname, '..');

/** The widget's build output, beside `server/`. */
export const DEFAULT_STATIC_DIR = join(PACKAGE_DIR, 'web', 'dist');

/** The bundled deployments used when no GitHub token is given. */
export const DEFAULT_FIXTURE = join(PACKAGE_DIR, 'fixtures', 'deployments.json');

type Env = Readonly<Record<string, string | undefined>>;

/** The variable's value, with an empty string treated as unset (as CI systems pass unset secrets). */
function read(env: Env, name: string): string | undefined {
  const value = env[name]?.trim();
  return value === undefined || value === '' ? undefined : value;
}

function readPort(env: Env): number {
  const raw = read(env, 'PORT');
  if (raw === undefined)
    throw new ConfigError('PORT', 'required: the port to listen on (0 lets the system choose)');
  if (!/^\d{1,5}$/.test(raw) || Number(raw) > 65535) {
    throw new ConfigError('PORT', `expected a port from 0 to 65535, got "${raw}"`);
  }
  return Number(raw);
}

function readCommit(env: Env): string {
  const raw = read(env, 'COMMIT');
  if (raw === undefined || raw === 'unknown') return 'unknown';
  if (!/^[0-9a-fA-F]{7,64}$/.test(raw)) {
    throw new ConfigError('COMMIT', `expected a commit sha (7 to 64 hex digits) or "unknown", got "${raw}"`);
  }
  return raw.toLowerCase();
}

function readVersion(env: Env, commit: string): string {
  const raw = read(env, 'VERSION');
  if (raw === undefined) return commit === 'unknown' ? commit : commit.slice(0, 7);
  // It becomes a metric label and a log word: keep it short and free of spaces and quotes.
  if (!/^[A-Za-z0-9][A-Za-z0-9._+-]{0,63}$/.test(raw)) {
    throw new ConfigError(
      'VERSION',
      `expected a label of letters, digits and . _ + - (at most 64, like stable, canary or v1.4.0), got "${raw}"`,
    );
  }
  return raw;
}

function readHost(env: Env): string {
  const raw = read(env, 'HOST') ?? '127.0.0.1';
  if (/\s/.test(raw)) throw new ConfigError('HOST', `expected an address or host name, got "${raw}"`);
  return raw;
}

function readStaticDir(env: Env): { staticDir: string; staticDirExists: boolean } {
  const raw = read(env, 'STATIC_DIR');
  if (raw === undefined)
    return { staticDir: DEFAULT_STATIC_DIR, staticDirExists: existsSync(DEFAULT_STATIC_DIR) };
  const staticDir = resolve(raw);
  if (!existsSync(staticDir) || !statSync(staticDir).isDirectory()) {
    throw new ConfigError(
      'STATIC_DIR',
      `not a directory: ${staticDir} (build the widget with npm run build)`,
    );
  }
  return { staticDir, staticDirExists: true };
}

function readApiUrl(env: Env): string {
  const raw = read(env, 'GITHUB_API_URL') ?? DEFAULT_GITHUB_API_URL;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(
      'GITHUB_API_URL',
      `expected an http(s) URL like ${DEFAULT_GITHUB_API_URL}, got "${raw}"`,
    );
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new ConfigError(
      'GITHUB_API_URL',
      `expected an http(s) URL like ${DEFAULT_GITHUB_API_URL}, got "${raw}"`,
    );
  }
  return raw.replace(/\/+$/, '');
}

function readSource(env: Env): SourceConfig {
  const token = read(env, 'GITHUB_TOKEN');
  // GitHub Actions sets GITHUB_REPOSITORY and GITHUB_API_URL on every runner: only a token selects GitHub.
  if (token !== undefined) {
    const repository = read(env, 'GITHUB_REPOSITORY');
    if (repository === undefined) {
      throw new ConfigError('GITHUB_REPOSITORY', 'required with GITHUB_TOKEN: the repository as owner/name');
    }
    const match = /^([A-Za-z0-9-]+)\/([A-Za-z0-9._-]+)$/.exec(repository);
    if (!match) {
      throw new ConfigError(
        'GITHUB_REPOSITORY',
        `expected owner/name like octo-org/dashboard, got "${repository}"`,
      );
    }
    return {
      kind: 'github',
      token,
      owner: match[1] as string,
      repo: match[2] as string,
      apiUrl: readApiUrl(env),
    };
  }
  const raw = read(env, 'FIXTURE');
  const path = raw === undefined ? DEFAULT_FIXTURE : resolve(raw);
  if (!existsSync(path) || !statSync(path).isFile()) {
    throw new ConfigError('FIXTURE', `no such file: ${path}`);
  }
  return { kind: 'fixture', path };
}

function readFault(env: Env): FaultSettings {
  const rate = read(env, 'FAULT_ERROR_RATE');
  const latency = read(env, 'FAULT_LATENCY_MS');
  const errorRate = rate === undefined ? 0 : Number(rate);
  const latencyMs = latency === undefined ? 0 : Number(latency);
  const rateProblem = errorRateProblem(errorRate);
  if (rateProblem) throw new ConfigError('FAULT_ERROR_RATE', `${rateProblem}, got "${rate}"`);
  const latencyIssue = latencyProblem(latencyMs);
  if (latencyIssue) throw new ConfigError('FAULT_LATENCY_MS', `${latencyIssue}, got "${latency}"`);
  return { errorRate, latencyMs };
}

function readAdminToken(env: Env): string | undefined {
  const token = read(env, 'ADMIN_TOKEN');
  if (token !== undefined && token.length < MIN_ADMIN_TOKEN_LENGTH) {
    // The value is a secret: say how long it is, never what it is.
    throw new ConfigError(
      'ADMIN_TOKEN',
      `too short (${token.length} characters): use at least ${MIN_ADMIN_TOKEN_LENGTH}, e.g. openssl rand -hex 16`,
    );
  }
  return token;
}

/**
 * The settings from the environment; throws a `ConfigError` naming the first bad variable. Relative paths
 * (STATIC_DIR, FIXTURE) are taken from the current directory.
 */
export function readConfig(env: Env): Config {
  const port = readPort(env);
  const commit = readCommit(env);
  const config: Config = {
    host: readHost(env),
    port,
    commit,
    version: readVersion(env, commit),
    ...readStaticDir(env),
    source: readSource(env),
    fault: readFault(env),
  };
  const adminToken = readAdminToken(env);
  if (adminToken !== undefined) config.adminToken = adminToken;
  return config;
}
