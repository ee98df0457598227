// Scans a whole tree for secrets, spreading files over worker threads.
import { stat } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { Worker } from 'node:worker_threads';
import { errorMessage, InputError, type Logger, silentLogger } from '@flowkit/core';
import { compareFindings, type Finding } from '@flowkit/findings';
import { type GitFileLister, gitLsFiles, listTreeFiles, type TreeFileList } from './files.ts';
import { type BatchResult, FileScanner } from './scan-files.ts';
import type { WorkerRequest, WorkerSetup } from './worker.ts';

/** Files larger than this are skipped by default (generated bundles, dumps, datasets). */
export const DEFAULT_SIZE_LIMIT = 5 * 1024 * 1024;

/** Below this many files, starting threads costs more than it saves. */
const WORKER_THRESHOLD = 1000;
/** More threads than this gain nothing: reading files becomes the limit. */
const MAX_WORKERS = 7;
/** Files per message to a worker: large enough that messaging is noise, small enough to balance the load. */
const BATCH_FILES = 64;

/** How to scan a tree. */
export interface TreeScanOptions {
  /** Skip files larger than this many bytes (default 5 MB). */
  sizeLimit?: number;
  /**
   * Worker threads to use beside the calling thread; 0 scans on the calling thread alone. Default: one per
   * CPU but one, for trees of 1000 files or more.
   */
  workers?: number;
  /** The worker script, for a bundle that ships it elsewhere (default: worker.ts beside this module). */
  workerUrl?: URL;
  /** Lists tracked files in a checkout (default: `git ls-files`); tests replace it. */
  listGitFiles?: GitFileLister;
  logger?: Logger;
}

/** What a scan found and what it left out. */
export interface SecretScanResult {
  /** Worst first, then by file and line. No finding holds a secret: only a short prefix and a fingerprint. */
  findings: Finding[];
  /** How the files were chosen. */
  source: 'git' | 'walk' | 'diff';
  filesScanned: number;
  bytesScanned: number;
  skipped: {
    /** Files with a NUL byte in their first 8 KB. */
    binary: number;
    /** Files over the size limit (listed in `tooLargeFiles`). */
    tooLarge: number;
    /** Files that could not be read, or in a diff came without a patch (listed in `unreadableFiles`). */
    unreadable: number;
    symlinks: number;
  };
  tooLargeFiles: string[];
  unreadableFiles: string[];
}

/**
 * Scans every file under `root` (see `listTreeFiles` for which) and returns the findings with counts of what was
 * skipped: binary files, files over the size limit, files that could not be read.
 */
export async function scanTree(root: string, options: TreeScanOptions = {}): Promise<SecretScanResult> {
  const sizeLimit = options.sizeLimit ?? DEFAULT_SIZE_LIMIT;
  if (!Number.isInteger(sizeLimit) || sizeLimit <= 0) {
    throw new InputError(
      'max-file-size',
      `must be a positive whole number of bytes, got ${sizeLimit}`,
      'Use e.g. 5242880 for 5 MB.',
    );
  }
  const absoluteRoot = resolve(root);
  const rootStats = await stat(absoluteRoot).catch(() => undefined);
  if (!rootStats?.isDirectory()) {
    throw new InputError(
      'path',
      `names ${JSON.stringify(root)}, which is not a directory`,
      'Give the directory to scan, e.g. the checkout root.',
    );
  }
  // Threads start while the files are listed: starting one (loading the scanner) takes about as long.
  const pool = options.workers === 0 ? undefined : new WorkerPool(absoluteRoot, sizeLimit, options);
  try {
    const listed = await listTreeFiles(absoluteRoot, options.listGitFiles ?? gitLsFiles);
    const batches: string[][] = [];
    for (let start = 0; start < listed.files.length; start += BATCH_FILES) {
      batches.push(listed.files.slice(start, start + BATCH_FILES));
    }
    const queue = { batches, next: 0 };
    const useWorkers = options.workers !== undefined || listed.files.length >= WORKER_THRESHOLD;
    if (!useWorkers) pool?.stop();
    const results = await Promise.all([
      ...(useWorkers && pool !== undefined ? pool.run(queue) : []),
      scanOnThisThread(absoluteRoot, sizeLimit, queue),
    ]);
    // Batches a failed worker gave back after this thread had finished.
    results.push(await scanOnThisThread(absoluteRoot, sizeLimit, queue));
    return combine(listed, results.flat());
  } finally {
    pool?.stop();
  }
}

/** Batches of files that the threads take from in turn. */
interface WorkQueue {
  batches: string[][];
  next: number;
}

function take(queue: WorkQueue): string[] | undefined {
  const batch = queue.batches[queue.next];
  if (batch !== undefined) queue.next++;
  return batch;
}

/**
 * Scans batches on the calling thread too, giving the event loop a turn after each one so the workers'
 * answers are read and they get their next batch without waiting.
 */
