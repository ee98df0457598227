import { describe, expect, test } from '@jest/globals';
import { interpolate, UnresolvedPlaceholder } from '../src/interpolate.ts';
import { parseJsonOrYaml, SyntaxProblem } from '../src/structured.ts';

describe('parseJsonOrYaml', () => {
  test('reads JSON and YAML', async () => {
    expect(await parseJsonOrYaml('{"text": "hi"}')).toEqual({ text: 'hi' });
    expect(await parseJsonOrYaml('key: JIRA-1234\nlabels: [a, b]\n')).toEqual({
      key: 'JIRA-1234',
      labels: ['a', 'b'],
    });
  });

  test('reports the line and column of a JSON mistake', async () => {
    const problem = (await parseJsonOrYaml('{\n  "text": "a"\n  "blocks": []\n}').catch(
      (e: unknown) => e,
    )) as SyntaxProblem;
    expect(problem).toBeInstanceOf(SyntaxProblem);
    expect(problem.line).toBe(3);
    expect(problem.message).toBe("line 3, column 3: Expected ',' or '}' after property value");
  });

  test('reports a YAML mistake with its line, including duplicate keys', async () => {
    const problem = (await parseJsonOrYaml('key: a\ntitle: b\nkey: c\n').catch(
      (e: unknown) => e,
    )) as SyntaxProblem;
    expect(problem).toBeInstanceOf(SyntaxProblem);
    expect(problem.line).toBe(3);
  });

  test('still explains a JSON mistake V8 does not locate', async () => {
    const problem = (await parseJsonOrYaml('{"blocks": [,]}').catch((e: unknown) => e)) as SyntaxProblem;
    expect(problem.message).toBe("Unexpected token ','");
    expect(problem.line).toBeUndefined();
  });

  test('rejects empty text', async () => {
    await expect(parseJsonOrYaml('  \n')).rejects.toThrow('the text is empty');
  });
});

describe('interpolate', () => {
  const lookup = (expression: string) =>
    ({ 'env.TITLE': 'Fix "quotes"\nand <!channel>', 'github.run_id': '42' })[expression];

  test('inserts values into parsed strings, so quotes and newlines cannot break the structure', () => {
    const { value, inserted } = interpolate(
      { text: 'Title: {{ env.TITLE }}', nested: [{ id: 'run {{github.run_id}}' }], other: '{{ not.this }}' },
      lookup,
    );
    expect(value).toEqual({
      text: 'Title: Fix "quotes"\nand <!channel>',
      nested: [{ id: 'run 42' }],
      other: '{{ not.this }}',
    });
    expect(inserted).toEqual([['text'], ['nested', 0, 'id']]);
  });

  test('encodes each value with its place and parent', () => {
    const { value } = interpolate(
      { a: { type: 'mrkdwn', text: '{{ env.TITLE }}' } },
      lookup,
      (text, path, parent) => `${path.join('.')}:${(parent as { type: string }).type}:${text.length}`,
    );
    expect(value).toEqual({ a: { type: 'mrkdwn', text: 'a.text:mrkdwn:27' } });
  });

  test('names a placeholder without a value', () => {
    expect(() => interpolate({ text: '{{ env.MISSING }}' }, lookup)).toThrow(UnresolvedPlaceholder);
    expect(() => interpolate({ text: '{{ env.MISSING }}' }, lookup)).toThrow(
      '{{ env.MISSING }} has no value',
    );
  });
});
