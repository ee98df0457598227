import { InputError } from '@flowkit/core';
import { describe, expect, test } from '@jest/globals';
import {
  checkValues,
  findTemplate,
  type RenderContext,
  type Template,
  templates,
} from '../src/templates/index.ts';

const context: RenderContext = {
  serverUrl: 'https://github.com',
  repository: 'acme/shop',
  runUrl: 'https://github.com/acme/shop/actions/runs/42',
  workflow: 'CI',
  job: 'build',
  sha: '0123456789abcdef0123456789abcdef01234567',
  refName: 'JIRA-1234-top-deployments',
  actor: 'sarah',
  mentions: new Map([
    ['sarah@example.com', '<@U0SARAH01>'],
    ['sarah', '<@U0SARAH01>'],
  ]),
};

const HOSTILE = '<!channel> "quoted"\nline & <@U999> <https://evil.example|click> @here';

function template(name: string): Template {
  const found = findTemplate(name);
  if (found === undefined) throw new Error(name);
  return found;
}

/** Every string Slack will parse as mrkdwn in a message, with where it is. */
function mrkdwnTexts(message: { text: string; blocks: unknown[] }): string[] {
  const texts = [message.text];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (typeof node === 'object' && node !== null) {
      const record = node as Record<string, unknown>;
      if (record.type === 'mrkdwn' && typeof record.text === 'string') {
        expect(record.verbatim).toBe(true);
        texts.push(record.text);
      }
      Object.values(record).forEach(walk);
    }
  };
  walk(message.blocks);
  return texts;
}

const minimal: Record<string, Record<string, unknown>> = {
  'ticket-created': { key: 'JIRA-1234', title: HOSTILE, assignee: 'sarah@example.com' },
  'staging-ready': {
    key: 'JIRA-1234',
    url: 'https://staging.dashboard.example.com/deployments',
    reviewers: [HOSTILE],
  },
  'promote-started': { version: HOSTILE, plan: [1, 5, 10, 50, 100] },
  'canary-step': {
    version: 'v1.4.0',
    weight: 10,
    step: 3,
    steps: 5,
    decision: HOSTILE,
    metrics: { 'error rate': HOSTILE },
  },
  'rolled-back': { version: 'v1.4.0', reason: HOSTILE, weight: 10, 'on-call': 'sarah' },
  released: { version: 'v1.4.0', duration: HOSTILE },
  'pipeline-failed': { reason: HOSTILE, ref: HOSTILE },
};

describe('templates', () => {
  test('the seven moments of the flow are there', () => {
    expect(templates.map((t) => t.name)).toEqual(Object.keys(minimal));
  });

  test.each(Object.keys(minimal))('%s: hostile text arrives as plain text', (name) => {
    const t = template(name);
    const message = t.render(checkValues(t, minimal[name]), context);
    for (const text of mrkdwnTexts(message)) {
      expect(text).not.toMatch(/<!channel>|<@U999>|<https:\/\/evil/);
    }
    expect(JSON.stringify(message)).toContain('&lt;!channel&gt;');
  });

  test('ticket-created says what the seed says, mentioning the assignee', () => {
    const t = template('ticket-created');
    const values = {
      key: 'JIRA-1234',
      title:
        '[FEAT] As a user, I want to see my top 5 active deployments on a dashboard so I can monitor them at a glance.',
      assignee: 'sarah@example.com',
    };
    expect(t.render(checkValues(t, values), context).text).toBe(
      'New ticket: [FEAT] As a user, I want to see my top 5 active deployments on a dashboard so I can monitor them at a glance. (JIRA-1234) - Assignee: <@U0SARAH01>',
    );
  });

  test('staging-ready says what the seed says', () => {
    const t = template('staging-ready');
    const values = { key: 'JIRA-1234', url: 'https://staging.dashboard.example.com/deployments' };
    expect(t.render(checkValues(t, values), context).text).toBe(
      '[JIRA-1234] Staging deployment successful. Review here: https://staging.dashboard.example.com/deployments',
    );
  });

  test('pipeline-failed falls back to the run for what it is not told', () => {
    const t = template('pipeline-failed');
    const message = t.render(checkValues(t, {}), context);
    expect(message.text).toBe('CI failed on JIRA-1234-top-deployments (job build)');
    expect(JSON.stringify(message.blocks)).toContain('<https://github.com/acme/shop/actions/runs/42|logs>');
  });

  test('values are checked: unknown names, missing required values, wrong shapes', () => {
    const t = template('ticket-created');
    expect(() => checkValues(t, { key: 'A-1', title: 't', titel: 'typo' })).toThrow(
      "Input 'values' has 'titel', which template 'ticket-created' does not use.",
    );
    expect(() => checkValues(t, { key: 'A-1' })).toThrow(InputError);
    expect(() => checkValues(t, { key: 'A-1' })).toThrow(/is missing 'title'/);
    expect(() => checkValues(t, { key: 'A-1', title: 't', url: 'javascript:alert(1)' })).toThrow(
      "'url' must be an http(s) URL",
    );
    expect(() => checkValues(t, 'key: A-1')).toThrow('must be a mapping');
  });
});
