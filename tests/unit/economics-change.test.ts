import { describe, expect, test } from 'vitest';
import { baseOf } from '../../src/core/economics/money-in-base.js';
import { economicsChange } from '../../src/core/economics/quarter-change.js';
import type { ExchangeRates } from '../../src/core/report/currency.js';
import type { Finance } from '../../src/core/schema/finance.js';
import type { Findings, VendorFinding } from '../../src/core/schema/findings.js';
import { causeLines, economicsFigures, economicsGiven, notGivenLine, quarterRows } from '../../src/render/economics-change.js';
import { vendorFinding } from '../helpers/findings.js';

// The stack's figures from one quarter to the next, worked out by hand: each figure's change only
// where both quarters give it, and each vendor that moved the annual spend with its cause.

const RATES: ExchangeRates = { base: 'EUR', asOf: '2026-11-20', rates: { USD: 0.9 } };
const EUR = baseOf('EUR', RATES);

const vendor = vendorFinding;
const eur = (amount: number) => ({ amount, currency: 'EUR' });
const findings = (period: string, vendors: VendorFinding[]) => ({ period, vendors }) as unknown as Findings;
const finance = (period: string, fields: Partial<Finance>): Finance => ({ schema: 'aiclaim/finance@1', period, ...fields });

const q3 = findings('2026-Q3', [
  vendor('crm', { spend: eur(400_000), renewal: '2026-09-30' }),
  vendor('bot', { spend: { amount: 100_000, currency: 'USD' } }),
  vendor('old', { spend: eur(50_000) }),
  vendor('ab', { spend: eur(60_000), renewal: '2027-03-31' }),
  vendor('free', {}),
  vendor('chf', { spend: { amount: 5_000, currency: 'CHF' } }),
]);
const q4 = findings('2026-Q4', [
  vendor('crm', { spend: eur(420_000), renewal: '2027-09-30' }),
  vendor('bot', { spend: { amount: 100_000, currency: 'USD' } }),
  vendor('ab', { spend: eur(66_000), renewal: '2027-03-31' }),
  vendor('free', { spend: eur(12_000) }),
  vendor('new', { spend: eur(30_000) }),
  vendor('chf', { spend: { amount: 6_000, currency: 'CHF' } }),
]);
const budget3 = finance('2026-Q3', {
  budget: { ...eur(500_000), source: 'plan' },
  newCustomers: { count: 1000, source: 'crm' },
  cac: { ...eur(900), source: 'growth' },
});
const budget4 = finance('2026-Q4', { budget: { ...eur(520_000), source: 'plan' }, newCustomers: { count: 1100, source: 'crm' } });

describe('the stack from one quarter to the next', () => {
  const c = economicsChange({ findings: q3, finance: budget3 }, { findings: q4, finance: budget4 }, EUR);
  const annual3 = 400_000 + 90_000 + 50_000 + 60_000;
  const annual4 = 420_000 + 90_000 + 66_000 + 12_000 + 30_000;

  test('each figure in both quarters, and the change where both give it', () => {
    expect(c).toMatchObject({ from: '2026-Q3', to: '2026-Q4', currency: 'EUR' });
    expect(c.annualSpend).toEqual({ before: annual3, after: annual4, delta: annual4 - annual3 });
    expect(c.quarterSpend).toEqual({ before: annual3 / 4, after: annual4 / 4, delta: (annual4 - annual3) / 4, booked: { before: false, after: false } });
    expect(c.budget).toEqual({ before: 500_000, after: 520_000, delta: 20_000 });
    expect(c.share.before).toBeCloseTo(annual3 / 4 / 500_000, 12);
    expect(c.share.after).toBeCloseTo(annual4 / 4 / 520_000, 12);
    expect(c.newCustomers).toEqual({ before: 1000, after: 1100, delta: 100 });
    expect(c.techPerCustomer.after).toBeCloseTo(annual4 / 4 / 1100, 12);
  });

  test('a figure one quarter does not give has no change, and is never taken as zero', () => {
    expect(c.cac).toEqual({ before: 900, after: undefined, delta: undefined });
    expect(c.cltv).toEqual({ before: undefined, after: undefined, delta: undefined });
    expect(economicsFigures(c).find((f) => f.figure === 'CAC')!.change).toBe('€900 → not given');
    expect(economicsFigures(c).find((f) => f.figure === 'CLTV')!.change).toBe('not given → not given');
  });

  test('every vendor that moved the annual spend, with its cause, the largest move first', () => {
    expect(c.causes).toEqual([
      { kind: 'retired', id: 'old', name: 'OLD', before: 50_000, delta: -50_000 },
      { kind: 'added', id: 'new', name: 'NEW', after: 30_000, delta: 30_000 },
      { kind: 'renewed', id: 'crm', name: 'CRM', before: 400_000, after: 420_000, delta: 20_000, renewedFrom: '2026-09-30', renewedTo: '2027-09-30' },
      { kind: 'recorded', id: 'free', name: 'FREE', after: 12_000, delta: 12_000 },
      { kind: 'repriced', id: 'ab', name: 'AB', before: 60_000, after: 66_000, delta: 6_000 },
    ]);
    // The causes add up to the change in the annual spend.
    expect(c.causes.reduce((sum, x) => sum + x.delta, 0)).toBe(c.annualSpend.delta);
  });

  test('a spend in a currency with no rate is in neither sum, nor a cause: it is named', () => {
    expect(c.causes.map((x) => x.id)).not.toContain('chf');
    expect(c.unconverted).toEqual([
      { id: 'chf', name: 'CHF', currency: 'CHF', period: '2026-Q3' },
      { id: 'chf', name: 'CHF', currency: 'CHF', period: '2026-Q4' },
    ]);
    expect(causeLines(c).notes).toContain('Left out, no exchange rate: CHF (CHF, 2026-Q3), CHF (CHF, 2026-Q4).');
  });

  test('a spend no longer recorded is its own cause', () => {
    const later = findings('2027-Q1', [vendor('crm', { spend: eur(420_000) }), vendor('ab', {})]);
    const d = economicsChange(
      { findings: findings('2026-Q4', [vendor('crm', { spend: eur(420_000) }), vendor('ab', { spend: eur(66_000) })]) },
      { findings: later },
      EUR,
    );
    expect(d.causes).toEqual([{ kind: 'unrecorded', id: 'ab', name: 'AB', before: 66_000, delta: -66_000 }]);
  });

  test('the same contract at the same price is no cause; a renewal at the same price is one', () => {
    const before = findings('2026-Q3', [vendor('a', { spend: eur(10), renewal: '2026-09-30' }), vendor('b', { spend: eur(10), renewal: '2027-01-31' })]);
    const after = findings('2026-Q4', [vendor('a', { spend: eur(10), renewal: '2027-09-30' }), vendor('b', { spend: eur(10), renewal: '2027-01-31' })]);
    const d = economicsChange({ findings: before }, { findings: after }, EUR);
    expect(d.causes.map((x) => [x.kind, x.id, x.delta])).toEqual([['renewed', 'a', 0]]);
    expect(causeLines(d).causes).toEqual(['renewed A (2026-09-30 → 2027-09-30): €10 a year, the same']);
  });

  test("finance's booked spend is the quarter's figure, and the causes say they explain the annual spend only", () => {
    const booked = finance('2026-Q4', { technologySpend: { ...eur(200_000), source: 'ledger' } });
    const d = economicsChange({ findings: q3 }, { findings: q4, finance: booked }, EUR);
    expect(d.quarterSpend).toMatchObject({ before: annual3 / 4, after: 200_000, booked: { before: false, after: true } });
    expect(economicsFigures(d)[0]!.figure).toBe('Technology spend, the quarter (booked in one quarter only)');
    expect(causeLines(d).notes.join(' ')).toMatch(/explain the annual spend of the stack, not the figure booked/);
  });
});

