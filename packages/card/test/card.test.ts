// The card's pure decisions: merging what runs saw, the stage, thread entries, who is next, the rendering.
import { defaultConfig, type FlowkitConfig } from '@flowkit/core';
import { describe, expect, test } from '@jest/globals';
import {
  type CardFacts,
  type CardState,
  decideStage,
  handoffPeople,
  includesFacts,
  mergeFacts,
  renderCard,
  renderEntry,
  threadEntryFor,
} from '../src/index.ts';

const SHA = 'a'.repeat(40);

function state(facts: CardFacts, extra: Partial<CardState> = {}): CardState {
  return {
    key: 'JIRA-1234',
    ticketUrl: 'https://acme.atlassian.net/browse/JIRA-1234',
    summary: 'Top 5 deployments',
    status: 'In Progress',
    statusCategory: 'indeterminate',
    labels: [],
    facts,
    ...extra,
  };
}

describe('mergeFacts', () => {
  test('two jobs of one commit reporting in either order both stay', () => {
    const test1: CardFacts = {
      ci: { sha: SHA, jobs: [{ name: 'test', result: 'success' }], at: '2026-11-28T01:00:00Z' },
    };
    const lint: CardFacts = {
      ci: { sha: SHA, jobs: [{ name: 'lint', result: 'failure' }], at: '2026-11-28T01:00:01Z' },
    };
    const one = mergeFacts(mergeFacts({}, test1), lint);
    const other = mergeFacts(mergeFacts({}, lint), test1);
    expect(one.ci?.jobs).toEqual([
      { name: 'lint', result: 'failure' },
      { name: 'test', result: 'success' },
    ]);
    expect(other).toEqual(one);
    expect(includesFacts(one, test1)).toBe(true);
    expect(includesFacts(mergeFacts({}, lint), test1)).toBe(false);
  });

  test('a newer commit replaces the older CI; an older one arriving late does not', () => {
    const old: CardFacts = {
      ci: { sha: SHA, jobs: [{ name: 'test', result: 'failure' }], at: '2026-11-28T01:00:00Z' },
    };
    const fresh: CardFacts = {
      ci: { sha: 'b'.repeat(40), jobs: [{ name: 'test', result: 'success' }], at: '2026-11-28T02:00:00Z' },
    };
    expect(mergeFacts(mergeFacts({}, old), fresh).ci?.sha).toBe('b'.repeat(40));
    expect(mergeFacts(mergeFacts({}, fresh), old).ci?.sha).toBe('b'.repeat(40));
  });

  test('changes requested drops the rejected staging; a later push clears the request', () => {
    const staged = mergeFacts({}, { staging: { deploymentId: 7, at: '2026-11-28T01:00:00Z' } });
    const rejected = mergeFacts(staged, { changesRequested: { by: 'Quinn', at: '2026-11-28T02:00:00Z' } });
    expect(rejected.staging).toBeUndefined();
    expect(rejected.changesRequested?.by).toBe('Quinn');
    const pushed = mergeFacts(rejected, {
      ci: { sha: SHA, jobs: [{ name: 'test', result: 'success' }], at: '2026-11-28T03:00:00Z' },
    });
    expect(pushed.changesRequested).toBeUndefined();
  });
});

