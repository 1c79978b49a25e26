import type { Vendor } from '../schema/vendor.js';
import type { VendorScore } from './types.js';

// Orders scored vendors for reports: highest score first, ties share a rank.

export interface RankedVendor {
  rank: number;
  vendor: Vendor;
  score: VendorScore;
  /** Where the vendor's answers came from, as shown to the user. */
  file: string;
}

export function rankVendors(entries: readonly Omit<RankedVendor, 'rank'>[]): RankedVendor[] {
  const sorted = [...entries].sort((a, b) => b.score.score - a.score.score || a.vendor.name.localeCompare(b.vendor.name) || (a.vendor.id < b.vendor.id ? -1 : 1));
  let rank = 0;
  return sorted.map((entry, i) => {
    if (i === 0 || sorted[i - 1]!.score.score !== entry.score.score) rank = i + 1;
    return { ...entry, rank };
  });
}
