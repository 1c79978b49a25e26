import type { Finance } from '../schema/finance.js';
import { inBase, type Base } from './money-in-base.js';

// Technology spend per new customer, next to the cost of acquiring one (CAC) and the value of one
// (CLTV), as the team measures them. The two move together or not: a correlation to interpret,
// never a cause the figures can show.

export interface Acquisition {
  newCustomers?: number | undefined;
  newCustomersSource?: string | undefined;
  /** The quarter's technology spend over the customers acquired in it; undefined when not given (or none acquired). */
  techPerCustomer?: number | undefined;
  cac?: number | undefined;
  cacSource?: string | undefined;
  /** Technology spend per new customer as a share of CAC. */
  techShareOfCac?: number | undefined;
  cltv?: number | undefined;
  cltvSource?: string | undefined;
  /** CLTV over CAC. */
  cltvToCac?: number | undefined;
}

export function acquisition(quarterSpend: number | undefined, finance: Finance | undefined, base: Base): Acquisition {
  const count = finance?.newCustomers?.count;
  const cac = finance?.cac ? inBase(finance.cac, base) : undefined;
  const cltv = finance?.cltv ? inBase(finance.cltv, base) : undefined;
  const techPerCustomer = quarterSpend !== undefined && count ? quarterSpend / count : undefined;
  return {
    newCustomers: count,
    newCustomersSource: finance?.newCustomers?.source,
    techPerCustomer,
    cac,
    cacSource: finance?.cac?.source,
    techShareOfCac: techPerCustomer !== undefined && cac ? techPerCustomer / cac : undefined,
    cltv,
    cltvSource: finance?.cltv?.source,
    cltvToCac: cltv !== undefined && cac ? cltv / cac : undefined,
  };
}
