import type { EconomicsChange, FigureChange, SpendCause } from '../core/economics/quarter-change.js';
import { figuresIn, NOT_GIVEN } from './stack-figures.js';
import { money } from './style.js';

// The stack's figures from one quarter to the next, and the vendors that moved them, as lines of
// words shared by the terminal and Markdown renderers of `diff` and `trend` (each makes the names
// from files safe its own way). A figure a quarter does not give reads "not given", never zero.

const count = (n: number) => Math.round(n).toLocaleString('en-US');
const pct = (n: number) => `${(n * 100).toFixed(1)}%`;
const signedPoints = (n: number) => `${n >= 0 ? '+' : '−'}${Math.abs(n * 100).toFixed(1)} pts`;

type Unit = 'money' | 'share' | 'count';

const valueText = (n: number | undefined, unit: Unit, currency: string) =>
  n === undefined ? NOT_GIVEN : unit === 'money' ? money(n, currency) : unit === 'share' ? pct(n) : count(n);

/** "€1,700,000 → €1,750,000 (+€50,000)"; "not given → €1,750,000". */
function figureChangeText(c: FigureChange, unit: Unit, currency: string): string {
  const delta = c.delta === undefined ? '' : ` (${signedDelta(c.delta, unit, currency)})`;
  return `${valueText(c.before, unit, currency)} → ${valueText(c.after, unit, currency)}${delta}`;
}

function signedDelta(n: number, unit: Unit, currency: string): string {
  if (unit === 'share') return signedPoints(n);
  const sign = n > 0 ? '+' : n < 0 ? '−' : '±';
  return `${sign}${unit === 'money' ? money(Math.abs(n), currency) : count(Math.abs(n))}`;
}

/** The figures of the stack, in the order the stack view gives them. */
const FIGURES: { label: string; unit: Unit; of: (c: EconomicsChange) => FigureChange }[] = [
  { label: 'Technology spend, the quarter', unit: 'money', of: (c) => c.quarterSpend },
  { label: 'Annual spend of the stack', unit: 'money', of: (c) => c.annualSpend },
  { label: 'Marketing budget, the quarter', unit: 'money', of: (c) => c.budget },
  { label: 'Technology share of the budget', unit: 'share', of: (c) => c.share },
  { label: 'New customers', unit: 'count', of: (c) => c.newCustomers },
  { label: 'Technology spend per new customer', unit: 'money', of: (c) => c.techPerCustomer },
  { label: 'CAC', unit: 'money', of: (c) => c.cac },
  { label: 'CLTV', unit: 'money', of: (c) => c.cltv },
];

/** Each figure of the stack, labelled, from one quarter to the next. */
export function economicsFigures(c: EconomicsChange): { figure: string; change: string }[] {
  const booked = c.quarterSpend.booked;
  const spendBasis = booked.before && booked.after ? ' (as booked)' : booked.before || booked.after ? ' (booked in one quarter only)' : '';
  return FIGURES.map((f, i) => ({ figure: i === 0 ? `${f.label}${spendBasis}` : f.label, change: figureChangeText(f.of(c), f.unit, c.currency) }));
}

/** Each figure's value in each quarter of consecutive changes (oldest first): a row a figure, a cell a quarter. */
export function quarterRows(changes: readonly EconomicsChange[]): { periods: string[]; rows: string[][] } {
  const periods = changes.length ? [changes[0]!.from, ...changes.map((c) => c.to)] : [];
  const currency = changes[0]?.currency ?? '';
  const rows = FIGURES.map((f) => [
    f.label,
    ...(changes.length ? [valueText(f.of(changes[0]!).before, f.unit, currency), ...changes.map((c) => valueText(f.of(c).after, f.unit, currency))] : []),
  ]);
  return { periods, rows };
}

/** "renewed Acme (2026-09-30 → 2027-09-30): €50,000 → €55,000 a year (+€5,000)". */
function causeText(cause: SpendCause, currency: string): string {
  const m = (n: number | undefined) => money(n, currency);
  const d = signedDelta(cause.delta, 'money', currency);
  switch (cause.kind) {
    case 'added':
      return `added ${cause.name}: ${d} a year`;
    case 'retired':
      return `retired ${cause.name}: ${d} a year`;
    case 'renewed':
      return `renewed ${cause.name} (${cause.renewedFrom} → ${cause.renewedTo}): ${cause.delta === 0 ? `${m(cause.after)} a year, the same` : `${m(cause.before)} → ${m(cause.after)} a year (${d})`}`;
    case 'repriced':
      return `repriced ${cause.name}: ${m(cause.before)} → ${m(cause.after)} a year (${d})`;
    case 'recorded':
      return `spend first recorded for ${cause.name}: ${d} a year`;
    case 'unrecorded':
      return `spend no longer recorded for ${cause.name}: ${d} a year`;
  }
}

/** Causes listed in words; the rest are counted (every one is in the JSON). */
const CAUSES_LISTED = 10;

/** What moved the annual spend, and what the figures leave out: the largest causes, the rest counted. */
export function causeLines(c: EconomicsChange): { head: string; causes: string[]; notes: string[] } {
  const budgetMoved = c.budget.delta !== undefined && c.budget.delta !== 0;
  const head =
    c.causes.length === 0
      ? `No vendor added, retired, renewed or repriced between ${c.from} and ${c.to}${budgetMoved ? '; the share of the budget moved with the budget' : ''}.`
      : `What moved the annual spend from ${c.from} to ${c.to} (${figureChangeText(c.annualSpend, 'money', c.currency)}):`;
  const causes = c.causes.slice(0, CAUSES_LISTED).map((x) => causeText(x, c.currency));
  const rest = c.causes.slice(CAUSES_LISTED);
  if (rest.length)
    causes.push(
      `and ${rest.length} more vendor${rest.length === 1 ? '' : 's'}, ${signedDelta(
        rest.reduce((sum, x) => sum + x.delta, 0),
        'money',
        c.currency,
      )} a year between them (-f json lists every one)`,
    );
  const notes: string[] = [];
  if (budgetMoved && c.causes.length > 0) notes.push(`The budget moved too: ${figureChangeText(c.budget, 'money', c.currency)}.`);
  if (c.quarterSpend.booked.before || c.quarterSpend.booked.after)
    notes.push("Finance books the quarter's technology spend: the vendors explain the annual spend of the stack, not the figure booked.");
  if (c.unconverted.length) notes.push(`Left out, no exchange rate: ${c.unconverted.map((u) => `${u.name} (${u.currency}, ${u.period})`).join(', ')}.`);
  return { head, causes, notes };
}

/** Whether either quarter gives any figure: vendor spend, or finance's. */
export function economicsGiven(c: EconomicsChange): boolean {
  return [c.annualSpend, c.quarterSpend, c.budget, c.newCustomers, c.cac, c.cltv].some((f) => f.before !== undefined || f.after !== undefined);
}

/** What the figures are in: the currency, and the rates' date when amounts were converted. */
export function currencyLine(c: EconomicsChange): string {
  return `${figuresIn(c.currency, c.ratesAsOf)}.`;
}

/** The line said in place of the figures when no quarter gives any. */
export function notGivenLine(periods: readonly string[]): string {
  const quarters = periods.length === 2 ? `${periods[0]} or ${periods[1]}` : `any of ${periods.join(', ')}`;
  return `Stack economics: not given for ${quarters} (no vendor spend recorded, no finance/<quarter>.yaml).`;
}
