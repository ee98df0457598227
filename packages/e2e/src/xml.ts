// A small XML parser for test reports: elements, attributes, text, CDATA and entities; no DTDs, no namespaces.

/** One element: its name, attributes, child elements, and the text directly inside it (CDATA included). */
export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  text: string;
}

/** XML that cannot be read; the message says what and on which line. */
export class XmlError extends Error {
  readonly line: number;

  constructor(problem: string, line: number) {
    super(`line ${line}: ${problem}`);
    this.name = 'XmlError';
    this.line = line;
  }
}

const NAME = /[A-Za-z_:][-\w.:]*/y;
const ATTRIBUTE = /\s*([A-Za-z_:][-\w.:]*)\s*=\s*(?:"([^"]*)"|'([^']*)')/y;
const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/**
 * Parses a document and returns its root element. Comments, processing instructions (`<?xml …?>`) and a
 * DOCTYPE are skipped; the five predefined entities and numeric character references are decoded (an unknown
 * entity is kept as written). Malformed markup — an unclosed element, a mismatched end tag, a truncated file —
 * throws XmlError.
 */
export function parseXml(source: string): XmlElement {
  const text = source.charCodeAt(0) === 0xfeff ? source.slice(1) : source;
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  let at = 0;
  const fail = (problem: string, offset = at): never => {
    throw new XmlError(problem, lineOf(text, offset));
  };
  const addText = (content: string, offset: number) => {
    const parent = stack.at(-1);
    if (parent) parent.text += content;
    else if (content.trim() !== '') fail('text outside the root element', offset);
  };
  const skipTo = (marker: string, from: number, what: string): number => {
    const end = text.indexOf(marker, from);
    if (end === -1) fail(`unterminated ${what}`, from);
    return end + marker.length;
  };

  while (at < text.length) {
    const open = text.indexOf('<', at);
    const textEnd = open === -1 ? text.length : open;
    if (textEnd > at) addText(decodeEntities(text.slice(at, textEnd)), at);
    if (open === -1) break;
    at = open;
    if (text.startsWith('<!--', at)) at = skipTo('-->', at + 4, 'comment');
    else if (text.startsWith('<![CDATA[', at)) {
      const end = skipTo(']]>', at + 9, 'CDATA section');
      addText(text.slice(at + 9, end - 3), at);
      at = end;
    } else if (text.startsWith('<?', at)) at = skipTo('?>', at + 2, 'processing instruction');
    else if (text.startsWith('<!', at)) at = skipDoctype(text, at, fail);
    else if (text.startsWith('</', at)) {
      const name = readName(text, at + 2) ?? fail('an end tag without a name');
      const close = /\s*>/y;
      close.lastIndex = at + 2 + name.length;
      if (!close.test(text)) fail(`malformed end tag </${name}`);
      const element = stack.pop() ?? fail(`</${name}> closes nothing`);
      if (element.name !== name) fail(`</${name}> closes <${element.name}>`);
      at = close.lastIndex;
    } else {
      const name = readName(text, at + 1) ?? fail("a '<' that starts no tag");
      const element: XmlElement = { name, attributes: {}, children: [], text: '' };
      let cursor = at + 1 + name.length;
      for (;;) {
        ATTRIBUTE.lastIndex = cursor;
        const match = ATTRIBUTE.exec(text);
        if (!match) break;
        element.attributes[match[1] ?? ''] = decodeEntities(match[2] ?? match[3] ?? '');
        cursor = ATTRIBUTE.lastIndex;
      }
      const end = /\s*(\/?)>/y;
      end.lastIndex = cursor;
      const closing = end.exec(text) ?? fail(`malformed start tag <${name}`, cursor);
      const parent = stack.at(-1);
      if (parent) parent.children.push(element);
      else if (root) fail(`a second root element <${name}>`);
      else root = element;
      if (closing[1] !== '/') stack.push(element);
      at = end.lastIndex;
    }
  }
  const unclosed = stack.at(-1);
  if (unclosed) fail(`the document ends inside <${unclosed.name}> (a truncated file?)`, text.length);
  return root ?? fail('no root element', 0);
}

/** Decodes the predefined entities and character references; an unknown entity stays as written. */
export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(#[0-9]+|#x[0-9a-fA-F]+|[A-Za-z]+);/g, (whole, entity: string) => {
    if (entity.startsWith('#')) {
      const code = entity[1] === 'x' ? Number.parseInt(entity.slice(2), 16) : Number(entity.slice(1));
      return code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED[entity] ?? whole;
  });
}

/** The direct children of `element` named `name`. */
export function childrenNamed(element: XmlElement, name: string): XmlElement[] {
  return element.children.filter((child) => child.name === name);
}

function readName(text: string, offset: number): string | undefined {
  NAME.lastIndex = offset;
  return NAME.exec(text)?.[0];
}

/** Skips `<!DOCTYPE …>`, including an internal subset in brackets. */
function skipDoctype(
  text: string,
  offset: number,
  fail: (problem: string, offset?: number) => never,
): number {
  let depth = 0;
  for (let index = offset + 2; index < text.length; index++) {
    const char = text[index];
    if (char === '[') depth++;
    else if (char === ']') depth--;
    else if (char === '>' && depth <= 0) return index + 1;
  }
  return fail('unterminated declaration', offset);
}

function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let index = 0; index < offset && index < text.length; index++) if (text[index] === '\n') line++;
  return line;
}
