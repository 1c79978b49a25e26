import { questionLineParser } from '../findings/build-findings.js';
import type { Findings, VendorFinding } from '../schema/findings.js';
import { restateScore, type Bridge } from './restate-score.js';
import { NOT_ASSESSED } from '../schema/questionnaire.js';
import { snapshotRiskScale, snapshotScale, verdictScale } from '../scoring/verdict-scale.js';
import { trackRecord, type TrackRecord } from './track-record.js';

// Every vendor across every snapshot, in quarter order: its score line, verdicts and the record
// of every roadmap promise it made.

interface TrendPoint {
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
  /**
   * When that quarter was scored with an earlier edition: its score restated in the latest
   * edition's terms (restate-score.ts), which the change counts from, and the score it records.
   */
  restated?: { score: number | null; recorded: number | null } | undefined;
  record: TrackRecord;
}

export interface Trend {
  periods: string[];
  /**
   * Each run of quarters scored with one questionnaire, oldest first: one entry when it never
   * changed. `restated`: an earlier edition's scores can be restated in the latest's terms (a
   * bridge was given for it), with the crosswalk file that joins them when there is one.
   */
  editions: { from: string; to: string; questionnaire: Findings['questionnaire']; restated?: { crosswalk?: string | undefined } | undefined }[];
  /** The latest snapshot's verdicts, best first, each with its letter (S, P, W, U), then not assessed. */
  verdicts: { id: string; label: string; letter: string }[];
  /** The latest snapshot's risk bands, lowest risk first, with their letters, then not assessed; empty when it rates no risk. */
  risks: { id: string; label: string; letter: string }[];
  vendors: VendorTrend[];
}

/**
 * An earlier edition's bridge to the latest one (by the earlier edition's questionnaire hash): its
 * scores are restated in the latest edition's terms where every question that counts is common.
 */
export type Bridges = ReadonlyMap<string, { bridge: Bridge; crosswalk?: string | undefined }>;

/** `snapshots` in quarter order, one per quarter. */
export function trend(snapshots: readonly Findings[], bridges: Bridges = new Map()): Trend {
  const periods = snapshots.map((s) => s.period);
  const ids = new Map<string, { name: string; category: string }>();
  for (const snapshot of snapshots) for (const v of snapshot.vendors) ids.set(v.id, { name: v.name, category: v.category });
  const byId = snapshots.map((snapshot) => new Map(snapshot.vendors.map((v) => [v.id, v])));
  const latestHash = snapshots.at(-1)?.questionnaire.hash;
  const parse = questionLineParser();
  const vendors: VendorTrend[] = [];
  for (const [id, identity] of ids) {
    const points: TrendPoint[] = [];
    const editionOf = new Map<string, string>();
    let last: TrendPoint | undefined;
    const observations = [];
    const findingAt = new Map<string, VendorFinding>();
    for (const [i, snapshot] of snapshots.entries()) {
      const finding = byId[i]!.get(id);
      if (finding) {
        findingAt.set(snapshot.period, finding);
        last = { period: snapshot.period, score: finding.score, verdict: finding.verdict, risk: finding.risk?.rating, carried: false };
        editionOf.set(snapshot.period, snapshot.questionnaire.hash);
        points.push(last);
        observations.push({ period: snapshot.period, roadmap: finding.roadmap });
      } else {
        points.push(
          last
            ? { period: snapshot.period, score: last.score, verdict: last.verdict, risk: last.risk, carried: true }
            : { period: snapshot.period, score: null, verdict: null, carried: false },
        );
      }
    }
    const scored = points.filter((p) => p.score !== null && !p.carried);
    const first = scored[0];
    const latest = points.filter((p) => p.verdict !== null).at(-1)!;
    const lastScored = scored.at(-1);
    // The change counts within the latest edition, or from an earlier edition's score restated in its
    // terms: a score of another questionnaire as it stands is another measure.
    const latestEdition = lastScored ? editionOf.get(lastScored.period) : undefined;
    let restated: VendorTrend['restated'];
    const since = lastScored
      ? scored.find((p) => {
          const edition = editionOf.get(p.period)!;
          if (edition === latestEdition) return true;
          const bridge = edition === latestHash ? undefined : bridges.get(edition);
          const r = bridge && restateScore(findingAt.get(p.period)!, findingAt.get(lastScored.period)!, bridge.bridge, parse);
          if (!r || r.score === null) return false;
          restated = { score: r.score, recorded: p.score };
          return true;
        })
      : undefined;
    const from = restated?.score ?? since?.score ?? null;
    vendors.push({
      id,
      name: identity.name,
      category: identity.category,
      points,
      first: first ? { period: first.period, score: first.score! } : undefined,
      latest: { period: latest.period, score: latest.score, verdict: latest.verdict!, carried: latest.carried },
      change: since && lastScored && since !== lastScored && latest.score !== null && from !== null ? Math.round((lastScored.score! - from) * 10) / 10 : null,
      changeFrom: since && since !== lastScored ? since.period : undefined,
      ...(restated ? { restated } : {}),
      record: trackRecord(observations),
    });
  }
  const scale = snapshots.length ? snapshotScale(snapshots.at(-1)!) : verdictScale([]);
  const verdicts = [...scale.order, NOT_ASSESSED.id].map((id) => ({ id, label: scale.label(id), letter: scale.letter(id) }));
  const riskScale = snapshots.length ? snapshotRiskScale(snapshots.at(-1)!) : verdictScale([]);
  const risks = riskScale.order.length
    ? [...riskScale.order, NOT_ASSESSED.id].map((id) => ({ id, label: riskScale.label(id).replace(/ risk$/i, ''), letter: riskScale.letter(id) }))
    : [];
  return { periods, editions: editionsOf(snapshots, bridges), verdicts, risks, vendors };
}

function editionsOf(snapshots: readonly Findings[], bridges: Bridges): Trend['editions'] {
  const out: Trend['editions'] = [];
  for (const s of snapshots) {
    const last = out.at(-1);
    if (last && last.questionnaire.hash === s.questionnaire.hash) last.to = s.period;
    else {
      const bridge = bridges.get(s.questionnaire.hash);
      out.push({
        from: s.period,
        to: s.period,
        questionnaire: s.questionnaire,
        ...(bridge && s.questionnaire.hash !== snapshots.at(-1)!.questionnaire.hash
          ? { restated: bridge.crosswalk ? { crosswalk: bridge.crosswalk } : {} }
          : {}),
      });
    }
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
