import { describe, expect, test } from 'vitest';
import { acquisition } from '../../src/core/economics/acquisition.js';
import { budgetShare, REFERENCE_SHARE } from '../../src/core/economics/budget-share.js';
import { categorySpend } from '../../src/core/economics/category-spend.js';
import { baseOf, inBase } from '../../src/core/economics/money-in-base.js';
import { shelfware } from '../../src/core/economics/shelfware.js';
import { stackEconomics } from '../../src/core/economics/stack-economics.js';
import { technologySpend } from '../../src/core/economics/technology-spend.js';
import { weakAiSpend } from '../../src/core/economics/weak-ai-spend.js';
import type { ExchangeRates } from '../../src/core/report/currency.js';
import type { Finance } from '../../src/core/schema/finance.js';
import { DEFAULT_VERDICTS } from '../../src/core/schema/questionnaire.js';
import { verdictScale } from '../../src/core/scoring/verdict-scale.js';
import { findingsSnapshot, vendorFinding } from '../helpers/findings.js';

// Every figure of `aiclaim stack` worked out by hand on a small stack: what it is, from what, and
// "not given" (undefined) whenever an input is missing, never zero.

const RATES: ExchangeRates = { base: 'EUR', asOf: '2026-11-20', rates: { USD: 0.9 } };
const EUR = baseOf('EUR', RATES);

const vendor = vendorFinding;

const crm = vendor('crm', { spend: { amount: 400_000, currency: 'EUR' }, usage: { licensed: 100, used: 90, unit: 'seats' } });
const bot = vendor('bot', {
  category: 'ai-bots',
  spend: { amount: 100_000, currency: 'USD' },
  score: 30,
  verdict: 'weak',
  usage: { licensed: 50, used: 10, unit: 'seats' },
});
const ab = vendor('ab', { category: 'ab-testing', spend: { amount: 60_000, currency: 'EUR' }, score: null, verdict: 'not-assessed' });
const odd = vendor('odd', { category: 'other', categoryLabel: 'Print', spend: { amount: 10_000, currency: 'CHF' } });
const free = vendor('free', { category: 'on-site-personalization' });

const finance = (fields: Partial<Finance>): Finance => ({ schema: 'aiclaim/finance@1', period: '2026-Q4', ...fields });
const q4 = finance({
  budget: { amount: 500_000, currency: 'EUR', source: 'plan' },
  newCustomers: { count: 1000, source: 'crm' },
  cac: { amount: 1000, currency: 'USD', source: 'growth' },
  cltv: { amount: 3600, currency: 'EUR', source: 'finance' },
});

describe('money in one currency', () => {
  test('the base amount, the converted amount, and no amount without a rate', () => {
    expect(inBase({ amount: 10, currency: 'EUR' }, EUR)).toBe(10);
    expect(inBase({ amount: 10, currency: 'USD' }, EUR)).toBe(9);
    expect(inBase({ amount: 10, currency: 'CHF' }, EUR)).toBeUndefined();
    expect(inBase({ amount: 10, currency: 'USD' }, baseOf('EUR', undefined))).toBeUndefined();
    expect(baseOf('GBP', undefined).currency).toBe('GBP');
  });
});

describe('technology spend', () => {
  test('the annual spend of the vendors, converted; a quarter of it for the quarter; an amount with no rate left out and named', () => {
    const t = technologySpend([crm, bot, ab, odd, free], undefined, EUR);
    expect(t).toMatchObject({ annual: 400_000 + 90_000 + 60_000, quarter: 550_000 / 4, from: 'vendors', vendors: 3 });
    expect(t.unconverted).toEqual([{ id: 'odd', name: 'ODD', currency: 'CHF' }]);
  });

  test("finance's booked figure for the quarter overrides a quarter of the vendors' spend", () => {
    const t = technologySpend([crm], finance({ technologySpend: { amount: 120_000, currency: 'EUR', source: 'ledger' } }), EUR);
    expect(t).toMatchObject({ annual: 400_000, quarter: 120_000, from: 'finance', source: 'ledger' });
  });
});

describe('technology as a share of the marketing budget', () => {
  test('the quarter spend over the quarter budget, and its distance from the ~25% reference', () => {
    const b = budgetShare(137_500, q4, EUR);
    expect(b.budget).toBe(500_000);
    expect(b.share).toBeCloseTo(0.275, 10);
    expect(b.againstReference).toBeCloseTo(0.275 - REFERENCE_SHARE, 10);
  });

  test('no budget: not given', () => {
    expect(budgetShare(137_500, undefined, EUR)).toEqual({});
    expect(budgetShare(137_500, finance({}), EUR)).toEqual({});
  });
});

