import { rateOf, type ExchangeRates } from '../report/currency.js';
import type { Finance } from '../schema/finance.js';
import type { PathIssue } from './path-issue.js';

// A finance file's amounts are compared with the stack's spend: each must be in the workspace's
// currency or in one that aiclaim.yaml gives a rate for, or the comparison would be wrong.

const MONEY_FIELDS = ['budget', 'technologySpend', 'cac', 'cltv'] as const;

/** `name`: the file's name, which must be its quarter's (2026-Q4.yaml). */
export function checkFinance(finance: Finance, name: string, currency: string, rates: ExchangeRates | undefined): PathIssue[] {
  const issues: PathIssue[] = [];
  if (name.replace(/\.ya?ml$/i, '') !== finance.period) {
    issues.push({ path: ['period'], message: `period: the file holds ${finance.period} but is named ${name}`, hint: `name it ${finance.period}.yaml` });
  }
  for (const field of MONEY_FIELDS) {
    const figure = finance[field];
    if (!figure) continue;
    const convertible = rates ? rateOf(figure.currency, rates) !== undefined : figure.currency === currency;
    if (convertible) continue;
    issues.push({
      path: [field, 'currency'],
      message: rates
        ? `${field}.currency: no exchange rate for ${figure.currency} in aiclaim.yaml (exchange.rates, base ${rates.base})`
        : `${field}.currency: ${figure.currency} is not the workspace currency (${currency}) and aiclaim.yaml sets no exchange rates`,
      hint: rates
        ? `add "${figure.currency}: <what 1 ${figure.currency} is worth in ${rates.base}>" under exchange.rates, or give the figure in ${rates.base}`
        : `give the figure in ${currency}, or set exchange: { asOf, rates: { ${figure.currency}: … } } in aiclaim.yaml`,
    });
  }
  return issues;
}
