// The registry of message templates, by name.
import { pipelineFailed } from './pipeline.ts';
import { canaryStep, promoteStarted, released, rolledBack } from './release.ts';
import type { Template } from './template.ts';
import { stagingReady, ticketCreated } from './ticket.ts';

export * from './template.ts';

/** Every template, in the order of the flow. */
export const templates: readonly Template[] = [
  ticketCreated,
  stagingReady,
  promoteStarted,
  canaryStep,
  rolledBack,
  released,
  pipelineFailed,
];

/** The template with this name, or undefined. */
export function findTemplate(name: string): Template | undefined {
  return templates.find((template) => template.name === name);
}
