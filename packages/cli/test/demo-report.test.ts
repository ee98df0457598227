// The report page as a pure function of a recorded run: sections, charts, escaping, nothing fetched from anywhere.
import { describe, expect, test } from '@jest/globals';
import type { DemoRecord } from '../src/demo/record.ts';
import { canaryChart, renderReport } from '../src/demo/report.ts';

const T0 = Date.parse('2026-11-28T06:00:00Z');

function record(overrides: Partial<DemoRecord> = {}): DemoRecord {
  return {
    startedAt: T0,
    finishedAt: T0 + 90_000,
    ok: true,
    ticket: { key: 'JIRA-1234', summary: 'Top 5 <b>active</b> deployments' },
    services: { Jira: 'emulator' },
    timeline: [
      { at: T0, step: 'intake', kind: 'start', text: 'A Jira ticket arrives' },
      { at: T0 + 1000, step: 'intake', kind: 'done', text: 'labelled team-frontend' },
      { at: T0 + 65_000, step: 'canary-faulty', kind: 'done', text: 'rolled back: errors 9/30' },
    ],
    slack: [
      { channel: 'devops-team-frontend', ts: '1.0', threadTs: '1.0', text: 'New ticket', edited: false },
      {
        channel: 'devops-team-frontend',
        ts: '2.0',
        threadTs: '1.0',
        text: '<script>alert(1)</script>',
        edited: true,
      },
    ],
    jira: [
      { at: T0 + 2000, kind: 'status', text: 'To Do → In Progress' },
      { at: T0 + 3000, kind: 'comment', text: 'Quinn QA', detail: 'Approved & shipped' },
    ],
    canaries: [
      {
        version: '1.1.0',
        result: 'rolled-back',
        reason: 'errors: canary 9/30',
        samples: [
          { t: 0, weight: 0, canaryErrorRate: null, stableErrorRate: null },
          { t: 1, weight: 10, canaryErrorRate: 0.3, stableErrorRate: 0 },
          { t: 2, weight: 10, canaryErrorRate: null, stableErrorRate: 0 },
          { t: 3, weight: 10, canaryErrorRate: 0.5, stableErrorRate: 0 },
          { t: 4, weight: 0, canaryErrorRate: null, stableErrorRate: null },
        ],
      },
    ],
    dora: { text: 'DORA', html: '<section class="flowkit-dora"><svg></svg></section>' },
    stagingUrl: 'http://127.0.0.1:4000',
    ...overrides,
  };
}

describe('renderReport', () => {
  test('one self-contained page: no script, no external asset, all recorded text escaped', () => {
    const page = renderReport(record());
    expect(page).toMatch(/^<!doctype html>/);
    expect(page).not.toMatch(/<script|<link|\ssrc=|\shref=|@import|url\(/i);
    expect(page).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(page).toContain('Top 5 &lt;b&gt;active&lt;/b&gt; deployments');
    expect(page).toContain('Approved &amp; shipped');
    expect(page).toContain('<section class="flowkit-dora"><svg></svg></section>');
  });

  test('the timeline has one row per event, classed by kind, at its offset from the start', () => {
    const page = renderReport(record());
    const rows = page.match(/<tr class="(start|done|failed|info)">/g) ?? [];
    expect(rows).toEqual(['<tr class="start">', '<tr class="done">', '<tr class="done">']);
    expect(page).toContain('<td>01:05</td><td>canary-faulty</td><td>rolled back: errors 9/30</td>');
    expect(page).toContain('in 1.5 minutes');
  });

  test('a reply sits in its parent’s thread', () => {
    const page = renderReport(record());
    expect(page).toMatch(
      /New ticket<\/pre><\/div><ul class="thread"><li><div class="message"><pre>&lt;script/,
    );
  });

  test('a stopped run says so and shows what it has', () => {
    const page = renderReport(record({ ok: false, canaries: [], dora: undefined }));
    expect(page).toContain('The flow stopped early');
    expect(page).toContain('No rollout ran.');
    expect(page).toContain('Not computed: the flow stopped before the release.');
  });
});

describe('canaryChart', () => {
  test('weight as a step line; an error rate with a gap is two lines; axes in percent', () => {
    const chart = canaryChart(record().canaries[0] as DemoRecord['canaries'][number], 0);
    expect(chart).toContain('data-rollout="1" data-result="rolled-back"');
    const series = [...chart.matchAll(/data-series="([^"]+)"[^>]*points="([^"]+)"/g)].map((m) => [
      m[1],
      (m[2] as string).split(' ').length,
    ]);
    expect(series).toEqual([
      // 5 samples, and a corner at each of the 2 changes of weight.
      ['canary weight', 7],
      ['1.1.0 error rate', 1],
      ['1.1.0 error rate', 1],
      ['stable error rate', 3],
    ]);
    // x: 0 s at the left edge (44), 4 s at the right (628); y: 100% at the top (12), 0% at the bottom (192).
    expect(chart).toContain('points="44.0,192.0 190.0,192.0 190.0,174.0');
    expect(chart).toContain('>100%</text>');
    expect(chart).toContain('>4 s</text>');
  });
});
