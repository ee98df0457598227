// A scan worker thread: scans the batches of files the main thread sends and posts back what it found.
import { parentPort, workerData } from 'node:worker_threads';
import { FileScanner } from './scan-files.ts';

/** A batch of files to scan, relative to the root the worker was started with. */
export interface WorkerRequest {
  files: string[];
}

/** What the worker is started with. */
export interface WorkerSetup {
  root: string;
  sizeLimit: number;
}

const setup = workerData as WorkerSetup;
const scanner = new FileScanner(setup.sizeLimit);

parentPort?.on('message', (request: WorkerRequest) => {
  parentPort?.postMessage(scanner.scanBatch(setup.root, request.files));
});
