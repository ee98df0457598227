// DORA 2023 bands at and around every boundary (see the source comment in src/bands.ts).
import { describe, expect, it } from '@jest/globals';
import {
  bandChangeFailureRate,
  bandDeploymentFrequency,
  bandLeadTime,
  bandTimeToRestore,
} from '../src/bands.ts';
import { DAY, HOUR, MONTH, WEEK } from '../src/units.ts';

describe('bandDeploymentFrequency', () => {
  it('once per day or more is elite', () => {
    expect(bandDeploymentFrequency(7, WEEK)).toBe('elite');
    expect(bandDeploymentFrequency(1, DAY)).toBe('elite');
    expect(bandDeploymentFrequency(30, 30 * DAY)).toBe('elite');
  });
  it('below once per day down to once per week is high', () => {
    expect(bandDeploymentFrequency(6, WEEK)).toBe('high');
    expect(bandDeploymentFrequency(29, 30 * DAY)).toBe('high');
    expect(bandDeploymentFrequency(1, WEEK)).toBe('high');
    expect(bandDeploymentFrequency(2, 2 * WEEK)).toBe('high');
  });
  it('below once per week down to once per 30 days is medium', () => {
    expect(bandDeploymentFrequency(1, WEEK + 1)).toBe('medium');
    expect(bandDeploymentFrequency(1, MONTH)).toBe('medium');
  });
  it('less than once per 30 days is low', () => {
    expect(bandDeploymentFrequency(1, MONTH + 1)).toBe('low');
    expect(bandDeploymentFrequency(2, 90 * DAY)).toBe('low');
  });
});

describe('bandLeadTime', () => {
  it('less than one day is elite; exactly one day is high', () => {
    expect(bandLeadTime(0)).toBe('elite');
    expect(bandLeadTime(DAY - 1)).toBe('elite');
    expect(bandLeadTime(DAY)).toBe('high');
  });
  it('up to one week is high, up to 30 days medium, beyond low', () => {
    expect(bandLeadTime(WEEK)).toBe('high');
    expect(bandLeadTime(WEEK + 1)).toBe('medium');
    expect(bandLeadTime(MONTH)).toBe('medium');
    expect(bandLeadTime(MONTH + 1)).toBe('low');
  });
});

describe('bandChangeFailureRate', () => {
  it('≤ 5% elite, ≤ 10% high, ≤ 15% medium, above low', () => {
    expect(bandChangeFailureRate(0)).toBe('elite');
    expect(bandChangeFailureRate(1 / 20)).toBe('elite');
    expect(bandChangeFailureRate(0.0501)).toBe('high');
    expect(bandChangeFailureRate(2 / 20)).toBe('high');
    expect(bandChangeFailureRate(0.1001)).toBe('medium');
    expect(bandChangeFailureRate(3 / 20)).toBe('medium');
    expect(bandChangeFailureRate(0.1501)).toBe('low');
    expect(bandChangeFailureRate(1)).toBe('low');
  });
});

describe('bandTimeToRestore', () => {
  it('< 1 hour elite, < 1 day high, ≤ 1 week medium, above low', () => {
    expect(bandTimeToRestore(HOUR - 1)).toBe('elite');
    expect(bandTimeToRestore(HOUR)).toBe('high');
    expect(bandTimeToRestore(DAY - 1)).toBe('high');
    expect(bandTimeToRestore(DAY)).toBe('medium');
    expect(bandTimeToRestore(WEEK)).toBe('medium');
    expect(bandTimeToRestore(WEEK + 1)).toBe('low');
  });
});
