import type { Finance } from '../schema/finance.js';
import type { VendorFinding } from '../schema/findings.js';
import { inBase, type Base } from './money-in-base.js';

// The technology spend of a quarter. Vendor spend is annual (the contract's yearly amount, as the
// vendor files give it), so the quarter's share of it is a quarter of the year's. Finance may book
// the quarter's technology spend itself (`technologySpend` in finance/<quarter>.yaml): that figure
// is then the one compared with the budget and with the customers acquired.

export interface TechnologySpend {
  /** The sum of the vendors' annual spend, in the base currency. */
  annual: number;
  /** The quarter's technology spend: finance's figure where given, else a quarter of `annual`. */
  quarter: number;
  from: 'vendors' | 'finance';
  /** Finance's source text, when the figure is finance's. */
  source?: string | undefined;
  /** Vendors with spend recorded. */
  vendors: number;
  /** Vendors whose spend is in a currency with no rate: left out of the sum, named. */
  unconverted: { id: string; name: string; currency: string }[];
}

export function technologySpend(vendors: readonly VendorFinding[], finance: Finance | undefined, base: Base): TechnologySpend {
  let annual = 0;
  let counted = 0;
  const unconverted: TechnologySpend['unconverted'] = [];
  for (const v of vendors) {
    if (!v.spend) continue;
    const amount = inBase(v.spend, base);
    if (amount === undefined) unconverted.push({ id: v.id, name: v.name, currency: v.spend.currency });
    else {
      annual += amount;
      counted += 1;
    }
  }
  const booked = finance?.technologySpend ? inBase(finance.technologySpend, base) : undefined;
  return booked === undefined
    ? { annual, quarter: annual / 4, from: 'vendors', vendors: counted, unconverted }
    : { annual, quarter: booked, from: 'finance', source: finance!.technologySpend!.source, vendors: counted, unconverted };
}
