// Provisions or destroys one environment: the driver, the health wait and the GitHub deployment, in that order.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  type Clock,
  errorMessage,
  type Logger,
  type ProcessRunner,
  runProcess,
  systemClock,
} from '@flowkit/core';
import type { GitHubClient } from '@flowkit/github';
import {
  deactivateEnvironment,
  deleteEnvironment,
  type EnvironmentDeletion,
  finishDeployment,
  startDeployment,
} from './deployment.ts';
import { type DriverContext, type DriverEnvironment, DriverError } from './driver.ts';
import { describeAnswer, type HealthProbe, type HealthResult, waitForHealth } from './health.ts';
import { createDriver } from './registry.ts';
import type { ProvisionSettings } from './settings.ts';

/** What provisioning and destroying run with; tests replace the process runner, the clock and the probe. */
export interface ProvisionDependencies {
  github: GitHubClient;
  /** The run's page, for log_url ('' outside a runner). */
  runUrl: string;
  log: Logger;
  /** The process environment the driver's tool starts from (the step's INPUT_* variables are dropped). */
  env: NodeJS.ProcessEnv;
  run?: ProcessRunner;
  clock?: Clock;
  probe?: HealthProbe;
  /** Where Flowkit's private temp folder goes; default the OS's. */
  tempRoot?: string;
}

/** How provisioning went. `failure` is set when it did not work; the deployment then has a failure status. */
export interface ProvisionReport {
  environment: string;
  deploymentId: number;
  url: string | undefined;
  healthUrl: string | undefined;
  health: HealthResult | undefined;
  failure: string | undefined;
  /** After a failure: what the driver's destroy did. */
  cleanup: string | undefined;
}

/** How destroying went. */
export interface DestroyReport {
  environment: string;
  /** The deployments marked inactive. */
  inactivated: number[];
  /** undefined: not attempted (delete-environment said no). */
  deletion: EnvironmentDeletion | undefined;
  /** Set when the driver's destroy failed: the deployments are then left as they were. */
  failure: string | undefined;
}

/** Variables a driver's tool must not see: the step's inputs hold the token, and the runner's own tokens. */
const PRIVATE = /^(INPUT_|ACTIONS_RUNTIME_TOKEN$|ACTIONS_ID_TOKEN_REQUEST_)/;

/** The environment for a driver's tool: the process's, without the step's inputs and the runner's tokens. */
export function toolEnvironment(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(env).filter(([name]) => !PRIVATE.test(name)));
}

function driverEnvironment(settings: ProvisionSettings): DriverEnvironment {
  return { name: settings.environment, commit: settings.commit, url: settings.url, vars: settings.vars };
}

async function withDriverContext<T>(
  settings: ProvisionSettings,
  deps: ProvisionDependencies,
  body: (context: DriverContext) => Promise<T>,
): Promise<T> {
  const tempDir = await mkdtemp(join(deps.tempRoot ?? tmpdir(), 'flowkit-provision-'));
  try {
    return await body({
      run: deps.run ?? runProcess,
      cwd: settings.workingDirectory,
      env: toolEnvironment(deps.env),
      tempDir,
      log: deps.log,
    });
  } finally {
    await rm(tempDir, { recursive: true, force: true });
  }
}

/**
 * The line of a tool's output that best says what went wrong, for the 140-character status: the last one naming an
 * error or failure (not a summary line like Ansible's 'ok=3 changed=1 … failed=1'), else the last line.
 */
export function errorLine(lines: readonly string[]): string | undefined {
  const telling = lines.filter(
    (line) =>
      /\b(error|fatal|failed|failure|exception)\b/i.test(line) && !/\bok=\d+\s+changed=\d+/.test(line),
  );
  return (telling.at(-1) ?? lines.at(-1))?.trim();
}

/** The health URL: the health-url input, else <url>/healthz. */
export function healthUrlFor(url: string, configured: string | undefined): string {
  return configured ?? `${url.replace(/\/+$/, '')}/healthz`;
}

/**
 * Creates the deployment, runs the driver, waits until the environment reports the commit, and sets the
 * deployment's final status. A failure of the driver or the health wait marks the deployment failure and (with
 * destroy-on-failure) runs the driver's destroy, so nothing is left half-provisioned. A missing tool is an
 * InputError thrown before anything happens.
 */
