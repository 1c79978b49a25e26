import { describe, expect, test } from 'vitest';
import { selectionLine, selectVendors, unknownFilter } from '../../src/core/select-vendors.js';

// --top, --verdict and --category: what a command prints of a large portfolio, and the line that
// says what was left out.

const vendors = Array.from({ length: 3000 }, (_, i) => ({
  id: `v${i}`,
  verdict: ['substantiated', 'plausible', 'weak', 'not-assessed'][i % 4]!,
  category: i % 3 === 0 ? 'emailing' : 'crm',
}));
const of = (v: (typeof vendors)[number]) => v;

describe('selectVendors', () => {
  test('the first N in the order given', () => {
    const selected = selectVendors(vendors, { top: 10 }, of);
    expect(selected.shown.map((v) => v.id)).toEqual(vendors.slice(0, 10).map((v) => v.id));
    expect(selectionLine(selected, { top: 10 })).toBe('Showing 10 of 3,000 vendors (--top 10).');
  });

  test('filters, then the first N of those', () => {
    const selection = { top: 5, verdicts: ['weak', 'not-assessed'], categories: ['emailing'] };
    const selected = selectVendors(vendors, selection, of);
    expect(selected.matched).toBe(500);
    expect(selected.shown.every((v) => (v.verdict === 'weak' || v.verdict === 'not-assessed') && v.category === 'emailing')).toBe(true);
    expect(selected.shown).toHaveLength(5);
    expect(selectionLine(selected, selection)).toBe('Showing 5 of 500 matching, of 3,000 vendors (--top 5, --verdict weak,not-assessed, --category emailing).');
    const all = selectVendors(vendors, { verdicts: ['weak'] }, of);
    expect(selectionLine(all, { verdicts: ['weak'] })).toBe('Showing 750 of 3,000 vendors (--verdict weak).');
  });

  test('nothing is said when nothing was left out', () => {
    expect(selectionLine(selectVendors(vendors.slice(0, 3), { top: 10 }, of), { top: 10 })).toBeUndefined();
    expect(selectionLine(selectVendors(vendors, {}, of), {})).toBeUndefined();
  });

  test('a verdict or category that cannot match is named, with a suggestion', () => {
    expect(unknownFilter({ verdicts: ['wek'] }, ['weak', 'plausible'], ['crm'])).toEqual({ flag: '--verdict', value: 'wek', hint: 'did you mean "weak"?' });
    expect(unknownFilter({ categories: ['crn'] }, ['weak'], ['crm', 'dmp'])).toMatchObject({ flag: '--category', value: 'crn' });
    expect(unknownFilter({ verdicts: ['weak'], categories: ['crm'] }, ['weak'], ['crm'])).toBeUndefined();
  });
});
