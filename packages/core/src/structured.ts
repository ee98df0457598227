// Parses text that users write as JSON or YAML (payloads, value maps), reporting where it broke.

/** Where and why a JSON or YAML text could not be read. */
export class SyntaxProblem extends Error {
  readonly line: number | undefined;
  readonly column: number | undefined;

  constructor(message: string, line?: number, column?: number) {
    super(line === undefined ? message : `line ${line}, column ${column ?? 1}: ${message}`);
    this.name = 'SyntaxProblem';
    this.line = line;
    this.column = column;
  }
}

/**
 * Parses JSON, or YAML when the text does not start like JSON. YAML is loaded only when needed,
 * so the common JSON case costs no start-up time. Throws SyntaxProblem with a line and column.
 */
export async function parseJsonOrYaml(text: string): Promise<unknown> {
  const trimmed = text.trim();
  if (trimmed === '') throw new SyntaxProblem('the text is empty');
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) return parseJson(text);
  const { parseDocument } = await import('yaml');
  const doc = parseDocument(text, { uniqueKeys: true, prettyErrors: true });
  const [first] = doc.errors;
  if (first !== undefined) {
    const pos = first.linePos?.[0];
    throw new SyntaxProblem(yamlProblem(first.message), pos?.line, pos?.col);
  }
  return doc.toJS({ maxAliasCount: 100 });
}

/** The first line of a YAML error without its " at line …" suffix (SyntaxProblem adds the position). */
export function yamlProblem(message: string): string {
  return (message.split('\n')[0] ?? message).replace(/ at line \d+, column \d+:?$/, '');
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    // V8 locates most mistakes ("… in JSON at position 9 (line 3 column 1)"), not all ("Unexpected token").
    const message = error instanceof Error ? error.message : String(error);
    const at = /\(line (\d+) column (\d+)\)/.exec(message);
    const problem = message.replace(/ in JSON at position \d+.*$/, '').replace(/, ".*$/s, '');
    throw new SyntaxProblem(problem, at ? Number(at[1]) : undefined, at ? Number(at[2]) : undefined);
  }
}

/** True for a plain object (not an array, not null). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
