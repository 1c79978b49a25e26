import type { StackEconomics } from './stack-economics.js';

// The stack's economics as a tidy long table for the finance team's spreadsheets (`aiclaim stack
// -f csv | xlsx`): one figure per row, so that a pivot table or a filter takes any slice of it.
//
//   quarter  the quarter the figure is of: the one asked for, or an earlier one in the trend
//   section  technology | budget | category | weak-ai | shelfware | acquisition | trend
//   item     what the figure is about: "stack" (the whole of it), a category's label, a vendor's
//            name (shelfware, or left out for want of an exchange rate), a group of verdicts
//   measure  which figure: the same words in every section and quarter ("quarter spend", "CAC"),
//            so that the trend rows line up with the quarter's own
//   value    a plain number: no thousands separator, no currency sign, "." for decimals; amounts
//            rounded to the cent, shares to six decimals; EMPTY when the figure is not given
//   unit     the currency code (every amount is in it), "share" (a fraction: 0.25 is 25%; a
//            difference of shares is in the same unit), "ratio", "flag" (1 yes, 0 no), or what is
//            counted ("vendors", "customers", "seats", …)
//   source   where the figure comes from (finance's own source text, or how it is made); it starts
//            with "not given" when the value is empty, and says what is missing
//
// Not given is never 0: a missing budget leaves the share empty, it does not make it zero. The
// team's own outcome figures (text such as "22%") are not in the table: they are words, not numbers.

export const STACK_COLUMNS = ['quarter', 'section', 'item', 'measure', 'value', 'unit', 'source'] as const;

type StackSection = 'technology' | 'budget' | 'category' | 'weak-ai' | 'shelfware' | 'acquisition' | 'trend';

export interface StackRow {
  quarter: string;
  section: StackSection;
  item: string;
  measure: string;
  /** Undefined: not given (an empty cell, never 0). */
  value: number | undefined;
  unit: string;
  source: string;
}

const NOT_GIVEN = 'not given';
const STACK = 'stack';

/** To the cent: float noise (19199.999999999996) is not a figure anyone booked. */
const cents = (n: number | undefined) => (n === undefined ? undefined : Math.round(n * 100) / 100 + 0);
/** Six decimals of a fraction: a ten-thousandth of a percentage point. */
const fraction = (n: number | undefined) => (n === undefined ? undefined : Math.round(n * 1e6) / 1e6 + 0);

