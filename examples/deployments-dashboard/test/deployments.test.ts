import { describe, expect, test } from '@jest/globals';
import { shortSha, topActiveDeployments } from '../server/deployments.ts';
import { at, deployment, status } from './helpers.ts';

const NOW = Date.parse(at(60));

describe('topActiveDeployments', () => {
  test('keeps deployments whose latest status is success, in_progress or queued', () => {
    const rows = topActiveDeployments(
      [
        deployment(1, 'production', [status('success', 1)]),
        deployment(2, 'staging', [status('queued', 2), status('in_progress', 3)]),
        deployment(3, 'qa', [status('queued', 4)]),
        deployment(4, 'preview', [status('in_progress', 5), status('failure', 6)]),
        deployment(5, 'load-test', [status('error', 7)]),
        deployment(6, 'demo', [status('pending', 8)]),
        deployment(7, 'empty', []),
      ],
      NOW,
    );
    expect(rows.map((row) => [row.id, row.state])).toEqual([
      [3, 'queued'],
      [2, 'in_progress'],
      [1, 'success'],
    ]);
  });

  test('a deployment made inactive after its success is not active', () => {
    const rows = topActiveDeployments(
      [
        deployment(1, 'staging', [status('success', 1), status('inactive', 9)]),
        deployment(2, 'staging', [status('success', 9)]),
      ],
      NOW,
    );
    expect(rows.map((row) => row.id)).toEqual([2]);
  });

  test('judges by the newest status whatever order the statuses come in', () => {
    // GitHub lists statuses newest first; the fixture lists them oldest first.
    const rows = topActiveDeployments(
      [
        deployment(1, 'production', [status('inactive', 20), status('success', 10), status('queued', 5)]),
        deployment(2, 'staging', [status('failure', 3), status('success', 30)]),
      ],
      NOW,
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ id: 2, state: 'success', updated_at: at(30) });
  });

  test('within one second the higher status id is the newer status', () => {
    const rows = topActiveDeployments(
      [deployment(1, 'production', [status('success', 7, { id: 51 }), status('inactive', 7, { id: 50 })])],
      NOW,
    );
    expect(rows.map((row) => row.state)).toEqual(['success']);
  });

  test('orders by the latest status, most recent first, and returns at most 5', () => {
    const histories = [12, 3, 45, 30, 8, 51, 27].map((minute, index) =>
      deployment(index + 1, `env-${minute}`, [status('success', minute)]),
    );
    const rows = topActiveDeployments(histories, NOW);
    expect(rows.map((row) => row.environment)).toEqual(['env-51', 'env-45', 'env-30', 'env-27', 'env-12']);
  });

  test('an old deployment with a new status outranks a newer deployment with an older one', () => {
    const rows = topActiveDeployments(
      [
        deployment(1, 'production', [status('queued', 1), status('success', 40)], { createdAt: at(1) }),
        deployment(2, 'staging', [status('success', 20)], { createdAt: at(19) }),
      ],
      NOW,
    );
    expect(rows.map((row) => row.id)).toEqual([1, 2]);
  });

  test('returns fewer than 5 when fewer are active, and nothing for no deployments', () => {
    expect(topActiveDeployments([deployment(1, 'production', [status('success', 1)])], NOW)).toHaveLength(1);
    expect(topActiveDeployments([], NOW)).toEqual([]);
  });

  test('ties on the status time go to the newer deployment, whatever the input order', () => {
    const histories = [
      deployment(7, 'a', [status('success', 10, { id: 1 })]),
      deployment(9, 'b', [status('success', 10, { id: 2 })]),
      deployment(8, 'c', [status('success', 10, { id: 3 })]),
    ];
    const expected = [9, 8, 7];
    expect(topActiveDeployments(histories, NOW).map((row) => row.id)).toEqual(expected);
    expect(topActiveDeployments([...histories].reverse(), NOW).map((row) => row.id)).toEqual(expected);
  });

  test('gives the fields of a row: short sha, creator, time, age, and the newest environment URL', () => {
    const [row] = topActiveDeployments(
      [
        deployment(
          4,
          'preview-pr-91',
          [
            status('queued', 10, { environmentUrl: 'https://old.example.com' }),
            status('queued', 11, { environmentUrl: 'https://pr-91.example.com' }),
            status('in_progress', 15),
          ],
          { ref: 'JIRA-1240-dark-mode', sha: '04710e9d2c1f0b7a6e5d4c3b2a1f0e9d8c7b6a59', creator: 'priya' },
        ),
      ],
      NOW,
    );
    expect(row).toEqual({
      id: 4,
      environment: 'preview-pr-91',
      ref: 'JIRA-1240-dark-mode',
      sha: '04710e9',
      creator: 'priya',
      state: 'in_progress',
      updated_at: at(15),
      age_seconds: 45 * 60,
      environment_url: 'https://pr-91.example.com',
    });
  });

  test('leaves environment_url out when no status named one, and never gives a negative age', () => {
    const [row] = topActiveDeployments([deployment(1, 'canary', [status('queued', 90)])], NOW);
    expect(row).not.toHaveProperty('environment_url');
    expect(row?.age_seconds).toBe(0);
  });

  test('shortSha keeps the first 7 characters', () => {
    expect(shortSha('0123456789abcdef')).toBe('0123456');
  });
});
