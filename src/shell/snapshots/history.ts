import { basename } from 'node:path';
import { contentHash } from '../../core/digest.js';
import { comparePeriods, PERIOD_PATTERN } from '../../core/period.js';
import type { CommitmentResult } from '../../core/schema/findings.js';
import type { VendorHistory } from '../../core/scoring/vendor-history.js';
import { listSnapshots } from './list.js';
import { readSnapshotPart } from './read.js';
import { shownPath } from '../shown-path.js';
import { UserError } from '../user-error.js';

// The findings snapshots of a workspace before a quarter, as listed by list.ts: the
// history (each vendor's roadmap, quarter by quarter) later quarters are scored with. A roadmap is
// held as its JSON text, a fraction of the memory of its objects, and parsed when its vendor is
// scored.

/** A vendor's roadmap in each earlier snapshot that includes it, as JSON text, oldest first. */
export type HeldRoadmaps = readonly { period: string; roadmap: string }[];
/** Each vendor's HeldRoadmaps, by vendor id. */
export type HeldHistory = ReadonlyMap<string, HeldRoadmaps>;

export interface History {
  vendors: HeldHistory;
  /** Identifies the snapshots read, so that a finding scored with other history is not reused. */
  digest: string;
}

/** A vendor's history as scoring reads it; undefined for a vendor no earlier snapshot holds. */
export function vendorHistory(held: HeldHistory, id: string): VendorHistory | undefined {
  const earlier = held.get(id);
  return earlier && { earlier: earlier.map(({ period, roadmap }) => ({ period, roadmap: JSON.parse(roadmap) as CommitmentResult[] })) };
}

/** Every vendor's roadmap in the snapshots of quarters before `period`. */
export async function historyBefore(findingsDir: string, period: string, cwd: string, cacheDir?: string): Promise<History> {
  const earlier: { period: string; shown: string; roadmaps: (readonly [string, string])[] }[] = [];
  for (const entry of await listSnapshots(findingsDir, cwd).catch(() => [])) {
    // A snapshot that says its quarter up top is read only when it is an earlier one.
    if (entry.period !== undefined && comparePeriods(entry.period, period) >= 0) continue;
    const shown = shownPath(entry.path, cwd);
    // What the track record reads of a snapshot: each vendor's roadmap.
    const { header, vendors } = await readSnapshotPart(entry.path, shown, cacheDir, (v) => [v.id, JSON.stringify(v.roadmap)] as const);
    const name = basename(entry.path).replace(/\.ya?ml$/i, '');
    if (PERIOD_PATTERN.test(name) && name !== header.period) {
      throw new UserError(`${shown} is named for ${name} but holds the findings of ${header.period}`, { hint: 'rename the file after the quarter it holds' });
    }
    if (comparePeriods(header.period, period) >= 0) continue;
    const same = earlier.find((e) => e.period === header.period);
    if (same)
      throw new UserError(`two snapshots hold ${header.period}: ${same.shown} and ${shown}`, {
        hint: 'keep one snapshot per quarter (move or delete the other)',
      });
    earlier.push({ period: header.period, shown, roadmaps: vendors });
  }
  const vendors = new Map<string, HeldRoadmaps>();
  const parts: string[] = [];
  for (const { period: quarter, roadmaps } of earlier.sort((a, b) => comparePeriods(a.period, b.period))) {
    parts.push(`${quarter}:${contentHash(roadmapsJson(roadmaps))}`);
    for (const [id, roadmap] of roadmaps) {
      const held = { period: quarter, roadmap };
      const entry = vendors.get(id);
      // A new array of its own size: an empty one grown by a push keeps room for 17 (150 bytes a vendor).
      vendors.set(id, entry ? entry.concat(held) : [held]);
    }
  }
  return { vendors, digest: contentHash(parts.join('\n')) };
}

/** The JSON of a snapshot's `[id, roadmap]` pairs, made from each roadmap's own JSON: the text JSON.stringify gives the pairs. */
export function roadmapsJson(roadmaps: readonly (readonly [string, string])[]): string {
  return `[${roadmaps.map(([id, roadmap]) => `[${JSON.stringify(id)},${roadmap}]`).join(',')}]`;
}
