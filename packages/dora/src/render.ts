// Rendering a DoraResult: GitHub job-summary markdown (table + Mermaid xychart-beta trends), a self-contained HTML
// fragment (table + inline SVG), plain text for a Slack digest. Every piece of input text is escaped.
import { escapeText } from '@flowkit/slack';
import type { Band } from './bands.ts';
import type { DoraResult, DoraSeriesPoint } from './keys.ts';
import { DAY, HOUR, MINUTE } from './units.ts';

const BAND_EMOJI: Record<Band, string> = { elite: '🟢', high: '🔵', medium: '🟡', low: '🔴' };

/** `45s`, `12m`, `3h 05m`, `2d 04h`. */
export function formatDuration(ms: number): string {
  const v = Math.max(0, Math.round(ms));
  if (v < MINUTE) return `${Math.floor(v / 1000)}s`;
  if (v < HOUR) return `${Math.floor(v / MINUTE)}m`;
  const pad = (n: number) => String(n).padStart(2, '0');
  if (v < DAY) return `${Math.floor(v / HOUR)}h ${pad(Math.floor((v % HOUR) / MINUTE))}m`;
  return `${Math.floor(v / DAY)}d ${pad(Math.floor((v % DAY) / HOUR))}h`;
}

function round(n: number, digits = 2): number {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}

