import { expect, test } from '@jest/globals';
import { jqlString } from '../src/client.ts';

test('a JQL string literal cannot be closed by the value inside it', () => {
  expect(jqlString('JIRA-1')).toBe('"JIRA-1"');
  expect(jqlString('a" OR project = SECRET OR key = "b')).toBe('"a\\" OR project = SECRET OR key = \\"b"');
  expect(jqlString('back\\slash"')).toBe('"back\\\\slash\\""');
});
