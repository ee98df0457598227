// Comments built once and written as Atlassian Document Format (Cloud) or wiki markup (Server/Data Center).

/** A piece of a paragraph: literal text, or a link. */
export type Inline = { text: string } | { text: string; href: string };

/** A comment: paragraphs of inline pieces. User text in it is always literal, never markup. */
export type Comment = Inline[][];

/** The comment as an ADF document. ADF text nodes are literal, so user text needs no escaping. */
export function toAdf(comment: Comment): Record<string, unknown> {
  return {
    type: 'doc',
    version: 1,
    content: comment.map((paragraph) => ({
      type: 'paragraph',
      content: paragraph
        .filter((piece) => piece.text !== '')
        .map((piece) =>
          'href' in piece
            ? { type: 'text', text: piece.text, marks: [{ type: 'link', attrs: { href: piece.href } }] }
            : { type: 'text', text: piece.text },
        ),
    })),
  };
}

/** The comment as Jira wiki markup, with user text escaped so it cannot become markup or macros. */
export function toWiki(comment: Comment): string {
  return comment
    .map((paragraph) =>
      paragraph
        .map((piece) =>
          'href' in piece
            ? `[${escapeWiki(piece.text).replace(/\|/g, '\\|')}|${piece.href.replace(/[|\]]/g, encodeURIComponent)}]`
            : escapeWiki(piece.text),
        )
        .join(''),
    )
    .join('\n\n');
}

/** The comment's words without markup: what idempotency compares. */
export function plainText(comment: Comment): string {
  return normalize(comment.map((paragraph) => paragraph.map((piece) => piece.text).join('')).join('\n'));
}

/** The words of an existing comment body (an ADF document or wiki markup), for comparison with `plainText`. */
export function bodyText(body: unknown): string {
  if (typeof body === 'string')
    return normalize(body.replace(/\[([^|\]]*)\|[^\]]*\]/g, '$1').replace(/\\(.)/g, '$1'));
  const paragraphs: string[] = [];
  const walk = (node: unknown, into: string[]): void => {
    if (typeof node !== 'object' || node === null) return;
    const record = node as { type?: string; text?: string; content?: unknown[] };
    if (record.type === 'text' && typeof record.text === 'string') into.push(record.text);
    if (record.type === 'paragraph') {
      const words: string[] = [];
      for (const child of record.content ?? []) walk(child, words);
      paragraphs.push(words.join(''));
      return;
    }
    for (const child of record.content ?? []) walk(child, into);
  };
  walk(body, []);
  return normalize(paragraphs.join('\n'));
}

function normalize(text: string): string {
  return text
    .replace(/\r\n/g, '\n')
    .replace(/[ \t]+/g, ' ')
    .trim();
}

// Characters that start wiki markup, macros or links; a backslash makes each literal.
function escapeWiki(text: string): string {
  return text.replace(/[\\{}[\]|*_^~+\-?#!]/g, (char) => `\\${char}`);
}
