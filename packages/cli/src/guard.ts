// `flowkit guard replay`: the canary guard's decisions for a recorded series of counts, for audits and tuning.
import { createInterface } from 'node:readline';
import { Readable } from 'node:stream';
import { DEFAULT_PLAN, guardSettings, readPlan, replayGuard, stepSeconds } from '@flowkit/canary';
import { InputError } from '@flowkit/core';
import type { Command } from './commands.ts';

export const guardReplay: Command = {
  path: ['guard', 'replay'],
  summary: 'Replays the canary guard over recorded counts: one decision per input line.',
  group: 'Monitoring',
  help: `
Reads one JSON object per line on stdin, counts per interval (not cumulative):
  {"t": 30, "share": 0.05, "canary": {"requests": 412, "errors": 3, "slow": 5}, "baseline": {"requests": 7980, "errors": 31, "slow": 80}}
t is seconds since the rollout started, share the canary's traffic share (a new share starts a new step).
Optional: "error": "<why the read failed>" instead of counts, "alerts": [{"name": "..."}].
Writes one JSON object per line on stdout:
  {"t": 30, "decision": "continue" | "advance" | "hold" | "rollback", "reason": "..."}
It reads to the end even after a rollback (later lines answer rollback again) and exits 0; a line it cannot
read is answered with a hold that says why. Exit code 2: bad options.`,
  options: [
    { name: 'steps', description: 'canary weights in percent', default: DEFAULT_PLAN.steps.join(',') },
    { name: 'duration', description: 'nominal time up to 100%', default: '60m' },
    { name: 'min-step', description: 'shortest step before an early advance', default: '3m' },
    {
      name: 'early-advance',
      description: 'advance early when clearly healthy (true/false)',
      default: 'true',
    },
    {
      name: 'false-rollback-budget',
      description: 'chance a healthy rollout is rolled back by bad luck',
      default: '0.01',
    },
  ],
  async run(options, io) {
    const plan = readPlan({
      steps: options.steps ?? '',
      duration: options.duration ?? '',
      'min-step': options['min-step'] ?? '',
      'early-advance': options['early-advance'] ?? '',
      watch: '',
      interval: '1s',
    });
    const budget = options['false-rollback-budget'];
    const alpha = budget === undefined ? undefined : Number(budget);
    if (alpha !== undefined && !(alpha > 0 && alpha <= 0.2))
      throw new InputError(
        '--false-rollback-budget',
        `must be above 0 and at most 0.2, not '${budget}'`,
        'Write e.g. --false-rollback-budget 0.01.',
      );
    const settings = guardSettings({
      ...(alpha === undefined ? {} : { alpha }),
      stepSeconds: stepSeconds(plan),
      minStepSeconds: plan.minStepSeconds,
      earlyAdvance: plan.earlyAdvance,
    });
    const lines = createInterface({ input: Readable.from(io.stdin), crlfDelay: Number.POSITIVE_INFINITY });
    await replayGuard(lines, (line) => io.write(`${line}\n`), settings);
    return 0;
  },
};
