import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { PACKAGE_ROOT } from './package-root.js';

/** Runs one of the bundle's workers (`dist/<name>.js`) on `input`, and gives the one message it sends back. */
export function runWorker<T>(name: 'score-worker' | 'snapshot-worker', input: unknown): Promise<T> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(join(PACKAGE_ROOT, 'dist', `${name}.js`), { workerData: input });
    worker.once('message', (result: T) => resolve(result));
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (code !== 0) reject(new Error(`the ${name} stopped with code ${code}`));
    });
  });
}
