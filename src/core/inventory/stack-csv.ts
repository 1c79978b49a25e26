import { parse } from 'csv-parse/sync';
import { isCalendarDate } from '../period.js';
import { MARTECH_CATEGORIES, type MartechCategory } from '../martech-categories.js';
import type { Problem } from '../problem.js';
import { SLUG_PATTERN } from '../schema/common.js';
import { closest } from '../validate/did-you-mean.js';
import { parseHumanNumber, suggestSlug } from '../interview/parse-answer.js';

// A martech stack spreadsheet, exported as CSV with a header row, read into vendor stubs.
// Columns are recognised by name; a row that cannot be used is reported with its line number.

export interface StackVendor {
  line: number;
  id: string;
  name: string;
  product?: string | undefined;
  category: MartechCategory;
  spend?: { amount: number; currency: string } | undefined;
  renewal?: string | undefined;
  owner?: string | undefined;
  website?: string | undefined;
}

export type DateFormat = 'iso' | 'dmy' | 'mdy';

const COLUMNS = {
  id: ['id', 'vendorid', 'slug'],
  name: ['vendor', 'name', 'vendorname', 'company', 'supplier', 'provider'],
  product: ['product', 'tool', 'solution', 'productname', 'platform'],
  category: ['category', 'type', 'martechcategory', 'function', 'capability'],
  spend: ['spend', 'annualspend', 'cost', 'annualcost', 'budget', 'contractvalue', 'acv', 'annualcontractvalue'],
  currency: ['currency', 'ccy'],
  renewal: ['renewal', 'renewaldate', 'contractend', 'enddate', 'contractrenewal', 'renewalon'],
  owner: ['owner', 'businessowner', 'internalowner', 'contact', 'accountable'],
  website: ['website', 'url', 'site', 'web'],
} as const;
type Column = keyof typeof COLUMNS;

const CATEGORY_WORDS: Record<string, MartechCategory> = {
  personalization: 'on-site-personalization',
  personalisation: 'on-site-personalization',
  abtesting: 'ab-testing',
  experimentation: 'ab-testing',
  cdp: 'smart-data',
  customerdataplatform: 'smart-data',
  chatbot: 'ai-bots',
  chatbots: 'ai-bots',
  bots: 'ai-bots',
  sociallistening: 'social-media-intelligence',
  email: 'emailing',
  emailmarketing: 'emailing',
  esp: 'emailing',
  tms: 'tag-management',
  tagmanager: 'tag-management',
  helpdesk: 'customer-service',
  support: 'customer-service',
  contentgeneration: 'generative-content',
  genai: 'generative-content',
};

const SYMBOLS: Record<string, string> = { '€': 'EUR', $: 'USD', '£': 'GBP', '¥': 'JPY', 'CHF': 'CHF' };

const normal = (text: string) => text.toLowerCase().replace(/[^a-z0-9]/g, '');

export interface StackOptions {
  currency: string;
  dateFormat: DateFormat;
}

export function readStackCsv(text: string, file: string, options: StackOptions): { vendors: StackVendor[]; problems: Problem[] } {
  const problems: Problem[] = [];
  const problem = (line: number | undefined, message: string, hint?: string, severity: 'error' | 'warning' = 'error') =>
    problems.push({ file, ...(line ? { line, column: 1 } : {}), message, hint, severity });
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text.replace(/^\uFEFF/, ''), { bom: true, relax_column_count: true, skip_empty_lines: true, info: true, trim: true, delimiter: detectDelimiter(text) }) as never;
  } catch (error) {
    const e = error as { lines?: number; message: string };
    problem(e.lines, `CSV could not be read: ${e.message.replace(/^Invalid Record Length: |\.$/g, '')}`, 'check the quoting on that line');
    return { vendors: [], problems };
  }
  const [header, ...rows] = records;
  if (!header) {
    problem(undefined, 'file is empty', 'export the stack spreadsheet as CSV with a header row');
    return { vendors: [], problems };
  }
  const columns = mapColumns(header.record);
  for (const [i, name] of header.record.entries()) {
    if (!Object.values(columns).includes(i) && name) problem(1, `column "${name}" is not used`, `known columns: ${Object.values(COLUMNS).map((names) => names[0]).join(', ')}`, 'warning');
  }
  if (columns.name === undefined) {
    problem(1, 'no vendor name column', `name one column ${COLUMNS.name.map((n) => `"${n}"`).join(' or ')}`);
    return { vendors: [], problems };
  }
  const vendors: StackVendor[] = [];
  const ids = new Map<string, number>();
  for (const { record, info } of rows) {
    // csv-parse counts the line a record ends on; a quoted field may span lines.
    const line = info.lines - record.reduce((n, field) => n + (field.match(/\n/g)?.length ?? 0), 0);
    const cell = (column: Column) => (columns[column] === undefined ? '' : (record[columns[column]!] ?? '').trim());
    const name = cell('name');
    if (!name) {
      problem(line, 'no vendor name: row skipped', 'fill in the vendor column');
      continue;
    }
    const id = cell('id') || suggestSlug(name);
    if (!SLUG_PATTERN.test(id)) {
      problem(line, `"${id}" cannot be a vendor id`, 'use lower-case letters, digits and dashes');
      continue;
    }
    if (ids.has(id)) {
      problem(line, `vendor id "${id}" is already used on line ${ids.get(id)}`, 'give the second one an id column value of its own, or remove the duplicate row');
      continue;
    }
    const category = matchCategory(cell('category'));
    if (!category.ok) {
      problem(line, category.message, category.hint);
      continue;
    }
    const spend = cell('spend') ? parseSpend(cell('spend'), cell('currency') || undefined, options.currency) : undefined;
    if (spend && !spend.ok) {
      problem(line, spend.message, 'write the annual amount, e.g. 48000, 48k or €48,000');
      continue;
    }
    const renewal = cell('renewal') ? parseDate(cell('renewal'), options.dateFormat) : undefined;
    if (renewal && !renewal.ok) {
      problem(line, renewal.message, renewal.hint);
      continue;
    }
    ids.set(id, line);
    vendors.push({
      line,
      id,
      name,
      ...(cell('product') ? { product: cell('product') } : {}),
      category: category.value,
      ...(spend?.ok ? { spend: spend.value } : {}),
      ...(renewal?.ok ? { renewal: renewal.value } : {}),
      ...(cell('owner') ? { owner: cell('owner') } : {}),
      ...(cell('website') ? { website: cell('website') } : {}),
    });
  }
  return { vendors, problems };
}