function isoDate(t: number): string {
  return new Date(t).toISOString().slice(0, 10);
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

interface Row {
  key: string;
  value: string;
  band: Band | null;
  /** The key has no band (ticket lead time). */
  unbanded?: boolean;
}

function rows(r: DoraResult): Row[] {
  const df = r.deploymentFrequency;
  const lt = r.leadTime;
  const cfr = r.changeFailureRate;
  const ttr = r.timeToRestore;
  const tk = r.ticketLeadTime;
  const noData = (reason: string | null) => `no data (${reason ?? 'unknown'})`;
  return [
    {
      key: 'Deployment frequency',
      value:
        df.perDay === null || df.perWeek === null
          ? noData(df.reason)
          : `${df.perDay >= 1 ? `${round(df.perDay)}/day` : `${round(df.perWeek)}/week`} (${plural(df.count, 'deployment')}, ${plural(df.redeploys, 'redeploy')})`,
      band: r.bands.deploymentFrequency,
    },
    {
      key: 'Lead time for changes',
      value:
        lt.median === null || lt.p90 === null
          ? noData(lt.reason)
          : `median ${formatDuration(lt.median)}, p90 ${formatDuration(lt.p90)} (${plural(lt.samples, 'commit')}${lt.skewed > 0 ? `, ${lt.skewed} clock-skewed` : ''})`,
      band: r.bands.leadTime,
    },
    {
      key: 'Change failure rate',
      value:
        cfr.value === null
          ? noData(cfr.reason)
          : `${round(cfr.value * 100, 1)}% (${cfr.failedChanges} of ${plural(cfr.attempted, 'deployment')})`,
      band: r.bands.changeFailureRate,
    },
    {
      key: 'Time to restore',
      value:
        ttr.median === null
          ? `${noData(ttr.reason)}${ttr.open > 0 ? `, ${ttr.open} open` : ''}`
          : `median ${formatDuration(ttr.median)} (${plural(ttr.failures, 'failure')}, ${ttr.open} open)`,
      band: r.bands.timeToRestore,
    },
    {
      key: 'Ticket lead time',
      value:
        tk.median === null || tk.p90 === null
          ? noData(tk.reason)
          : `median ${formatDuration(tk.median)}, p90 ${formatDuration(tk.p90)} (${plural(tk.samples, 'ticket')}, ${tk.unreleased} unreleased)`,
      band: null,
      unbanded: true,
    },
  ];
}

interface Trend {
  title: string;
  unit: string;
  values: (number | null)[];
}

function trends(r: DoraResult): Trend[] {
  const s = r.series;
  const hours = (ms: number | null) => (ms === null ? null : round(ms / HOUR));
  return [
    { title: 'Deployments', unit: 'deployments', values: s.map((p) => p.deploymentFrequency.count) },
    {
      title: 'Lead time for changes (median)',
      unit: 'hours',
      values: s.map((p) => hours(p.leadTime.median)),
    },
    {
      title: 'Change failure rate',
      unit: '%',
      values: s.map((p) =>
        p.changeFailureRate.value === null ? null : round(p.changeFailureRate.value * 100, 1),
      ),
    },
    { title: 'Time to restore (median)', unit: 'hours', values: s.map((p) => hours(p.timeToRestore.median)) },
  ];
}

function bucketWord(r: DoraResult): string {
  return r.bucket === 'day' ? 'day' : r.bucket === 'week' ? 'week' : 'month';
}

// ---------------------------------------------------------------------------------------------------------------
// Markdown

/** Escapes text for a markdown paragraph or table cell on GitHub: no HTML, no markup, no cell breaks. */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\r\n]+/g, ' ')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/([\\`*_[\]|#~])/g, '\\$1');
}

/** Text safe inside a Mermaid double-quoted string (Mermaid has no escape for `"`; unsafe characters become spaces). */
export function mermaidString(text: string): string {
  return `"${text.replace(/["`\\<>{}[\];#\r\n]/g, ' ')}"`;
}

function mermaidChart(trend: Trend, labels: string[], bucket: string): string {
  const points = trend.values.flatMap((v, i) => (v === null ? [] : [{ label: labels[i] ?? '', value: v }]));
  if (points.length === 0) return `_${escapeMarkdown(trend.title)}: no data to chart._`;
  const skipped = points.length < trend.values.length ? ' (buckets without data left out)' : '';
  const max = Math.max(...points.map((p) => p.value));
  return [
    '```mermaid',
    'xychart-beta',
    `  title ${mermaidString(`${trend.title} per ${bucket}${skipped}`)}`,
    `  x-axis [${points.map((p) => mermaidString(p.label)).join(', ')}]`,
    `  y-axis ${mermaidString(trend.unit)} 0 --> ${max > 0 ? max : 1}`,
    `  line [${points.map((p) => String(p.value)).join(', ')}]`,
    '```',
  ].join('\n');
}

/** A GitHub job-summary section: a table of the keys with bands, then one Mermaid trend chart per key. */
export function doraSummaryMarkdown(result: DoraResult): string {
  const out = [
    `### DORA — ${escapeMarkdown(result.service)}`,
    '',
    `${escapeMarkdown(result.environment)}, ${isoDate(result.from)} to ${isoDate(result.to)} (end exclusive)`,
    '',
    '| Key | Value | Band |',
    '| --- | --- | --- |',
    ...rows(result).map(
      (row) =>
        `| ${row.key} | ${escapeMarkdown(row.value)} | ${row.unbanded ? '—' : row.band === null ? '⚪ no data' : `${BAND_EMOJI[row.band]} ${row.band}`} |`,
    ),
  ];
  const labels = result.series.map((p) => p.label);
  for (const trend of trends(result)) out.push('', mermaidChart(trend, labels, bucketWord(result)));
  return `${out.join('\n')}\n`;
}

// ---------------------------------------------------------------------------------------------------------------
// HTML

/** Escapes text for HTML element content and double- or single-quoted attribute values. */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

const W = 360;
const H = 120;
const PAD = 24;

function svgChart(trend: Trend, series: DoraSeriesPoint[]): string {
  const n = trend.values.length;
  const known = trend.values.filter((v): v is number => v !== null);
  const max = known.length === 0 ? 1 : Math.max(1e-9, ...known);
  const x = (i: number) => round(n <= 1 ? W / 2 : PAD + (i * (W - 2 * PAD)) / (n - 1));
  const y = (v: number) => round(H - PAD - (v / max) * (H - 2 * PAD));
  // Null values break the line: each run of known values is its own polyline.
  const runs: string[][] = [];
  let run: string[] = [];
  const dots: string[] = [];
  trend.values.forEach((v, i) => {
    if (v === null) {
      if (run.length > 0) runs.push(run);
      run = [];
      return;
    }
    run.push(`${x(i)},${y(v)}`);
    const label = series[i]?.label ?? '';
    dots.push(
      `<circle cx="${x(i)}" cy="${y(v)}" r="2.5" fill="#0969da"><title>${escapeHtml(`${label}: ${v} ${trend.unit}`)}</title></circle>`,
    );
  });
  if (run.length > 0) runs.push(run);
  const lines = runs.map(
    (r) => `<polyline fill="none" stroke="#0969da" stroke-width="2" points="${r.join(' ')}"/>`,
  );
  const first = series[0]?.label ?? '';
  const last = series[series.length - 1]?.label ?? '';
  const caption = `${trend.title} (${trend.unit}), max ${known.length === 0 ? 'n/a' : round(max)}`;
  return [
    `<figure><figcaption>${escapeHtml(caption)}</figcaption>`,
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" role="img" aria-label="${escapeHtml(caption)}">`,
    `<line x1="${PAD}" y1="${H - PAD}" x2="${W - PAD}" y2="${H - PAD}" stroke="#8c959f"/>`,
    ...lines,
    ...dots,
    known.length === 0
      ? `<text x="${W / 2}" y="${H / 2}" text-anchor="middle" font-size="12">no data</text>`
      : '',
    `<text x="${PAD}" y="${H - 6}" font-size="10">${escapeHtml(first)}</text>`,
    `<text x="${W - PAD}" y="${H - 6}" font-size="10" text-anchor="end">${escapeHtml(last)}</text>`,
    '</svg></figure>',
  ]
    .filter((s) => s !== '')
    .join('\n');
}

/** A self-contained HTML fragment: the key table and an inline SVG trend line per key (no external assets). */
export function doraHtml(result: DoraResult): string {
  const tableRows = rows(result).map(
    (row) =>
      `<tr><th scope="row">${escapeHtml(row.key)}</th><td>${escapeHtml(row.value)}</td><td>${
        row.unbanded
          ? '—'
          : row.band === null
            ? '⚪ no data'
            : `${BAND_EMOJI[row.band]} ${escapeHtml(row.band)}`
      }</td></tr>`,
  );
  return [
    '<section class="flowkit-dora">',
    `<h3>DORA — ${escapeHtml(result.service)}</h3>`,
    `<p>${escapeHtml(`${result.environment}, ${isoDate(result.from)} to ${isoDate(result.to)} (end exclusive), per ${bucketWord(result)}`)}</p>`,
    '<table><thead><tr><th>Key</th><th>Value</th><th>Band</th></tr></thead><tbody>',
    ...tableRows,
    '</tbody></table>',
    ...trends(result).map((t) => svgChart(t, result.series)),
    '</section>',
  ].join('\n');
}

// ---------------------------------------------------------------------------------------------------------------
// Slack

/** Plain-text lines for a weekly digest. `&`, `<`, `>` are escaped as Slack requires for message text. */
export function doraSlackText(result: DoraResult): string {
  const esc = (s: string) => escapeText(s.replace(/[\r\n]+/g, ' '));
  return [
    esc(
      `DORA for ${result.service} (${result.environment}), ${isoDate(result.from)} to ${isoDate(result.to)}`,
    ),
    ...rows(result).map((row) =>
      esc(`- ${row.key}: ${row.value}${row.unbanded ? '' : ` [${row.band ?? 'no band'}]`}`),
    ),
  ].join('\n');
}
