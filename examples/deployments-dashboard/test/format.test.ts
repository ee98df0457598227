import { describe, expect, test } from '@jest/globals';
import {
  parseTopDeployments,
  relativeTime,
  safeHttpUrl,
  stateLabel,
  UnexpectedAnswerError,
} from '../web/src/format.ts';

const row = {
  id: 1,
  environment: 'staging',
  ref: 'main',
  sha: '286e551',
  creator: 'sarah',
  state: 'success',
  updated_at: '2026-03-02T09:38:20Z',
  age_seconds: 100,
};

describe('widget formatting', () => {
  test('relative times read naturally', () => {
    expect([0, 44, 60, 299, 3600, 5 * 3600, 86_400, 3 * 86_400, -5].map(relativeTime)).toEqual([
      'just now',
      'just now',
      '1 minute ago',
      '5 minutes ago',
      '1 hour ago',
      '5 hours ago',
      'yesterday',
      '3 days ago',
      'just now',
    ]);
  });

  test('states are worded for people', () => {
    expect(stateLabel('success')).toBe('Live');
    expect(stateLabel('in_progress')).toBe('Deploying');
    expect(stateLabel('queued')).toBe('Queued');
    expect(stateLabel('inactive')).toBe('inactive');
  });

  test('only http(s) URLs become links', () => {
    expect(safeHttpUrl('https://dashboard.example.com')).toBe('https://dashboard.example.com/');
    expect(safeHttpUrl('javascript:alert(1)')).toBeUndefined();
    expect(safeHttpUrl('not a url')).toBeUndefined();
    expect(safeHttpUrl(42)).toBeUndefined();
  });

  test('reads the API answer, dropping an unsafe environment URL', () => {
    const rows = parseTopDeployments({
      deployments: [row, { ...row, id: 2, environment_url: 'javascript:alert(1)' }],
      source: 'fixture',
    });
    expect(rows[0]).toEqual(row);
    expect(rows[1]).not.toHaveProperty('environment_url');
  });

  test('refuses an answer that is not a list of deployments', () => {
    expect(() => parseTopDeployments({ error: 'boom' })).toThrow(UnexpectedAnswerError);
    expect(() => parseTopDeployments({ deployments: [{ ...row, sha: undefined }] })).toThrow(
      'unexpected answer from the API: deployment 1 lacks a field',
    );
  });
});
