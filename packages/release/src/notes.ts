// Release notes as text: Markdown for the GitHub release, Confluence storage format (XHTML) for the page. Pure.
import type { RolloutRecord } from '@flowkit/canary/rollout/record';

/** What a release contains. */
export interface ReleaseNotes {
  /** The release's title, e.g. "dashboard 1.4.0". */
  title: string;
  tag: string;
  sha: string;
  /** The repository, owner/name. */
  repository: string;
  /** The GitHub web URL, https://github.com. */
  serverUrl: string;
  issues: { key: string; summary: string; url: string; status: string }[];
  /** Keys found in the commits that Jira does not know (or the token may not see). */
  missingIssues: string[];
  pulls: { number: number; title: string; url: string; author: string }[];
  /** What the commits were read from, e.g. "7 commit(s) since the production deployment of 1a2b3c4". */
  source: string;
  /** The canary of the production deployment, or why there is none. */
  canary: CanarySummary | { missing: string };
}

/** The canary's course, from its deployment statuses. */
export interface CanarySummary {
  outcome: 'promoted' | 'rolled-back' | 'in progress';
  steps: { weight: number; since: number }[];
  startedAt: number;
  /** The last status's description (the rollback reason, the release time). */
  last: string;
}

/** The canary summary from a rollout record. */
export function canarySummary(record: RolloutRecord, lastDescription: string): CanarySummary {
  return {
    outcome: record.outcome ?? 'in progress',
    steps: record.steps.map((step) => ({ weight: step.weight, since: step.since })),
    startedAt: record.startedAt,
    last: lastDescription.replace(/ \[flowkit\]$/, ''),
  };
}

/** One line per fact, for both formats; `safe` is applied to the text read from the deployment. */
function canaryLines(canary: ReleaseNotes['canary'], safe: (text: string) => string): string[] {
  if ('missing' in canary) return [safe(canary.missing)];
  const path = canary.steps.map((step) => `${step.weight}% (${clock(step.since)})`).join(' → ');
  return [
    `Outcome: ${canary.outcome}`,
    `Started ${iso(canary.startedAt)}; steps: ${path || 'none'}`,
    safe(canary.last),
  ];
}

/** Markdown for a GitHub release body: user text escaped so it cannot add links, mentions or HTML. */
export function renderMarkdown(notes: ReleaseNotes): string {
  const lines = [
    `Release \`${notes.sha.slice(0, 7)}\` of ${notes.repository} (${escapeMarkdown(notes.source)}).`,
    '',
  ];
  lines.push(`## Jira issues (${notes.issues.length})`, '');
  if (notes.issues.length === 0) lines.push('None found in the commits.');
  for (const issue of notes.issues) {
    lines.push(
      `- [${issue.key}](${issue.url}) ${escapeMarkdown(issue.summary)} — ${escapeMarkdown(issue.status)}`,
    );
  }
  if (notes.missingIssues.length > 0) lines.push('', `Not found in Jira: ${notes.missingIssues.join(', ')}`);
  lines.push('', `## Pull requests (${notes.pulls.length})`, '');
  if (notes.pulls.length === 0) lines.push('None found in the commits.');
  for (const pull of notes.pulls) {
    lines.push(
      `- [#${pull.number}](${pull.url}) ${escapeMarkdown(pull.title)} by ${escapeMarkdown(pull.author)}`,
    );
  }
  lines.push('', '## Canary', '', ...canaryLines(notes.canary, escapeMarkdown).map((line) => `- ${line}`));
  return `${lines.join('\n')}\n`;
}

/** Confluence storage format (XHTML): every piece of text escaped. */
export function renderStorage(notes: ReleaseNotes): string {
  const link = (url: string, label: string) => `<a href="${escapeXml(url)}">${escapeXml(label)}</a>`;
  const list = (items: string[], empty: string) =>
    items.length === 0
      ? `<p>${escapeXml(empty)}</p>`
      : `<ul>${items.map((item) => `<li>${item}</li>`).join('')}</ul>`;
  return [
    `<p>Release <code>${escapeXml(notes.sha.slice(0, 7))}</code> of ${link(`${notes.serverUrl}/${notes.repository}`, notes.repository)} (${escapeXml(notes.source)}).</p>`,
    `<h2>Jira issues (${notes.issues.length})</h2>`,
    list(
      notes.issues.map(
        (issue) => `${link(issue.url, issue.key)} ${escapeXml(issue.summary)} — ${escapeXml(issue.status)}`,
      ),
      'None found in the commits.',
    ),
    notes.missingIssues.length > 0
      ? `<p>Not found in Jira: ${escapeXml(notes.missingIssues.join(', '))}</p>`
      : '',
    `<h2>Pull requests (${notes.pulls.length})</h2>`,
    list(
      notes.pulls.map(
        (pull) =>
          `${link(pull.url, `#${pull.number}`)} ${escapeXml(pull.title)} by ${escapeXml(pull.author)}`,
      ),
      'None found in the commits.',
    ),
    '<h2>Canary</h2>',
    list(canaryLines(notes.canary, (text) => text).map(escapeXml), ''),
  ].join('');
}

/** Escapes the characters XML gives meaning to. */
export function escapeXml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/**
 * Escapes Markdown so user text stays text: HTML, links, emphasis and @mentions (a zero-width joiner after @ keeps
 * GitHub from notifying anyone).
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\\`*_{}[\]()#+!|~<>]/g, (char) => `\\${char}`)
    .replace(/&/g, '&amp;')
    .replace(/@(?=\w)/g, '@\u200d')
    .replace(/\r?\n/g, ' ');
}

function iso(ms: number): string {
  return new Date(ms).toISOString().replace('.000Z', 'Z');
}

function clock(ms: number): string {
  return new Date(ms).toISOString().slice(11, 16);
}
