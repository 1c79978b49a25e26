import type { Fact } from '../schema/condition.js';

// A vendor's roadmap record across earlier findings snapshots. Filled in by the tracking core;
// without snapshots there is no history and the score says so.

export interface VendorHistory {
  /** Earlier snapshots that include the vendor. */
  snapshots: number;
  /** Commitments that came due across those snapshots and were delivered on time. */
  promisesKept: number;
  /** Commitments that came due and were delivered late, slipped, went overdue or were dropped. */
  promisesBroken: number;
}

export function historyFacts(history: VendorHistory | undefined): Pick<Record<Fact, number>, 'history.snapshots' | 'history.promisesKept' | 'history.promisesBroken'> {
  return {
    'history.snapshots': history?.snapshots ?? 0,
    'history.promisesKept': history?.promisesKept ?? 0,
    'history.promisesBroken': history?.promisesBroken ?? 0,
  };
}

export function trackRecordLine(history: VendorHistory | undefined): string {
  if (!history || history.snapshots === 0) return 'no history yet';
  const total = history.promisesKept + history.promisesBroken;
  return `${history.snapshots} earlier snapshot${history.snapshots === 1 ? '' : 's'}: ${history.promisesKept} of ${total} promise${total === 1 ? '' : 's'} kept`;
}
