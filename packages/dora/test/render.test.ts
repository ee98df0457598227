// Rendering: the markdown summary (table + Mermaid), the HTML fragment (table + SVG), the Slack text; escaping.
import { describe, expect, it } from '@jest/globals';
import { computeDora } from '../src/keys.ts';
import {
  doraHtml,
  doraSlackText,
  doraSummaryMarkdown,
  escapeMarkdown,
  formatDuration,
  mermaidString,
} from '../src/render.ts';
import { DAY, HOUR, MINUTE, WEEK } from '../src/units.ts';
import { history, T0 } from './fixtures.ts';

const week = { from: T0, to: T0 + WEEK, bucket: 'day' as const };
const result = computeDora(history, week);
const hostile = computeDora(
  { ...history, service: 'evil | <script>alert("x")</script> `[a](b)` & \'q\'\nline2' },
  week,
);
const empty = computeDora(history, { from: T0 + 30 * DAY, to: T0 + 37 * DAY, bucket: 'day' });

function mermaidBlocks(markdown: string): string[] {
  return [...markdown.matchAll(/```mermaid\n([\s\S]*?)\n```/g)].map((m) => m[1] ?? '');
}

describe('formatDuration', () => {
  it('picks the unit by size', () => {
    expect(formatDuration(45_000)).toBe('45s');
    expect(formatDuration(12 * MINUTE)).toBe('12m');
    expect(formatDuration(3 * HOUR + 5 * MINUTE)).toBe('3h 05m');
    expect(formatDuration(2 * DAY + 4 * HOUR)).toBe('2d 04h');
    expect(formatDuration(-5)).toBe('0s');
  });
});

describe('doraSummaryMarkdown', () => {
  const md = doraSummaryMarkdown(result);

  it('has a table row per key with value and band', () => {
    // Figures from keys.test.ts: 4 per week (high), lead 4h/8h (elite), CFR 3/6 (low), restore 1h (high).
    expect(md).toContain('| Deployment frequency | 4/week (4 deployments, 1 redeploy) | 🔵 high |');
    expect(md).toContain(
      '| Lead time for changes | median 4h 00m, p90 8h 00m (6 commits, 1 clock-skewed) | 🟢 elite |',
    );
    expect(md).toContain('| Change failure rate | 50% (3 of 6 deployments) | 🔴 low |');
    expect(md).toContain('| Time to restore | median 1h 00m (3 failures, 1 open) | 🔵 high |');
    expect(md).toContain('| Ticket lead time | median 1d 00h, p90 3d 00h (3 tickets, 2 unreleased) | — |');
  });

  it('has one Mermaid xychart-beta per key, leaving out buckets without data', () => {
    const blocks = mermaidBlocks(md);
    expect(blocks).toHaveLength(4);
    for (const b of blocks) expect(b.startsWith('xychart-beta\n')).toBe(true);
    expect(blocks[0]).toContain('line [1, 1, 1, 1, 0, 0, 0]');
    // Lead time per day: 4h, 2h, (none), 0h, then none: three points.
    expect(blocks[1]).toContain('x-axis ["2024-01-01", "2024-01-02", "2024-01-04"]');
    expect(blocks[1]).toContain('line [4, 2, 0]');
    expect(blocks[1]).toContain('buckets without data left out');
    expect(blocks[2]).toContain('line [50, 0, 0, 100]');
    expect(blocks[3]).toContain('line [1, 3]');
  });

  it('escapes the service name: no raw HTML, no table break, no markup', () => {
    const out = doraSummaryMarkdown(hostile);
    const heading = out.split('\n')[0] ?? '';
    expect(heading).toBe(
      '### DORA — evil \\| &lt;script&gt;alert("x")&lt;/script&gt; \\`\\[a\\](b)\\` &amp; \'q\' line2',
    );
    expect(out).not.toContain('<script');
  });

  it('an empty window says no data, never a band', () => {
    const out = doraSummaryMarkdown(empty);
    expect(out).toContain(
      '| Deployment frequency | no data (no successful deployments in the window) | ⚪ no data |',
    );
    expect(out).toContain(
      '| Change failure rate | no data (no deployments attempted in the window) | ⚪ no data |',
    );
    expect(out).not.toMatch(/🟢|🔵|🟡|🔴|elite|high|medium|low/);
    // Deployments chart the real count (0s); the other keys have nothing to chart.
    expect(mermaidBlocks(out)).toHaveLength(1);
    expect(out).toContain('_Lead time for changes (median): no data to chart._');
  });
});

