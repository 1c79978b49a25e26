import type { Fact } from '../schema/condition.js';
import type { CommitmentResult } from '../schema/findings.js';
import { keptShare, trackRecord, type RoadmapObservation, type TrackRecord } from '../tracking/track-record.js';

// A vendor's roadmap in earlier findings snapshots. With the roadmap scored now, it makes the
// track record: promises kept and broken across quarters. Without snapshots, there is no history.

export interface VendorHistory {
  /** The vendor's roadmap in each earlier snapshot that includes it. */
  earlier: RoadmapObservation[];
}

export function vendorTrackRecord(history: VendorHistory | undefined, period: string, current: readonly CommitmentResult[]): TrackRecord | undefined {
  if (!history || history.earlier.length === 0) return undefined;
  return trackRecord([...history.earlier, { period, roadmap: current }]);
}

export function historyFacts(
  record: TrackRecord | undefined,
): Pick<Record<Fact, number>, 'history.snapshots' | 'history.promisesKept' | 'history.promisesBroken'> {
  return {
    'history.snapshots': record ? record.observations - 1 : 0,
    'history.promisesKept': record?.kept ?? 0,
    'history.promisesBroken': record?.broken ?? 0,
  };
}

export function trackRecordLine(record: TrackRecord | undefined): string {
  if (!record) return 'no history yet';
  const earlier = record.observations - 1;
  const decided = record.kept + record.broken;
  const head = `${earlier} earlier snapshot${earlier === 1 ? '' : 's'}`;
  if (decided === 0) return `${head}: no promise has come due yet`;
  const broken = (['late', 'slipped', 'overdue', 'dropped', 'withdrawn'] as const)
    .map((outcome) => [outcome, record.promises.filter((p) => p.outcome === outcome).length] as const)
    .filter(([, n]) => n > 0)
    .map(([outcome, n]) => `${n} ${outcome}`);
  const share = keptShare(record)!;
  return `${head}: ${record.kept} of ${decided} promise${decided === 1 ? '' : 's'} kept on time (${Math.round(share * 100)}%)${broken.length ? `; ${broken.join(', ')}` : ''}`;
}
