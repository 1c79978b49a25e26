import { availableParallelism } from 'node:os';
import { checkedFindingsItem, findingsOf, splitFindings } from '../../core/load/findings-by-vendor.js';
import type { VendorFinding } from '../../core/schema/findings.js';
import type { Findings } from '../../core/schema/findings.js';
import type { ReadingProgress } from '../progress.js';
import { runWorker } from '../run-worker.js';

// The YAML of a large snapshot takes seconds a core even for the fast reader: its vendors are
// parsed and checked on every core. Undefined when the text is not in the layout aiclaim writes.

/** Below this many vendors a worker costs more to start than it saves. */
const MIN_VENDORS_PER_WORKER = 1000;

export async function findingsByVendorInParallel(text: string, shown: string, reading?: ReadingProgress): Promise<Findings | undefined> {
  const split = splitFindings(text);
  if (!split) return undefined;
  const progress = reading?.(shown, split.items.length);
  try {
    const workers = Math.min(availableParallelism(), Math.floor(split.items.length / MIN_VENDORS_PER_WORKER));
    if (workers < 2) {
      return findingsOf(
        split.header,
        split.items.map((item, i) => {
          progress?.update(i);
          return checkedFindingsItem(item);
        }),
      );
    }
    const size = Math.ceil(split.items.length / workers);
    const shares = Array.from({ length: workers }, (_, i) => split.items.slice(i * size, (i + 1) * size));
    const done = shares.map(() => 0);
    const vendors = await Promise.all(
      shares.map((share, w) =>
        runWorker<VendorFinding | undefined>('snapshot-worker', share, (count) => {
          done[w] = count;
          progress?.update(done.reduce((a, b) => a + b, 0));
        }),
      ),
    );
    return findingsOf(split.header, vendors.flat());
  } finally {
    progress?.end();
  }
}
