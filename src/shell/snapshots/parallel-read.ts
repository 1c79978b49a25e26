import { availableParallelism } from 'node:os';
import { checkedFindingsBytes, findingsOf, splitFindingBytes, type SplitFindingBytes } from '../../core/load/findings-by-vendor.js';
import type { VendorFinding } from '../../core/schema/findings.js';
import type { Findings } from '../../core/schema/findings.js';
import type { ReadingProgress } from '../progress.js';
import { runWorker } from '../run-worker.js';

// A snapshot in the layout aiclaim writes is read vendor by vendor (findings-by-vendor.ts), from
// its bytes, each vendor's decoded as it is read. The YAML of a large one takes seconds a core even
// for the fast reader: its vendors are read on every core, each worker given the bytes of its share.

/** Below this many vendors a worker costs more to start than it saves. */
const MIN_VENDORS_PER_WORKER = 1000;

/** What a snapshot worker is given: the bytes of its vendors' items, and where each ends. */
export interface SnapshotShare {
  bytes: Uint8Array;
  ends: number[];
}

/**
 * A snapshot's findings read vendor by vendor, on every core when it is large; 'whole' when a
 * vendor could not be read by itself (the snapshot is then read as one document, which says where
 * its problems are); undefined when its bytes are not in the layout.
 */
export async function findingsByVendorOfBytes(bytes: Uint8Array, shown: string, reading?: ReadingProgress): Promise<Findings | 'whole' | undefined> {
  const split = splitFindingBytes(bytes);
  if (!split) return undefined;
  const workers = Math.min(availableParallelism(), Math.floor(split.starts.length / MIN_VENDORS_PER_WORKER));
  const progress = reading?.(shown, split.starts.length);
  try {
    if (workers < 2) {
      const decoder = new TextDecoder('utf-8', { fatal: true });
      const { body, starts } = split;
      const vendors = starts.map((start, i) => {
        progress?.update(i);
        return checkedFindingsBytes(body.subarray(start, starts[i + 1] ?? body.length), decoder);
      });
      return findingsOf(split.header, vendors) ?? 'whole';
    }
    const vendors = await readShares(sharesOf(split, workers), (done) => progress?.update(done));
    return findingsOf(split.header, vendors) ?? 'whole';
  } finally {
    progress?.end();
  }
}

/**
 * Each share read on a worker of its own, the vendors in the order of the shares; `onProgress`: how
 * many are read so far. Each share's bytes are moved to its worker, not copied: the file is not
 * held a third time while they read it, and the shares are empty here afterwards.
 */
export async function readShares(shares: readonly SnapshotShare[], onProgress?: (done: number) => void): Promise<(VendorFinding | undefined)[]> {
  const done = shares.map(() => 0);
  const read = await Promise.all(
    shares.map((share, w) =>
      runWorker<VendorFinding | undefined>(
        'snapshot-worker',
        share,
        (count) => {
          done[w] = count;
          onProgress?.(done.reduce((a, b) => a + b, 0));
        },
        [share.bytes.buffer as ArrayBuffer],
      ),
    ),
  );
  return read.flat();
}

/** The vendors' items shared out in `workers` runs of consecutive items, each run's bytes a copy of its own. */
export function sharesOf({ body, starts }: SplitFindingBytes, workers: number): SnapshotShare[] {
  const size = Math.ceil(starts.length / workers);
  return Array.from({ length: workers }, (_, w) => {
    const first = w * size;
    const last = Math.min(starts.length, first + size);
    const from = starts[first] ?? body.length;
    const ends: number[] = [];
    for (let i = first; i < last; i++) ends.push((starts[i + 1] ?? body.length) - from);
    // A copy, not a view: a view would send the whole file to each worker.
    return { bytes: new Uint8Array(body.subarray(from, from + (ends.at(-1) ?? 0))), ends };
  });
}
