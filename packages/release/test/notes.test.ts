// Release notes text: pull request numbers from commit subjects, and user text kept inert in both formats.
import { describe, expect, test } from '@jest/globals';
import { pullNumbers } from '../src/gather.ts';
import { escapeMarkdown, type ReleaseNotes, renderMarkdown, renderStorage } from '../src/notes.ts';

const notes: ReleaseNotes = {
  title: 'dashboard 1.4.0',
  tag: 'v1.4.0',
  sha: '0123456789abcdef0123456789abcdef01234567',
  repository: 'acme/shop',
  serverUrl: 'https://github.com',
  issues: [
    {
      key: 'JIRA-1',
      summary: '<img src=x onerror=alert(1)> **bold** @team',
      url: 'https://acme.atlassian.net/browse/JIRA-1',
      status: 'Done',
    },
  ],
  missingIssues: ['JIRA-404'],
  pulls: [],
  source: '3 commit(s) since the production deployment of abcdef0',
  canary: { missing: 'No production deployment of 0123456 found.' },
};

describe('pullNumbers', () => {
  test.each([
    ['Merge pull request #13 from acme/JIRA-1-x\n\nbody (#99)', [13]],
    ['JIRA-1: widget (#12)', [12]],
    ['Refs #12 in the middle', []],
    ['Revert "x (#7)"', []],
  ])('%j → %j', (message, numbers) => {
    expect(pullNumbers(message)).toEqual(numbers);
  });
});

describe('rendering', () => {
  test('Markdown: links only where Flowkit makes them; HTML, emphasis and mentions escaped', () => {
    const text = renderMarkdown(notes);
    expect(text).toContain(
      '- [JIRA-1](https://acme.atlassian.net/browse/JIRA-1) \\<img src=x onerror=alert\\(1\\)\\> \\*\\*bold\\*\\* @\u200dteam — Done',
    );
    expect(text).toContain('Not found in Jira: JIRA-404');
    expect(text).toContain('## Pull requests (0)\n\nNone found in the commits.');
    expect(text).toContain('- No production deployment of 0123456 found.');
  });

  test('storage format: every piece of text is XML-escaped', () => {
    const xhtml = renderStorage(notes);
    expect(xhtml).toContain(
      '<a href="https://acme.atlassian.net/browse/JIRA-1">JIRA-1</a> &lt;img src=x onerror=alert(1)&gt; **bold** @team — Done',
    );
    expect(xhtml).not.toContain('<img');
  });

  test('escapeMarkdown keeps text on one line', () => {
    expect(escapeMarkdown('a\nb & [c](d)')).toBe('a b &amp; \\[c\\]\\(d\\)');
  });
});
