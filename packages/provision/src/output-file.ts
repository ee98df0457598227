// Reads the URL a driver's script or playbook left in Flowkit's output file: `url=…` lines or a JSON object.
import { readFile } from 'node:fs/promises';
import { DriverOutputError } from './driver.ts';

/**
 * The values in an output file: a JSON object's top-level strings, or `name=value` lines (blank lines and `#`
 * comments skipped; the last value of a name wins). Undefined when the file does not exist.
 */
export async function readOutputFile(path: string): Promise<Record<string, string> | undefined> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  return parseOutput(text, path);
}

/** Parses an output file's text; throws DriverOutputError naming the file and line that cannot be read. */
export function parseOutput(text: string, where: string): Record<string, string> {
  const trimmed = text.trim();
  if (trimmed.startsWith('{')) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(trimmed);
    } catch (error) {
      throw new DriverOutputError(`${where} is not valid JSON: ${(error as Error).message}`);
    }
    const values: Record<string, string> = {};
    for (const [name, value] of Object.entries(parsed as Record<string, unknown>)) {
      if (typeof value === 'string') values[name] = value;
    }
    return values;
  }
  const values: Record<string, string> = {};
  for (const [index, raw] of text.split(/\r?\n/).entries()) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    const at = line.indexOf('=');
    if (at <= 0) {
      throw new DriverOutputError(
        `${where}:${index + 1} is not 'name=value' or JSON: '${line.slice(0, 100)}'`,
      );
    }
    values[line.slice(0, at).trim()] = line.slice(at + 1).trim();
  }
  return values;
}

/** The `url` of an output file, checked to be http(s); undefined when the file or the value is absent. */
export async function readOutputUrl(path: string): Promise<string | undefined> {
  const url = (await readOutputFile(path))?.url;
  if (url === undefined || url === '') return undefined;
  if (!/^https?:\/\/\S+$/.test(url)) {
    throw new DriverOutputError(`${path} gives url '${url.slice(0, 200)}', which is not an http(s) URL`);
  }
  return url;
}
