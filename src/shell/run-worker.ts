import { join } from 'node:path';
import { parentPort, Worker } from 'node:worker_threads';
import { PACKAGE_ROOT } from './package-root.js';

/**
 * What a worker sends: its results a few at a time, in order, each time with how many it has
 * done; then that it is done. Neither side holds the whole result twice, nor a copy of it to send.
 */
type WorkerMessage<T> = { done: number; results: T[] } | { end: true };

/**
 * A worker's young generation, in MB (V8 lets it grow to several times that a thread). A worker reads
 * file after file, each file's objects dead once it is done: a small young generation collects them
 * as often, for about 2% more time at 15,000 files, and keeps a long run's memory what a short run's is.
 */
const YOUNG_GENERATION_MB = 8;

/**
 * Runs one of the bundle's workers (`dist/<name>.js`) on `input`, and gives the results it sends back
 * (sendResults). `moved`: buffers in `input` handed to the worker rather than copied (they are then
 * empty here).
 */
export function runWorker<T>(
  name: 'score-worker' | 'snapshot-worker',
  input: unknown,
  onProgress?: (done: number) => void,
  moved: ArrayBuffer[] = [],
): Promise<T[]> {
  return new Promise((resolve, reject) => {
    const results: T[] = [];
    const worker = new Worker(join(PACKAGE_ROOT, 'dist', `${name}.js`), {
      workerData: input,
      transferList: moved,
      resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB },
    });
    worker.on('message', (message: WorkerMessage<T>) => {
      if ('end' in message) {
        resolve(results);
        return;
      }
      for (const result of message.results) results.push(result);
      onProgress?.(message.done);
    });
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (code !== 0) reject(new Error(`the ${name} stopped with code ${code}`));
    });
  });
}

/** In a worker: sends each result as it is made, `every` at a time, to the thread that ran it (runWorker). */
export function sendResults<T>(results: Iterable<T>, every: number): void {
  let batch: T[] = [];
  let done = 0;
  for (const result of results) {
    batch.push(result);
    done++;
    if (batch.length === every) {
      parentPort!.postMessage({ done, results: batch } satisfies WorkerMessage<T>);
      batch = [];
    }
  }
  if (batch.length > 0) parentPort!.postMessage({ done, results: batch } satisfies WorkerMessage<T>);
  parentPort!.postMessage({ end: true } satisfies WorkerMessage<T>);
}
