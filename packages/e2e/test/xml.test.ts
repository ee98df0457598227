// The XML parser: what JUnit reports hold (CDATA, entities, comments, declarations) and what broken files look like.
import { describe, expect, test } from '@jest/globals';
import { decodeEntities, parseXml, XmlError } from '../src/xml.ts';

describe('parseXml', () => {
  test('reads elements, attributes in either quotes, text and self-closing tags', () => {
    const root = parseXml(`<a x="1" y='two'>hello <b/><c z = "3">world</c></a>`);
    expect(root).toEqual({
      name: 'a',
      attributes: { x: '1', y: 'two' },
      text: 'hello ',
      children: [
        { name: 'b', attributes: {}, children: [], text: '' },
        { name: 'c', attributes: { z: '3' }, children: [], text: 'world' },
      ],
    });
  });

  test('skips the declaration, a DOCTYPE with an internal subset, comments and processing instructions', () => {
    const root = parseXml(
      '\uFEFF<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE r [<!ENTITY e "x">]>\n<!-- a <comment> -->\n<r><?pi data?>t<!-- c --></r>\n',
    );
    expect(root.name).toBe('r');
    expect(root.text).toBe('t');
  });

  test('keeps CDATA as written, markup and entities included, and decodes entities in text and attributes', () => {
    const root = parseXml(
      '<r m="a &lt; b &amp;&amp; c &quot;d&quot; &apos;e&apos; &#10;&#x2713;">x &gt; y<![CDATA[ <not a tag> &amp; ]]></r>',
    );
    expect(root.attributes.m).toBe('a < b && c "d" \'e\' \n\u2713');
    expect(root.text).toBe('x > y <not a tag> &amp; ');
  });

  test('an unknown entity stays as written', () => {
    expect(decodeEntities('&nbsp;&amp;&#xZZ;')).toBe('&nbsp;&&#xZZ;');
  });

  test.each([
    ['<a><b></a>', 'line 1: </a> closes <b>'],
    ['<a>\n<b>\n', 'line 3: the document ends inside <b> (a truncated file?)'],
    ['<a></a><b/>', 'line 1: a second root element <b>'],
    ['text', 'line 1: text outside the root element'],
    ['', 'line 1: no root element'],
    ['<a><!-- never closed </a>', 'line 1: unterminated comment'],
    ['<a><![CDATA[ open </a>', 'line 1: unterminated CDATA section'],
    ['<a b="1></a>', 'line 1: malformed start tag <a'],
    ['<a>< b/></a>', "line 1: a '<' that starts no tag"],
    ['</a>', 'line 1: </a> closes nothing'],
  ])('%j is an XmlError: %s', (xml, message) => {
    expect(() => parseXml(xml)).toThrow(XmlError);
    expect(() => parseXml(xml)).toThrow(message);
  });
});
