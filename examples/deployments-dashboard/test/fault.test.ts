import { describe, expect, test } from '@jest/globals';
import { FaultSwitch, MAX_LATENCY_MS, NO_FAULT, parseFaultUpdate } from '../server/fault.ts';

/** A random source answering the given numbers in turn. */
function sequence(...values: number[]): () => number {
  let index = 0;
  return () => {
    const value = values[index++];
    if (value === undefined) throw new Error('the random sequence ran out');
    return value;
  };
}

describe('FaultSwitch', () => {
  test('fails exactly the requests whose draw is below the error rate', () => {
    const fault = new FaultSwitch({ errorRate: 0.25, latencyMs: 0 }, sequence(0.1, 0.25, 0.24, 0.9));
    expect([1, 2, 3, 4].map(() => fault.decide().fail)).toEqual([true, false, true, false]);
  });

  test('never fails at rate 0 (without drawing) and always fails at rate 1', () => {
    const off = new FaultSwitch(NO_FAULT, sequence());
    expect(off.decide()).toEqual({ fail: false, delayMs: 0 });
    const on = new FaultSwitch({ errorRate: 1, latencyMs: 0 }, sequence(0.999999));
    expect(on.decide().fail).toBe(true);
  });

  test('delays every request by the latency, failed or not', () => {
    const fault = new FaultSwitch({ errorRate: 0.5, latencyMs: 300 }, sequence(0.1, 0.9));
    expect(fault.decide()).toEqual({ fail: true, delayMs: 300 });
    expect(fault.decide()).toEqual({ fail: false, delayMs: 300 });
  });

  test('changes at run time, one field at a time', () => {
    const fault = new FaultSwitch({ errorRate: 0, latencyMs: 50 }, sequence(0.1));
    expect(fault.update({ errorRate: 0.2 })).toEqual({ errorRate: 0.2, latencyMs: 50 });
    expect(fault.decide()).toEqual({ fail: true, delayMs: 50 });
    const copy = fault.settings;
    copy.errorRate = 1;
    expect(fault.settings.errorRate).toBe(0.2);
  });
});

describe('parseFaultUpdate', () => {
  test('accepts either field or both', () => {
    expect(parseFaultUpdate({ errorRate: 0.2, latencyMs: 300 })).toEqual({
      ok: true,
      update: { errorRate: 0.2, latencyMs: 300 },
    });
    expect(parseFaultUpdate({ latencyMs: 0 })).toEqual({ ok: true, update: { latencyMs: 0 } });
  });

  test.each([
    [[], 'expected a JSON object'],
    [null, 'expected a JSON object'],
    [{}, 'expected errorRate, latencyMs or both'],
    [{ errorrate: 0.2 }, 'unknown field errorrate'],
    [
      { errorRate: 1.5 },
      'errorRate: expected a number from 0 to 1 (0.2 = one request in five fails), got 1.5',
    ],
    [{ errorRate: '0.2' }, 'errorRate: expected a number from 0 to 1'],
    [{ latencyMs: -1 }, `latencyMs: expected whole milliseconds from 0 to ${MAX_LATENCY_MS}, got -1`],
    [{ latencyMs: 2.5 }, 'latencyMs: expected whole milliseconds'],
    [{ latencyMs: MAX_LATENCY_MS + 1 }, 'latencyMs: expected whole milliseconds'],
  ])('refuses %j', (body, problem) => {
    const result = parseFaultUpdate(body);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problem).toContain(problem);
  });
});