export async function provisionEnvironment(
  settings: ProvisionSettings,
  deps: ProvisionDependencies,
): Promise<ProvisionReport> {
  return withDriverContext(settings, deps, async (context) => {
    const driver = createDriver(settings.driver, context);
    const { log } = deps;
    const short = settings.commit.slice(0, 7);
    const deployment = await startDeployment(
      deps.github,
      {
        repo: settings.repo,
        environment: settings.environment,
        transient: settings.transient,
        commit: settings.commit,
        driver: settings.driver.name,
      },
      deps.runUrl,
    );
    const deploymentId = Number(deployment.id);
    log.info(`Deployment ${deploymentId}: ${settings.environment} at ${short} with ${settings.driver.name}.`);
    const env = driverEnvironment(settings);
    const report: ProvisionReport = {
      environment: settings.environment,
      deploymentId,
      url: undefined,
      healthUrl: undefined,
      health: undefined,
      failure: undefined,
      cleanup: undefined,
    };

    let failure: { message: string; description: string } | undefined;
    try {
      const result = await driver.provision(env);
      report.url = result.url ?? settings.url;
      if (report.url === undefined) {
        failure = {
          message: `The ${settings.driver.name} driver reported no URL for ${settings.environment}, and the url input is not set.`,
          description: `${settings.driver.name} reported no URL`,
        };
      }
    } catch (error) {
      const lines = error instanceof DriverError ? error.lastLines : [];
      failure = {
        message: errorMessage(error),
        description: `${settings.driver.name} failed: ${errorLine(lines) ?? errorMessage(error)}`,
      };
    }

    if (failure === undefined && report.url !== undefined) {
      report.healthUrl = healthUrlFor(report.url, settings.health.url);
      log.info(
        `Waiting up to ${settings.health.timeoutMs / 1000} s for ${report.healthUrl} to report ${short}.`,
      );
      const health = await waitForHealth(
        {
          url: report.healthUrl,
          commit: settings.commit,
          commitPath: settings.health.commitPath,
          timeoutMs: settings.health.timeoutMs,
        },
        { clock: deps.clock ?? systemClock, probe: deps.probe, log },
      );
      report.health = health;
      if (!health.healthy) {
        failure = {
          message: `${report.healthUrl} did not report commit ${short} healthy within ${settings.health.timeoutMs / 1000} s (${health.attempts} attempt(s)): ${health.verdict}. The last answer: ${describeAnswer(health.last)}`,
          description: `Health check failed: ${health.verdict}`,
        };
      } else {
        log.info(
          `${report.healthUrl}: ${health.verdict} after ${Math.round(health.elapsedMs / 100) / 10} s.`,
        );
      }
    }

    if (failure === undefined) {
      await finishDeployment(deps.github, settings.repo, deploymentId, {
        state: 'success',
        description: `${settings.environment} is healthy at ${short}`,
        url: report.url,
        logUrl: deps.runUrl,
      });
      return report;
    }

    report.failure = failure.message;
    await finishDeployment(deps.github, settings.repo, deploymentId, {
      state: 'failure',
      description: failure.description,
      url: report.url,
      logUrl: deps.runUrl,
    });
    if (!settings.destroyOnFailure) {
      report.cleanup = 'destroy-on-failure is false: the environment was left as the driver left it.';
      return report;
    }
    log.info(`Removing what was provisioned of ${settings.environment}, so nothing is left half-done.`);
    try {
      await driver.destroy(env);
      report.cleanup = `The ${settings.driver.name} driver's destroy removed ${settings.environment}.`;
    } catch (error) {
      report.cleanup = `The ${settings.driver.name} driver's destroy failed too: ${errorMessage(error)}`;
    }
    return report;
  });
}

/**
 * Runs the driver's destroy, then marks the environment's deployments inactive and, where allowed, deletes the
 * GitHub environment (delete-environment: auto deletes per-pull-request ones). A missing tool is an InputError
 * thrown before anything happens.
 */
export async function destroyEnvironment(
  settings: ProvisionSettings,
  deps: ProvisionDependencies,
): Promise<DestroyReport> {
  return withDriverContext(settings, deps, async (context) => {
    const driver = createDriver(settings.driver, context);
    const report: DestroyReport = {
      environment: settings.environment,
      inactivated: [],
      deletion: undefined,
      failure: undefined,
    };
    try {
      await driver.destroy(driverEnvironment(settings));
    } catch (error) {
      report.failure = errorMessage(error);
      return report;
    }
    deps.log.info(`The ${settings.driver.name} driver removed ${settings.environment}.`);
    report.inactivated = await deactivateEnvironment(
      deps.github,
      settings.repo,
      settings.environment,
      deps.runUrl,
    );
    const wanted = settings.deleteEnvironment === 'auto' ? settings.transient : settings.deleteEnvironment;
    if (wanted) report.deletion = await deleteEnvironment(deps.github, settings.repo, settings.environment);
    return report;
  });
}
