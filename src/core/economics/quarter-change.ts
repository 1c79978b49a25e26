import type { Finance } from '../schema/finance.js';
import type { Findings, VendorFinding } from '../schema/findings.js';
import { acquisition } from './acquisition.js';
import { budgetShare } from './budget-share.js';
import { inBase, type Base } from './money-in-base.js';
import { technologySpend } from './technology-spend.js';

// The stack's figures from one quarter to the next, and what moved them: a vendor added or
// retired, a contract renewed or repriced, a spend first recorded or no longer recorded, and the
// budget. Every figure is undefined where its input is not given in a quarter ("not given"), and
// a change is worked out only where both quarters give the figure, never against a zero.

/** One figure in both quarters, and the change where both give it. */
export interface FigureChange {
  before?: number | undefined;
  after?: number | undefined;
  delta?: number | undefined;
}

/** Why the annual spend of the stack moved: one vendor each. */
export interface SpendCause {
  kind: 'added' | 'retired' | 'renewed' | 'repriced' | 'recorded' | 'unrecorded';
  id: string;
  name: string;
  /** Annual spend in the base currency, in the older and the newer quarter. */
  before?: number | undefined;
  after?: number | undefined;
  /** after − before, either taken as 0 where the vendor is not in the stack (added, retired). */
  delta: number;
  /** Renewal dates, for a renewal. */
  renewedFrom?: string | undefined;
  renewedTo?: string | undefined;
}

export interface EconomicsChange {
  from: string;
  to: string;
  /** The currency of every figure, and the date of the rates when amounts were converted with them. */
  currency: string;
  ratesAsOf?: string | undefined;
  /** The annual spend of the stack, the sum of the vendors' spend. */
  annualSpend: FigureChange;
  /** The quarter's technology spend (finance's figure where booked, else a quarter of the annual). */
  quarterSpend: FigureChange & { booked: { before: boolean; after: boolean } };
  budget: FigureChange;
  share: FigureChange;
  newCustomers: FigureChange;
  techPerCustomer: FigureChange;
  cac: FigureChange;
  cltv: FigureChange;
  /** The vendors that moved the annual spend, the largest move first. */
  causes: SpendCause[];
  /** Vendors left out of the sums in either quarter: their spend is in a currency with no rate. */
  unconverted: { id: string; name: string; currency: string; period: string }[];
}

interface Quarter {
  findings: Findings;
  finance?: Finance | undefined;
}

const change = (before: number | undefined, after: number | undefined): FigureChange => ({
  before,
  after,
  delta: before !== undefined && after !== undefined ? after - before : undefined,
});

export function economicsChange(older: Quarter, newer: Quarter, base: Base): EconomicsChange {
  const [a, b] = [older, newer].map((q) => {
    const technology = technologySpend(q.findings.vendors, q.finance, base);
    // A stack with no spend recorded and none booked has no technology spend to give: not a zero.
    const quarter = technology.from === 'finance' || technology.vendors > 0 ? technology.quarter : undefined;
    const budget = budgetShare(quarter ?? 0, q.finance, base);
    const bought = acquisition(quarter, q.finance, base);
    return {
      annual: technology.vendors > 0 ? technology.annual : undefined,
      quarter,
      booked: technology.from === 'finance',
      unconverted: technology.unconverted,
      budget: budget.budget,
      share: quarter === undefined ? undefined : budget.share,
      newCustomers: bought.newCustomers,
      techPerCustomer: bought.techPerCustomer,
      cac: bought.cac,
      cltv: bought.cltv,
    };
  }) as [Figures, Figures];
  return {
    from: older.findings.period,
    to: newer.findings.period,
    currency: base.currency,
    ratesAsOf: base.rates?.asOf,
    annualSpend: change(a.annual, b.annual),
    quarterSpend: { ...change(a.quarter, b.quarter), booked: { before: a.booked, after: b.booked } },
    budget: change(a.budget, b.budget),
    share: change(a.share, b.share),
    newCustomers: change(a.newCustomers, b.newCustomers),
    techPerCustomer: change(a.techPerCustomer, b.techPerCustomer),
    cac: change(a.cac, b.cac),
    cltv: change(a.cltv, b.cltv),
    causes: spendCauses(older.findings.vendors, newer.findings.vendors, base),
    unconverted: [
      ...a.unconverted.map((u) => ({ ...u, period: older.findings.period })),
      ...b.unconverted.map((u) => ({ ...u, period: newer.findings.period })),
    ],
  };
}

/** A quarter's figures, each undefined where not given. */
interface Figures {
  annual?: number | undefined;
  quarter?: number | undefined;
  booked: boolean;
  unconverted: { id: string; name: string; currency: string }[];
  budget?: number | undefined;
  share?: number | undefined;
  newCustomers?: number | undefined;
  techPerCustomer?: number | undefined;
  cac?: number | undefined;
  cltv?: number | undefined;
}

/** Each vendor whose annual spend, or whose contract, differs between the quarters; the largest move first, then by id. */
function spendCauses(older: readonly VendorFinding[], newer: readonly VendorFinding[], base: Base): SpendCause[] {
  const before = new Map(older.map((v) => [v.id, v]));
  const after = new Map(newer.map((v) => [v.id, v]));
  const annual = (v: VendorFinding | undefined) => (v?.spend ? inBase(v.spend, base) : undefined);
  const causes: SpendCause[] = [];
  for (const id of [...new Set([...before.keys(), ...after.keys()])]) {
    const was = before.get(id);
    const now = after.get(id);
    const [x, y] = [annual(was), annual(now)];
    // A spend in a currency with no rate is in neither sum: it is listed as unconverted, not as a cause.
    if ((was?.spend && x === undefined) || (now?.spend && y === undefined)) continue;
    const name = (now ?? was)!.name;
    if (!was && y !== undefined) causes.push({ kind: 'added', id, name, after: y, delta: y });
    else if (!now && x !== undefined) causes.push({ kind: 'retired', id, name, before: x, delta: -x });
    else if (was && now) {
      if (x === undefined && y !== undefined) causes.push({ kind: 'recorded', id, name, after: y, delta: y });
      else if (x !== undefined && y === undefined) causes.push({ kind: 'unrecorded', id, name, before: x, delta: -x });
      else if (x !== undefined && y !== undefined) {
        // A renewal date moved on is a renewal, whatever the price; the same contract at another price is a repricing.
        const renewed = was.renewal !== undefined && now.renewal !== undefined && now.renewal > was.renewal;
        if (renewed) causes.push({ kind: 'renewed', id, name, before: x, after: y, delta: y - x, renewedFrom: was.renewal, renewedTo: now.renewal });
        else if (y !== x) causes.push({ kind: 'repriced', id, name, before: x, after: y, delta: y - x });
      }
    }
  }
  return causes.sort((p, q) => Math.abs(q.delta) - Math.abs(p.delta) || (p.id < q.id ? -1 : p.id > q.id ? 1 : 0));
}
