import { rateOf, type ExchangeRates } from '../report/currency.js';

// The stack's figures are compared with one another, so each is in one currency: the base of the
// exchange rates, or the workspace currency when there are none.

export interface Base {
  currency: string;
  rates?: ExchangeRates | undefined;
}

/** The currency the figures are given in. */
export function baseOf(workspaceCurrency: string, rates: ExchangeRates | undefined): Base {
  return { currency: rates?.base ?? workspaceCurrency, rates };
}

/** The amount in the base currency; undefined when its currency has no rate. */
export function inBase(money: { amount: number; currency: string }, base: Base): number | undefined {
  if (money.currency === base.currency) return money.amount;
  const rate = base.rates ? rateOf(money.currency, base.rates) : undefined;
  return rate === undefined ? undefined : money.amount * rate;
}
