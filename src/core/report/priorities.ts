// What matters first: the order of the report's actions and the renewals coming up. A renewal is
// the date a decision is due, so the soonest renewal comes first, then the largest spend; a vendor's
// own actions stay together, the most serious first. Pure: "today" is given.

export const RENEWAL_WINDOW_DAYS = 90;

export interface Urgency {
  /** The contract's renewal date (YYYY-MM-DD), when known: none sorts last. */
  renewal?: string | undefined;
  /** The annual spend, in one currency for all (converted) where the rates allow: larger first. */
  spend: number;
  vendorName: string;
  vendor: string;
  /** The action's place among the kinds (retire first): a vendor's actions in that order. */
  rank: number;
}

export function compareUrgency(a: Urgency, b: Urgency): number {
  if (a.renewal !== b.renewal) {
    if (a.renewal === undefined) return 1;
    if (b.renewal === undefined) return -1;
    return a.renewal < b.renewal ? -1 : 1;
  }
  return b.spend - a.spend || a.vendorName.localeCompare(b.vendorName) || (a.vendor < b.vendor ? -1 : a.vendor > b.vendor ? 1 : 0) || a.rank - b.rank;
}

/** `date` (YYYY-MM-DD) plus `days`, as YYYY-MM-DD. */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (both YYYY-MM-DD). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** The items renewing from today to `days` ahead, both included, soonest first, then the largest spend. */
export function renewingWithin<T extends { renewal?: string | undefined; spend: number; name: string }>(
  items: readonly T[],
  today: string,
  days = RENEWAL_WINDOW_DAYS,
): T[] {
  const until = addDays(today, days);
  return items
    .filter((i) => i.renewal !== undefined && i.renewal >= today && i.renewal <= until)
    .sort((a, b) => (a.renewal! < b.renewal! ? -1 : a.renewal! > b.renewal! ? 1 : 0) || b.spend - a.spend || a.name.localeCompare(b.name));
}
