// Finds Jira issue keys (JIRA-1234) in branch names, PR titles and bodies, and commit messages.

/** Where to look, and which projects count. */
export interface KeySources {
  /** Branch names; matched case-insensitively when projects are known (feature/jira-1234-widget). */
  branches?: string[];
  /** PR titles and bodies, commit messages: keys must be written in capitals, as Jira writes them. */
  texts?: string[];
  /** Project keys that count (JIRA, DASH). Without them any KEY-123 counts, so UTF-8 would too. */
  projects?: string[];
}

// A project key starts with a letter and has 2–10 letters, digits or underscores; the number has no leading zero.
// Neither side may touch another letter or digit, so "XUTF-8" and "JIRA-12a" are not keys.
const KEY = /(?<![A-Za-z0-9_])([A-Za-z][A-Za-z0-9_]{1,9})-([1-9]\d{0,9})(?![A-Za-z0-9])/g;

/** Every issue key in the sources, deduplicated, in order of first appearance. */
export function findIssueKeys(sources: KeySources): string[] {
  const projects = new Set((sources.projects ?? []).map((project) => project.toUpperCase()));
  const found = new Set<string>();
  const scan = (text: string, anyCase: boolean) => {
    for (const match of text.matchAll(KEY)) {
      const [, project = '', number = ''] = match;
      if (!anyCase && project !== project.toUpperCase()) continue;
      const key = `${project.toUpperCase()}-${number}`;
      if (projects.size > 0 && !projects.has(project.toUpperCase())) continue;
      found.add(key);
    }
  };
  for (const branch of sources.branches ?? []) scan(branch, projects.size > 0);
  for (const text of sources.texts ?? []) scan(text, false);
  return [...found];
}

/** True for text shaped like one issue key. */
export function isIssueKey(text: string): boolean {
  return /^[A-Z][A-Z0-9_]{1,9}-[1-9]\d{0,9}$/.test(text);
}
