import type { Findings } from '../schema/findings.js';
import { trackRecord, type TrackRecord } from './track-record.js';

// Every vendor across every snapshot, in quarter order: its score line, verdicts and the record
// of every roadmap promise it made.

export interface TrendPoint {
  period: string;
  /** Null before the vendor's first snapshot. */
  score: number | null;
  verdict: string | null;
  /** Not in this snapshot: the last known value is carried forward. */
  carried: boolean;
}

export interface VendorTrend {
  id: string;
  name: string;
  category: string;
  points: TrendPoint[];
  first: { period: string; score: number };
  latest: { period: string; score: number; verdict: string; carried: boolean };
  /** Latest known score minus the first. */
  change: number;
  record: TrackRecord;
}

export interface Trend {
  periods: string[];
  vendors: VendorTrend[];
}

/** `snapshots` in quarter order, one per quarter. */
export function trend(snapshots: readonly Findings[]): Trend {
  const periods = snapshots.map((s) => s.period);
  const ids = new Map<string, { name: string; category: string }>();
  for (const snapshot of snapshots) for (const v of snapshot.vendors) ids.set(v.id, { name: v.name, category: v.category });
  const byId = snapshots.map((snapshot) => new Map(snapshot.vendors.map((v) => [v.id, v])));
  const vendors: VendorTrend[] = [];
  for (const [id, identity] of ids) {
    const points: TrendPoint[] = [];
    let last: TrendPoint | undefined;
    const observations = [];
    for (const [i, snapshot] of snapshots.entries()) {
      const finding = byId[i]!.get(id);
      if (finding) {
        last = { period: snapshot.period, score: finding.score, verdict: finding.verdict, carried: false };
        points.push(last);
        observations.push({ period: snapshot.period, roadmap: finding.roadmap });
      } else {
        points.push(last ? { period: snapshot.period, score: last.score, verdict: last.verdict, carried: true } : { period: snapshot.period, score: null, verdict: null, carried: false });
      }
    }
    const known = points.filter((p) => p.score !== null);
    const first = known[0]!;
    const latest = known.at(-1)!;
    vendors.push({
      id,
      name: identity.name,
      category: identity.category,
      points,
      first: { period: first.period, score: first.score! },
      latest: { period: latest.period, score: latest.score!, verdict: latest.verdict!, carried: latest.carried },
      change: Math.round((latest.score! - first.score!) * 10) / 10,
      record: trackRecord(observations),
    });
  }
  return { periods, vendors };
}

export const TREND_SORTS = ['score', 'change', 'name', 'delivery'] as const;
export type TrendSort = (typeof TREND_SORTS)[number];

export function sortTrend(vendors: readonly VendorTrend[], by: TrendSort): VendorTrend[] {
  const delivery = (v: VendorTrend) => (v.record.kept + v.record.broken === 0 ? -1 : v.record.kept / (v.record.kept + v.record.broken));
  const key: Record<TrendSort, (a: VendorTrend, b: VendorTrend) => number> = {
    score: (a, b) => b.latest.score - a.latest.score,
    change: (a, b) => b.change - a.change,
    name: (a, b) => a.name.localeCompare(b.name),
    delivery: (a, b) => delivery(b) - delivery(a),
  };
  return [...vendors].sort((a, b) => key[by](a, b) || a.name.localeCompare(b.name) || (a.id < b.id ? -1 : 1));
}
