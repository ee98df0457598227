// The four keys on hand-computed histories (see fixtures.ts for the history and its notes).
import { InputError } from '@flowkit/core';
import { describe, expect, it } from '@jest/globals';
import type { DoraHistory } from '../src/events.ts';
import { buckets, computeDora, nearestRank } from '../src/keys.ts';
import { DAY, HOUR, WEEK } from '../src/units.ts';
import { deployment, h, history, T0 } from './fixtures.ts';

const week = { from: T0, to: T0 + WEEK };

describe('computeDora on the fixture week [T0, T0+7d)', () => {
  const r = computeDora(history, { ...week, bucket: 'day' });

  it('deployment frequency counts every successful production deployment, redeploys included', () => {
    // Successful production deployments finished in the window: d1, d3, d4 (redeploy, no commits), d6 → 4.
    // s1 is staging. 4 per 7 days = 4/7 per day, 4 per week.
    expect(r.deploymentFrequency).toEqual({
      value: 4 / 7,
      reason: null,
      count: 4,
      perDay: 4 / 7,
      perWeek: 4,
      redeploys: 1,
      windowMs: WEEK,
    });
    // 4 deployments in 7 days: fewer than 1/day, at least 1/week → high.
    expect(r.bands.deploymentFrequency).toBe('high');
  });

  it('lead time ends at the first successful deployment, clamps clock skew and counts it', () => {
    // Samples: d1 a=8h b=4h; d3 c=26−18=8h (not at the rolled-back d2) d=2h; d4 none; d6 e=75−70=5h f=−1h→0.
    // Sorted [0, 2, 4, 5, 8, 8]h, n=6: median = rank ceil(3)=3 → 4h; p90 = rank ceil(5.4)=6 → 8h.
    expect(r.leadTime).toEqual({
      value: 4 * HOUR,
      reason: null,
      median: 4 * HOUR,
      p90: 8 * HOUR,
      samples: 6,
      skewed: 1,
    });
    expect(r.bands.leadTime).toBe('elite');
  });

  it('change failure rate counts each attempted deployment at most once', () => {
    // Attempted: d1..d6 = 6. Failed changes: d2 (rolled back; its incident i1 does not add a second count),
    // d5 (failure), d6 (success that caused i2) → 3. 3/6 = 0.5.
    expect(r.changeFailureRate).toEqual({
      value: 0.5,
      reason: null,
      attempted: 6,
      failedChanges: 3,
      failedDeployments: 2,
      successfulWithIncident: 1,
      unattributedIncidents: 0,
    });
    expect(r.bands.changeFailureRate).toBe('low');
  });

  it('time to restore keeps unresolved failures as open', () => {
    // Failures: i1 (20.5h → 21.5h = 1h), i2 (open), d5 (no incident: 72h → next success d6 at 75h = 3h).
    // d2 is represented by its incident i1. Restored [1h, 3h]: median rank 1 → 1h, p90 rank 2 → 3h.
    expect(r.timeToRestore).toEqual({
      value: HOUR,
      reason: null,
      median: HOUR,
      p90: 3 * HOUR,
      samples: 2,
      failures: 3,
      open: 1,
    });
    // Exactly one hour is not "less than one hour" → high.
    expect(r.bands.timeToRestore).toBe('high');
  });

  it('ticket lead time is created → released, by release time', () => {
    // Released in the window: J-1 3d, J-2 1d, J-4 −1h→0 (skewed). Sorted [0, 1d, 3d]: median rank 2 → 1d,
    // p90 rank ceil(2.7)=3 → 3d. Unreleased at `to`: J-3, J-5 (released after the window) → 2.
    expect(r.ticketLeadTime).toEqual({
      value: DAY,
      reason: null,
      median: DAY,
      p90: 3 * DAY,
      samples: 3,
      skewed: 1,
      unreleased: 2,
    });
  });

  it('gives a daily series with the same definitions per bucket', () => {
    expect(r.series.map((p) => p.label)).toEqual([
      '2024-01-01',
      '2024-01-02',
      '2024-01-03',
      '2024-01-04',
      '2024-01-05',
      '2024-01-06',
      '2024-01-07',
    ]);
    // d1 day 0; d3 day 1; d4 finished exactly at 48h → day 2, not day 1; d6 day 3.
    expect(r.series.map((p) => p.deploymentFrequency.count)).toEqual([1, 1, 1, 1, 0, 0, 0]);
    // Day 0 [8h,4h] → 4h; day 1 [8h,2h] → rank 1 → 2h; day 2 redeploy only → null; day 3 [0,5h] → 0.
    expect(r.series.map((p) => p.leadTime.median)).toEqual([4 * HOUR, 2 * HOUR, null, 0, null, null, null]);
    // Day 0: d1 ok, d2 failed → 0.5; day 1: d3 → 0; day 2: d4 → 0; day 3: d5 failed, d6 caused i2 → 1.
    expect(r.series.map((p) => p.changeFailureRate.value)).toEqual([0.5, 0, 0, 1, null, null, null]);
    // Day 0: i1 1h; day 3: d5 → 3h; day 4: i2 open (failures 1, open 1, median null).
    expect(r.series.map((p) => p.timeToRestore.median)).toEqual([
      HOUR,
      null,
      null,
      3 * HOUR,
      null,
      null,
      null,
    ]);
    expect(r.series[4]?.timeToRestore).toMatchObject({
      failures: 1,
      open: 1,
      reason: 'no failure restored yet (1 open)',
    });
    expect(r.series[0]).toMatchObject({ start: T0, end: T0 + DAY });
  });
});

