import { parseAmount, type AmountConvention } from '../interview/parse-amount.js';
import { formatNumber } from '../scoring/format-answer.js';
import { quoted } from '../problem.js';
import { MAX_AMOUNT } from '../schema/limits.js';

// An annual spend as a stack spreadsheet writes it (`€ 8.500`, `64.000,00 €`, `$12,000`, `12.5k`,
// `USD 1,200`, `1 200 €`), read by the one amount parser of the project. The currency comes from
// the cell (symbol or code), else the currency column, else the fallback (--currency, then the
// workspace's). Where the separators leave two readings the cell is refused: never a guess.

export type CellRead<T> = { ok: true; value: T } | { ok: false; message: string; hint: string };

const SYMBOLS: Readonly<Record<string, string>> = { '€': 'EUR', $: 'USD', '£': 'GBP', '¥': 'JPY', '₹': 'INR' };
const MARKS = /US\$|[€$£¥₹]|\b[A-Za-z]{3}\b/g;

/** The currency a cell or a currency column names, if it names one. */
function currencyOf(text: string): { codes: string[]; rest: string } {
  const codes = new Set<string>();
  const rest = text.replace(MARKS, (mark) => {
    if (mark === 'US$') codes.add('USD');
    else if (SYMBOLS[mark]) codes.add(SYMBOLS[mark]!);
    else if (/^[A-Z]{3}$/.test(mark)) codes.add(mark);
    else return mark; // a word such as "k" or "million" stays for the figure
    return ' ';
  });
  return { codes: [...codes], rest: rest.trim() };
}

/**
 * The currency a spreadsheet's number format shows (`"€"#,##0`, `[$€-407] #,##0.00`,
 * `#,##0 [$USD]`, `$#,##0`), as a code; undefined where it shows none (`[$-409]` names only a
 * locale). Text in quotes is read for a symbol only, so a unit such as `"k"` names no currency.
 */
export function currencyOfFormat(format: string | undefined): string | undefined {
  if (!format) return undefined;
  const bracket = /\[\$([^\]-]*)(?:-[0-9A-Fa-f]+)?\]/.exec(format);
  if (bracket && bracket[1]) {
    const mark = bracket[1].trim();
    return SYMBOLS[mark] ?? (mark === 'US$' ? 'USD' : /^[A-Z]{3}$/.test(mark) ? mark : undefined);
  }
  // Outside brackets: a symbol, bare or quoted; escaped characters (\€) count too.
  const plain = format.replace(/\[[^\]]*\]/g, '');
  const found = [...plain].map((ch) => SYMBOLS[ch]).filter(Boolean);
  return found.length > 0 && found.every((c) => c === found[0]) ? found[0] : undefined;
}

/**
 * A number cell of a workbook as text for `readAmount`: the exact figure with no separators, and
 * the currency its format shows, so `8500` formatted `€#,##0` reads as 8,500 EUR.
 */
export function amountCellText(value: number, format: string | undefined): string {
  const currency = currencyOfFormat(format);
  // Cents at most: a spend to the tenth of a cent is a computed figure, rounded as a ledger would.
  const figure = Number.isInteger(value) ? String(value) : String(Math.round(value * 100) / 100);
  return currency ? `${figure} ${currency}` : figure;
}

/**
 * What a column's amounts say about separators, from the cells that can be read one way only
 * (`64.000,00`, `1,234,567`, `12,50`); where they disagree, nothing. Without such a cell, the
 * delimiter says which mark cannot be a decimal there: a comma in a comma-separated file, a dot in
 * a semicolon-separated one (spreadsheets write `;` where the comma marks decimals).
 */
export function amountConvention(cells: readonly string[], delimiter: string | undefined): AmountConvention {
  let dotGroups = false;
  let commaGroups = false;
  for (const cell of cells) {
    const { rest } = currencyOf(cell);
    const figure = /^[+-]?[\d., ']*\d/.exec(rest)?.[0]?.replace(/[ ']/g, '') ?? '';
    const suffix = rest.slice(rest.indexOf(figure) + figure.length).trim();
    const dots = figure.split('.').length - 1;
    const commas = figure.split(',').length - 1;
    if (dots && commas) {
      if (figure.lastIndexOf(',') > figure.lastIndexOf('.')) dotGroups = true;
      else commaGroups = true;
    } else if (dots > 1) dotGroups = true;
    else if (commas > 1) commaGroups = true;
    else if (!suffix && /^[^.,]*[.,]\d{2}$/.test(figure)) {
      if (commas) dotGroups = true;
      else commaGroups = true;
    }
  }
  if (dotGroups && commaGroups) return {};
  if (dotGroups) return { grouping: '.', decimal: ',' };
  if (commaGroups) return { grouping: ',', decimal: '.' };
  // A workbook has no delimiter to go by: what is left undecided is asked about.
  if (delimiter === undefined) return {};
  return { grouping: delimiter === ';' ? '.' : ',' };
}

export function readAmount(text: string, currencyCell: string, fallback: string, convention: AmountConvention): CellRead<{ amount: number; currency: string }> {
  const example = 'write the annual amount, e.g. 48000, 48k or €48,000';
  const cell = currencyOf(text);
  const column = currencyCell ? currencyOf(currencyCell) : undefined;
  if (cell.codes.length > 1)
    return {
      ok: false,
      message: `${quoted(text)} names more than one currency (${cell.codes.join(', ')})`,
      hint: 'keep one currency symbol or code in the cell',
    };
  if (column && (column.codes.length !== 1 || column.rest !== ''))
    return { ok: false, message: `currency ${quoted(currencyCell)} is not a currency code`, hint: 'write a code such as EUR or USD in the currency column' };
  const [own] = cell.codes;
  const [named] = column?.codes ?? [];
  if (own && named && own !== named)
    return {
      ok: false,
      message: `${quoted(text)} is in ${own} but the currency column says ${named}`,
      hint: `correct the amount or the currency column so that they agree`,
    };
  const currency = own ?? named ?? fallback;
  const parsed = parseAmount(cell.rest, currency, convention);
  if (parsed.ok === 'ambiguous') {
    const [grouped, decimal] = parsed.readings;
    return {
      ok: false,
      message: `${quoted(text)} could be ${formatNumber(grouped)} or ${formatNumber(decimal)} ${currency}: aiclaim does not guess`,
      hint: `write it with no thousands separator (${grouped}) or with two decimals (${decimal.toFixed(2)})`,
    };
  }
  if (!parsed.ok || Number.isNaN(parsed.value) || parsed.value < 0) return { ok: false, message: `${quoted(text)} is not an amount`, hint: example };
  if (parsed.value > MAX_AMOUNT)
    return {
      ok: false,
      message: `${quoted(text)} is more than ${MAX_AMOUNT.toLocaleString('en-US')}, the largest annual spend aiclaim records`,
      hint: 'write the annual spend in units of the currency, e.g. 48000',
    };
  return { ok: true, value: { amount: parsed.value, currency } };
}
