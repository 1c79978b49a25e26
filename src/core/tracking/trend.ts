import type { Findings } from '../schema/findings.js';
import { NOT_ASSESSED } from '../schema/questionnaire.js';
import { snapshotRiskScale, snapshotScale, verdictScale } from '../scoring/verdict-scale.js';
import { trackRecord, type TrackRecord } from './track-record.js';

// Every vendor across every snapshot, in quarter order: its score line, verdicts and the record
// of every roadmap promise it made.

export interface TrendPoint {
  period: string;
  /** Null before the vendor's first snapshot, and in a quarter it was not assessed. */
  score: number | null;
  /** Null before the vendor's first snapshot; "not-assessed" when too little was known. */
  verdict: string | null;
  /** The risk rating, when the snapshot rates risk. */
  risk?: string | undefined;
  /** Not in this snapshot: the last known value is carried forward. */
  carried: boolean;
}

export interface VendorTrend {
  id: string;
  name: string;
  category: string;
  points: TrendPoint[];
  /** The first quarter the vendor was assessed in; absent if it never was. */
  first?: { period: string; score: number } | undefined;
  latest: { period: string; score: number | null; verdict: string; carried: boolean };
  /**
   * Latest score minus the first one given by the same questionnaire (`changeFrom`), both assessed;
   * null without two such scores. A score of another edition is not compared with it.
   */
  change: number | null;
  /** The quarter the change counts from. */
  changeFrom?: string | undefined;
  record: TrackRecord;
}

export interface Trend {
  periods: string[];
  /** Each run of quarters scored with one questionnaire, oldest first: one entry when it never changed. */
  editions: { from: string; to: string; questionnaire: Findings['questionnaire'] }[];
  /** The latest snapshot's verdicts, best first, each with its letter (S, P, W, U), then not assessed. */
  verdicts: { id: string; label: string; letter: string }[];
  /** The latest snapshot's risk bands, lowest risk first, with their letters, then not assessed; empty when it rates no risk. */
  risks: { id: string; label: string; letter: string }[];
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
    const editionOf = new Map<string, string>();
    let last: TrendPoint | undefined;
    const observations = [];
    for (const [i, snapshot] of snapshots.entries()) {
      const finding = byId[i]!.get(id);
      if (finding) {
        last = { period: snapshot.period, score: finding.score, verdict: finding.verdict, risk: finding.risk?.rating, carried: false };
        editionOf.set(snapshot.period, snapshot.questionnaire.hash);
        points.push(last);
        observations.push({ period: snapshot.period, roadmap: finding.roadmap });
      } else {
        points.push(last ? { period: snapshot.period, score: last.score, verdict: last.verdict, risk: last.risk, carried: true } : { period: snapshot.period, score: null, verdict: null, carried: false });
      }
    }
    const scored = points.filter((p) => p.score !== null && !p.carried);
    const first = scored[0];
    const latest = points.filter((p) => p.verdict !== null).at(-1)!;
    const lastScored = scored.at(-1);
    // The change counts within the latest edition only: a score of another questionnaire is another measure.
    const since = lastScored ? scored.find((p) => editionOf.get(p.period) === editionOf.get(lastScored.period)) : undefined;
    vendors.push({
      id,
      name: identity.name,
      category: identity.category,
      points,
      first: first ? { period: first.period, score: first.score! } : undefined,
      latest: { period: latest.period, score: latest.score, verdict: latest.verdict!, carried: latest.carried },
      change: since && lastScored && since !== lastScored && latest.score !== null ? Math.round((lastScored.score! - since.score!) * 10) / 10 : null,
      changeFrom: since && since !== lastScored ? since.period : undefined,
      record: trackRecord(observations),
    });
  }
  const scale = snapshots.length ? snapshotScale(snapshots.at(-1)!) : verdictScale([]);
  const verdicts = [...scale.order, NOT_ASSESSED.id].map((id) => ({ id, label: scale.label(id), letter: scale.letter(id) }));
  const riskScale = snapshots.length ? snapshotRiskScale(snapshots.at(-1)!) : verdictScale([]);
  const risks = riskScale.order.length ? [...riskScale.order, NOT_ASSESSED.id].map((id) => ({ id, label: riskScale.label(id).replace(/ risk$/i, ''), letter: riskScale.letter(id) })) : [];
  return { periods, editions: editionsOf(snapshots), verdicts, risks, vendors };
}

function editionsOf(snapshots: readonly Findings[]): Trend['editions'] {
  const out: Trend['editions'] = [];
  for (const s of snapshots) {
    const last = out.at(-1);
    if (last && last.questionnaire.hash === s.questionnaire.hash) last.to = s.period;
    else out.push({ from: s.period, to: s.period, questionnaire: s.questionnaire });
  }
  return out;
}

export const TREND_SORTS = ['score', 'change', 'name', 'delivery'] as const;
export type TrendSort = (typeof TREND_SORTS)[number];

export function sortTrend(vendors: readonly VendorTrend[], by: TrendSort): VendorTrend[] {
  const delivery = (v: VendorTrend) => (v.record.kept + v.record.broken === 0 ? -1 : v.record.kept / (v.record.kept + v.record.broken));
  // Vendors without a score (or a change) come after those with one.
  const missingLast = (a: number | null, b: number | null) => (a === null ? (b === null ? 0 : 1) : b === null ? -1 : b - a);
  const key: Record<TrendSort, (a: VendorTrend, b: VendorTrend) => number> = {
    score: (a, b) => missingLast(a.latest.score, b.latest.score),
    change: (a, b) => missingLast(a.change, b.change),
    name: (a, b) => a.name.localeCompare(b.name),
    delivery: (a, b) => delivery(b) - delivery(a),
  };
  return [...vendors].sort((a, b) => key[by](a, b) || a.name.localeCompare(b.name) || (a.id < b.id ? -1 : 1));
}
