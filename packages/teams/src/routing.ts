// Which team a ticket belongs to and which labels it gets, from the routing rules in the config. Pure.

/** A routing rule, as `.github/flowkit.yml` lists them under `routing`. Every given criterion must hold. */
export interface RoutingRule {
  name?: string;
  match: {
    project?: string[];
    'issue-type'?: string[];
    components?: string[];
    labels?: string[];
    priority?: string[];
    /** A regular expression tested against the summary, case-insensitively. */
    summary?: string;
  };
  /** The team that owns matching tickets; the first matching rule with a team decides. */
  team?: string;
  /** Labels every matching rule adds. */
  labels?: string[];
}

/** What routing reads of a ticket. */
export interface RoutableTicket {
  project: string;
  issueType: string;
  components: string[];
  labels: string[];
  priority: string;
  summary: string;
}

/** The routing decision, with the rules behind it. */
export interface Routing {
  team: string | undefined;
  /** Labels to add: those the matching rules give that the ticket does not have yet. */
  labelsToAdd: string[];
  matched: { rule: string; because: string[] }[];
  explanation: string;
}

/** Applies every rule to the ticket. */
export function routeTicket(ticket: RoutableTicket, rules: readonly RoutingRule[]): Routing {
  let team: string | undefined;
  let teamRule = '';
  const labels = new Set<string>();
  const matched: Routing['matched'] = [];
  rules.forEach((rule, index) => {
    const because = matches(ticket, rule.match);
    if (because === undefined) return;
    const name = rule.name ?? `rule ${index + 1}`;
    matched.push({ rule: name, because });
    for (const label of rule.labels ?? []) labels.add(label);
    if (team === undefined && rule.team !== undefined) {
      team = rule.team;
      teamRule = name;
    }
  });
  const have = new Set(ticket.labels.map((label) => label.toLowerCase()));
  const labelsToAdd = [...labels].filter((label) => !have.has(label.toLowerCase()));
  const explanation =
    matched.length === 0
      ? 'No routing rule matched.'
      : `${team === undefined ? 'No rule names a team' : `Team ${team} (rule '${teamRule}')`}; matched ${matched
          .map((entry) => `'${entry.rule}' (${entry.because.join(', ') || 'always'})`)
          .join('; ')}.`;
  return { team, labelsToAdd, matched, explanation };
}

/** The reasons a rule's criteria hold, or undefined when one does not. */
function matches(ticket: RoutableTicket, match: RoutingRule['match']): string[] | undefined {
  const because: string[] = [];
  const oneOf = (wanted: string[] | undefined, have: string[], what: string): boolean => {
    if (wanted === undefined) return true;
    const lower = new Set(have.map((value) => value.toLowerCase()));
    const hit = wanted.find((value) => lower.has(value.toLowerCase()));
    if (hit === undefined) return false;
    because.push(`${what} ${hit}`);
    return true;
  };
  const ok =
    oneOf(match.project, [ticket.project], 'project') &&
    oneOf(match['issue-type'], [ticket.issueType], 'type') &&
    oneOf(match.components, ticket.components, 'component') &&
    oneOf(match.labels, ticket.labels, 'label') &&
    oneOf(match.priority, [ticket.priority], 'priority');
  if (!ok) return undefined;
  if (match.summary !== undefined) {
    if (!new RegExp(match.summary, 'i').test(ticket.summary)) return undefined;
    because.push(`summary matches /${match.summary}/`);
  }
  return because;
}
