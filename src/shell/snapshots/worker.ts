import { parentPort, workerData } from 'node:worker_threads';
import { parseFindingsItem } from '../../core/load/findings-by-vendor.js';

// One worker reading a snapshot in parallel: parses its share of the vendors' items.

parentPort!.postMessage({ result: (workerData as string[]).map(parseFindingsItem) });
