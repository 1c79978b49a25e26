import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { PACKAGE_ROOT } from './package-root.js';

/** What a worker sends: its result, once, and before it any number of progress counts. */
type WorkerMessage<T> = { result: T } | { progress: number };

/** Runs one of the bundle's workers (`dist/<name>.js`) on `input`, and gives the result it sends back. */
export function runWorker<T>(name: 'score-worker' | 'snapshot-worker', input: unknown, onProgress?: (done: number) => void): Promise<T> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(join(PACKAGE_ROOT, 'dist', `${name}.js`), { workerData: input });
    worker.on('message', (message: WorkerMessage<T>) => {
      if ('progress' in message) onProgress?.(message.progress);
      else resolve(message.result);
    });
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (code !== 0) reject(new Error(`the ${name} stopped with code ${code}`));
    });
  });
}
