import * as z from 'zod';
import { isCalendarDate } from '../period.js';

// The exchange rates a team sets in aiclaim.yaml, so that the report can add up spend written in
// several currencies: each rate is what one unit of that currency is worth in the base currency.
//
//   exchange:
//     base: EUR            # optional: the workspace's `currency` by default
//     asOf: 2026-11-20     # the date of the rates, shown next to every converted total
//     rates: { USD: 0.92, GBP: 1.17 }

/** The ISO 4217 codes this Node knows (Intl.supportedValuesOf: 160 or so, EUR, USD, GBP, CHF …). */
let known: ReadonlySet<string> | undefined;
function isCurrencyCode(code: string): boolean {
  known ??= new Set(Intl.supportedValuesOf('currency'));
  return known.has(code);
}

const currencyCode = z
  .string()
  .regex(/^[A-Z]{3}$/, { error: 'must be a currency code of three capital letters, e.g. USD', abort: true })
  .refine(isCurrencyCode, { error: (issue) => `${JSON.stringify(issue.input)} is not a currency code (ISO 4217, e.g. EUR, USD, GBP)` });

const rate = z
  .number({ error: 'must be a number: what one unit of this currency is worth in the base currency, e.g. 0.92' })
  .positive({ error: 'must be more than 0: what one unit of this currency is worth in the base currency, e.g. 0.92' })
  .max(1e9, { error: 'must be at most 1,000,000,000: what one unit of this currency is worth in the base currency' });

export const exchangeRatesSchema = z
  .strictObject({
    /** The currency totals are given in; default: the workspace's `currency`. */
    base: currencyCode.optional(),
    /** The date of the rates: every converted total says it. */
    asOf: z
      .string({
        error: (issue) =>
          issue.input === undefined ? 'is missing: the date of the rates, written YYYY-MM-DD' : 'must be the date of the rates, written YYYY-MM-DD',
      })
      .refine(isCalendarDate, { error: 'must be a real date written YYYY-MM-DD, e.g. 2026-11-20' }),
    /** Currency code → what one unit of it is worth in the base currency. */
    rates: z.record(currencyCode, rate),
  })
  .superRefine((value, context) => {
    const own = value.base === undefined ? undefined : value.rates?.[value.base];
    if (own !== undefined && own !== 1) {
      context.addIssue({ code: 'custom', path: ['rates', value.base!], message: `is the base currency: its rate is 1, or leave it out` });
    }
  });
