// Templates for a release's moments (steps 8–9 of the flow): promotion starts, each canary step, rollback, release.
import { escapeText, fitEscaped, link, section } from '../text.ts';
import {
  footerBlocks,
  list,
  map,
  person,
  type RenderContext,
  type Template,
  type TemplateValues,
  text,
  ticketTag,
} from './template.ts';

const common = [
  { name: 'key', kind: 'text', description: 'the ticket key' },
  { name: 'ticket-url', kind: 'url', description: 'link to the ticket' },
  { name: 'environment', kind: 'text', description: "environment name (default 'production')" },
  { name: 'url', kind: 'url', description: 'link to the deployment or the promote run' },
] as const;

/** `Promotion of v1.4.0 to production started by @sarah: 1% → 5% → 10% → 50% → 100%` */
export const promoteStarted: Template = {
  name: 'promote-started',
  summary: 'Someone pressed Promote; the canary begins',
  fields: [
    { name: 'version', kind: 'text', required: true, description: 'the version being released' },
    { name: 'actor', kind: 'person', description: 'who pressed Promote (default: the run’s actor)' },
    { name: 'plan', kind: 'list', description: 'canary weights in percent, e.g. 1,5,10,50,100' },
    ...common,
  ],
  render(values, context) {
    const actor = person(context, text(values, 'actor') || context.actor || 'someone');
    const plan = list(values, 'plan').map((weight) => `${weight.replace(/%$/, '')}%`);
    const line = `Promotion of ${release(values)} started by ${actor}${plan.length > 0 ? `: canary ${escapeText(plan.join(' → '))}` : ''}`;
    return message(values, context, ':rocket:', line);
  },
};

/** `Canary v1.4.0: 10% of production traffic (step 3 of 5)` with the numbers behind the decision. */
export const canaryStep: Template = {
  name: 'canary-step',
  summary: 'The canary moved to a new traffic weight',
  fields: [
    { name: 'version', kind: 'text', required: true, description: 'the canary version' },
    { name: 'weight', kind: 'text', required: true, description: 'percent of traffic on the canary now' },
    { name: 'step', kind: 'text', description: 'step number' },
    { name: 'steps', kind: 'text', description: 'number of steps' },
    { name: 'decision', kind: 'text', description: 'why the canary advanced, held or stopped' },
    { name: 'metrics', kind: 'map', description: 'figures behind the decision, name → value' },
    ...common,
  ],
  render(values, context) {
    const step = text(values, 'step');
    const of = text(values, 'steps');
    const position =
      step === '' ? '' : ` (step ${escapeText(step)}${of === '' ? '' : ` of ${escapeText(of)}`})`;
    const line = `Canary ${escapeText(text(values, 'version'))}: ${escapeText(text(values, 'weight'))}% of ${environment(values)} traffic${position}`;
    return message(values, context, ':hatching_chick:', line, metricFields(values), text(values, 'decision'));
  },
};

/** `Rolled back v1.4.0 from 10% of production: error rate 4.1% vs 0.5%` with the on-call engineer mentioned. */
export const rolledBack: Template = {
  name: 'rolled-back',
  summary: 'The guard rolled the canary back',
  fields: [
    { name: 'version', kind: 'text', required: true, description: 'the version rolled back' },
    { name: 'reason', kind: 'text', required: true, description: 'why, with the numbers' },
    { name: 'weight', kind: 'text', description: 'canary weight when it was stopped' },
    { name: 'metrics', kind: 'map', description: 'figures behind the decision, name → value' },
    { name: 'on-call', kind: 'person', description: 'who should look now' },
    ...common,
  ],
  render(values, context) {
    const weight = text(values, 'weight');
    const from = weight === '' ? environment(values) : `${escapeText(weight)}% of ${environment(values)}`;
    const onCall = text(values, 'on-call');
    const line = `Rolled back ${escapeText(text(values, 'version'))} from ${from}: ${fitEscaped(text(values, 'reason'), 1500)}`;
    const note = onCall === '' ? '' : `${person(context, onCall)}: please take a look.`;
    return message(values, context, ':rotating_light:', line, metricFields(values), note, false);
  },
};

/** `Released v1.4.0 to 100% of production in 42 min` */
export const released: Template = {
  name: 'released',
  summary: 'The canary reached 100%',
  fields: [
    { name: 'version', kind: 'text', required: true, description: 'the released version' },
    { name: 'duration', kind: 'text', description: 'how long the rollout took, e.g. 42 min' },
    ...common,
  ],
  render(values, context) {
    const duration = text(values, 'duration');
    const line = `Released ${escapeText(text(values, 'version'))} to 100% of ${environment(values)}${duration === '' ? '' : ` in ${escapeText(duration)}`}`;
    return message(values, context, ':white_check_mark:', line);
  },
};

function environment(values: TemplateValues): string {
  return escapeText(text(values, 'environment') || 'production');
}

function release(values: TemplateValues): string {
  return `${escapeText(text(values, 'version'))} to ${environment(values)}`;
}

function metricFields(values: TemplateValues): [string, string][] {
  return Object.entries(map(values, 'metrics')).map(([name, value]) => [name, escapeText(value)]);
}

/** One headline with emoji, tag and link; optional fields and a second line; the footer. */
function message(
  values: TemplateValues,
  context: RenderContext,
  emoji: string,
  line: string,
  fields: [string, string][] = [],
  note = '',
  plainNote = true,
) {
  const tag = text(values, 'key') === '' ? '' : `${ticketTag(values)} `;
  const url = text(values, 'url');
  const headline = `${emoji} ${tag}${line}${url === '' ? '' : ` (${link(url, 'details')})`}`;
  const blocks = [section(headline, fields)];
  if (note !== '') blocks.push(section(plainNote ? fitEscaped(note, 2900) : note));
  const key = text(values, 'key');
  return {
    text: `${key === '' ? '' : `[${escapeText(key)}] `}${line}`,
    blocks: [...blocks, ...footerBlocks(context)],
  };
}
