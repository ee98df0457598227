// Reads unified diffs (`git diff`, `diff -u`, GitHub's per-file patches) into the new-side lines of each file.

/** A line of the new version of a file, as a diff shows it. */
export interface DiffLine {
  /** Its line number in the new version. */
  number: number;
  text: string;
  /** True for an added line; false for a context line. */
  added: boolean;
}

/** One file of a diff: its path in the new version and the new-side lines of its hunks. */
export interface DiffFile {
  file: string;
  /** Hunks in order; each is a run of consecutive new-side lines. */
  hunks: DiffLine[][];
  /** Git said "Binary files … differ": there are no lines. */
  binary: boolean;
}

/** A changed file as GitHub's "list pull request files" returns it (no `patch` for binary or huge diffs). */
export interface PatchFile {
  filename: string;
  status?: string;
  patch?: string;
}

const HUNK_HEADER = /^@@ -\d+(?:,(\d+))? \+(\d+)(?:,(\d+))? @@/;

/**
 * Reads `git diff` output (one or more `diff --git` sections, or plain `---`/`+++` file headers) into files
 * and their hunks. Deleted files are left out. Hunk lengths from the `@@` headers decide where a hunk ends,
 * so an added line that starts with `++` or `--` is never mistaken for a file header.
 */
export function parseUnifiedDiff(diff: string): DiffFile[] {
  // A diff saved on Windows ends its lines with CRLF; the CR is not part of any line.
  const lines = diff.split(/\r?\n/);
  const files: DiffFile[] = [];
  let current: DiffFile | undefined;
  let pendingBinary: string | undefined;
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index] as string;
    if (line.startsWith('diff --git ')) {
      current = undefined;
      pendingBinary = gitHeaderPath(line);
      continue;
    }
    if ((line.startsWith('Binary files ') && line.endsWith(' differ')) || line === 'GIT binary patch') {
      const file = (line === 'GIT binary patch' ? undefined : binaryPath(line)) ?? pendingBinary;
      if (file !== undefined) files.push({ file, hunks: [], binary: true });
      pendingBinary = undefined;
      continue;
    }
    if (line.startsWith('+++ ') && lines[index - 1]?.startsWith('--- ')) {
      const file = headerPath(line.slice(4));
      current = file === undefined ? undefined : { file, hunks: [], binary: false };
      if (current !== undefined) files.push(current);
      continue;
    }
    const header = HUNK_HEADER.exec(line);
    if (header !== null && current !== undefined) {
      const hunk = readHunk(lines, index, header);
      current.hunks.push(hunk.lines);
      index = hunk.last;
    }
  }
  return files;
}

/** Reads GitHub's `patch` of one file: hunks without file headers. */
export function parsePatch(file: string, patch: string): DiffFile {
  const lines = patch.split(/\r?\n/);
  const result: DiffFile = { file, hunks: [], binary: false };
  for (let index = 0; index < lines.length; index++) {
    const header = HUNK_HEADER.exec(lines[index] as string);
    if (header === null) continue;
    const hunk = readHunk(lines, index, header);
    result.hunks.push(hunk.lines);
    index = hunk.last;
  }
  return result;
}

/** The new-side lines of the hunk whose header is at `start`, and the index of its last line. */
function readHunk(
  lines: string[],
  start: number,
  header: RegExpExecArray,
): { lines: DiffLine[]; last: number } {
  let oldLeft = header[1] === undefined ? 1 : Number(header[1]);
  let newLeft = header[3] === undefined ? 1 : Number(header[3]);
  let number = Number(header[2]);
  const hunk: DiffLine[] = [];
  let index = start + 1;
  for (; index < lines.length && (oldLeft > 0 || newLeft > 0); index++) {
    const line = lines[index] as string;
    const marker = line.charAt(0);
    if (marker === '+') {
      hunk.push({ number: number++, text: line.slice(1), added: true });
      newLeft--;
    } else if (marker === '-') {
      oldLeft--;
    } else if (marker === '\\') {
      // "\ No newline at end of file"
    } else if (marker === ' ' || line === '') {
      // Some tools strip the space of an empty context line.
      hunk.push({ number: number++, text: line.slice(1), added: false });
      oldLeft--;
      newLeft--;
    } else {
      break;
    }
  }
  // A trailing "\ No newline at end of file" belongs to this hunk.
  if (lines[index]?.startsWith('\\')) index++;
  return { lines: hunk, last: index - 1 };
}

/** The new path from a `+++ ` header, or undefined for /dev/null (a deleted file). */
function headerPath(text: string): string | undefined {
  // Non-git diffs put a timestamp after a tab.
  const path = unquote(text.split('\t')[0] as string);
  if (path === '/dev/null') return undefined;
  return path.startsWith('b/') ? path.slice(2) : path;
}

function gitHeaderPath(line: string): string | undefined {
  const match = / b\/(.+)$/.exec(line) ?? / "b\/(.+)"$/.exec(line);
  return match?.[1];
}

function binaryPath(line: string): string | undefined {
  const match = / and (.+) differ$/.exec(line);
  if (match === null) return undefined;
  const path = unquote(match[1] as string);
  if (path === '/dev/null') return undefined;
  return path.startsWith('b/') ? path.slice(2) : path;
}

/** Git quotes paths with unusual bytes C-style: "b/caf\303\251.txt". */
function unquote(path: string): string {
  if (!path.startsWith('"') || !path.endsWith('"')) return path;
  const bytes: number[] = [];
  const body = path.slice(1, -1);
  const escapes: Record<string, number> = { n: 10, t: 9, '"': 34, '\\': 92, a: 7, b: 8, f: 12, r: 13, v: 11 };
  for (let index = 0; index < body.length; index++) {
    const char = body.charAt(index);
    if (char !== '\\') {
      bytes.push(...Buffer.from(char, 'utf8'));
      continue;
    }
    const next = body.charAt(index + 1);
    if (/[0-7]/.test(next)) {
      bytes.push(Number.parseInt(body.slice(index + 1, index + 4), 8));
      index += 3;
    } else {
      bytes.push(escapes[next] ?? next.charCodeAt(0));
      index += 1;
    }
  }
  return Buffer.from(bytes).toString('utf8');
}

/** The new-file line numbers a diff adds to a file, ascending. */
export function addedLineNumbers(file: DiffFile): number[] {
  return file.hunks.flatMap((hunk) => hunk.filter((line) => line.added).map((line) => line.number));
}
