import { workerData } from 'node:worker_threads';
import { checkedFindingsBytes } from '../../core/load/findings-by-vendor.js';
import { sendResults } from '../run-worker.js';
import type { SnapshotShare } from './parallel-read.js';

// One worker reading a snapshot in parallel: decodes, parses and checks its share of the vendors'
// items, sending them back a few hundred at a time, which the progress line counts (parallel-read.ts).

const SEND_EVERY = 250;

function* checked({ bytes, ends }: SnapshotShare) {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let start = 0;
  for (const end of ends) {
    yield checkedFindingsBytes(bytes.subarray(start, end), decoder);
    start = end;
  }
}

sendResults(checked(workerData as SnapshotShare), SEND_EVERY);