export function stackRows(e: StackEconomics): StackRow[] {
  const rows: StackRow[] = [];
  const add = (section: StackSection, item: string, measure: string, value: number | undefined, unit: string, source: string | undefined, missing: string) =>
    rows.push({
      quarter: e.period,
      section,
      item,
      measure,
      value,
      unit,
      source: value === undefined ? `${NOT_GIVEN}: ${missing}` : (source ?? ''),
    });
  const finance = `finance/${e.period}.yaml`;
  const noFinance = e.financeGiven ? `not in ${finance}` : `no ${finance}`;
  const converted = e.ratesAsOf ? `, converted to ${e.currency} at the rates of ${e.ratesAsOf}` : '';

  const t = e.technology;
  add('technology', STACK, 'annual spend', cents(t.annual), e.currency, `the annual spend of ${t.vendors} vendor${t.vendors === 1 ? '' : 's'}${converted}`, '');
  add(
    'technology',
    STACK,
    'quarter spend',
    cents(t.quarter),
    e.currency,
    t.from === 'finance' ? `as booked: ${t.source ?? finance}` : 'a quarter of the annual spend',
    '',
  );
  add('technology', STACK, 'vendors with spend', t.vendors, 'vendors', 'vendor files', '');
  for (const u of t.unconverted)
    add('technology', u.name, 'annual spend', undefined, e.currency, undefined, `no exchange rate for ${u.currency}; left out of the sum`);

  const b = e.budget;
  add('budget', STACK, 'marketing budget', cents(b.budget), e.currency, b.budgetSource, `marketing budget ${noFinance}`);
  add('budget', STACK, 'technology share of budget', fraction(b.share), 'share', 'quarter spend / marketing budget', `marketing budget ${noFinance}`);
  add('budget', STACK, 'reference share', fraction(e.reference), 'share', 'the usual share of technology in a marketing budget', '');
  add(
    'budget',
    STACK,
    'share minus reference',
    fraction(b.againstReference),
    'share',
    'technology share of budget - reference share',
    `marketing budget ${noFinance}`,
  );

  for (const c of e.categories) {
    const source = `vendor files of category ${c.category}`;
    add('category', c.label, 'vendors', c.vendors, 'vendors', source, '');
    add('category', c.label, 'annual spend', cents(c.annual), e.currency, source, '');
    add('category', c.label, 'share of stack spend', fraction(c.share), 'share', 'annual spend / the stack annual spend', '');
  }

  const w = e.weakAi;
  const weak = w.verdicts.length ? w.verdicts.join(' or ') : 'the lower verdicts';
  add('weak-ai', weak, 'annual spend', cents(w.weak), e.currency, 'vendors with a verdict in the lower half of the scale', '');
  add('weak-ai', weak, 'vendors', w.weakVendors, 'vendors', 'findings snapshot', '');
  add('weak-ai', 'not assessed', 'annual spend', cents(w.notAssessed), e.currency, 'vendors with no verdict yet', '');
  add('weak-ai', 'not assessed', 'vendors', w.notAssessedVendors, 'vendors', 'findings snapshot', '');
  add('weak-ai', 'both', 'share of stack spend', fraction(w.ofTechnology), 'share', 'both annual spends / the stack annual spend', '');
  add('weak-ai', 'both', 'share of budget', fraction(w.ofBudget), 'share', 'a quarter of both / marketing budget', `marketing budget ${noFinance}`);

  const s = e.shelfware;
  for (const r of s.rows) {
    const usage = `usage in the vendor file of ${r.id}`;
    add('shelfware', r.name, 'licensed', r.licensed, r.unit, usage, '');
    add('shelfware', r.name, 'used', r.used, r.unit, usage, '');
    add('shelfware', r.name, 'utilisation', fraction(r.utilisation), 'share', 'used / licensed', '');
    add('shelfware', r.name, 'shelfware', r.shelfware ? 1 : 0, 'flag', `1: under ${s.below * 100}% used; 0: not`, '');
    add('shelfware', r.name, 'idle spend', cents(r.idle), e.currency, 'annual spend * (1 - utilisation)', `no annual spend for ${r.id} (or no exchange rate)`);
  }
  add('shelfware', STACK, 'idle spend', cents(s.idle), e.currency, 'the idle spend of the shelfware products', '');
  add('shelfware', STACK, 'shelfware products', s.rows.filter((r) => r.shelfware).length, 'products', `under ${s.below * 100}% used`, '');
  add('shelfware', STACK, 'usage not given', s.notGiven, 'vendors', 'vendor files with no usage', '');
  add('shelfware', STACK, 'shelfware threshold', fraction(s.below), 'share', 'utilisation under which a product is shelfware', '');

  const a = e.acquisition;
  add('acquisition', STACK, 'new customers', a.newCustomers, 'customers', a.newCustomersSource, `new customers ${noFinance}`);
  add(
    'acquisition',
    STACK,
    'technology spend per new customer',
    cents(a.techPerCustomer),
    e.currency,
    'quarter spend / new customers',
    `new customers ${noFinance}`,
  );
  add('acquisition', STACK, 'CAC', cents(a.cac), e.currency, a.cacSource, `CAC ${noFinance}`);
  add(
    'acquisition',
    STACK,
    'technology share of CAC',
    fraction(a.techShareOfCac),
    'share',
    'technology spend per new customer / CAC',
    `new customers or CAC ${noFinance}`,
  );
  add('acquisition', STACK, 'CLTV', cents(a.cltv), e.currency, a.cltvSource, `CLTV ${noFinance}`);
  add('acquisition', STACK, 'CLTV to CAC', fraction(a.cltvToCac), 'ratio', 'CLTV / CAC', `CLTV or CAC ${noFinance}`);

  // The quarters before this one; this one's figures are in the sections above.
  for (const p of e.trend.filter((q) => q.period !== e.period)) {
    const made = `findings and finance of ${p.period}`;
    const missing = (what: string) => `${what} not in finance/${p.period}.yaml`;
    const trend = (measure: string, value: number | undefined, unit: string, lacking: string) =>
      rows.push({
        quarter: p.period,
        section: 'trend',
        item: STACK,
        measure,
        value,
        unit,
        source: value === undefined ? `${NOT_GIVEN}: ${missing(lacking)}` : made,
      });
    trend('quarter spend', cents(p.techSpend), e.currency, 'no findings snapshot, and technology spend');
    trend('technology share of budget', fraction(p.share), 'share', 'marketing budget');
    trend('technology spend per new customer', cents(p.techPerCustomer), e.currency, 'new customers');
    trend('CAC', cents(p.cac), e.currency, 'CAC');
    trend('CLTV', cents(p.cltv), e.currency, 'CLTV');
  }
  return rows;
}