describe('a stack with nothing recorded', () => {
  const bare = (period: string) => findings(period, [vendor('a', {}), vendor('b', {})]);
  const c = economicsChange({ findings: bare('2026-Q3') }, { findings: bare('2026-Q4') }, EUR);

  test('no spend and no finance figures: every figure not given, none zero, and it says so', () => {
    for (const f of [c.annualSpend, c.quarterSpend, c.budget, c.share, c.newCustomers, c.techPerCustomer, c.cac, c.cltv]) {
      expect(f.before).toBeUndefined();
      expect(f.after).toBeUndefined();
      expect(f.delta).toBeUndefined();
    }
    expect(economicsGiven(c)).toBe(false);
    expect(notGivenLine([c.from, c.to])).toBe('Stack economics: not given for 2026-Q3 or 2026-Q4 (no vendor spend recorded, no finance/<quarter>.yaml).');
    expect(notGivenLine(['2026-Q2', '2026-Q3', '2026-Q4'])).toMatch(/^Stack economics: not given for any of 2026-Q2, 2026-Q3, 2026-Q4 \(/);
    expect(economicsFigures(c).every((f) => f.change === 'not given → not given')).toBe(true);
  });

  test('a budget alone is a figure given, and the share stays not given without a spend', () => {
    const d = economicsChange(
      { findings: bare('2026-Q3') },
      { findings: bare('2026-Q4'), finance: finance('2026-Q4', { budget: { ...eur(1), source: 'x' } }) },
      EUR,
    );
    expect(economicsGiven(d)).toBe(true);
    expect(d.share.after).toBeUndefined();
  });
});

describe('the words', () => {
  test('a long list of causes: the largest ten, then the rest counted with their sum', () => {
    const many = (period: string, n: number) =>
      findings(
        period,
        Array.from({ length: n }, (_, i) => vendor(`v${String(i).padStart(2, '0')}`, { spend: eur(1000 + i) })),
      );
    const c = economicsChange({ findings: many('2026-Q3', 0) }, { findings: many('2026-Q4', 14) }, EUR);
    const lines = causeLines(c);
    // An empty stack before has no annual spend to give, so no change is worked out against it.
    expect(lines.head).toBe('What moved the annual spend from 2026-Q3 to 2026-Q4 (not given → €14,091):');
    expect(lines.causes).toHaveLength(11);
    expect(lines.causes[0]).toBe('added V13: +€1,013 a year');
    expect(lines.causes[10]).toBe('and 4 more vendors, +€4,006 a year between them (-f json lists every one)');
  });

  test('quarter by quarter: a row a figure, a cell a quarter, the first quarter from the first change', () => {
    const a = economicsChange({ findings: q3, finance: budget3 }, { findings: q4, finance: budget4 }, EUR);
    const q1 = findings('2027-Q1', [vendor('crm', { spend: eur(420_000) })]);
    const b = economicsChange({ findings: q4, finance: budget4 }, { findings: q1 }, EUR);
    const { periods, rows } = quarterRows([a, b]);
    expect(periods).toEqual(['2026-Q3', '2026-Q4', '2027-Q1']);
    expect(rows.find((r) => r[0] === 'Marketing budget, the quarter')).toEqual(['Marketing budget, the quarter', '€500,000', '€520,000', 'not given']);
    expect(rows.find((r) => r[0] === 'Annual spend of the stack')).toEqual(['Annual spend of the stack', '€600,000', '€618,000', '€420,000']);
  });
});
