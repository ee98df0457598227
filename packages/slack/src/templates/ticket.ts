// Templates for a ticket's moments: it arrives (steps 1–2 of the flow) and its change reaches staging (step 6).
import { escapeText, fitEscaped, link, section } from '../text.ts';
import { commitLink, footerBlocks, list, person, type Template, text, ticketTag } from './template.ts';

/** `New ticket: [FEAT] … (JIRA-1234) - Assignee: @sarah` */
export const ticketCreated: Template = {
  name: 'ticket-created',
  summary: 'A new ticket was triaged and assigned',
  fields: [
    { name: 'key', kind: 'text', required: true, description: 'the ticket key, e.g. JIRA-1234' },
    { name: 'title', kind: 'text', required: true, description: 'the ticket summary' },
    { name: 'url', kind: 'url', description: 'link to the ticket' },
    { name: 'assignee', kind: 'person', description: 'email, GitHub login or Slack ID of the assignee' },
    { name: 'priority', kind: 'text', description: 'priority label' },
    { name: 'labels', kind: 'list', description: 'tags given by the routing rules' },
    { name: 'team', kind: 'text', description: 'the owning team' },
  ],
  render(values, context) {
    const key = text(values, 'key');
    const title = text(values, 'title');
    const assignee = text(values, 'assignee');
    const who = assignee === '' ? 'unassigned' : person(context, assignee);
    return {
      text: `New ticket: ${fitEscaped(title, 2000)} (${escapeText(key)}) - Assignee: ${who}`,
      blocks: [
        section(
          `:ticket: *New ticket* ${link(text(values, 'url') || undefined, key)}\n${fitEscaped(title, 2500)}`,
          [
            ['Assignee', who],
            ['Priority', escapeText(text(values, 'priority'))],
            ['Team', escapeText(text(values, 'team'))],
            ['Labels', fitEscaped(list(values, 'labels').join(', '), 1900)],
          ],
        ),
        ...footerBlocks(context),
      ],
    };
  },
};

/** `[JIRA-1234] Staging deployment successful. Review here: URL` */
export const stagingReady: Template = {
  name: 'staging-ready',
  summary: 'Staging was deployed and passed its end-to-end tests',
  fields: [
    { name: 'url', kind: 'url', required: true, description: 'the staging URL to review' },
    { name: 'key', kind: 'text', description: 'the ticket key' },
    { name: 'ticket-url', kind: 'url', description: 'link to the ticket' },
    { name: 'environment', kind: 'text', description: "environment name (default 'staging')" },
    { name: 'reviewers', kind: 'people', description: 'who should review (QA, product)' },
    { name: 'pr', kind: 'url', description: 'link to the pull request' },
    { name: 'commit', kind: 'text', description: 'deployed commit (default: the run’s commit)' },
  ],
  render(values, context) {
    const url = text(values, 'url');
    const key = text(values, 'key');
    const prefix = key === '' ? '' : `${ticketTag(values)} `;
    const reviewers = list(values, 'reviewers').map((value) => person(context, value));
    const blocks = [
      section(`:white_check_mark: ${prefix}*Staging deployment successful.* Review here: ${link(url, url)}`, [
        ['Environment', escapeText(text(values, 'environment') || 'staging')],
        ['Commit', commitLink(context, text(values, 'commit') || context.sha)],
        ['Pull request', text(values, 'pr') ? link(text(values, 'pr'), 'open') : ''],
      ]),
    ];
    if (reviewers.length > 0)
      blocks.push(section(`${reviewers.join(' ')}: please review, then approve or request changes.`));
    return {
      text: `${key === '' ? '' : `[${escapeText(key)}] `}Staging deployment successful. Review here: ${escapeText(url)}`,
      blocks: [...blocks, ...footerBlocks(context)],
    };
  },
};
