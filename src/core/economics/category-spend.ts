import { categoryLabel, MARTECH_CATEGORIES, OTHER_CATEGORY } from '../martech-categories.js';
import type { VendorFinding } from '../schema/findings.js';
import { inBase, type Base } from './money-in-base.js';

// Annual spend by martech category, in the seed priority order (then "other", by the team's own
// labels): only the categories the team buys in.

export interface CategorySpend {
  category: string;
  label: string;
  vendors: number;
  /** Annual spend in the base currency (vendors with no spend, or no rate, add nothing). */
  annual: number;
  /** Of the stack's annual spend. */
  share: number;
}

export function categorySpend(vendors: readonly VendorFinding[], base: Base): CategorySpend[] {
  const groups = new Map<string, { label: string; vendors: number; annual: number }>();
  for (const v of vendors) {
    const key = v.category === OTHER_CATEGORY.id ? `${OTHER_CATEGORY.id}:${v.categoryLabel ?? ''}` : v.category;
    const group = groups.get(key) ?? { label: categoryLabel(v.category, v.categoryLabel), vendors: 0, annual: 0 };
    group.vendors += 1;
    group.annual += v.spend ? (inBase(v.spend, base) ?? 0) : 0;
    groups.set(key, group);
  }
  const total = [...groups.values()].reduce((sum, g) => sum + g.annual, 0);
  const seed = MARTECH_CATEGORIES.map((c) => c.id as string);
  const rank = (key: string) => (seed.includes(key) ? seed.indexOf(key) : seed.length);
  return [...groups]
    .sort(([a, ga], [b, gb]) => rank(a) - rank(b) || ga.label.localeCompare(gb.label))
    .map(([key, g]) => ({ category: key.split(':')[0]!, label: g.label, vendors: g.vendors, annual: g.annual, share: total ? g.annual / total : 0 }));
}
