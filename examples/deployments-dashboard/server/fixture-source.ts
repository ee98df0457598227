// Deployments from a JSON file, for demos, staging and tests; checked at start-up so a bad file fails early.
import { readFileSync } from 'node:fs';
import type { DeploymentSource } from './deployment-source.ts';
import {
  DEPLOYMENT_STATES,
  type DeploymentHistory,
  type DeploymentState,
  type DeploymentStatus,
} from './deployments.ts';

/**
 * The file: GitHub's field names, plus `recordedAt`, the moment the data describes. Timestamps are moved so that
 * `recordedAt` becomes the server's start time, which keeps "updated 4 min ago" believable whenever the demo runs;
 * the order of events, all that the ranking uses, does not change.
 */
export interface FixtureFile {
  about?: string;
  recordedAt: string;
  deployments: {
    id: number;
    environment: string;
    ref: string;
    sha: string;
    creator: string;
    created_at: string;
    statuses: { id: number; state: DeploymentState; created_at: string; environment_url?: string }[];
  }[];
}

/** A fixture that does not have the expected shape; the message names the place in the file. */
export class FixtureError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FixtureError';
  }
}

type Fields = Record<string, unknown>;

function object(value: unknown, where: string): Fields {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new FixtureError(`${where}: expected an object`);
  }
  return value as Fields;
}

function list(value: unknown, where: string): unknown[] {
  if (!Array.isArray(value)) throw new FixtureError(`${where}: expected a list`);
  return value;
}

function text(fields: Fields, name: string, where: string): string {
  const value = fields[name];
  if (typeof value !== 'string' || value === '')
    throw new FixtureError(`${where}.${name}: expected a string`);
  return value;
}

function id(fields: Fields, where: string): number {
  const value = fields.id;
  if (!Number.isSafeInteger(value) || (value as number) <= 0) {
    throw new FixtureError(`${where}.id: expected a positive whole number`);
  }
  return value as number;
}

function instant(fields: Fields, name: string, where: string): number {
  const value = text(fields, name, where);
  const ms = Date.parse(value);
  if (Number.isNaN(ms) || !/^\d{4}-\d\d-\d\dT/.test(value)) {
    throw new FixtureError(
      `${where}.${name}: expected an ISO 8601 time like 2026-03-02T10:00:00Z, got "${value}"`,
    );
  }
  return ms;
}

/** GitHub's format: whole seconds, UTC. */
function isoSeconds(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}

function readStatus(value: unknown, where: string, shiftMs: number): DeploymentStatus {
  const fields = object(value, where);
  const state = fields.state;
  if (!DEPLOYMENT_STATES.includes(state as DeploymentState)) {
    throw new FixtureError(
      `${where}.state: expected one of ${DEPLOYMENT_STATES.join(', ')}, got ${JSON.stringify(state)}`,
    );
  }
  const status: DeploymentStatus = {
    id: id(fields, where),
    state: state as DeploymentState,
    createdAt: isoSeconds(instant(fields, 'created_at', where) + shiftMs),
  };
  if (fields.environment_url !== undefined) status.environmentUrl = text(fields, 'environment_url', where);
  return status;
}

/**
 * The deployments a fixture describes, with every time moved so `recordedAt` falls on `startedAtMs`; throws a
 * `FixtureError` naming the first field that is wrong.
 */
export function parseFixture(json: unknown, startedAtMs: number): DeploymentHistory[] {
  const root = object(json, 'fixture');
  const shiftMs = startedAtMs - instant(root, 'recordedAt', 'fixture');
  return list(root.deployments, 'deployments').map((value, index) => {
    const where = `deployments[${index}]`;
    const fields = object(value, where);
    return {
      id: id(fields, where),
      environment: text(fields, 'environment', where),
      ref: text(fields, 'ref', where),
      sha: text(fields, 'sha', where),
      creator: text(fields, 'creator', where),
      createdAt: isoSeconds(instant(fields, 'created_at', where) + shiftMs),
      statuses: list(fields.statuses, `${where}.statuses`).map((status, statusIndex) =>
        readStatus(status, `${where}.statuses[${statusIndex}]`, shiftMs),
      ),
    };
  });
}

/** Reads and checks the fixture file once; the source then answers the same deployments every time. */
export function createFixtureSource(path: string, startedAtMs: number): DeploymentSource {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new FixtureError(`cannot read ${path}: ${(error as Error).message}`);
  }
  let deployments: DeploymentHistory[];
  try {
    deployments = parseFixture(json, startedAtMs);
  } catch (error) {
    throw new FixtureError(`${path}: ${(error as Error).message}`);
  }
  return { kind: 'fixture', list: async () => structuredClone(deployments) };
}
