// `flowkit guard replay`: runs the guard over recorded observations, one JSON object per line in and out.
import { Guard, type Observation, observationProblem } from './guard.ts';
import type { GuardSettings } from './settings.ts';

/**
 * Reads observations (`{"t": 60, "share": 0.05, "canary": {"requests": 30, "errors": 0, "slow": 1}, "baseline": {…}}`,
 * optional `"error"` and `"alerts"`) and writes one verdict per line: `{"t": 60, "decision": "continue", "reason": "…"}`.
 *
 * Blank lines are skipped. A malformed line (not JSON, not an object, negative counts, errors above requests, t going
 * backwards, share out of range…) never stops the replay: it is answered like a failed metrics read — `hold`, and
 * `rollback` once more than `maxMissingReads` come in a row — with `"t"` the line's own t when it has a usable one,
 * else null, and a reason starting `line N:`. Reads to the end even after a rollback; later lines answer `rollback`.
 */
export async function replayGuard(
  lines: AsyncIterable<string>,
  write: (line: string) => void,
  settings: GuardSettings,
): Promise<{ lines: number; rollbackAt?: number }> {
  const guard = new Guard(settings);
  let count = 0;
  let lineNumber = 0;
  let rollbackAt: number | undefined;
  for await (const raw of lines) {
    lineNumber++;
    const text = raw.trim();
    if (text === '') continue;
    count++;
    let value: unknown;
    let problem: string | undefined;
    try {
      value = JSON.parse(text);
      problem =
        typeof value !== 'object' || value === null || Array.isArray(value)
          ? 'not a JSON object'
          : observationProblem(value as Observation, guard.t);
    } catch (error) {
      problem = `not JSON: ${error instanceof Error ? error.message : String(error)}`;
    }
    const ownT = (value as { t?: unknown } | null | undefined)?.t;
    const verdict =
      problem === undefined
        ? guard.observe(value as Observation)
        : guard.failedRead(`line ${lineNumber}: ${problem}`);
    const t =
      problem === undefined ? verdict.t : typeof ownT === 'number' && Number.isFinite(ownT) ? ownT : null;
    const { decision, reason } = verdict;
    if (decision === 'rollback' && rollbackAt === undefined) rollbackAt = t ?? guard.t;
    write(JSON.stringify({ t, decision, reason }));
  }
  return rollbackAt === undefined ? { lines: count } : { lines: count, rollbackAt };
}
