// One JQL search, every page up to a bound: Jira Cloud pages /search/jql with nextPageToken, Server/Data Center
// /search with startAt; pages of 100 (Jira's largest).
import type { JiraDeployment, JiraTransport } from './transport.ts';

/** Jira's largest page for a search. */
export const JQL_PAGE = 100;

/** The issues `jql` selects, at most `maxIssues` (one request per 100), as Jira returns them (`T` their shape). */
export async function searchJql<T extends { key?: string }>(
  transport: JiraTransport,
  deployment: JiraDeployment,
  search: { jql: string; fields: readonly string[]; maxIssues: number },
): Promise<T[]> {
  const found: T[] = [];
  const fields = [...search.fields];
  if (deployment === 'cloud') {
    // Jira Cloud removed /search (410): /search/jql pages with nextPageToken.
    let nextPageToken: string | undefined;
    do {
      const page = (await transport.sendRequest({
        url: '/rest/api/3/search/jql',
        method: 'POST',
        body: {
          jql: search.jql,
          fields,
          maxResults: Math.min(JQL_PAGE, search.maxIssues - found.length),
          nextPageToken,
        },
      })) as { issues?: T[]; nextPageToken?: string };
      found.push(...(page.issues ?? []));
      nextPageToken = page.nextPageToken || undefined;
    } while (nextPageToken !== undefined && found.length < search.maxIssues);
  } else {
    // Server/Data Center has only /search (the transport sends it to REST v2), paged with startAt.
    for (let startAt = 0; found.length < search.maxIssues; startAt += JQL_PAGE) {
      const page = (await transport.sendRequest({
        url: '/rest/api/3/search',
        method: 'POST',
        body: {
          jql: search.jql,
          fields,
          startAt,
          maxResults: Math.min(JQL_PAGE, search.maxIssues - found.length),
        },
      })) as { issues?: T[]; total?: number };
      const issues = page.issues ?? [];
      found.push(...issues);
      if (issues.length === 0 || startAt + issues.length >= (page.total ?? 0)) break;
    }
  }
  return found.slice(0, search.maxIssues);
}
