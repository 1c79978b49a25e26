import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { contentHash } from '../core/digest.js';
import { comparePeriods, PERIOD_PATTERN } from '../core/period.js';
import type { VendorFinding } from '../core/schema/findings.js';
import type { VendorHistory } from '../core/scoring/vendor-history.js';
import { readSnapshotPart } from './findings-snapshot.js';
import { UserError } from './user-error.js';
import { shownPath } from './shown-path.js';

// The findings snapshots of a workspace, by quarter: the history later quarters are scored with.

export interface SnapshotFile {
  period: string;
  path: string;
}

/** Snapshot files named by quarter (2026-Q3.yaml), in quarter order. */
export async function snapshotFiles(findingsDir: string): Promise<SnapshotFile[]> {
  let names: string[];
  try {
    names = await readdir(findingsDir);
  } catch {
    return [];
  }
  return names
    .map((name) => /^(\d{4}-Q[1-4])\.ya?ml$/.exec(name))
    .filter((m): m is RegExpExecArray => m !== null && PERIOD_PATTERN.test(m[1]!))
    .map((m) => ({ period: m[1]!, path: join(findingsDir, m[0]) }))
    .sort((a, b) => comparePeriods(a.period, b.period));
}

/** Reads what `pick` takes of each vendor of a snapshot, checking that it holds the quarter its file is named for. */
async function readPeriodSnapshotPart<T>(file: SnapshotFile, cwd: string, cacheDir: string | undefined, pick: (vendor: VendorFinding) => T): Promise<T[]> {
  const shown = shownPath(file.path, cwd);
  const { header, vendors } = await readSnapshotPart(file.path, shown, cacheDir, pick);
  if (header.period !== file.period) {
    throw new UserError(`${shown} is named for ${file.period} but holds the findings of ${header.period}`, { hint: 'rename the file after the quarter it holds' });
  }
  return vendors;
}

export interface History {
  vendors: Map<string, VendorHistory>;
  /** Identifies the snapshots read, so that a finding scored with other history is not reused. */
  digest: string;
}

/** Every vendor's roadmap in the snapshots of quarters before `period`. */
export async function historyBefore(findingsDir: string, period: string, cwd: string, cacheDir?: string): Promise<History> {
  const vendors = new Map<string, VendorHistory>();
  const parts: string[] = [];
  for (const file of await snapshotFiles(findingsDir)) {
    if (comparePeriods(file.period, period) >= 0) continue;
    // What the track record reads of a snapshot: each vendor's roadmap.
    const roadmaps = await readPeriodSnapshotPart(file, cwd, cacheDir, (v) => [v.id, v.roadmap] as const);
    parts.push(`${file.period}:${contentHash(JSON.stringify(roadmaps))}`);
    for (const [id, roadmap] of roadmaps) {
      const entry = vendors.get(id) ?? { earlier: [] };
      entry.earlier.push({ period: file.period, roadmap });
      vendors.set(id, entry);
    }
  }
  return { vendors, digest: contentHash(parts.join('\n')) };
}
