// `flowkit guard replay` through its door: the flowkit executable, JSON lines in on stdin, JSON lines out.
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from '@jest/globals';

const BIN = join(dirname(fileURLToPath(import.meta.url)), '..', 'bin', 'flowkit.js');

function flowkit(
  args: string[],
  stdin = '',
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(stdin);
  });
}

/** Interval counts: `requests` per arm, errors at the given rates. */
function line(t: number, share: number, canaryErrors: number, baselineErrors: number): string {
  const canary = Math.round(3000 * share);
  return JSON.stringify({
    t,
    share,
    canary: { requests: canary, errors: canaryErrors, slow: 0 },
    baseline: { requests: 3000 - canary, errors: baselineErrors, slow: 0 },
  });
}

describe('flowkit guard replay', () => {
  test('a regression is rolled back with its numbers; later lines answer rollback again; exit 0', async () => {
    const input = [
      line(60, 0.05, 1, 14),
      '',
      line(120, 0.05, 30, 15),
      line(180, 0.05, 0, 15),
      line(240, 0.05, 0, 15),
    ].join('\n');
    const { code, stdout, stderr } = await flowkit(
      ['guard', 'replay', '--steps', '5,50,100', '--duration', '30m'],
      input,
    );
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const answers = stdout
      .trim()
      .split('\n')
      .map((text) => JSON.parse(text) as { t: number; decision: string; reason: string });
    expect(answers.map((answer) => [answer.t, answer.decision])).toEqual([
      [60, 'continue'],
      [120, 'rollback'],
      [180, 'rollback'],
      [240, 'rollback'],
    ]);
    // Counts since the rollout began: the evidence accumulates.
    expect(answers[1]?.reason).toMatch(
      /^errors: canary 31\/300 \(10\.3%\) vs baseline 29\/5,700 \(0\.51%\); likelihood ratio .* ≥ 200/,
    );
    expect(Object.keys(answers[0] ?? {}).sort()).toEqual(['decision', 'reason', 't']);
  });

  test('a line that is not JSON is answered, not fatal', async () => {
    const { code, stdout } = await flowkit(['guard', 'replay'], `${line(15, 0.01, 0, 15)}\nnot json\n`);
    expect(code).toBe(0);
    const answers = stdout
      .trim()
      .split('\n')
      .map((text) => JSON.parse(text) as { decision: string; reason: string });
    expect(answers).toHaveLength(2);
    expect(answers[1]?.reason).toMatch(/line 2/);
  });

  test('--help explains the protocol; a bad option is one line and exit 2', async () => {
    const help = await flowkit(['guard', 'replay', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Usage: flowkit guard replay [options]');
    expect(help.stdout).toContain('"decision": "continue" | "advance" | "hold" | "rollback"');
    const bad = await flowkit(['guard', 'replay', '--steps', '5,1,100']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe(
      "flowkit: Input 'steps' must increase step by step: '5,1,100'. Write increasing percentages ending at 100, e.g. 'steps: 1,5,10,50,100'.\n",
    );
    const unknown = await flowkit(['guard', 'replay', '--alpha', '0.1']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/^flowkit: .*--alpha.* is not an option of this command/);
    const overview = await flowkit(['--help']);
    expect(overview.stdout).toContain('guard replay');
  });
});
