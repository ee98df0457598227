// Deployment events (for dashboards' event overlays) and DORA deployment and failure events.
//
// Events go through the client's v1 EventsApi (POST /api/v1/events needs only the API key). DORA is a v2-only API and
// the client's v2 modules load every v2 model (about 1 s of start-up), so DORA uses Flowkit's transport directly,
// with the same retries and errors.

import { createHash } from 'node:crypto';
import { EventsApi } from '@datadog/datadog-api-client/dist/packages/datadog-api-client-v1/apis/EventsApi.js';
import { errorMessage, InputError } from '@flowkit/core';
import { DatadogConnection, type DatadogConnectionOptions } from './client.ts';
import { MANAGED_BY_TAG } from './setup.ts';

/** How a release ended, as the event and its alert type say. */
export type DeploymentOutcome = 'started' | 'promoted' | 'succeeded' | 'rolled-back' | 'failed';

export interface DeploymentEventOptions extends DatadogConnectionOptions {
  service: string;
  version: string;
  env: string;
  outcome: DeploymentOutcome;
  /** What to show, e.g. 'canary 10%' or the release's title. */
  release?: string;
  /** Markdown body lines (links to the run, the commit). */
  details?: string[];
  /** Extra key:value tags. */
  tags?: string[];
  /** When it happened (epoch ms); default now. Datadog refuses events older than 18 hours. */
  at?: number;
  /** Return failures in the result instead of throwing. */
  bestEffort?: boolean;
}

export interface DoraCommon extends DatadogConnectionOptions {
  service: string;
  env: string;
  version?: string;
  /** Epoch milliseconds (sent as milliseconds: the API takes seconds, milliseconds or nanoseconds). */
  startedAt: number;
  finishedAt?: number;
  gitCommitSha?: string;
  repositoryUrl?: string;
  team?: string;
  customTags?: string[];
  bestEffort?: boolean;
}

export interface DoraDeploymentOptions extends DoraCommon {
  finishedAt: number;
  gitCommitSha: string;
  repositoryUrl: string;
}

export interface DoraFailureOptions extends DoraCommon {
  /** The failure's name, e.g. 'Canary of 1.4.0 rolled back: error rate'. */
  name: string;
  severity?: string;
}

/** What a send did: `ok` false only with `bestEffort` (else it throws). */
export type SendResult = { ok: true; id: string } | { ok: false; error: string };

const TAG_VALUE = /^[A-Za-z0-9_\-./:]+$/;

function checkTagValue(input: string, value: string | undefined): void {
  if (!value || !TAG_VALUE.test(value)) {
    throw new InputError(input, `is '${value ?? ''}'`, 'Use a Datadog tag value: letters, digits, _ - . / :');
  }
}

function checkTime(input: string, ms: number | undefined): void {
  if (ms === undefined || !Number.isSafeInteger(ms) || ms < 1e12 || ms > 1e14) {
    throw new InputError(input, `is ${ms}`, 'Use epoch milliseconds (Date.now()).');
  }
}

function checkTags(tags: readonly string[] | undefined): void {
  for (const tag of tags ?? []) {
    if (!/^[^:\s]+:\S+$/.test(tag)) throw new InputError('tags', `has '${tag}'`, 'Use key:value tags.');
  }
}

async function attempt(bestEffort: boolean | undefined, send: () => Promise<string>): Promise<SendResult> {
  try {
    return { ok: true, id: await send() };
  } catch (error) {
    if (!bestEffort || error instanceof InputError) throw error;
    return { ok: false, error: errorMessage(error) };
  }
}

const ALERT_TYPES: Record<DeploymentOutcome, 'info' | 'success' | 'warning' | 'error'> = {
  started: 'info',
  promoted: 'info',
  succeeded: 'success',
  'rolled-back': 'warning',
  failed: 'error',
};