async function scanOnThisThread(root: string, sizeLimit: number, queue: WorkQueue): Promise<BatchResult[]> {
  const scanner = new FileScanner(sizeLimit);
  const results: BatchResult[] = [];
  for (let batch = take(queue); batch !== undefined; batch = take(queue)) {
    results.push(scanner.scanBatch(root, batch));
    await nextTurn();
  }
  return results;
}

/** One worker thread, and what to do if it fails while it holds batches. */
interface WorkerSlot {
  worker: Worker;
  failed: boolean;
  onFailure?: () => void;
}

/** Worker threads that scan batches beside the calling thread: one per extra CPU unless told otherwise. */
class WorkerPool {
  private readonly slots: WorkerSlot[] = [];
  private readonly logger: Logger;
  private stopping = false;

  constructor(root: string, sizeLimit: number, options: TreeScanOptions) {
    this.logger = options.logger ?? silentLogger;
    const count = options.workers ?? Math.min(availableParallelism() - 1, MAX_WORKERS);
    const url = options.workerUrl ?? new URL('./worker.ts', import.meta.url);
    const setup: WorkerSetup = { root, sizeLimit };
    // `node --input-type=module -e …` would pass its flag on, and a worker loading a file refuses it.
    const execArgv = process.execArgv.filter((arg) => !arg.startsWith('--input-type'));
    for (let index = 0; index < count; index++) {
      try {
        this.slots.push(this.watch(new Worker(url, { workerData: setup, execArgv })));
      } catch (error) {
        this.logger.warning(
          `Could not start a secret-scan worker (${errorMessage(error)}); scanning on fewer threads.`,
        );
      }
    }
  }

  /** Starts every worker on the queue; each promise ends with that worker's results. */
  run(queue: WorkQueue): Promise<BatchResult[]>[] {
    return this.slots.map((slot) => this.feed(slot, queue));
  }

  stop(): void {
    this.stopping = true;
    for (const slot of this.slots) void slot.worker.terminate();
  }

  /**
   * Listens for failure from the start: a worker can fail while loading (a bundle without the worker script),
   * before it is given any work, and an unheard 'error' would end the process.
   */
  private watch(worker: Worker): WorkerSlot {
    const slot: WorkerSlot = { worker, failed: false };
    const fail = (why: string) => {
      if (slot.failed || this.stopping) return;
      slot.failed = true;
      this.logger.warning(`A secret-scan worker failed (${why}); its files are scanned on another thread.`);
      slot.onFailure?.();
    };
    worker.on('error', (error) => fail(`${error.name}: ${error.message}`));
    worker.on('exit', (code) => fail(`it exited with code ${code}`));
    return slot;
  }

  /**
   * Keeps two batches in flight on the slot's worker so it never waits for this thread. If the worker fails,
   * its batches go back on the queue for the other threads.
   */
  private feed(slot: WorkerSlot, queue: WorkQueue): Promise<BatchResult[]> {
    return new Promise((done) => {
      const results: BatchResult[] = [];
      if (slot.failed) {
        done(results);
        return;
      }
      const inFlight: string[][] = [];
      const send = () => {
        const batch = take(queue);
        if (batch === undefined) return;
        inFlight.push(batch);
        slot.worker.postMessage({ files: batch } satisfies WorkerRequest);
      };
      slot.onFailure = () => {
        queue.batches.push(...inFlight.splice(0));
        done(results);
      };
      slot.worker.on('message', (result: BatchResult) => {
        inFlight.shift();
        results.push(result);
        send();
        if (inFlight.length === 0) done(results);
      });
      send();
      send();
      if (inFlight.length === 0) done(results);
    });
  }
}

function combine(listed: TreeFileList, results: BatchResult[]): SecretScanResult {
  const combined: SecretScanResult = {
    findings: [],
    source: listed.source,
    filesScanned: 0,
    bytesScanned: 0,
    skipped: { binary: 0, tooLarge: 0, unreadable: 0, symlinks: listed.symlinks },
    tooLargeFiles: [],
    unreadableFiles: [...listed.unreadableDirectories],
  };
  for (const result of results) {
    combined.findings.push(...result.findings);
    combined.filesScanned += result.filesScanned;
    combined.bytesScanned += result.bytesScanned;
    combined.skipped.binary += result.binary;
    combined.skipped.symlinks += result.symlinks;
    combined.tooLargeFiles.push(...result.tooLargeFiles);
    combined.unreadableFiles.push(...result.unreadableFiles);
  }
  combined.skipped.tooLarge = combined.tooLargeFiles.length;
  combined.skipped.unreadable = combined.unreadableFiles.length;
  combined.findings.sort(compareFindings);
  combined.tooLargeFiles.sort();
  combined.unreadableFiles.sort();
  return combined;
}
