import type { StackEconomics } from '../core/economics/stack-economics.js';
import { money } from './style.js';

// The stack's economics as rows of words and figures, shared by the terminal, Markdown and HTML
// renderers (each makes the texts from files safe its own way). A figure whose input is missing
// reads "not given", never zero.

export const NOT_GIVEN = 'not given';

export const CORRELATION_CAVEAT =
  'Technology spend per new customer and CAC moving together is a correlation, not a cause: the team must interpret it (campaigns, seasonality, pricing and the market move both).';

const share = (n: number | undefined) => (n === undefined ? NOT_GIVEN : `${(n * 100).toFixed(1)}%`);
const points = (n: number) => `${n >= 0 ? '+' : '−'}${Math.abs(n * 100).toFixed(1)} pts`;
const count = (n: number) => n.toLocaleString('en-US');

interface FigureRow {
  figure: string;
  value: string;
  /** How the figure is made, or where it comes from. */
  basis: string;
}

export function headlineFigures(e: StackEconomics): FigureRow[] {
  const cur = (n: number | undefined) => (n === undefined ? NOT_GIVEN : money(n, e.currency));
  const t = e.technology;
  const b = e.budget;
  const w = e.weakAi;
  const a = e.acquisition;
  const weakWords = w.verdicts.length ? w.verdicts.join(' or ').toLowerCase() : 'in the lower verdicts';
  const previous = e.trend.at(-2);
  const trendNote = previous?.share !== undefined && b.share !== undefined ? `; ${points(b.share - previous.share)} since ${previous.period}` : '';
  return [
    {
      figure: 'Technology spend, the quarter',
      value: cur(t.quarter),
      basis:
        t.from === 'finance'
          ? `as booked: ${t.source ?? ''}`
          : `a quarter of the annual spend of ${count(t.vendors)} vendor${t.vendors === 1 ? '' : 's'} (${money(t.annual, e.currency)} a year)`,
    },
    ...(t.unconverted.length
      ? [{ figure: 'Left out: no exchange rate', value: count(t.unconverted.length), basis: t.unconverted.map((u) => `${u.name} (${u.currency})`).join(', ') }]
      : []),
    { figure: 'Marketing budget, the quarter', value: cur(b.budget), basis: b.budgetSource ?? 'finance figures for the quarter' },
    {
      figure: 'Technology share of the budget',
      value: share(b.share),
      basis:
        b.againstReference === undefined
          ? `reference ~${share(e.reference)}`
          : `${points(b.againstReference)} against the ~${(e.reference * 100).toFixed(0)}% reference${trendNote}`,
    },
    {
      figure: `Spend in AI rated ${weakWords}`,
      value: `${money(w.weak, e.currency)} a year`,
      basis: `${count(w.weakVendors)} vendor${w.weakVendors === 1 ? '' : 's'}`,
    },
    {
      figure: 'Spend in AI not assessed',
      value: `${money(w.notAssessed, e.currency)} a year`,
      basis: `${count(w.notAssessedVendors)} vendor${w.notAssessedVendors === 1 ? '' : 's'} still to interview`,
    },
    { figure: '… both, of the technology spend', value: share(w.ofTechnology), basis: 'of the annual spend of the stack' },
    { figure: '… both, of the budget', value: share(w.ofBudget), basis: "a quarter of it, against the quarter's budget" },
    {
      figure: 'Idle spend in shelfware',
      value: `${money(e.shelfware.idle, e.currency)} a year`,
      basis: `${count(e.shelfware.rows.filter((r) => r.shelfware).length)} product(s) under ${(e.shelfware.below * 100).toFixed(0)}% used; usage ${e.shelfware.notGiven ? `not given for ${count(e.shelfware.notGiven)}` : 'given for every vendor'}`,
    },
    { figure: 'New customers, the quarter', value: a.newCustomers === undefined ? NOT_GIVEN : count(a.newCustomers), basis: a.newCustomersSource ?? '' },
    {
      figure: 'Technology spend per new customer',
      value: cur(a.techPerCustomer),
      basis: a.techShareOfCac === undefined ? "the quarter's technology spend / new customers" : `${share(a.techShareOfCac)} of CAC`,
    },
    { figure: 'CAC (customer acquisition cost)', value: cur(a.cac), basis: a.cacSource ?? '' },
    {
      figure: 'CLTV (customer lifetime value)',
      value: cur(a.cltv),
      basis: a.cltvToCac === undefined ? (a.cltvSource ?? '') : `${a.cltvToCac.toFixed(1)}× CAC; ${a.cltvSource ?? ''}`,
    },
  ];
}

export const CATEGORY_HEAD = ['Category', 'Vendors', 'Annual spend', 'Share'];

/** Spend by martech category, in the seed priority order. */
export function categoryRows(e: StackEconomics): string[][] {
  return e.categories.map((c) => [c.label, count(c.vendors), money(c.annual, e.currency), share(c.share)]);
}

export const USAGE_HEAD = ['Vendor', 'Licensed', 'Used', 'In use', 'Idle spend a year'];

/** Every vendor with usage recorded, the least used first; shelfware marked. */
export function usageRows(e: StackEconomics): string[][] {
  return e.shelfware.rows.map((r) => [
    r.shelfware ? `${r.name} (shelfware)` : r.name,
    `${count(r.licensed)} ${r.unit}`,
    count(r.used),
    share(r.utilisation),
    r.idle === undefined ? NOT_GIVEN : money(r.idle, e.currency),
  ]);
}

/** The team's own outcome figure of each product that has one: "Vendor — metric: value (source)". */
export function outcomeLines(e: StackEconomics): string[] {
  return e.shelfware.rows.flatMap((r) => (r.outcome ? [`${r.name} — ${r.outcome.metric}: ${r.outcome.value} (${r.outcome.source})`] : []));
}

export const TREND_HEAD = ['Quarter', 'Technology spend', 'Share of budget', 'Tech spend per new customer', 'CAC', 'CLTV'];

export function trendRows(e: StackEconomics): string[][] {
  const cur = (n: number | undefined) => (n === undefined ? NOT_GIVEN : money(n, e.currency));
  return e.trend.map((p) => [p.period, cur(p.techSpend), share(p.share), cur(p.techPerCustomer), cur(p.cac), cur(p.cltv)]);
}

/** "Figures in EUR, converted at the rates of 2026-11-20": the currency, and the rates' date when amounts were converted. */
export function figuresIn(currency: string, ratesAsOf: string | undefined): string {
  return `Figures in ${currency}${ratesAsOf ? `, converted at the rates of ${ratesAsOf}` : ''}`;
}

/** What the figures are in, and what a quarter's spend is. */
export function currencyNote(e: StackEconomics): string {
  return `${figuresIn(e.currency, e.ratesAsOf)}; spend per quarter is a quarter of the annual spend unless finance books it.`;
}
