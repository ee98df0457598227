// The template for a red pipeline: which workflow and job failed, on which ref, and a link to the logs.
import { escapeText, fitEscaped, link, section } from '../text.ts';
import { commitLink, footerBlocks, person, type Template, text, ticketTag } from './template.ts';

/** `Build failed on JIRA-1234-widget (job test): <run>` */
export const pipelineFailed: Template = {
  name: 'pipeline-failed',
  summary: 'A workflow failed',
  fields: [
    { name: 'workflow', kind: 'text', description: 'workflow name (default: this run’s)' },
    { name: 'job', kind: 'text', description: 'failed job (default: this job)' },
    { name: 'ref', kind: 'text', description: 'branch or tag (default: this run’s)' },
    { name: 'commit', kind: 'text', description: 'commit SHA (default: this run’s)' },
    { name: 'actor', kind: 'person', description: 'who pushed (default: the run’s actor)' },
    { name: 'reason', kind: 'text', description: 'what failed, in a line' },
    { name: 'url', kind: 'url', description: 'link to the failed run (default: this run)' },
    { name: 'key', kind: 'text', description: 'the ticket key' },
    { name: 'ticket-url', kind: 'url', description: 'link to the ticket' },
  ],
  render(values, context) {
    const workflow = escapeText(text(values, 'workflow') || context.workflow || 'Workflow');
    const job = text(values, 'job') || context.job;
    const ref = text(values, 'ref') || context.refName;
    const url = text(values, 'url') || context.runUrl;
    const actor = text(values, 'actor') || context.actor;
    const reason = text(values, 'reason');
    const key = text(values, 'key');
    const line = `${workflow} failed${ref === '' ? '' : ` on ${escapeText(ref)}`}${job === '' ? '' : ` (job ${escapeText(job)})`}`;
    const headline = `:x: ${key === '' ? '' : `${ticketTag(values)} `}*${line}*${url === '' ? '' : ` ${link(url, 'logs')}`}`;
    return {
      text: `${key === '' ? '' : `[${escapeText(key)}] `}${line}`,
      blocks: [
        section(reason === '' ? headline : `${headline}\n${fitEscaped(reason, 2000)}`, [
          ['Commit', commitLink(context, text(values, 'commit') || context.sha)],
          ['Pushed by', actor === '' ? '' : person(context, actor)],
        ]),
        ...footerBlocks(context),
      ],
    };
  },
};
