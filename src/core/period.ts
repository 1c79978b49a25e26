// Quarters ("2026-Q4") are the unit of time for findings and roadmap commitments.

export const PERIOD_PATTERN = /^(\d{4})-Q([1-4])$/;

interface Quarter {
  year: number;
  quarter: 1 | 2 | 3 | 4;
}

function parsePeriod(text: string): Quarter | undefined {
  const match = PERIOD_PATTERN.exec(text);
  if (!match) return undefined;
  return { year: Number(match[1]), quarter: Number(match[2]) as Quarter['quarter'] };
}

function formatPeriod(q: Quarter): string {
  return `${q.year}-Q${q.quarter}`;
}

/** Ordinal so that quarters can be compared and subtracted. */
function periodIndex(text: string): number {
  const q = parsePeriod(text);
  if (!q) throw new Error(`not a period: ${text}`);
  return q.year * 4 + (q.quarter - 1);
}

function periodFromIndex(index: number): string {
  return formatPeriod({ year: Math.floor(index / 4), quarter: ((index % 4) + 1) as Quarter['quarter'] });
}

/** Quarters from `from` to `to` (negative when `to` is earlier). */
export function quartersBetween(from: string, to: string): number {
  return periodIndex(to) - periodIndex(from);
}

export function addQuarters(period: string, n: number): string {
  return periodFromIndex(periodIndex(period) + n);
}

export function periodOfDate(date: Date): string {
  return formatPeriod({ year: date.getUTCFullYear(), quarter: (Math.floor(date.getUTCMonth() / 3) + 1) as Quarter['quarter'] });
}

/** Last calendar day of the quarter, as YYYY-MM-DD. */
export function periodEndDate(period: string): string {
  const q = parsePeriod(period);
  if (!q) throw new Error(`not a period: ${period}`);
  const end = new Date(Date.UTC(q.year, q.quarter * 3, 0));
  return end.toISOString().slice(0, 10);
}

export function comparePeriods(a: string, b: string): number {
  return periodIndex(a) - periodIndex(b);
}

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A real calendar date written YYYY-MM-DD (2026-02-30 is not one). */
export function isCalendarDate(text: string): boolean {
  const match = DATE_PATTERN.exec(text);
  if (!match) return false;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}
