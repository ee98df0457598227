import { describe, expect, test } from '@jest/globals';
import {
  DEFAULT_PLAN,
  describePlan,
  formatDuration,
  parseDuration,
  parseSteps,
  readPlan,
  stepSeconds,
} from '../src/rollout/plan.ts';
import {
  DESCRIPTION_LIMIT,
  planDescription,
  promotedDescription,
  readRolloutRecord,
  rolledBackDescription,
  stepDescription,
} from '../src/rollout/record.ts';

const NO_INPUTS = { steps: '', duration: '', 'min-step': '', 'early-advance': '', watch: '', interval: '' };

describe('the plan', () => {
  test('the default: 1 → 5 → 10 → 50 → 100 over an hour, 15-minute steps', () => {
    const plan = readPlan(NO_INPUTS);
    expect(plan).toEqual(DEFAULT_PLAN);
    expect(stepSeconds(plan)).toBe(900);
    expect(describePlan(plan)).toBe(
      '1% → 5% → 10% → 50% → 100% over 60m (steps of 15m, at least 3m each, early advance on; watch 15m after 100%)',
    );
  });

  test('inputs override; a minimum step longer than a step is cut to the step', () => {
    const plan = readPlan({
      ...NO_INPUTS,
      steps: '5% 25% 100%',
      duration: '1h',
      'min-step': '45m',
      interval: '10s',
    });
    expect(plan.steps).toEqual([5, 25, 100]);
    expect(plan.durationSeconds).toBe(3600);
    expect(plan.minStepSeconds).toBe(1800);
    expect(plan.intervalSeconds).toBe(10);
  });

  test.each([
    ['', 'is not a list of weights'],
    ['1,5,x,100', 'is not a list of weights'],
    ['5,1,100', 'must increase step by step'],
    ['1,5,50', 'must end at 100'],
    ['0,100', 'is not a list of weights'],
  ])('steps %j: %s', (text, message) => {
    expect(() => parseSteps('steps', text || ' ')).toThrow(message);
  });

  test('durations: s, m, h, combined; a bare number is minutes; out of range names the input', () => {
    expect(parseDuration('d', '90s', { min: 1, max: 1e6 })).toBe(90);
    expect(parseDuration('d', '1h30m', { min: 1, max: 1e6 })).toBe(5400);
    expect(parseDuration('d', '2', { min: 1, max: 1e6 })).toBe(120);
    expect(() => parseDuration('watch', 'soon', { min: 0, max: 60 })).toThrow(
      "Input 'watch' must be a duration from 0s to 1m, not 'soon'",
    );
    expect(formatDuration(3600)).toBe('60m');
    expect(formatDuration(90)).toBe('1m30s');
  });

  test('an interval longer than a step is refused', () => {
    expect(() => readPlan({ ...NO_INPUTS, duration: '4m', interval: '2m' })).toThrow(
      "Input 'interval' (2m) is longer than a step (1m)",
    );
  });
});

describe('the record in deployment statuses', () => {
  const started = Date.parse('2026-11-28T02:10:00Z');

  test('every description fits GitHub’s 140 characters and reads back exactly', () => {
    const plan = { ...DEFAULT_PLAN, durationSeconds: 5400, watchSeconds: 90, earlyAdvance: false };
    const texts = [
      planDescription(plan, started),
      stepDescription({ index: 0, weight: 1, since: started }, 5),
      stepDescription({ index: 1, weight: 5, since: started + 240_000 }, 5),
    ];
    for (const text of texts) expect(text.length).toBeLessThanOrEqual(DESCRIPTION_LIMIT);
    expect(texts[1]).toBe('Canary at 1% (step 1 of 5) since 2026-11-28T02:10:00Z [flowkit]');
    const statuses = texts.map((description, i) => ({
      description,
      created_at: new Date(started + i * 1000).toISOString(),
    }));
    // GitHub lists newest first.
    expect(readRolloutRecord(statuses.reverse())).toEqual({
      plan,
      startedAt: started,
      steps: [
        { index: 0, weight: 1, since: started },
        { index: 1, weight: 5, since: started + 240_000 },
      ],
    });
  });

  test('the end is read back; a long reason is cut with an ellipsis to fit', () => {
    const reason = `errors: canary 9/412 (2.18%) vs baseline 31/7,980 (0.39%); ${'likelihood ratio 231 ≥ 200 '.repeat(5)}`;
    const rolled = rolledBackDescription(5, reason);
    expect(rolled.length).toBe(DESCRIPTION_LIMIT);
    expect(rolled).toMatch(/^Rolled back from 5%: errors: canary 9\/412 .*… \[flowkit\]$/);
    const at = (i: number) => new Date(started + i).toISOString();
    expect(
      readRolloutRecord([
        { description: rolled, created_at: at(3) },
        { description: planDescription(DEFAULT_PLAN, started), created_at: at(1) },
      ])?.outcome,
    ).toBe('rolled-back');
    expect(
      readRolloutRecord([
        { description: promotedDescription(started), created_at: at(3) },
        { description: planDescription(DEFAULT_PLAN, started), created_at: at(1) },
      ])?.outcome,
    ).toBe('promoted');
  });

  test('statuses without a Flowkit plan (GitHub’s own, another tool’s) give no record', () => {
    expect(
      readRolloutRecord([{ description: 'Deployment started', created_at: '2026-11-28T00:00:00Z' }]),
    ).toBeUndefined();
    expect(readRolloutRecord([])).toBeUndefined();
  });
});
