import { expect, test } from '@jest/globals';
import { type RoutableTicket, type RoutingRule, routeTicket } from '../src/routing.ts';

const rules: RoutingRule[] = [
  {
    name: 'dashboard',
    match: { project: ['JIRA'], summary: 'dashboard|widget' },
    team: 'frontend',
    labels: ['team-frontend', 'service-dashboard'],
  },
  { name: 'urgent', match: { priority: ['High', 'Highest'] }, labels: ['priority-high'] },
  { name: 'payments', match: { components: ['payments'] }, team: 'payments', labels: ['team-payments'] },
  { name: 'catch-all', match: {}, team: 'triage' },
];

const seed: RoutableTicket = {
  project: 'JIRA',
  issueType: 'Story',
  components: [],
  labels: [],
  priority: 'High',
  summary:
    '[FEAT] As a user, I want to see my top 5 active deployments on a dashboard so I can monitor them at a glance.',
};

test('the seed ticket: team frontend, tagged team-frontend, priority-high, service-dashboard', () => {
  const routing = routeTicket(seed, rules);
  expect(routing.team).toBe('frontend');
  expect(routing.labelsToAdd).toEqual(['team-frontend', 'service-dashboard', 'priority-high']);
  expect(routing.explanation).toBe(
    "Team frontend (rule 'dashboard'); matched 'dashboard' (project JIRA, summary matches /dashboard|widget/); 'urgent' (priority High); 'catch-all' (always).",
  );
});

test('the first rule with a team decides; labels the ticket has are not added again', () => {
  const routing = routeTicket(
    { ...seed, summary: 'Refunds', components: ['Payments'], labels: ['PRIORITY-HIGH'] },
    rules,
  );
  expect(routing.team).toBe('payments');
  expect(routing.labelsToAdd).toEqual(['team-payments']);
});

test('no rule matches: no team, nothing to add', () => {
  expect(
    routeTicket({ ...seed, project: 'OPS', summary: 'Rotate logs', priority: 'Low' }, rules.slice(0, 3)),
  ).toMatchObject({
    team: undefined,
    labelsToAdd: [],
    explanation: 'No routing rule matched.',
  });
});

test('hostile summaries are only tested, never interpreted', () => {
  const routing = routeTicket(
    { ...seed, summary: '${{ secrets.X }} <!channel> "dashboard"\n$(rm -rf /)' },
    rules,
  );
  expect(routing.team).toBe('frontend');
});
