import { describe, expect, test } from '@jest/globals';
import { guardSettings, replayGuard } from '../src/guard/index.ts';

async function* stream(lines: string[]): AsyncIterable<string> {
  for (const line of lines) yield line;
}

async function replay(lines: string[], settings = guardSettings({ stepSeconds: 120, minStepSeconds: 60 })) {
  const out: string[] = [];
  const result = await replayGuard(stream(lines), (line) => out.push(line), settings);
  return {
    result,
    out: out.map((line) => JSON.parse(line) as { t: number | null; decision: string; reason: string }),
  };
}

const healthy = (t: number, share = 0.05): string =>
  JSON.stringify({
    t,
    share,
    canary: { requests: 75, errors: 0, slow: 1 },
    baseline: { requests: 1425, errors: 7, slow: 14 },
  });

describe('replayGuard', () => {
  test('one verdict per line, as JSON with t, decision and reason; blank lines skipped', async () => {
    const { result, out } = await replay([healthy(30), '', '   ', healthy(60), healthy(90), healthy(120)]);
    expect(result).toEqual({ lines: 4 });
    expect(out.map((v) => [v.t, v.decision])).toEqual([
      [30, 'continue'],
      [60, 'continue'],
      [90, 'continue'],
      [120, 'advance'],
    ]);
    expect(Object.keys(out[0] ?? {})).toEqual(['t', 'decision', 'reason']);
    expect(out[3]?.reason).toMatch(
      /^step done .* errors: canary 0\/300 \(0.00%\) vs baseline 28\/5,700 \(0.49%\)/,
    );
  });

  test('malformed lines are answered as failed reads, with the line number, and never crash', async () => {
    const { result, out } = await replay([
      healthy(30),
      '{"t": 60, "share": 0.05, "canary": {"requests": 75, "errors": 0',
      '[1, 2]',
      JSON.stringify({
        t: 90,
        share: 0.05,
        canary: { requests: 5, errors: -1, slow: 0 },
        baseline: { requests: 9, errors: 0, slow: 0 },
      }),
      healthy(120),
      JSON.stringify({
        t: 100,
        share: 0.05,
        canary: { requests: 5, errors: 0, slow: 0 },
        baseline: { requests: 9, errors: 0, slow: 0 },
      }),
      JSON.stringify({
        t: 150,
        share: 0,
        canary: { requests: 5, errors: 0, slow: 0 },
        baseline: { requests: 9, errors: 0, slow: 0 },
      }),
      JSON.stringify({
        t: 180,
        share: 0.05,
        canary: { requests: 5, errors: 6, slow: 0 },
        baseline: { requests: 9, errors: 0, slow: 0 },
      }),
    ]);
    expect(result.lines).toBe(8);
    expect(out[1]).toMatchObject({ t: null, decision: 'hold' });
    expect(out[1]?.reason).toMatch(/^metrics unreadable \(1 of 3 allowed in a row\): line 2: not JSON: /);
    expect(out[2]).toMatchObject({ t: null, decision: 'hold' });
    expect(out[2]?.reason).toContain('line 3: not a JSON object');
    expect(out[3]).toMatchObject({ t: 90, decision: 'hold' });
    expect(out[3]?.reason).toContain('line 4: canary.errors must be a whole number ≥ 0, not -1');
    // A good line resets the count of failed reads; the step then lacks data (150 of 200 canary requests).
    expect(out[4]).toMatchObject({ t: 120, decision: 'hold' });
    expect(out[4]?.reason).toMatch(
      /^not enough data to advance: the canary served 150 of the 200 requests needed/,
    );
    expect(out[5]?.reason).toContain('line 6: t went backwards (100 after 120)');
    expect(out[6]?.reason).toContain('line 7: share must be above 0 and at most 1, not 0');
    expect(out[7]?.reason).toContain('line 8: canary.errors (6) exceeds canary.requests (5)');
    expect(out[7]?.decision).toBe('hold');
  });

  test('reads to the end after a rollback; later lines answer rollback; rollbackAt is the first', async () => {
    const lines = [
      healthy(30),
      JSON.stringify({ ...JSON.parse(healthy(60)), alerts: [{ name: 'HighErrorRate' }] }),
      healthy(90),
      'not json',
      JSON.stringify({ t: 120, share: 0.05, error: 'timeout' }),
      healthy(150),
    ];
    const { result, out } = await replay(lines);
    expect(result).toEqual({ lines: 6, rollbackAt: 60 });
    expect(out.map((v) => v.decision)).toEqual([
      'continue',
      'rollback',
      'rollback',
      'rollback',
      'rollback',
      'rollback',
    ]);
    expect(out[1]?.reason).toBe('alert firing: HighErrorRate');
    expect(out[5]).toEqual({
      t: 150,
      decision: 'rollback',
      reason: 'rolled back at 1m: alert firing: HighErrorRate',
    });
  });

  test('too many failed reads in a row roll back', async () => {
    const failed = (t: number): string => JSON.stringify({ t, share: 0.05, error: 'Datadog: 429' });
    const { result, out } = await replay(
      [healthy(30), failed(60), failed(90), 'garbage', failed(120)],
      guardSettings({ stepSeconds: 600, minStepSeconds: 60, maxMissingReads: 3 }),
    );
    expect(out.map((v) => v.decision)).toEqual(['continue', 'hold', 'hold', 'hold', 'rollback']);
    expect(out[4]?.reason).toBe('metrics unreadable 4 times in a row (limit 3): Datadog: 429');
    expect(result.rollbackAt).toBe(120);
  });
});