describe('window boundaries [from, to)', () => {
  it('includes an event exactly at from and excludes one exactly at to', () => {
    // [10h, 48h): d1 finished at 10h is in; d4 finished at 48h is out. Attempted d1, d2, d3; successes d1, d3.
    const r = computeDora(history, { from: h(10), to: h(48) });
    expect(r.deploymentFrequency.count).toBe(2);
    expect(r.changeFailureRate.attempted).toBe(3);
    expect(r.deploymentFrequency.redeploys).toBe(0);
  });

  it('applies the same rule to incidents (openedAt) and tickets (releasedAt)', () => {
    const hist: DoraHistory = {
      service: 's',
      deployments: [],
      incidents: [
        { id: 'at-from', openedAt: h(0), resolvedAt: h(2) },
        { id: 'at-to', openedAt: h(10), resolvedAt: h(11) },
      ],
      tickets: [
        { key: 'A', createdAt: h(-5), releasedAt: h(0) },
        { key: 'B', createdAt: h(-5), releasedAt: h(10) },
      ],
    };
    const r = computeDora(hist, { from: h(0), to: h(10) });
    // Only at-from (2h) restores; nothing to attribute it to.
    expect(r.timeToRestore).toMatchObject({ failures: 1, open: 0, median: 2 * HOUR });
    expect(r.changeFailureRate.unattributedIncidents).toBe(1);
    // Only A (5h); B, released exactly at `to`, is still unreleased as of `to`.
    expect(r.ticketLeadTime).toMatchObject({ samples: 1, median: 5 * HOUR, unreleased: 1 });
  });
});

describe('empty window', () => {
  it('says "no data" for every key instead of a zero that looks elite', () => {
    const r = computeDora(history, { from: T0 + 30 * DAY, to: T0 + 37 * DAY });
    expect(r.deploymentFrequency).toMatchObject({ value: null, perDay: null, count: 0 });
    expect(r.deploymentFrequency.reason).toBe('no successful deployments in the window');
    expect(r.leadTime).toMatchObject({ value: null, median: null, p90: null, samples: 0 });
    expect(r.leadTime.reason).toBe('no new commits reached the environment in the window');
    expect(r.changeFailureRate).toMatchObject({ value: null, attempted: 0 });
    expect(r.changeFailureRate.reason).toBe('no deployments attempted in the window');
    expect(r.timeToRestore).toMatchObject({ value: null, failures: 0, open: 0 });
    expect(r.timeToRestore.reason).toBe('no failures in the window');
    expect(r.ticketLeadTime).toMatchObject({ value: null, samples: 0 });
    expect(r.bands).toEqual({
      deploymentFrequency: null,
      leadTime: null,
      changeFailureRate: null,
      timeToRestore: null,
    });
  });

  it('handles a history with no events at all', () => {
    const r = computeDora({ service: 's', deployments: [], incidents: [], tickets: [] }, week);
    expect(r.changeFailureRate.value).toBeNull();
    expect(r.series).toHaveLength(1);
  });
});

