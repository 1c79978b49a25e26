// Spend in several currencies, added up: with the rates a team sets (aiclaim.yaml `exchange`),
// every amount is converted to the base currency; without them, totals stay per currency and the
// report says so. Pure: the rates are data, never fetched.

export interface ExchangeRates {
  /** The currency totals are given in. */
  base: string;
  /** The date of the rates, shown beside every converted total. */
  asOf: string;
  /** Currency code → what one unit of it is worth in the base currency. */
  rates: Readonly<Record<string, number>>;
}

export interface Money {
  amount: number;
  currency: string;
}

/** The rates of the settings, with their base: the one named, else the workspace currency. */
export function ratesOf(
  setting: { base?: string | undefined; asOf: string; rates: Record<string, number> } | undefined,
  workspaceCurrency: string,
): ExchangeRates | undefined {
  if (!setting) return undefined;
  return { base: setting.base ?? workspaceCurrency, asOf: setting.asOf, rates: setting.rates };
}

/** The rate of one unit of `currency` in the base: 1 for the base itself, undefined when not set. */
export function rateOf(currency: string, rates: ExchangeRates): number | undefined {
  if (currency === rates.base) return 1;
  return Object.hasOwn(rates.rates, currency) ? rates.rates[currency] : undefined;
}

/** The amount in the base currency; as it is when there are no rates or none for its currency. */
export function toBase(money: Money, rates: ExchangeRates | undefined): Money {
  const rate = rates ? rateOf(money.currency, rates) : undefined;
  return rate === undefined ? money : { amount: money.amount * rate, currency: rates!.base };
}

/** The currencies in use that the rates do not cover, sorted: each one a problem to report. */
export function missingRates(currencies: Iterable<string>, rates: ExchangeRates): string[] {
  return [...new Set(currencies)].filter((c) => rateOf(c, rates) === undefined).sort();
}

/** Totals per currency (after conversion, when there are rates), the largest first. */
export function totals(amounts: Iterable<Money | undefined>, rates: ExchangeRates | undefined): Money[] {
  const sums = new Map<string, number>();
  for (const m of amounts) {
    if (!m) continue;
    const converted = toBase(m, rates);
    sums.set(converted.currency, (sums.get(converted.currency) ?? 0) + converted.amount);
  }
  return [...sums].map(([currency, amount]) => ({ currency, amount })).sort((a, b) => b.amount - a.amount || (a.currency < b.currency ? -1 : 1));
}
