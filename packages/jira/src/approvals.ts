// Release approvals: GitHub environments take one approval from any listed reviewer, but the flow wants both QA and
// product. Each of the release's issues must be in the approved status, or carry an approving comment from a member
// of every configured group (not withdrawn since by the same person).
import type { JiraApi } from './client.ts';

export interface ApprovalRules {
  /** An issue in this status is approved. */
  status?: string;
  /** Group → its members: emails or Jira account IDs (user names on Server). */
  groups: Record<string, string[]>;
  /** An approving comment starts with these words (any case). Default "approved". */
  phrase?: string;
  /** A later comment starting with these words withdraws the person's approval. Default "changes requested". */
  changesPhrase?: string;
}

export interface IssueApproval {
  key: string;
  status: string;
  /** True when every group approved, or the issue is in the approved status. */
  approved: boolean;
  /** Group → who approved for it (display name or id). */
  by: Record<string, string>;
  /** The groups still to approve (empty when approved). */
  missing: string[];
  /** Set when the issue could not be read. */
  error?: string;
}

/** A comment reduced to what approval needs. */
export interface AuthoredComment {
  author: string;
  authorName: string;
  text: string;
  /** When it was written (ISO 8601), when Jira says. */
  created?: string;
}

function startsWithWords(text: string, phrase: string): boolean {
  const words = (value: string) =>
    value
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, ' ')
      .trim();
  const head = words(text);
  const wanted = words(phrase);
  return head === wanted || head.startsWith(`${wanted} `);
}

/**
 * Which groups approved, from comments oldest first: each member's latest approving or withdrawing comment
 * counts. Pure; `members` maps each group to its members' account IDs.
 */
export function decideApproval(
  comments: AuthoredComment[],
  members: Record<string, Set<string>>,
  rules: ApprovalRules,
): { by: Record<string, string>; missing: string[] } {
  const phrase = rules.phrase ?? 'approved';
  const changes = rules.changesPhrase ?? 'changes requested';
  const latest = new Map<string, { approves: boolean; name: string }>();
  for (const comment of comments) {
    if (startsWithWords(comment.text, changes))
      latest.set(comment.author, { approves: false, name: comment.authorName });
    else if (startsWithWords(comment.text, phrase))
      latest.set(comment.author, { approves: true, name: comment.authorName });
  }
  const by: Record<string, string> = {};
  const missing: string[] = [];
  for (const [group, ids] of Object.entries(members)) {
    const approver = [...ids].map((id) => latest.get(id)).find((verdict) => verdict?.approves);
    if (approver === undefined) missing.push(group);
    else by[group] = approver.name;
  }
  return { by, missing };
}

/** Reads each issue's status and comments and decides. Unreadable issues count as not approved. */
export async function checkApprovals(
  jira: JiraApi,
  keys: readonly string[],
  rules: ApprovalRules,
): Promise<IssueApproval[]> {
  // Members given by email are looked up once.
  const members: Record<string, Set<string>> = {};
  const resolved = new Map<string, string | undefined>();
  for (const [group, list] of Object.entries(rules.groups)) {
    members[group] = new Set();
    for (const member of list) {
      if (!member.includes('@')) {
        members[group].add(member);
        continue;
      }
      if (!resolved.has(member)) resolved.set(member, (await jira.findUserByEmail(member))?.id);
      const id = resolved.get(member);
      if (id !== undefined) members[group].add(id);
    }
  }
  const results: IssueApproval[] = [];
  for (const key of keys) {
    try {
      const issue = await jira.getIssue(key);
      if (rules.status !== undefined && issue.status.toLowerCase() === rules.status.toLowerCase()) {
        results.push({
          key,
          status: issue.status,
          approved: true,
          by: { status: issue.status },
          missing: [],
        });
        continue;
      }
      const decision = decideApproval(await jira.authoredComments(key), members, rules);
      results.push({ key, status: issue.status, approved: decision.missing.length === 0, ...decision });
    } catch (error) {
      results.push({
        key,
        status: 'unknown',
        approved: false,
        by: {},
        missing: Object.keys(rules.groups),
        error: error instanceof Error ? error.message : String(error),
      });
    }
  }
  return results;
}