describe('spend by martech category', () => {
  test('in the seed priority order, then the team’s own categories; shares of the whole', () => {
    const rows = categorySpend([crm, bot, ab, odd, free], EUR);
    expect(rows.map((r) => [r.label, r.vendors, r.annual])).toEqual([
      ['On-site personalization', 1, 0],
      ['A/B testing', 1, 60_000],
      ['CRM', 1, 400_000],
      ['AI & bots', 1, 90_000],
      ['Print', 1, 0],
    ]);
    expect(rows[2]!.share).toBeCloseTo(400_000 / 550_000, 10);
  });
});

describe('spend in AI the audit cannot stand behind', () => {
  const scale = verdictScale(DEFAULT_VERDICTS);
  test('the lower verdicts and the vendors not assessed, of the technology spend and of the budget', () => {
    const w = weakAiSpend([crm, bot, ab], scale, 550_000, 500_000, EUR);
    expect(w).toMatchObject({ verdicts: ['Weak', 'Unsubstantiated'], weak: 90_000, weakVendors: 1, notAssessed: 60_000, notAssessedVendors: 1 });
    expect(w.ofTechnology).toBeCloseTo(150_000 / 550_000, 10);
    expect(w.ofBudget).toBeCloseTo(150_000 / 4 / 500_000, 10);
  });

  test('no budget: its share of the budget is not given', () => {
    expect(weakAiSpend([bot], scale, 90_000, undefined, EUR).ofBudget).toBeUndefined();
  });
});

describe('shelfware', () => {
  test('under half of the licence in use; the idle spend is the spend not in use; no usage is not given', () => {
    const s = shelfware([crm, bot, ab], EUR);
    expect(s.rows.map((r) => [r.id, r.utilisation, r.shelfware, r.idle])).toEqual([
      ['bot', 0.2, true, 90_000 * 0.8],
      ['crm', 0.9, false, expect.closeTo(40_000, 6)],
    ]);
    expect(s.idle).toBeCloseTo(72_000, 6);
    expect(s.notGiven).toBe(1);
  });
});

describe('technology spend per new customer, next to CAC and CLTV', () => {
  test('the quarter spend over the customers acquired; its share of CAC; CLTV over CAC', () => {
    const a = acquisition(137_500, q4, EUR);
    expect(a).toMatchObject({ newCustomers: 1000, techPerCustomer: 137.5, cac: 900, cltv: 3600, cltvToCac: 4 });
    expect(a.techShareOfCac).toBeCloseTo(137.5 / 900, 10);
  });

  test('no customers, none acquired, or no CAC: not given', () => {
    expect(acquisition(137_500, undefined, EUR)).toMatchObject({
      newCustomers: undefined,
      techPerCustomer: undefined,
      cac: undefined,
      techShareOfCac: undefined,
    });
    expect(acquisition(137_500, finance({ newCustomers: { count: 0, source: 'crm' } }), EUR).techPerCustomer).toBeUndefined();
  });
});

describe('the stack of a quarter, with the quarters before', () => {
  const snapshot = findingsSnapshot;

  test('every figure of the quarter, and the trend oldest first, each quarter as given', () => {
    const e = stackEconomics({
      current: { period: '2026-Q4', findings: snapshot('2026-Q4', [crm, bot, ab]), finance: q4 },
      earlier: [
        {
          period: '2026-Q3',
          findings: snapshot('2026-Q3', [crm]),
          finance: finance({ period: '2026-Q3', budget: { amount: 400_000, currency: 'EUR', source: 'plan' } }),
        },
        { period: '2026-Q2', finance: finance({ period: '2026-Q2', cac: { amount: 950, currency: 'EUR', source: 'growth' } }) },
      ],
      currency: 'EUR',
      rates: RATES,
    });
    expect(e).toMatchObject({ period: '2026-Q4', currency: 'EUR', ratesAsOf: '2026-11-20', financeGiven: true, reference: 0.25 });
    expect(e.technology.quarter).toBe(550_000 / 4);
    expect(e.shelfware.below).toBe(0.5);
    expect(e.trend).toEqual([
      { period: '2026-Q2', techSpend: undefined, share: undefined, techPerCustomer: undefined, cac: 950, cltv: undefined },
      { period: '2026-Q3', techSpend: 100_000, share: 0.25, techPerCustomer: undefined, cac: undefined, cltv: undefined },
      { period: '2026-Q4', techSpend: 137_500, share: 0.275, techPerCustomer: 137.5, cac: 900, cltv: 3600 },
    ]);
  });

  test('a quarter without finance figures still has its spend, categories, weak AI and shelfware', () => {
    const e = stackEconomics({ current: { period: '2026-Q4', findings: snapshot('2026-Q4', [crm, bot]) }, earlier: [], currency: 'EUR', rates: RATES });
    expect(e.financeGiven).toBe(false);
    expect(e.budget.share).toBeUndefined();
    expect(e.acquisition.techPerCustomer).toBeUndefined();
    expect(e.technology.annual).toBe(490_000);
    expect(e.weakAi.weak).toBe(90_000);
    expect(e.shelfware.rows).toHaveLength(2);
  });
});
