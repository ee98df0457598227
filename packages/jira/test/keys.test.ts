import { describe, expect, test } from '@jest/globals';
import { findIssueKeys, isIssueKey } from '../src/keys.ts';

describe('findIssueKeys', () => {
  test('finds keys in branches, titles, bodies and commits, once each, in order', () => {
    expect(
      findIssueKeys({
        branches: ['JIRA-1234-top-deployments'],
        texts: ['[JIRA-1234] Widget (closes DASH-7)', 'Fix JIRA-1235, JIRA-1234 and DASH-7\n\nRefs OPS-99'],
      }),
    ).toEqual(['JIRA-1234', 'DASH-7', 'JIRA-1235', 'OPS-99']);
  });

  test('UTF-8 and ISO-8601 match only when projects are not restricted', () => {
    const texts = ['Read files as UTF-8, dates as ISO-8601 (JIRA-12)'];
    expect(findIssueKeys({ texts })).toEqual(['UTF-8', 'ISO-8601', 'JIRA-12']);
    expect(findIssueKeys({ texts, projects: ['JIRA'] })).toEqual(['JIRA-12']);
  });

  test('branches may be lower case when projects are known; texts may not', () => {
    expect(findIssueKeys({ branches: ['feature/jira-42-widget'], projects: ['JIRA'] })).toEqual(['JIRA-42']);
    expect(findIssueKeys({ branches: ['feature/jira-42-widget'] })).toEqual([]);
    expect(findIssueKeys({ texts: ['see jira-42'], projects: ['JIRA'] })).toEqual([]);
  });

  test('does not take keys out of longer words or numbers', () => {
    expect(findIssueKeys({ texts: ['XJIRA_1 JIRA-12a JIRA-012 A-1 JIRA-0 sha-1abc JIRA-77.'] })).toEqual([
      'JIRA-77',
    ]);
  });
});

test('isIssueKey', () => {
  expect(isIssueKey('JIRA-1234')).toBe(true);
  for (const text of ['jira-1', 'JIRA-01', 'JIRA-1 ', "JIRA-1' OR 1=1", ''])
    expect(isIssueKey(text)).toBe(false);
});
