import { join, relative } from 'node:path';
import { describe, expect, test } from '@jest/globals';
import { ConfigError, DEFAULT_FIXTURE, DEFAULT_STATIC_DIR, readConfig } from '../server/config.ts';
import { PACKAGE_DIR } from './helpers.ts';

const SHA = '9fceb02d0ae598e95dc970b74767f19372d61af8';

/** The ConfigError readConfig throws for this environment. */
function problemWith(env: Record<string, string>): ConfigError {
  try {
    readConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error(`expected ${JSON.stringify(env)} to be refused`);
}

describe('readConfig', () => {
  test('needs only PORT; everything else has a default', () => {
    expect(readConfig({ PORT: '0' })).toEqual({
      host: '127.0.0.1',
      port: 0,
      commit: 'unknown',
      version: 'unknown',
      staticDir: DEFAULT_STATIC_DIR,
      staticDirExists: expect.any(Boolean),
      source: { kind: 'fixture', path: DEFAULT_FIXTURE },
      fault: { errorRate: 0, latencyMs: 0 },
    });
    expect(DEFAULT_FIXTURE).toBe(join(PACKAGE_DIR, 'fixtures', 'deployments.json'));
    expect(DEFAULT_STATIC_DIR).toBe(join(PACKAGE_DIR, 'web', 'dist'));
  });

  test('the version defaults to the short commit, and a label overrides it', () => {
    expect(readConfig({ PORT: '8080', COMMIT: SHA.toUpperCase() })).toMatchObject({
      port: 8080,
      commit: SHA,
      version: '9fceb02',
    });
    expect(readConfig({ PORT: '8080', COMMIT: SHA, VERSION: 'v1.4.0' }).version).toBe('v1.4.0');
  });

  test('a GitHub token selects the Deployments API; the repository alone (as on every runner) does not', () => {
    const env = {
      PORT: '0',
      GITHUB_REPOSITORY: 'octo-org/dashboard',
      GITHUB_API_URL: 'https://ghe.example.com/api/v3/',
    };
    expect(readConfig(env).source.kind).toBe('fixture');
    expect(readConfig({ ...env, GITHUB_TOKEN: 'ghs_x' }).source).toEqual({
      kind: 'github',
      token: 'ghs_x',
      owner: 'octo-org',
      repo: 'dashboard',
      apiUrl: 'https://ghe.example.com/api/v3',
    });
    const noUrl = readConfig({ PORT: '0', GITHUB_TOKEN: 'ghs_x', GITHUB_REPOSITORY: 'o/r' }).source;
    expect(noUrl).toMatchObject({ apiUrl: 'https://api.github.com' });
  });

  test('empty values count as unset, as CI passes a missing secret', () => {
    const config = readConfig({
      PORT: '0',
      GITHUB_TOKEN: '',
      ADMIN_TOKEN: '',
      VERSION: '',
      FAULT_ERROR_RATE: '',
    });
    expect(config.source.kind).toBe('fixture');
    expect(config.adminToken).toBeUndefined();
    expect(config.version).toBe('unknown');
  });

  test('reads the fault switch and the admin token', () => {
    const config = readConfig({
      PORT: '0',
      FAULT_ERROR_RATE: '0.2',
      FAULT_LATENCY_MS: '300',
      ADMIN_TOKEN: 'a-long-enough-token',
    });
    expect(config.fault).toEqual({ errorRate: 0.2, latencyMs: 300 });
    expect(config.adminToken).toBe('a-long-enough-token');
  });

  test('takes relative paths from the current directory', () => {
    const here = relative(process.cwd(), import.meta.dirname);
    const config = readConfig({ PORT: '0', STATIC_DIR: here, FIXTURE: join(here, 'helpers.ts') });
    expect(config.staticDir).toBe(import.meta.dirname);
    expect(config.source).toEqual({ kind: 'fixture', path: join(import.meta.dirname, 'helpers.ts') });
  });

  test.each([
    [{}, 'PORT', 'PORT: required: the port to listen on (0 lets the system choose)'],
    [{ PORT: 'http' }, 'PORT', 'PORT: expected a port from 0 to 65535, got "http"'],
    [{ PORT: '65536' }, 'PORT', 'PORT: expected a port from 0 to 65535, got "65536"'],
    [{ PORT: '-1' }, 'PORT', 'expected a port'],
    [{ PORT: '0', HOST: 'local host' }, 'HOST', 'HOST: expected an address or host name'],
    [
      { PORT: '0', COMMIT: 'main' },
      'COMMIT',
      'COMMIT: expected a commit sha (7 to 64 hex digits) or "unknown", got "main"',
    ],
    [{ PORT: '0', VERSION: 'v1 beta' }, 'VERSION', 'VERSION: expected a label of letters, digits'],
    [{ PORT: '0', VERSION: 'stable"}' }, 'VERSION', 'VERSION: expected a label'],
    [
      { PORT: '0', STATIC_DIR: '/nonexistent/dist' },
      'STATIC_DIR',
      'STATIC_DIR: not a directory: /nonexistent/dist',
    ],
    [{ PORT: '0', FIXTURE: '/nonexistent.json' }, 'FIXTURE', 'FIXTURE: no such file: /nonexistent.json'],
    [{ PORT: '0', GITHUB_TOKEN: 't' }, 'GITHUB_REPOSITORY', 'GITHUB_REPOSITORY: required with GITHUB_TOKEN'],
    [
      { PORT: '0', GITHUB_TOKEN: 't', GITHUB_REPOSITORY: 'dashboard' },
      'GITHUB_REPOSITORY',
      'expected owner/name',
    ],
    [
      { PORT: '0', GITHUB_TOKEN: 't', GITHUB_REPOSITORY: 'o/r', GITHUB_API_URL: 'ftp://x' },
      'GITHUB_API_URL',
      'GITHUB_API_URL: expected an http(s) URL',
    ],
    [
      { PORT: '0', FAULT_ERROR_RATE: '20%' },
      'FAULT_ERROR_RATE',
      'FAULT_ERROR_RATE: expected a number from 0 to 1',
    ],
    [{ PORT: '0', FAULT_ERROR_RATE: '1.1' }, 'FAULT_ERROR_RATE', 'got "1.1"'],
    [
      { PORT: '0', FAULT_LATENCY_MS: '0.5s' },
      'FAULT_LATENCY_MS',
      'FAULT_LATENCY_MS: expected whole milliseconds',
    ],
    [{ PORT: '0', ADMIN_TOKEN: 'hunter2' }, 'ADMIN_TOKEN', 'ADMIN_TOKEN: too short (7 characters)'],
  ])('%j is refused, naming %s', (env, variable, message) => {
    const error = problemWith(env as Record<string, string>);
    expect(error.variable).toBe(variable);
    expect(error.message).toContain(message);
    expect(error.message).not.toContain('\n');
  });

  test('never repeats a rejected admin token', () => {
    expect(problemWith({ PORT: '0', ADMIN_TOKEN: 'hunter2' }).message).not.toContain('hunter2');
  });
});
