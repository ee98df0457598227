// The demo's report page: a pure function of the recorded run, one self-contained HTML file (inline CSS and SVG).
import { escapeHtml } from '@flowkit/dora';
import type { CanaryRun, DemoRecord, RecordedMessage } from './record.ts';

const WIDTH = 640;
const HEIGHT = 220;
const PAD = { left: 44, right: 12, top: 12, bottom: 28 };

function time(at: number, startedAt: number): string {
  const seconds = Math.max(0, Math.round((at - startedAt) / 1000));
  return `${String(Math.floor(seconds / 60)).padStart(2, '0')}:${String(seconds % 60).padStart(2, '0')}`;
}

/** A polyline's points for `values` (percent, 0–100) over `ts` (seconds); gaps (null) split the line. */
function lines(ts: number[], values: (number | null)[], maxT: number, step: boolean): string[] {
  const x = (t: number) => PAD.left + (t / maxT) * (WIDTH - PAD.left - PAD.right);
  const y = (v: number) =>
    PAD.top + (1 - Math.min(100, Math.max(0, v)) / 100) * (HEIGHT - PAD.top - PAD.bottom);
  const runs: string[][] = [[]];
  values.forEach((value, i) => {
    const t = ts[i] ?? 0;
    const current = runs.at(-1) as string[];
    if (value === null) {
      if (current.length > 0) runs.push([]);
      return;
    }
    const previous = i > 0 ? values[i - 1] : null;
    if (step && previous !== null && previous !== undefined && previous !== value && current.length > 0)
      current.push(`${x(t).toFixed(1)},${y(previous).toFixed(1)}`);
    current.push(`${x(t).toFixed(1)},${y(value).toFixed(1)}`);
  });
  return runs.filter((run) => run.length > 0).map((run) => run.join(' '));
}

/** An inline SVG chart of one rollout: the canary's weight and both arms' error rates, in percent over seconds. */
export function canaryChart(run: CanaryRun, index: number): string {
  const ts = run.samples.map((sample) => sample.t);
  const maxT = Math.max(1, ...ts);
  const series = [
    { name: 'canary weight', colour: '#2563eb', values: run.samples.map((s) => s.weight), step: true },
    {
      name: `${run.version} error rate`,
      colour: '#dc2626',
      values: run.samples.map((s) => (s.canaryErrorRate === null ? null : s.canaryErrorRate * 100)),
      step: false,
    },
    {
      name: 'stable error rate',
      colour: '#16a34a',
      values: run.samples.map((s) => (s.stableErrorRate === null ? null : s.stableErrorRate * 100)),
      step: false,
    },
  ];
  const grid = [0, 25, 50, 75, 100].map((v) => {
    const y = PAD.top + (1 - v / 100) * (HEIGHT - PAD.top - PAD.bottom);
    return `<line x1="${PAD.left}" x2="${WIDTH - PAD.right}" y1="${y}" y2="${y}" stroke="#e5e7eb"/><text x="${PAD.left - 6}" y="${y + 4}" text-anchor="end">${v}%</text>`;
  });
  const polylines = series.flatMap((s) =>
    lines(ts, s.values, maxT, s.step).map(
      (points) =>
        `<polyline class="series" data-series="${escapeHtml(s.name)}" fill="none" stroke="${s.colour}" stroke-width="2" points="${points}"/>`,
    ),
  );
  const legend = series
    .map(
      (s, i) =>
        `<g transform="translate(${PAD.left + 8 + i * 190},${HEIGHT - 8})"><rect width="10" height="10" y="-9" fill="${s.colour}"/><text x="14">${escapeHtml(s.name)}</text></g>`,
    )
    .join('');
  const title = `Rollout ${index + 1}: ${run.version} — ${run.result}`;
  return [
    `<figure class="chart" data-rollout="${index + 1}" data-result="${escapeHtml(run.result)}">`,
    `<figcaption>${escapeHtml(title)}${run.reason === '' ? '' : `: ${escapeHtml(run.reason)}`}</figcaption>`,
    `<svg xmlns="http://www.w3.org/2000/svg" role="img" width="${WIDTH}" height="${HEIGHT}" viewBox="0 0 ${WIDTH} ${HEIGHT}" font-size="10" font-family="sans-serif">`,
    `<title>${escapeHtml(title)}</title>`,
    ...grid,
    `<text x="${WIDTH - PAD.right}" y="${HEIGHT - PAD.bottom + 12}" text-anchor="end">${maxT.toFixed(0)} s</text>`,
    ...polylines,
    legend,
    '</svg>',
    '</figure>',
  ].join('\n');
}

