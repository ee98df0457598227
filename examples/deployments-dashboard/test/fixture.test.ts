import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from '@jest/globals';
import { DEFAULT_FIXTURE } from '../server/config.ts';
import { topActiveDeployments } from '../server/deployments.ts';
import { createFixtureSource, FixtureError, parseFixture } from '../server/fixture-source.ts';
import { PACKAGE_DIR } from './helpers.ts';

const RECORDED_AT = Date.parse('2026-03-02T10:00:00Z');

function minimal(statusOverrides: Record<string, unknown> = {}) {
  return {
    recordedAt: '2026-03-02T10:00:00Z',
    deployments: [
      {
        id: 1,
        environment: 'production',
        ref: 'v1.4.0',
        sha: 'ef5b667aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa',
        creator: 'sarah',
        created_at: '2026-03-02T09:12:30Z',
        statuses: [{ id: 7, state: 'success', created_at: '2026-03-02T09:19:58Z', ...statusOverrides }],
      },
    ],
  };
}

describe('fixture', () => {
  test('the bundled fixture has about a dozen deployments and more than 5 active ones', async () => {
    const histories = await createFixtureSource(DEFAULT_FIXTURE, RECORDED_AT).list();
    expect(histories.length).toBeGreaterThanOrEqual(10);
    const rows = topActiveDeployments(histories, RECORDED_AT);
    expect(rows.map((row) => [row.environment, row.state])).toEqual([
      ['canary', 'queued'],
      ['preview-pr-91', 'in_progress'],
      ['staging', 'success'],
      ['production', 'success'],
      ['demo', 'success'],
    ]);
    expect(rows[2]?.environment_url).toBe('https://staging.dashboard.example.com/deployments');
    // production-eu is active too, but sixth: the cut at 5 is visible in the demo.
    const states = histories.map((history) => history.statuses.at(-1)?.state);
    expect(
      states.filter((state) => state === 'success' || state === 'in_progress' || state === 'queued'),
    ).toHaveLength(6);
  });

  test('moves every time so that recordedAt becomes the start time, keeping whole seconds', () => {
    const startedAt = Date.parse('2026-11-28T12:00:00.750Z');
    const [history] = parseFixture(minimal(), startedAt);
    expect(history?.createdAt).toBe('2026-11-28T11:12:30Z');
    expect(history?.statuses[0]?.createdAt).toBe('2026-11-28T11:19:58Z');
  });

  test('keeps an environment URL', () => {
    const [history] = parseFixture(
      minimal({ environment_url: 'https://dashboard.example.com' }),
      RECORDED_AT,
    );
    expect(history?.statuses[0]?.environmentUrl).toBe('https://dashboard.example.com');
  });

  test.each([
    [{ deployments: [] }, 'fixture.recordedAt: expected a string'],
    [{ ...minimal(), deployments: {} }, 'deployments: expected a list'],
    [
      minimal({ state: 'done' }),
      'deployments[0].statuses[0].state: expected one of error, failure, inactive',
    ],
    [
      minimal({ created_at: 'yesterday' }),
      'deployments[0].statuses[0].created_at: expected an ISO 8601 time',
    ],
    [minimal({ id: 0 }), 'deployments[0].statuses[0].id: expected a positive whole number'],
  ])('names the wrong field: %j', (json, message) => {
    expect(() => parseFixture(json, RECORDED_AT)).toThrow(message);
  });

  test('a file that is not JSON fails at load, naming the file', () => {
    const path = join(PACKAGE_DIR, 'package.json');
    JSON.parse(readFileSync(path, 'utf8'));
    expect(() => createFixtureSource(path, RECORDED_AT)).toThrow(FixtureError);
    expect(() => createFixtureSource(path, RECORDED_AT)).toThrow(
      `${path}: fixture.recordedAt: expected a string`,
    );
    const notJson = join(PACKAGE_DIR, 'web', 'index.html');
    expect(() => createFixtureSource(notJson, RECORDED_AT)).toThrow(`cannot read ${notJson}`);
  });

  test('each listing is a copy: a caller cannot change the next answer', async () => {
    const source = createFixtureSource(DEFAULT_FIXTURE, RECORDED_AT);
    const first = await source.list();
    first.length = 0;
    expect((await source.list()).length).toBeGreaterThan(0);
  });
});
