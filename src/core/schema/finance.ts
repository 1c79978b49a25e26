import * as z from 'zod';
import { period, requiredText, schemaKey, SCHEMA_IDS } from './common.js';
import { MAX_AMOUNT, MAX_REFERENCE_LENGTH } from './limits.js';

// finance/<YYYY-Qn>.yaml: the quarter's figures as the team measures them, to put the stack next
// to. Every figure is optional (a missing one is "not given", never zero) and says where it comes
// from. Amounts are for the quarter: the budget is the quarter's marketing budget, not the year's.

const currencyCode = z.string().regex(/^[A-Z]{3}$/, { error: 'must be an ISO 4217 currency code such as EUR or USD' });
const source = requiredText(MAX_REFERENCE_LENGTH);

/** An amount of money with its currency and where the figure comes from; more than zero unless `zero` allows it. */
function sourcedAmount(what: string, zero: boolean) {
  const amount = z
    .number({ error: `must be a number: ${what}, in units of the currency, e.g. 250000` })
    .max(MAX_AMOUNT, { error: `must be at most ${MAX_AMOUNT.toLocaleString('en-US')} (10^12)` });
  return z.strictObject({
    amount: zero
      ? amount.min(0, { error: `cannot be negative: ${what}` })
      : amount.positive({ error: `must be more than 0: ${what} (leave the figure out when it is not known)` }),
    currency: currencyCode,
    source,
  });
}

export const financeSchema = z.strictObject({
  schema: schemaKey(SCHEMA_IDS.finance),
  period,
  /** The marketing budget for the quarter. */
  budget: sourcedAmount('the marketing budget for the quarter', false).optional(),
  /** The quarter's technology spend as finance books it; by default, a quarter of the stack's annual spend. */
  technologySpend: sourcedAmount("the quarter's technology spend", true).optional(),
  /** Customers acquired in the quarter. */
  newCustomers: z
    .strictObject({
      count: z
        .number({ error: 'must be a whole number of customers' })
        .int({ error: 'must be a whole number of customers' })
        .min(0, { error: 'cannot be negative: the customers acquired in the quarter' })
        .max(MAX_AMOUNT),
      source,
    })
    .optional(),
  /** Customer acquisition cost, as the team measures it. */
  cac: sourcedAmount('the cost of acquiring one customer', false).optional(),
  /** Customer lifetime value, as the team measures it. */
  cltv: sourcedAmount('the lifetime value of one customer', false).optional(),
});

export type Finance = z.output<typeof financeSchema>;