describe('mermaidString / escapeMarkdown', () => {
  it('mermaidString keeps the string quoted and one line', () => {
    expect(mermaidString('a"b\n[c];#d')).toBe('"a b  c   d"');
  });
  it('escapeMarkdown neutralises links, code, emphasis and pipes', () => {
    expect(escapeMarkdown('[x](y) `z` *w* a|b')).toBe('\\[x\\](y) \\`z\\` \\*w\\* a\\|b');
  });
});

describe('doraHtml', () => {
  const html = doraHtml(result);

  it('is a self-contained fragment: table plus one inline SVG per key, no external assets', () => {
    expect(html.startsWith('<section class="flowkit-dora">')).toBe(true);
    expect(html.endsWith('</section>')).toBe(true);
    expect(html.match(/<svg /g)).toHaveLength(4);
    expect(html).not.toMatch(/<script|<link|<img|src=|href=|url\(/);
    expect(html).toContain(
      '<tr><th scope="row">Change failure rate</th><td>50% (3 of 6 deployments)</td><td>🔴 low</td></tr>',
    );
  });

  it('breaks lines at buckets without data', () => {
    // Polylines: deployments 1 run; lead [4,2,–,0,–,–,–] 2 runs; CFR [50,0,0,100,–,–,–] 1 run; restore
    // [1,–,–,3,–,–,–] 2 runs → 6.
    expect(html.match(/<polyline /g)).toHaveLength(6);
    // Deployments: 7 buckets over x 24..336 (step 52), max 1 → y 24 for 1, 96 for 0.
    expect(html).toContain('points="24,24 76,24 128,24 180,24 232,96 284,96 336,96"');
  });

  it('escapes all text', () => {
    const out = doraHtml(hostile);
    expect(out).toContain(
      '<h3>DORA — evil | &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; `[a](b)` &amp; &#39;q&#39;\nline2</h3>',
    );
    expect(out).not.toContain('<script');
  });

  it('an empty window shows no data', () => {
    const out = doraHtml(empty);
    expect(out.match(/>no data<\/text>/g)).toHaveLength(3);
    expect(out).toContain('<td>⚪ no data</td>');
  });
});

describe('doraSlackText', () => {
  it('is one line per key after a title, with bands', () => {
    expect(doraSlackText(result).split('\n')).toEqual([
      'DORA for checkout (production), 2024-01-01 to 2024-01-08',
      '- Deployment frequency: 4/week (4 deployments, 1 redeploy) [high]',
      '- Lead time for changes: median 4h 00m, p90 8h 00m (6 commits, 1 clock-skewed) [elite]',
      '- Change failure rate: 50% (3 of 6 deployments) [low]',
      '- Time to restore: median 1h 00m (3 failures, 1 open) [high]',
      '- Ticket lead time: median 1d 00h, p90 3d 00h (3 tickets, 2 unreleased)',
    ]);
  });
  it('escapes Slack control characters', () => {
    const first = doraSlackText(hostile).split('\n')[0] ?? '';
    expect(first).toContain('&lt;script&gt;');
    expect(first).toContain('&amp;');
    // A newline in the service name does not start a new line of the digest.
    expect(doraSlackText(hostile).split('\n')).toHaveLength(6);
    expect(doraSlackText(empty)).toContain(
      '- Lead time for changes: no data (no new commits reached the environment in the window) [no band]',
    );
  });
});
