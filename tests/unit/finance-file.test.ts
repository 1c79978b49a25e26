import { describe, expect, test } from 'vitest';
import { loadFinance } from '../../src/core/load/load-files.js';
import { formatProblem } from '../../src/core/problem.js';
import type { ExchangeRates } from '../../src/core/report/currency.js';

// finance/<quarter>.yaml: every figure optional, each with its currency and source; a negative or
// zero amount, a currency the settings give no rate for, or a figure of the wrong kind is one line
// naming the file, the position and the field.

const RATES: ExchangeRates = { base: 'EUR', asOf: '2026-11-20', rates: { USD: 0.92 } };
const HEAD = 'schema: aiclaim/finance@1\nperiod: 2026-Q4\n';
const lines = (text: string, rates: ExchangeRates | 'none' = RATES) => {
  const loaded = loadFinance(HEAD + text, 'finance/2026-Q4.yaml', 'EUR', rates === 'none' ? undefined : rates);
  return loaded.ok ? [] : loaded.problems.map(formatProblem);
};

describe('a finance file', () => {
  test('no figure at all is a valid file: every figure not given', () => {
    const loaded = loadFinance(HEAD, 'finance/2026-Q4.yaml', 'EUR', RATES);
    expect(loaded.ok && loaded.value).toEqual({ schema: 'aiclaim/finance@1', period: '2026-Q4' });
  });

  test('figures in the base currency, or in one with a rate', () => {
    expect(lines('budget: { amount: 100, currency: EUR, source: plan }\ncac: { amount: 9, currency: USD, source: growth }\n')).toEqual([]);
  });

  test.each([
    ['budget: { amount: -5, currency: EUR, source: plan }\n', /^finance\/2026-Q4\.yaml:3:19: budget\.amount: must be more than 0/],
    ['budget: { amount: 0, currency: EUR, source: plan }\n', /budget\.amount: must be more than 0/],
    ['technologySpend: { amount: -1, currency: EUR, source: ledger }\n', /technologySpend\.amount: cannot be negative/],
    ['cac: { amount: 900, currency: CHF, source: growth }\n', /^finance\/2026-Q4\.yaml:3:\d+: cac\.currency: no exchange rate for CHF in aiclaim\.yaml/],
    ['cltv: { amount: 900, currency: EUR }\n', /cltv\.source: /],
    ['newCustomers: { count: -3, source: crm }\n', /newCustomers\.count: cannot be negative/],
    ['budgets: { amount: 1, currency: EUR, source: plan }\n', /budgets: unknown key/],
  ])('%s', (text, line) => {
    expect(lines(text)).toEqual([expect.stringMatching(line)]);
  });

  test('a file named for another quarter', () => {
    const loaded = loadFinance(HEAD, 'finance/2026-Q3.yaml', 'EUR', RATES);
    expect(loaded.ok ? [] : loaded.problems.map(formatProblem)).toEqual([
      'finance/2026-Q3.yaml:2:9: period: the file holds 2026-Q4 but is named 2026-Q3.yaml — name it 2026-Q4.yaml',
    ]);
  });

  test('without exchange rates, only the workspace currency', () => {
    expect(lines('cac: { amount: 900, currency: USD, source: growth }\n', 'none')).toEqual([
      expect.stringMatching(/cac\.currency: USD is not the workspace currency \(EUR\) and aiclaim\.yaml sets no exchange rates/),
    ]);
  });
});
