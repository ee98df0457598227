// Each action's action.yml declares exactly the inputs its settings reader reads.
import { readFileSync } from 'node:fs';
import { DIGEST_INPUTS } from '@flowkit/digest';
import { DORA_INPUTS } from '@flowkit/dora';
import { E2E_INPUTS } from '@flowkit/e2e';
import { TRIAGE_INPUTS } from '@flowkit/intake';
import { TRANSITION_INPUTS } from '@flowkit/jira';
import { LINT_INPUTS } from '@flowkit/lint';
import { PROVISION_INPUTS } from '@flowkit/provision';
import { RELEASE_NOTES_INPUTS } from '@flowkit/release';
import { SECURITY_SCAN_INPUTS } from '@flowkit/security';
import { NOTIFY_INPUTS } from '@flowkit/slack';
import { expect, test } from '@jest/globals';
import { parse } from 'yaml';

test.each([
  ['slack-notify', NOTIFY_INPUTS],
  ['jira-transition', TRANSITION_INPUTS],
  ['jira-triage', TRIAGE_INPUTS],
  ['lint', LINT_INPUTS],
  ['security-scan', SECURITY_SCAN_INPUTS],
  ['provision-staging', PROVISION_INPUTS],
  ['e2e', E2E_INPUTS],
  ['standup-digest', DIGEST_INPUTS],
  ['release-notes', RELEASE_NOTES_INPUTS],
  ['dora-metrics', DORA_INPUTS],
])('%s declares the inputs it reads', (action, inputs) => {
  const metadata = parse(
    readFileSync(new URL(`../../actions/${action}/action.yml`, import.meta.url), 'utf8'),
  ) as { inputs: Record<string, unknown> };
  expect(Object.keys(metadata.inputs).sort()).toEqual([...inputs].sort());
});
