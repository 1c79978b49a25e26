import { workerData } from 'node:worker_threads';
import { checkedFindingsItem } from '../../core/load/findings-by-vendor.js';
import { sendResults } from '../run-worker.js';

// One worker reading a snapshot in parallel: parses and checks its share of the vendors' items,
// sending them back a few hundred at a time, which the progress line counts (parallel-read.ts).

const SEND_EVERY = 250;

function* checked(items: readonly string[]) {
  for (const item of items) yield checkedFindingsItem(item);
}

sendResults(checked(workerData as string[]), SEND_EVERY);