describe('edge cases', () => {
  it('a window of redeploys only: frequency counts them, lead time has no data', () => {
    const hist: DoraHistory = {
      service: 's',
      deployments: [
        deployment('r1', 1, 2, 'success', []),
        { ...deployment('r2', 3, 4, 'success', []), sha: 'sha-r1' },
      ],
      incidents: [],
      tickets: [],
    };
    const r = computeDora(hist, { from: T0, to: T0 + DAY });
    expect(r.deploymentFrequency).toMatchObject({ count: 2, redeploys: 2, perDay: 2 });
    expect(r.bands.deploymentFrequency).toBe('elite');
    expect(r.leadTime.value).toBeNull();
    expect(r.changeFailureRate.value).toBe(0);
  });

  it('a commit already delivered by an earlier successful deployment adds no second sample', () => {
    // x reaches production at p1 (10h, lead 9h); p2 lists it again (bad upstream data) plus y (lead 1h).
    const hist: DoraHistory = {
      service: 's',
      deployments: [
        deployment('p1', 9, 10, 'success', [['x', 1]]),
        deployment('p2', 29, 30, 'success', [
          ['x', 1],
          ['y', 29],
        ]),
      ],
      incidents: [],
      tickets: [],
    };
    expect(computeDora(hist, { from: T0, to: T0 + 2 * DAY }).leadTime).toMatchObject({
      samples: 2,
      p90: 9 * HOUR,
    });
    // A window holding only p2: x ended before it, so only y counts.
    expect(computeDora(hist, { from: h(24), to: h(48) }).leadTime).toMatchObject({
      samples: 1,
      median: HOUR,
    });
  });

  it('a failed deployment with no later success stays open', () => {
    const hist: DoraHistory = {
      service: 's',
      deployments: [deployment('f1', 1, 2, 'failure', [['x', 0]])],
      incidents: [],
      tickets: [],
    };
    const r = computeDora(hist, { from: T0, to: T0 + DAY });
    expect(r.timeToRestore).toMatchObject({ failures: 1, open: 1, value: null });
    expect(r.changeFailureRate.value).toBe(1);
    expect(r.deploymentFrequency.count).toBe(0);
  });

  it('an incident naming its deployment overrides attribution by time', () => {
    // i names p1, though p2 started later and before the incident: p1 is the failed change, p2 is not.
    const hist: DoraHistory = {
      service: 's',
      deployments: [deployment('p1', 1, 2, 'success', []), deployment('p2', 3, 4, 'success', [])],
      incidents: [{ id: 'i', openedAt: h(5), resolvedAt: h(6), deploymentId: 'p1' }],
      tickets: [],
    };
    const both = computeDora(hist, { from: T0, to: T0 + DAY });
    expect(both.changeFailureRate).toMatchObject({ failedChanges: 1, attempted: 2, value: 0.5 });
    // Window [3h, 1d) holds p2 only: p2 did not fail; the incident is still a failure to restore (1h).
    const later = computeDora(hist, { from: h(3), to: T0 + DAY });
    expect(later.changeFailureRate).toMatchObject({
      failedChanges: 0,
      attempted: 1,
      unattributedIncidents: 0,
    });
    expect(later.timeToRestore).toMatchObject({ failures: 1, median: HOUR });
  });

  it('several incidents on one deployment: one failed change, one restore sample each', () => {
    const hist: DoraHistory = {
      service: 's',
      deployments: [deployment('p1', 1, 2, 'rolled-back', [])],
      incidents: [
        { id: 'a', openedAt: h(1.5), resolvedAt: h(2.5) },
        { id: 'b', openedAt: h(3), resolvedAt: h(6) },
      ],
      tickets: [],
    };
    const r = computeDora(hist, { from: T0, to: T0 + DAY });
    expect(r.changeFailureRate).toMatchObject({ failedChanges: 1, attempted: 1, failedDeployments: 1 });
    // Samples 1h, 3h; the rolled-back deployment itself adds none (its incidents stand for it).
    expect(r.timeToRestore).toMatchObject({ failures: 2, samples: 2, median: HOUR, p90: 3 * HOUR });
  });
});

describe('nearestRank', () => {
  it('one sample is every percentile', () => {
    expect(nearestRank([7], 50)).toBe(7);
    expect(nearestRank([7], 90)).toBe(7);
  });
  it('two samples: p50 is the lower (rank ceil(1)=1), p90 the upper (rank ceil(1.8)=2)', () => {
    expect(nearestRank([20, 10], 50)).toBe(10);
    expect(nearestRank([20, 10], 90)).toBe(20);
  });
  it('ten samples: p50 rank 5, p90 rank 9, p100 rank 10', () => {
    const ten = [10, 3, 8, 1, 6, 9, 2, 7, 5, 4];
    expect(nearestRank(ten, 50)).toBe(5);
    expect(nearestRank(ten, 90)).toBe(9);
    expect(nearestRank(ten, 100)).toBe(10);
    expect(nearestRank(ten, 91)).toBe(10);
  });
  it('no samples is null; a percentile outside (0, 100] is rejected', () => {
    expect(nearestRank([], 50)).toBeNull();
    expect(() => nearestRank([1], 0)).toThrow(InputError);
    expect(() => nearestRank([1], 101)).toThrow(InputError);
  });
});

