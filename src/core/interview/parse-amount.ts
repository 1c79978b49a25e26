import { formatNumber } from '../scoring/format-answer.js';
import { parseHumanNumber, type Parsed } from './parse-answer.js';

// An amount of money as an interviewer types it, in the workspace's currency: `48.000` in a EUR
// workspace is forty-eight thousand; `€48,000` and `48 000 EUR` are amounts too. Where the
// separators leave two readings (`48,000` where a comma marks decimals), both are returned, for
// the interviewer to choose: an amount is never guessed. A spreadsheet import passes what the rest
// of its file says about separators (`convention`): one more way to decide, never a guess.

export type ParsedAmount = Parsed<number> | { ok: 'ambiguous'; readings: [number, number] };

const SYMBOLS: Readonly<Record<string, string>> = { EUR: '€', USD: '$', GBP: '£', JPY: '¥', INR: '₹', CHF: 'Fr.' };
/** Currencies whose amounts are grouped with a dot and have a decimal comma (48.000,50). */
const DOT_GROUPING = new Set(['EUR', 'DKK', 'NOK', 'BRL', 'IDR', 'TRY', 'ARS', 'CLP', 'COP']);

/** What a file's other amounts say: the mark that groups thousands there, and the one for decimals. */
export interface AmountConvention {
  grouping?: '.' | ',' | undefined;
  decimal?: '.' | ',' | undefined;
}

export function parseAmount(text: string, currency: string, convention: AmountConvention = {}): ParsedAmount {
  let value = text.trim();
  const symbol = SYMBOLS[currency];
  for (const mark of [currency, symbol].filter((m): m is string => m !== undefined)) {
    const escaped = mark.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    value = value.replace(new RegExp(`^${escaped}\\s*|\\s*${escaped}$`, 'i'), '');
  }
  if (/^[^\d\s+-]/.test(value) && !/^\.\d/.test(value))
    return { ok: false, message: `amounts here are in ${currency}: type the figure, e.g. 48000, 48k or ${symbol ?? currency}48,000` };
  const figure = /^[+-]?[\d., ']+/.exec(value)?.[0]?.trim() ?? '';
  const rest = value.slice(figure.length === 0 ? 0 : value.indexOf(figure) + figure.length);
  const grouping = DOT_GROUPING.has(currency) ? '.' : ',';
  const reading = (number: string): number | undefined => {
    const parsed = parseHumanNumber(`${number}${rest}`);
    return parsed.ok ? parsed.value : undefined;
  };
  const digits = figure.replace(/[ ']/g, '');
  const separators = digits.replace(/[\d+-]/g, '');
  let normal: string;
  if (separators === '') normal = digits;
  else if (new Set(separators).size === 2) {
    // Both kinds: the last one marks the decimals.
    const last = separators.at(-1)!;
    normal = digits
      .split(last === '.' ? ',' : '.')
      .join('')
      .replace(last, '.');
  } else if (separators.length > 1)
    normal = digits.split(separators[0]!).join(''); // 1.234.567: grouping
  else if (/[.,]\d{3}$/.test(digits)) {
    // One separator and three digits after it: grouping where the currency (or the file) groups
    // so and nothing says it marks decimals; else ask.
    const grouped = digits.replace(/[.,]/, '');
    if ((separators === grouping || separators === convention.grouping) && separators !== convention.decimal) normal = grouped;
    else {
      const asGrouped = reading(grouped);
      const asDecimal = reading(digits.replace(separators, '.'));
      if (asGrouped === undefined || asDecimal === undefined) return { ok: false, message: 'type an amount, e.g. 48000 or 48k' };
      return { ok: 'ambiguous', readings: [asGrouped, asDecimal] };
    }
  } else normal = digits.replace(separators, '.');
  const amount = reading(normal);
  return amount === undefined ? { ok: false, message: 'type an amount, e.g. 48000 or 48k' } : { ok: true, value: amount };
}

/** How each reading of an ambiguous amount is offered. */
export function amountReading(value: number, currency: string): string {
  return `${formatNumber(value)} ${currency}`;
}
