import { parentPort, workerData } from 'node:worker_threads';
import { checkedFindingsItem } from '../../core/load/findings-by-vendor.js';

// One worker reading a snapshot in parallel: parses and checks its share of the vendors' items, and
// says how many it has read every so often, for the progress line (parallel-read.ts).

const PROGRESS_EVERY = 250;

const items = workerData as string[];
const vendors = items.map((item, i) => {
  if (i > 0 && i % PROGRESS_EVERY === 0) parentPort!.postMessage({ progress: i });
  return checkedFindingsItem(item);
});
parentPort!.postMessage({ result: vendors });
