// The findings snapshot store: the one way into `findings/<YYYY-Qn>.yaml` and its cache.
//
//   list.ts           the snapshots of a folder, by what each file says it is (never by its name)
//   find.ts           a command's quarter or file argument → a loaded, checked snapshot
//   read.ts           a snapshot, validated, whole or a part of each vendor, through the cache
//   cache.ts          the per-workspace cache of parsed snapshots, checked, never trusted
//   history.ts        what earlier quarters hold, for scoring a vendor's track record
//   write.ts          where a quarter's snapshot goes, when it may be replaced, and writing it
//   parallel-read.ts  reading a large snapshot vendor by vendor on worker threads (worker.ts)
//
// Commands and the rest of the shell import from this module only.

export {
  checkOrder,
  currentHeader,
  latestBefore,
  namedOrLatest,
  questionnaireOf,
  refuseTampered,
  resolveSnapshot,
  snapshotsIn,
  type LoadedSnapshot,
} from './find.js';
export { listSnapshots } from './list.js';
export { snapshotIndex } from './read.js';
export { readCachedVendor, type CachedVendor } from './cache.js';
export { historyBefore, vendorHistory, type HeldHistory, type HeldRoadmaps } from './history.js';
export { guardSnapshot, snapshotOf, snapshotPath, updateSnapshotVendor, writeSnapshotFromParts } from './write.js';
