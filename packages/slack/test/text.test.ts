import { describe, expect, test } from '@jest/globals';
import { escapeText, fitEscaped, link, mrkdwn, plainText } from '../src/text.ts';

describe('safe Slack text', () => {
  test('escapes the three markup characters and nothing else', () => {
    expect(escapeText('<!channel> & <@U123> <https://evil|click> @here *bold*')).toBe(
      '&lt;!channel&gt; &amp; &lt;@U123&gt; &lt;https://evil|click&gt; @here *bold*',
    );
  });

  test('shortens after escaping without cutting an entity', () => {
    const fitted = fitEscaped('<<<<<<<<<<', 12);
    expect(fitted).toBe('&lt;&lt;…');
    expect(fitted.length).toBeLessThanOrEqual(12);
    expect(fitEscaped('short', 12)).toBe('short');
  });

  test('links only http(s) URLs, and a label cannot close the link', () => {
    expect(link('https://jira.example.com/browse/JIRA-1', 'JIRA-1')).toBe(
      '<https://jira.example.com/browse/JIRA-1|JIRA-1>',
    );
    expect(link('javascript:alert(1)', 'x')).toBe('x');
    expect(link('https://a.example/?q=1&r=<2>|3', 'a|b>c')).toBe(
      '<https://a.example/?q=1&amp;r=%3C2%3E%7C3|a¦b&gt;c>',
    );
  });

  test('mrkdwn objects are verbatim; plain text objects are escaped and bounded', () => {
    expect(mrkdwn('x')).toEqual({ type: 'mrkdwn', text: 'x', verbatim: true });
    expect(plainText('a'.repeat(200), 150).text.length).toBe(150);
  });
});