describe('decideStage and thread entries', () => {
  test('each stage of the flow, furthest fact first', () => {
    expect(decideStage(state({}, { statusCategory: 'new' }))).toBe('triaged');
    expect(decideStage(state({ branch: 'JIRA-1234-top' }))).toBe('in-progress');
    const ci = { sha: SHA, jobs: [{ name: 'test', result: 'success' }], at: 'x' };
    expect(decideStage(state({ ci }))).toBe('ci');
    const staging = { id: 7, state: 'success', url: 'https://staging.example.com' };
    expect(decideStage(state({ ci }, { staging }))).toBe('staging');
    const waiting = { approved: false, by: { qa: 'Quinn' }, missing: ['product'] };
    expect(decideStage(state({ ci }, { staging, approval: waiting }))).toBe('awaiting-approval');
    expect(decideStage(state({ ci }, { staging, approval: { approved: true, by: {}, missing: [] } }))).toBe(
      'approved',
    );
    expect(decideStage(state({}, { production: { id: 9, state: 'in_progress', weight: 5 } }))).toBe('canary');
    expect(decideStage(state({}, { production: { id: 9, state: 'success', outcome: 'promoted' } }))).toBe(
      'released',
    );
    expect(decideStage(state({}, { production: { id: 9, state: 'failure', outcome: 'rolled-back' } }))).toBe(
      'rolled-back',
    );
    expect(decideStage(state({ changesRequested: { at: 'x' } }, { staging }))).toBe('changes-requested');
  });

  test('handoffs go to approvers, the assignee and on-call; running CI posts nothing', () => {
    const staging = { id: 7, state: 'success' };
    expect(threadEntryFor(state({}, { staging }), 'awaiting-approval')).toEqual({
      id: 'staging:7',
      stage: 'awaiting-approval',
      handoff: 'approvers',
    });
    expect(threadEntryFor(state({ changesRequested: { at: 't1' } }), 'changes-requested')?.handoff).toBe(
      'assignee',
    );
    const production = { id: 9, state: 'failure', outcome: 'rolled-back' as const };
    expect(threadEntryFor(state({}, { production }), 'rolled-back')).toEqual({
      id: 'rolled-back:9',
      stage: 'rolled-back',
      handoff: 'on-call',
    });
    const running = { sha: SHA, jobs: [{ name: 'test', result: 'in_progress' }], at: 'x' };
    expect(threadEntryFor(state({ ci: running }), 'ci')).toBeUndefined();
  });

  test('approvers are the groups still to approve; on-call comes from the team rotation', () => {
    const config: FlowkitConfig = defaultConfig();
    config.jira.approvals = { groups: { qa: ['quinn@example.com'], product: ['pat@example.com'] } };
    config.teams.frontend = {
      rotation: { cadence: 'daily', start: '2026-01-01', 'time-zone': 'UTC', members: ['omar', 'tom'] },
    };
    const now = new Date('2026-01-02T12:00:00Z');
    const waiting = state({}, { approval: { approved: false, by: { qa: 'Quinn' }, missing: ['product'] } });
    expect(handoffPeople('approvers', waiting, config, now).people).toEqual(['pat@example.com']);
    expect(handoffPeople('on-call', state({}, { team: 'frontend' }), config, now).people).toEqual(['tom']);
    expect(handoffPeople('on-call', state({}), config, now).problem).toContain('no on-call rotation');
    expect(handoffPeople('assignee', state({}), config, now).problem).toContain('no assignee');
  });
});

describe('renderCard', () => {
  const HOSTILE = '<!channel> *bold* <https://evil|x> & `code`';

  test('ticket text stays inert on the card and in entries', () => {
    const hostile = state(
      { branch: 'JIRA-1234-<!here>', changesRequested: { by: '<@U0EVIL0001>', at: 't' } },
      { summary: HOSTILE, assignee: { id: 'a', name: '<!everyone>' }, status: '<b>' },
    );
    const card = renderCard(hostile, 'changes-requested');
    const json = JSON.stringify(card);
    for (const markup of ['<!channel>', '<https://evil|x>', '<!here>', '<!everyone>', '<@U0EVIL0001>'])
      expect(json).not.toContain(markup);
    expect(card.text).toBe(
      'JIRA-1234: Changes requested — back in progress — &lt;!channel&gt; *bold* &lt;https://evil|x&gt; &amp; `code`',
    );
    const entry = renderEntry(hostile, { id: 'c', stage: 'changes-requested', handoff: 'assignee' }, [
      '<@U0SARAH001>',
    ]);
    expect(entry.text).toBe(
      '<@U0SARAH001> changes were requested by &lt;@U0EVIL0001&gt;; the ticket is back in progress.',
    );
  });

  test('the canary shows its step and live numbers; a rollback its reason', () => {
    const canary = renderCard(
      state(
        { production: { deploymentId: 9, numbers: 'errors 0.4% < 1%', at: 't' } },
        {
          production: {
            id: 9,
            state: 'in_progress',
            weight: 10,
            step: { index: 2, of: 5 },
            logUrl: 'https://x.example/run',
          },
        },
      ),
      'canary',
    );
    const text = JSON.stringify(canary.blocks);
    expect(text).toContain('10% (step 3 of 5)\\nerrors 0.4% &lt; 1%');
    expect(text).toContain('<https://x.example/run|deployment>');
    const rolled = renderCard(
      state(
        {},
        {
          production: {
            id: 9,
            state: 'failure',
            outcome: 'rolled-back',
            rolledBack: { from: 5, reason: 'p95 900 ms > 400 ms' },
          },
        },
      ),
      'rolled-back',
    );
    expect(JSON.stringify(rolled.blocks)).toContain('Rolled back from 5%: p95 900 ms &gt; 400 ms');
  });
});