/** Posts a deployment event tagged service, version, env and managed-by:flowkit (the dashboards' overlay). */
export async function sendDeploymentEvent(options: DeploymentEventOptions): Promise<SendResult> {
  checkTagValue('service', options.service);
  checkTagValue('version', options.version);
  checkTagValue('env', options.env);
  checkTags(options.tags);
  if (!(options.outcome in ALERT_TYPES)) {
    throw new InputError(
      'outcome',
      `is '${options.outcome}'`,
      `Use one of ${Object.keys(ALERT_TYPES).join(', ')}.`,
    );
  }
  const connection = new DatadogConnection(options);
  const api = new EventsApi(connection.configuration);
  const release = options.release ? ` (${options.release})` : '';
  const title =
    `Flowkit: ${options.service} ${options.version} ${options.outcome}${release} in ${options.env}`.slice(
      0,
      100,
    );
  const lines = [
    `${options.service} ${options.version} ${options.outcome} in ${options.env}${release}.`,
    ...(options.details ?? []),
  ];
  const text = `%%% \n${lines.join('\n').slice(0, 3980)}\n %%%`;
  return attempt(options.bestEffort, async () => {
    const answer = await connection.call(
      'deployment event',
      () =>
        api.createEvent({
          body: {
            title,
            text,
            tags: [
              MANAGED_BY_TAG,
              `service:${options.service}`,
              `version:${options.version}`,
              `env:${options.env}`,
              `flowkit-outcome:${options.outcome}`,
              ...(options.tags ?? []),
            ],
            alertType: ALERT_TYPES[options.outcome],
            sourceTypeName: 'flowkit',
            aggregationKey: `flowkit-${options.service}-${options.version}`.slice(0, 100),
            ...(options.at === undefined ? {} : { dateHappened: Math.floor(options.at / 1000) }),
          },
        }),
      false,
    );
    return answer.event?.idStr ?? String(answer.event?.id ?? '');
  });
}

/** A stable id (16–128 of [A-Za-z0-9_.:-]) so a retried or repeated send names the same deployment. */
function doraId(...parts: (string | number | undefined)[]): string {
  return `flowkit-${createHash('sha256').update(parts.map(String).join('\n')).digest('hex').slice(0, 32)}`;
}

function common(options: DoraCommon): Record<string, unknown> {
  checkTagValue('service', options.service);
  checkTagValue('env', options.env);
  checkTime('startedAt', options.startedAt);
  if (options.finishedAt !== undefined) {
    checkTime('finishedAt', options.finishedAt);
    if (options.finishedAt < options.startedAt) {
      throw new InputError('finishedAt', 'is before startedAt', 'Pass when the deployment finished.');
    }
  }
  if (options.gitCommitSha !== undefined && !/^[a-fA-F0-9]{40,}$/.test(options.gitCommitSha)) {
    throw new InputError(
      'gitCommitSha',
      `is '${options.gitCommitSha}'`,
      'Use the full 40-character commit SHA.',
    );
  }
  if (options.repositoryUrl !== undefined && !URL.canParse(options.repositoryUrl)) {
    throw new InputError(
      'repositoryUrl',
      `is '${options.repositoryUrl}'`,
      'Use the repository URL, e.g. https://github.com/org/repo.',
    );
  }
  checkTags(options.customTags);
  return {
    env: options.env,
    started_at: options.startedAt,
    ...(options.finishedAt === undefined ? {} : { finished_at: options.finishedAt }),
    ...(options.version ? { version: options.version } : {}),
    ...(options.team ? { team: options.team } : {}),
    ...(options.gitCommitSha && options.repositoryUrl
      ? { git: { commit_sha: options.gitCommitSha, repository_url: options.repositoryUrl } }
      : {}),
    custom_tags: [MANAGED_BY_TAG, ...(options.customTags ?? [])],
  };
}

function responseId(answer: unknown): string {
  const id = (answer as { data?: { id?: unknown } } | undefined)?.data?.id;
  return typeof id === 'string' ? id : '';
}

/** Sends a DORA deployment (POST /api/v2/dora/deployment). Retried safely: the id is derived from the deployment. */
export async function sendDoraDeployment(options: DoraDeploymentOptions): Promise<SendResult> {
  const attributes = {
    ...common(options),
    service: options.service,
    id: doraId(
      'deployment',
      options.service,
      options.env,
      options.version,
      options.startedAt,
      options.gitCommitSha,
    ),
  };
  const connection = new DatadogConnection(options);
  return attempt(options.bestEffort, async () =>
    responseId(
      await connection.rawRequest(
        'DORA deployment',
        'POST',
        '/api/v2/dora/deployment',
        { data: { attributes } },
        'api',
      ),
    ),
  );
}

/** Sends a DORA failure (POST /api/v2/dora/failure) for the service. */
export async function sendDoraFailure(options: DoraFailureOptions): Promise<SendResult> {
  if (!options.name) throw new InputError('name', 'is empty', 'Name the failure.');
  const attributes = {
    ...common(options),
    name: options.name,
    services: [options.service],
    ...(options.severity ? { severity: options.severity } : {}),
    id: doraId('failure', options.service, options.env, options.version, options.startedAt, options.name),
  };
  const connection = new DatadogConnection(options);
  return attempt(options.bestEffort, async () =>
    responseId(
      await connection.rawRequest(
        'DORA failure',
        'POST',
        '/api/v2/dora/failure',
        { data: { attributes } },
        'api',
      ),
    ),
  );
}
