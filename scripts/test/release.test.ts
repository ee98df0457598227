import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from '@jest/globals';
import { FLOWKIT_REPOSITORY, pinFlowkitReferences, REFERENCING_DIRECTORIES } from '../lib/release.ts';

const SHA = '0123456789abcdef0123456789abcdef01234567';
const root = join(import.meta.dirname, '..', '..');

describe('pinFlowkitReferences', () => {
  test('pins Flowkit’s actions and reusable workflows, and nothing else', () => {
    const text = [
      '      - uses: actions/checkout@3d3c42e5aac5ba805825da76410c181273ba90b1 # v7.0.1',
      '        uses: flowkit/flowkit/actions/lint@main',
      '    uses: flowkit/flowkit/.github/workflows/reusable-ci.yml@v1 # old comment',
      '      - uses: someone/flowkit/actions/lint@main',
    ].join('\n');
    const { text: pinned, pinned: count } = pinFlowkitReferences(text, SHA, 'v1.2.0');
    expect(count).toBe(2);
    expect(pinned.split('\n')).toEqual([
      '      - uses: actions/checkout@3d3c42e5aac5ba805825da76410c181273ba90b1 # v7.0.1',
      `        uses: flowkit/flowkit/actions/lint@${SHA} # v1.2.0`,
      `    uses: flowkit/flowkit/.github/workflows/reusable-ci.yml@${SHA} # v1.2.0`,
      '      - uses: someone/flowkit/actions/lint@main',
    ]);
  });

  test('refuses anything but a full commit SHA', () => {
    expect(() => pinFlowkitReferences('', 'main', 'v1')).toThrow("not a full commit SHA: 'main'");
  });
});

test('every Flowkit reference in this repository’s workflows and templates is one the release pins', () => {
  for (const directory of REFERENCING_DIRECTORIES) {
    for (const name of readdirSync(join(root, directory)).filter((file) => /\.ya?ml$/.test(file))) {
      const text = readFileSync(join(root, directory, name), 'utf8');
      const mentions = text.split('\n').filter((line) => /uses:\s*[\w-]+\/flowkit\//.test(line)).length;
      expect([name, pinFlowkitReferences(text, SHA, 'v1').pinned]).toEqual([name, mentions]);
      expect(text).not.toMatch(/uses:\s*\.\/actions\//);
    }
  }
  expect(FLOWKIT_REPOSITORY).toBe('flowkit/flowkit');
});