describe('buckets', () => {
  it('weeks start on Monday (UTC) and are clipped to the window', () => {
    // T0 is Monday 2024-01-01. [Jan 3, Jan 17) → [Jan 3, Jan 8) [Jan 8, Jan 15) [Jan 15, Jan 17).
    expect(buckets(T0 + 2 * DAY, T0 + 16 * DAY, 'week')).toEqual([
      { start: T0 + 2 * DAY, end: T0 + 7 * DAY, label: '2024-01-01' },
      { start: T0 + 7 * DAY, end: T0 + 14 * DAY, label: '2024-01-08' },
      { start: T0 + 14 * DAY, end: T0 + 16 * DAY, label: '2024-01-15' },
    ]);
  });
  it('months are calendar months (leap February included)', () => {
    const b = buckets(Date.UTC(2024, 0, 20), Date.UTC(2024, 2, 5), 'month');
    expect(b.map((x) => x.label)).toEqual(['2024-01', '2024-02', '2024-03']);
    expect(b[1]).toEqual({ start: Date.UTC(2024, 1, 1), end: Date.UTC(2024, 2, 1), label: '2024-02' });
  });
  it('a weekly series over the fixture week is one bucket equal to the whole window', () => {
    const r = computeDora(history, week);
    expect(r.series).toHaveLength(1);
    expect(r.series[0]?.deploymentFrequency).toEqual(r.deploymentFrequency);
    expect(r.series[0]?.changeFailureRate).toEqual(r.changeFailureRate);
  });
});

describe('bad input', () => {
  it('rejects an empty or inverted window', () => {
    expect(() => computeDora(history, { from: T0, to: T0 })).toThrow(InputError);
    expect(() => computeDora(history, { from: T0 + 1, to: T0 })).toThrow(InputError);
    expect(() => computeDora(history, { from: Number.NaN, to: T0 })).toThrow(InputError);
  });
  it('rejects too many buckets', () => {
    expect(() => computeDora(history, { from: 0, to: 3000 * DAY, bucket: 'day' })).toThrow(/bucket/);
  });
  it('rejects impossible histories with the input named', () => {
    const bad = (patch: Partial<DoraHistory>) => () => computeDora({ ...history, ...patch }, week);
    expect(bad({ deployments: [deployment('x', 5, 4, 'success', [])] })).toThrow(
      /deployments\[0\] \(x\)\.finishedAt/,
    );
    expect(
      bad({ deployments: [deployment('x', 1, 2, 'success', []), deployment('x', 3, 4, 'success', [])] }),
    ).toThrow(/unique/);
    expect(bad({ incidents: [{ id: 'i', openedAt: h(5), resolvedAt: h(4) }] })).toThrow(InputError);
    expect(bad({ incidents: [{ id: 'i', openedAt: h(5), deploymentId: 'nope' }] })).toThrow(/nope/);
    expect(bad({ tickets: [{ key: 'K', createdAt: Number.POSITIVE_INFINITY }] })).toThrow(InputError);
    expect(
      bad({ deployments: [{ ...deployment('x', 1, 2, 'success', []), outcome: 'maybe' as 'success' }] }),
    ).toThrow(/outcome/);
  });
});

describe('order independence (property)', () => {
  // A small deterministic PRNG (mulberry32) so every run shuffles the same way.
  function rng(seed: number): () => number {
    let a = seed;
    return () => {
      a = (a + 0x6d2b79f5) | 0;
      let t = Math.imul(a ^ (a >>> 15), 1 | a);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
  }
  function shuffle<T>(items: readonly T[], next: () => number): T[] {
    const out = [...items];
    for (let i = out.length - 1; i > 0; i--) {
      const j = Math.floor(next() * (i + 1));
      [out[i], out[j]] = [out[j] as T, out[i] as T];
    }
    return out;
  }

  it('shuffling deployments, commits, incidents and tickets gives the same result', () => {
    const expected = computeDora(history, { ...week, bucket: 'day' });
    let differentOrders = 0;
    for (let seed = 1; seed <= 25; seed++) {
      const next = rng(seed);
      const shuffled: DoraHistory = {
        service: history.service,
        deployments: shuffle(history.deployments, next).map((d) => ({
          ...d,
          commits: shuffle(d.commits, next),
        })),
        incidents: shuffle(history.incidents, next),
        tickets: shuffle(history.tickets, next),
      };
      if (shuffled.deployments.map((d) => d.id).join() !== history.deployments.map((d) => d.id).join()) {
        differentOrders++;
      }
      expect(computeDora(shuffled, { ...week, bucket: 'day' })).toEqual(expected);
    }
    // The property was exercised on orders other than the original.
    expect(differentOrders).toBeGreaterThan(20);
  });
});
