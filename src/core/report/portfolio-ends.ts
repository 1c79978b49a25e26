// A large portfolio on a board's page: the best and the worst vendors listed, the ones between
// counted by verdict and category. Three thousand rows help no one in a meeting.

export const DEFAULT_TOP = 10;

/**
 * The first `n` and the last `n` of a ranking (best first); `between` is what is left out. When
 * the ranking holds no more than 2n, every row is in `top` and nothing is left out.
 */
export function topAndWorst<T>(ranked: readonly T[], n: number): { top: T[]; worst: T[]; between: T[] } {
  const count = Math.max(0, Math.floor(n));
  if (ranked.length <= 2 * count) return { top: [...ranked], worst: [], between: [] };
  return { top: ranked.slice(0, count), worst: ranked.slice(ranked.length - count), between: ranked.slice(count, ranked.length - count) };
}

interface Counted {
  count: number;
  /** Counts per verdict, in the order of `verdicts` given. */
  byVerdict: number[];
}

export interface RestSummary extends Counted {
  /** Per category (in the order given, then the others by label), the categories with no vendor left out. */
  byCategory: (Counted & { category: string; label: string })[];
}

/** Vendors counted per verdict (in `verdicts`' order) and per category. */
export function summarise(
  rows: readonly { verdict: string; category: string; categoryLabel: string }[],
  verdicts: readonly string[],
  categoryOrder: readonly string[] = [],
): RestSummary {
  const at = new Map(verdicts.map((v, i) => [v, i]));
  const zero = () => verdicts.map(() => 0);
  const all: Counted = { count: 0, byVerdict: zero() };
  const categories = new Map<string, Counted & { category: string; label: string }>();
  for (const r of rows) {
    // A category of the team's own (other, with its label) is counted under that label.
    const key = `${r.category}\u0000${r.categoryLabel}`;
    let c = categories.get(key);
    if (!c) categories.set(key, (c = { category: r.category, label: r.categoryLabel, count: 0, byVerdict: zero() }));
    const i = at.get(r.verdict);
    all.count += 1;
    c.count += 1;
    if (i !== undefined) {
      all.byVerdict[i]! += 1;
      c.byVerdict[i]! += 1;
    }
  }
  const place = (category: string) => {
    const i = categoryOrder.indexOf(category);
    return i === -1 ? categoryOrder.length : i;
  };
  const byCategory = [...categories.values()].sort((a, b) => place(a.category) - place(b.category) || a.label.localeCompare(b.label));
  return { ...all, byCategory };
}
