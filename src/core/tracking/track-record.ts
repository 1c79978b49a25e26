import { comparePeriods, quartersBetween } from '../period.js';
import type { CommitmentResult } from '../schema/findings.js';

// A vendor's roadmap promises as observed across snapshots: each promise judged against the
// quarter first recorded for it, so that moving a date in the file does not rewrite history.

export interface RoadmapObservation {
  period: string;
  roadmap: readonly CommitmentResult[];
}

type PromiseOutcome = 'kept' | 'late' | 'slipped' | 'overdue' | 'dropped' | 'withdrawn' | 'pending';

interface PromiseRecord {
  id: string;
  title: string;
  /** The quarter the promise was first recorded as due. */
  firstDue: string;
  outcome: PromiseOutcome;
  /** Quarters between the first due quarter and delivery (or the latest promised quarter). */
  quartersLate: number;
  /** Times the promised quarter moved later between observations. */
  slips: number;
  firstSeen: string;
  lastSeen: string;
  deliveredIn?: string | undefined;
}

export interface TrackRecord {
  /** Observations (snapshots, and the current file) that include the vendor. */
  observations: number;
  promises: PromiseRecord[];
  kept: number;
  broken: number;
  pending: number;
}

const BROKEN: ReadonlySet<PromiseOutcome> = new Set(['late', 'slipped', 'overdue', 'dropped', 'withdrawn']);

/** `observations` in any order; each holds one vendor's roadmap as recorded in one quarter. */
export function trackRecord(observations: readonly RoadmapObservation[]): TrackRecord {
  const ordered = [...observations].sort((a, b) => comparePeriods(a.period, b.period));
  const latest = ordered.at(-1);
  const seen = new Map<string, { period: string; result: CommitmentResult }[]>();
  for (const observation of ordered) {
    for (const result of observation.roadmap) {
      const list = seen.get(result.id) ?? [];
      list.push({ period: observation.period, result });
      seen.set(result.id, list);
    }
  }
  const promises = [...seen.entries()].map(([id, history]) => judge(id, history, latest));
  const count = (f: (p: PromiseRecord) => boolean) => promises.filter(f).length;
  return {
    observations: ordered.length,
    promises,
    kept: count((p) => p.outcome === 'kept'),
    broken: count((p) => BROKEN.has(p.outcome)),
    pending: count((p) => p.outcome === 'pending'),
  };
}

function judge(id: string, history: { period: string; result: CommitmentResult }[], latest: RoadmapObservation | undefined): PromiseRecord {
  const first = history[0]!;
  const last = history.at(-1)!;
  const firstDue = first.result.due;
  const promisedFor = (r: CommitmentResult) => r.revisedDue ?? r.due;
  let slips = 0;
  for (let i = 1; i < history.length; i++) if (comparePeriods(promisedFor(history[i]!.result), promisedFor(history[i - 1]!.result)) > 0) slips++;
  const base = { id, title: last.result.title, firstDue, slips, firstSeen: first.period, lastSeen: last.period };
  const r = last.result;
  // Gone from the latest record without being delivered or dropped: withdrawn in silence.
  if (latest && last.period !== latest.period && !['on-time', 'late', 'dropped'].includes(r.state)) {
    return { ...base, outcome: 'withdrawn', quartersLate: Math.max(0, quartersBetween(firstDue, latest.period)) };
  }
  switch (r.state) {
    case 'on-time':
    case 'late': {
      const late = Math.max(0, quartersBetween(firstDue, r.deliveredIn ?? firstDue));
      return { ...base, outcome: late === 0 ? 'kept' : 'late', quartersLate: late, deliveredIn: r.deliveredIn };
    }
    case 'dropped':
      return { ...base, outcome: 'dropped', quartersLate: 0 };
    case 'overdue':
      return { ...base, outcome: 'overdue', quartersLate: Math.max(0, quartersBetween(firstDue, last.period)) };
    case 'slipped':
      return { ...base, outcome: 'slipped', quartersLate: Math.max(0, quartersBetween(firstDue, promisedFor(r))) };
    case 'pending': {
      // Still ahead, but later than first promised: it has slipped already.
      const moved = comparePeriods(promisedFor(r), firstDue) > 0;
      return { ...base, outcome: moved ? 'slipped' : 'pending', quartersLate: moved ? quartersBetween(firstDue, promisedFor(r)) : 0 };
    }
  }
}

/** Share of promises that came due and were kept on time, or undefined when none has come due. */
export function keptShare(record: TrackRecord): number | undefined {
  const decided = record.kept + record.broken;
  return decided === 0 ? undefined : record.kept / decided;
}