function slackSection(messages: RecordedMessage[]): string {
  const tops = messages.filter((m) => m.threadTs === undefined || m.threadTs === m.ts);
  const item = (m: RecordedMessage) =>
    `<div class="message"><pre>${escapeHtml(m.text)}</pre>${m.edited ? '<small>(updated in place: its final content)</small>' : ''}</div>`;
  return tops
    .map((top) => {
      const replies = messages.filter((m) => m.threadTs === top.ts && m.ts !== top.ts);
      return `<li>${item(top)}${replies.length === 0 ? '' : `<ul class="thread">${replies.map((r) => `<li>${item(r)}</li>`).join('')}</ul>`}</li>`;
    })
    .join('\n');
}

function releaseSection(release: DemoRecord['release']): string {
  if (release === undefined) return '<p>None: no version was promoted.</p>';
  const link = (url: string, text: string) =>
    url === '' ? escapeHtml(text) : `<a href="${escapeHtml(url)}">${escapeHtml(text)}</a>`;
  return [
    `<p>GitHub release ${link(release.url, release.tag)}: ${escapeHtml(release.issues.join(', ') || 'no ticket')}.</p>`,
    `<p>Confluence page: ${release.pageUrl === '' ? 'none' : link(release.pageUrl, release.pageUrl)}.</p>`,
  ].join('\n');
}

const STYLE = `body{font:14px/1.45 system-ui,sans-serif;margin:2rem auto;max-width:980px;color:#111827;padding:0 1rem}
h1{font-size:1.5rem}h2{margin-top:2rem;border-bottom:1px solid #e5e7eb}table{border-collapse:collapse;width:100%}
td,th{border-bottom:1px solid #f3f4f6;padding:.25rem .5rem;text-align:left;vertical-align:top}
.done{color:#15803d}.failed{color:#b91c1c}.info{color:#6b7280}pre{white-space:pre-wrap;margin:0;font:13px/1.4 ui-monospace,monospace}
.message{background:#f9fafb;border-left:3px solid #6366f1;padding:.4rem .6rem;margin:.3rem 0}.thread{list-style:none;padding-left:1.5rem}
ul{list-style:none;padding-left:0}figure{margin:1rem 0}.ok{color:#15803d}.bad{color:#b91c1c}`;

/** The whole page. Everything in it comes from `record`; all recorded text is escaped. */
export function renderReport(record: DemoRecord): string {
  const minutes = ((record.finishedAt - record.startedAt) / 60_000).toFixed(1);
  const timeline = record.timeline
    .map(
      (e) =>
        `<tr class="${e.kind}"><td>${time(e.at, record.startedAt)}</td><td>${escapeHtml(e.step)}</td><td>${escapeHtml(e.text)}</td></tr>`,
    )
    .join('\n');
  const jira = record.jira
    .map(
      (c) =>
        `<tr><td>${time(c.at, record.startedAt)}</td><td>${escapeHtml(c.kind)}</td><td>${escapeHtml(c.text)}${c.detail === undefined ? '' : `<pre>${escapeHtml(c.detail)}</pre>`}</td></tr>`,
    )
    .join('\n');
  const services = Object.entries(record.services)
    .map(([name, what]) => `<li><b>${escapeHtml(name)}</b>: ${escapeHtml(what)}</li>`)
    .join('');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Flowkit demo${record.ticket.key === '' ? '' : ` — ${escapeHtml(record.ticket.key)}`}</title>
<style>${STYLE}</style>
</head>
<body>
<h1>Flowkit demo${record.ticket.key === '' ? '' : `: ${escapeHtml(record.ticket.key)}`}</h1>
<p>${escapeHtml(record.ticket.summary)}</p>
<p id="outcome" class="${record.ok ? 'ok' : 'bad'}">${record.ok ? 'The whole flow ran' : 'The flow stopped early'} in ${minutes} minutes, ${escapeHtml(new Date(record.startedAt).toISOString())}.${record.stagingUrl === undefined ? '' : ` Staging was ${escapeHtml(record.stagingUrl)}.`}</p>
<ul>${services}</ul>
<h2>Timeline</h2>
<table id="timeline"><thead><tr><th>Time</th><th>Step</th><th>What happened</th></tr></thead><tbody>
${timeline}
</tbody></table>
<h2>Canary rollouts</h2>
<section id="canaries">
${record.canaries.length === 0 ? '<p>No rollout ran.</p>' : record.canaries.map(canaryChart).join('\n')}
</section>
<h2>Slack, as the channel shows it at the end</h2>
<p>The ticket's first message is its living card, updated in place at every stage; its thread holds one entry per stage change.</p>
<ul id="slack">
${slackSection(record.slack)}
</ul>
<h2>Jira history${record.ticket.key === '' ? '' : ` of ${escapeHtml(record.ticket.key)}`}</h2>
<table id="jira"><thead><tr><th>Time</th><th>Change</th><th></th></tr></thead><tbody>
${jira}
</tbody></table>
<h2>Release notes</h2>
<section id="release">
${releaseSection(record.release)}
</section>
<h2>DORA</h2>
<section id="dora">
${record.dora === undefined ? '<p>Not computed: the flow stopped before the release.</p>' : record.dora.html}
</section>
</body>
</html>
`;
}
