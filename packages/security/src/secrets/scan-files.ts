// Reads and scans a batch of files synchronously: the work a scan worker (or the main thread) does.
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import type { Finding } from '@flowkit/findings';
import { detectSecrets } from './detect.ts';

/** A file is binary when its first 8 KB hold a NUL byte (git's own test). */
export const BINARY_PROBE_BYTES = 8192;

/** What a batch of files gave. */
export interface BatchResult {
  findings: Finding[];
  filesScanned: number;
  bytesScanned: number;
  binary: number;
  symlinks: number;
  tooLargeFiles: string[];
  unreadableFiles: string[];
}

// O_NOFOLLOW makes a symbolic link fail (ELOOP) instead of reading its target, with no lstat; O_NONBLOCK keeps a
// FIFO where a file was listed from blocking the open (it is then not a file, and skipped).
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0);

/** Reuses one buffer for every file of a thread, so reading allocates nothing per file. */
export class FileScanner {
  private buffer: Buffer;
  readonly sizeLimit: number;

  constructor(sizeLimit: number) {
    this.sizeLimit = sizeLimit;
    this.buffer = Buffer.allocUnsafe(Math.min(sizeLimit, 1024 * 1024));
  }

  /** Scans `files` (relative to the absolute `root`, with '/'); a file that cannot be read is listed, never thrown. */
  scanBatch(root: string, files: readonly string[]): BatchResult {
    const result: BatchResult = {
      findings: [],
      filesScanned: 0,
      bytesScanned: 0,
      binary: 0,
      symlinks: 0,
      tooLargeFiles: [],
      unreadableFiles: [],
    };
    for (const file of files) {
      let length: number;
      try {
        const read = this.read(`${root}/${file}`);
        if (read === 'symlink' || read === 'not-a-file') {
          if (read === 'symlink') result.symlinks++;
          continue;
        }
        if (read === 'too-large') {
          result.tooLargeFiles.push(file);
          continue;
        }
        length = read;
      } catch {
        // The error says nothing about the content; the path is enough to look.
        result.unreadableFiles.push(file);
        continue;
      }
      if (this.buffer.subarray(0, Math.min(length, BINARY_PROBE_BYTES)).includes(0)) {
        result.binary++;
        continue;
      }
      result.filesScanned++;
      result.bytesScanned += length;
      const text = this.buffer.toString('latin1', 0, length);
      for (const finding of detectSecrets(text, { file, latin1: true })) result.findings.push(finding);
    }
    return result;
  }

  /** Reads a file into the buffer and returns its length, or why it was not read. */
  private read(path: string): number | 'symlink' | 'not-a-file' | 'too-large' {
    let descriptor: number;
    try {
      descriptor = openSync(path, OPEN_FLAGS);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ELOOP') return 'symlink';
      throw error;
    }
    try {
      const stats = fstatSync(descriptor);
      if (!stats.isFile()) return 'not-a-file';
      if (stats.size > this.sizeLimit) return 'too-large';
      if (stats.size > this.buffer.length)
        this.buffer = Buffer.allocUnsafe(Math.min(this.sizeLimit, stats.size * 2));
      // Read the size fstat gave (one read for most files, no extra read to see the end); a file that shrank
      // meanwhile ends early.
      let length = 0;
      while (length < stats.size) {
        const count = readSync(descriptor, this.buffer, length, stats.size - length, length);
        if (count === 0) break;
        length += count;
      }
      return length;
    } finally {
      closeSync(descriptor);
    }
  }
}
