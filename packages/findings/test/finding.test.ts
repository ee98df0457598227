// The Finding model's order (worst first, then by place) and severity threshold.
import { describe, expect, test } from '@jest/globals';
import { atLeast, compareFindings, type Finding } from '../src/index.ts';

const finding = (fields: Partial<Finding>): Finding => ({
  tool: 'eslint',
  rule: 'r',
  severity: 'warning',
  message: 'm',
  ...fields,
});

describe('compareFindings', () => {
  test('errors before warnings before notes, then file, line, column and rule', () => {
    const findings = [
      finding({ severity: 'note', file: 'a.js', line: 1 }),
      finding({ severity: 'warning', file: 'b.js', line: 1 }),
      finding({ severity: 'warning', file: 'a.js', line: 9, column: 2 }),
      finding({ severity: 'warning', file: 'a.js', line: 9, column: 1, rule: 'z' }),
      finding({ severity: 'warning', file: 'a.js', line: 9, column: 1, rule: 'a' }),
      finding({ severity: 'error', file: 'z.js', line: 100 }),
    ];
    const sorted = [...findings].sort(compareFindings);
    expect(sorted).toEqual([findings[5], findings[4], findings[3], findings[2], findings[1], findings[0]]);
  });

  test('a finding without a file or line sorts before located ones of the same severity', () => {
    const global = finding({ severity: 'error' });
    const located = finding({ severity: 'error', file: 'a.js', line: 1 });
    expect([located, global].sort(compareFindings)).toEqual([global, located]);
  });
});

describe('atLeast', () => {
  test('error ≥ warning ≥ note', () => {
    expect(atLeast('error', 'warning')).toBe(true);
    expect(atLeast('warning', 'warning')).toBe(true);
    expect(atLeast('note', 'warning')).toBe(false);
    expect(atLeast('warning', 'error')).toBe(false);
    expect(atLeast('note', 'note')).toBe(true);
  });
});
