import { quartersBetween } from '../period.js';
import type { Fact } from '../schema/condition.js';
import type { CommitmentResult, CommitmentState } from '../schema/findings.js';
import type { Commitment } from '../schema/vendor.js';

// Where each roadmap commitment stands at the end of a period, and the delivery record it adds up to.

function commitmentState(c: Commitment, period: string): { state: CommitmentState; quartersLate: number } {
  // Scored as of an earlier quarter, a delivery that came later had not happened yet.
  if (c.status === 'delivered' && c.deliveredIn && quartersBetween(c.deliveredIn, period) < 0) return commitmentState({ ...c, status: 'planned' }, period);
  switch (c.status) {
    case 'delivered': {
      const late = Math.max(0, quartersBetween(c.due, c.deliveredIn ?? c.due));
      return { state: late === 0 ? 'on-time' : 'late', quartersLate: late };
    }
    case 'dropped':
      return { state: 'dropped', quartersLate: 0 };
    case 'slipped': {
      const revised = c.revisedDue ?? c.due;
      // A slip whose new date has also passed is overdue, and late by everything since the first date.
      if (quartersBetween(revised, period) > 0) return { state: 'overdue', quartersLate: quartersBetween(c.due, period) };
      return { state: 'slipped', quartersLate: Math.max(0, quartersBetween(c.due, revised)) };
    }
    case 'planned':
      if (quartersBetween(c.due, period) > 0) return { state: 'overdue', quartersLate: quartersBetween(c.due, period) };
      return { state: 'pending', quartersLate: 0 };
  }
}

export function roadmapResults(roadmap: readonly Commitment[] | undefined, period: string): CommitmentResult[] {
  return (roadmap ?? []).map((c) => {
    const { state, quartersLate } = commitmentState(c, period);
    return {
      id: c.id,
      title: c.title,
      promised: c.promised,
      due: c.due,
      status: c.status,
      deliveredIn: c.deliveredIn,
      revisedDue: c.revisedDue,
      state,
      quartersLate,
    };
  });
}

export interface DeliveryRecord {
  /** Commitments that are no longer pending: delivered, slipped, overdue or dropped. */
  decided: number;
  onTime: number;
  late: number;
  slipped: number;
  overdue: number;
  dropped: number;
  maxQuartersLate: number;
}

export function deliveryRecord(results: readonly CommitmentResult[]): DeliveryRecord {
  const count = (state: CommitmentState) => results.filter((r) => r.state === state).length;
  return {
    decided: results.filter((r) => r.state !== 'pending').length,
    onTime: count('on-time'),
    late: count('late'),
    slipped: count('slipped'),
    overdue: count('overdue'),
    dropped: count('dropped'),
    maxQuartersLate: results.reduce((max, r) => Math.max(max, r.quartersLate), 0),
  };
}

/** Share of decided commitments kept: on time counts whole, late counts half. */
export function deliveryShare(record: DeliveryRecord): number | undefined {
  if (record.decided === 0) return undefined;
  return (record.onTime + 0.5 * record.late) / record.decided;
}

export function roadmapFacts(record: DeliveryRecord, total: number): Pick<Record<Fact, number>, `roadmap.${string}` & Fact> {
  return {
    'roadmap.count': total,
    'roadmap.due': record.decided,
    'roadmap.delivered': record.onTime + record.late,
    'roadmap.onTime': record.onTime,
    'roadmap.late': record.late,
    'roadmap.slipped': record.slipped,
    'roadmap.overdue': record.overdue,
    'roadmap.dropped': record.dropped,
    'roadmap.maxQuartersLate': record.maxQuartersLate,
  };
}