/** Spreadsheets in much of Europe export with semicolons. */
function detectDelimiter(text: string): string {
  const first = text.split(/\r?\n/, 1)[0] ?? '';
  return (first.match(/;/g)?.length ?? 0) > (first.match(/,/g)?.length ?? 0) ? ';' : ',';
}

function mapColumns(header: string[]): Partial<Record<Column, number>> {
  const out: Partial<Record<Column, number>> = {};
  header.forEach((name, i) => {
    const key = normal(name);
    for (const [column, names] of Object.entries(COLUMNS) as [Column, readonly string[]][]) {
      if (out[column] === undefined && names.includes(key)) out[column] = i;
    }
  });
  return out;
}

function matchCategory(text: string): { ok: true; value: MartechCategory } | { ok: false; message: string; hint: string } {
  const key = normal(text);
  const known = MARTECH_CATEGORIES.find((c) => normal(c.id) === key || normal(c.label) === key)?.id ?? CATEGORY_WORDS[key];
  if (known) return { ok: true, value: known };
  const labels = MARTECH_CATEGORIES.map((c) => c.label);
  const suggestion = text ? closest(text, labels) : undefined;
  return {
    ok: false,
    message: text ? `"${text}" is not a martech category` : 'no category',
    hint: suggestion ? `did you mean "${suggestion}"?` : `use one of: ${labels.join(', ')}`,
  };
}

function parseSpend(text: string, currencyCell: string | undefined, fallback: string): { ok: true; value: { amount: number; currency: string } } | { ok: false; message: string } {
  const symbol = Object.keys(SYMBOLS).find((s) => text.includes(s));
  const code = /\b([A-Z]{3})\b/.exec(text)?.[1];
  const currency = (currencyCell?.toUpperCase() || code || (symbol ? SYMBOLS[symbol] : undefined) || fallback).trim();
  const amount = parseHumanNumber(text.replace(/[€$£¥]|\b[A-Z]{3}\b/g, '').replace(/(\d)\s+(?=\d{3}\b)/g, '$1'));
  if (!amount.ok || amount.value < 0) return { ok: false, message: `"${text}" is not an amount` };
  if (!/^[A-Z]{3}$/.test(currency)) return { ok: false, message: `"${currency}" is not a currency code` };
  return { ok: true, value: { amount: amount.value, currency } };
}

function parseDate(text: string, format: DateFormat): { ok: true; value: string } | { ok: false; message: string; hint: string } {
  if (isCalendarDate(text)) return { ok: true, value: text };
  const match = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text);
  if (match && format !== 'iso') {
    const [a, b, year] = [match[1]!, match[2]!, match[3]!];
    const [day, month] = format === 'dmy' ? [a, b] : [b, a];
    const iso = `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
    if (isCalendarDate(iso)) return { ok: true, value: iso };
  }
  return {
    ok: false,
    message: `"${text}" is not a date aiclaim can read`,
    hint: match ? 'write dates as YYYY-MM-DD, or pass --date-format dmy (31/03/2027) or mdy (03/31/2027)' : 'write dates as YYYY-MM-DD',
  };
}
