import { parse } from 'csv-parse/sync';
import { isCalendarDate } from '../period.js';
import { MARTECH_CATEGORIES, type MartechCategory } from '../martech-categories.js';
import { excerpt, quoted, type Problem } from '../problem.js';
import { SLUG_PATTERN } from '../schema/common.js';
import { isReservedName, MAX_AMOUNT, MAX_CELL_LENGTH, MAX_IMPORT_ROWS, MAX_NAME_LENGTH, MAX_REFERENCE_LENGTH, own } from '../schema/limits.js';
import { closest } from '../validate/did-you-mean.js';
import { parseHumanNumber, suggestSlug } from '../interview/parse-answer.js';

// A martech stack spreadsheet, exported as CSV with a header row, read into vendor stubs.
// Columns are recognised by name; a row that cannot be used is reported with its line number.
// A spreadsheet past the limits (MAX_IMPORT_ROWS rows, cells longer than a vendor file can hold)
// is refused whole, with one line naming the row and the cell: nothing of it is imported.

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

/** The longest value each column may hold: the limit of the vendor file field it fills. */
const CELL_LIMITS: Partial<Record<Column, number>> = { name: MAX_NAME_LENGTH, product: MAX_NAME_LENGTH, owner: MAX_NAME_LENGTH, website: MAX_REFERENCE_LENGTH };

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

export interface StackRead {
  vendors: StackVendor[];
  problems: Problem[];
  /** The spreadsheet is past a limit: nothing of it may be imported (problems holds the one reason). */
  refused?: boolean | undefined;
}

export function readStackCsv(text: string, file: string, options: StackOptions): StackRead {
  const problems: Problem[] = [];
  const problem = (line: number | undefined, message: string, hint?: string, severity: 'error' | 'warning' = 'error') =>
    problems.push({ file, ...(line ? { line, column: 1 } : {}), message, hint, severity });
  const refuse = (line: number | undefined, message: string, hint: string): StackRead => ({ vendors: [], problems: [{ file, ...(line ? { line, column: 1 } : {}), message, hint, severity: 'error' }], refused: true });
  let records: { record: string[]; info: { lines: number } }[];
  try {
    // The header, the rows allowed and one more, to tell a spreadsheet past the limit: the rest is never parsed.
    records = parse(text.replace(/^\uFEFF/, ''), { bom: true, relax_column_count: true, skip_empty_lines: true, info: true, trim: true, delimiter: detectDelimiter(text), to: MAX_IMPORT_ROWS + 2 }) as never;
  } catch (error) {
    const e = error as { lines?: number; message: string };
    problem(e.lines, `CSV could not be read: ${excerpt(e.message.replace(/^Invalid Record Length: |\.$/g, ''), 200)}`, 'check the quoting on that line');
    return { vendors: [], problems };
  }
  const [header, ...rows] = records;
  if (!header) {
    problem(undefined, 'file is empty', 'export the stack spreadsheet as CSV with a header row');
    return { vendors: [], problems };
  }
  if (rows.length > MAX_IMPORT_ROWS) {
    const last = rows[MAX_IMPORT_ROWS]!;
    return refuse(last.info.lines, `more than ${MAX_IMPORT_ROWS.toLocaleString('en-US')} vendor rows: nothing was imported`, `split the spreadsheet into files of at most ${MAX_IMPORT_ROWS.toLocaleString('en-US')} rows and import them one at a time`);
  }
  // Every cell within the limits, before any row is used: a spreadsheet past them is refused whole.
  const longCell = (record: string[], limitOf: (i: number) => number) => record.findIndex((cell, i) => cell.length > limitOf(i));
  const headerCell = longCell(header.record, () => MAX_NAME_LENGTH);
  if (headerCell !== -1) {
    return refuse(1, `the name of column ${headerCell + 1} is ${header.record[headerCell]!.length.toLocaleString('en-US')} characters long; the limit is ${MAX_NAME_LENGTH}: nothing was imported`, 'check that the first row holds the column names, and that this is the file you meant');
  }
  const columns = mapColumns(header.record);
  const limits = header.record.map((_, i) => (Object.entries(columns) as [Column, number][]).reduce((limit, [column, at]) => (at === i ? Math.min(limit, CELL_LIMITS[column] ?? MAX_CELL_LENGTH) : limit), MAX_CELL_LENGTH));
  for (const { record, info } of rows) {
    const i = longCell(record, (at) => limits[at] ?? MAX_CELL_LENGTH);
    if (i === -1) continue;
    const column = header.record[i] ? `column ${quoted(header.record[i]!, 30)}` : `column ${i + 1}`;
    const limit = limits[i] ?? MAX_CELL_LENGTH;
    return refuse(startLine(record, info), `${column}: the cell is ${record[i]!.length.toLocaleString('en-US')} characters long; the limit is ${limit.toLocaleString('en-US')}: nothing was imported`, 'shorten the cell in the spreadsheet and export it again (a vendor file cannot hold more)');
  }
  for (const [i, name] of header.record.entries()) {
    if (!Object.values(columns).includes(i) && name) problem(1, `column ${quoted(name)} is not used`, `known columns: ${Object.values(COLUMNS).map((names) => names[0]).join(', ')}`, 'warning');
  }
  if (columns.name === undefined) {
    problem(1, 'no vendor name column', `name one column ${COLUMNS.name.map((n) => `"${n}"`).join(' or ')}`);
    return { vendors: [], problems };
  }
  const vendors: StackVendor[] = [];
  const ids = new Map<string, number>();
  for (const { record, info } of rows) {
    const line = startLine(record, info);
    const cell = (column: Column) => (columns[column] === undefined ? '' : (record[columns[column]!] ?? '').trim());
    const name = cell('name');
    if (!name) {
      problem(line, 'no vendor name: row skipped', 'fill in the vendor column');
      continue;
    }
    const id = cell('id') || suggestSlug(name);
    if (!SLUG_PATTERN.test(id)) {
      if (isReservedName(id)) problem(line, `"${id}" is a reserved name and cannot be a vendor id`, 'give the row an id column value of its own, e.g. ' + `${id}-1`);
      else problem(line, `${quoted(id)} cannot be a vendor id`, 'use lower-case letters, digits and dashes');
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

/** csv-parse counts the line a record ends on; a quoted field may span lines. */
function startLine(record: string[], info: { lines: number }): number {
  return info.lines - record.reduce((n, field) => n + (field.match(/\n/g)?.length ?? 0), 0);
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
  const known = MARTECH_CATEGORIES.find((c) => normal(c.id) === key || normal(c.label) === key)?.id ?? own(CATEGORY_WORDS, key);
  if (known) return { ok: true, value: known };
  const labels = MARTECH_CATEGORIES.map((c) => c.label);
  const suggestion = text ? closest(text, labels) : undefined;
  return {
    ok: false,
    message: text ? `${quoted(text)} is not a martech category` : 'no category',
    hint: suggestion ? `did you mean "${suggestion}"?` : `use one of: ${labels.join(', ')}`,
  };
}

function parseSpend(text: string, currencyCell: string | undefined, fallback: string): { ok: true; value: { amount: number; currency: string } } | { ok: false; message: string } {
  const symbol = Object.keys(SYMBOLS).find((s) => text.includes(s));
  const code = /\b([A-Z]{3})\b/.exec(text)?.[1];
  const currency = (currencyCell?.toUpperCase() || code || (symbol ? SYMBOLS[symbol] : undefined) || fallback).trim();
  const amount = parseHumanNumber(text.replace(/[€$£¥]|\b[A-Z]{3}\b/g, '').replace(/(\d)\s+(?=\d{3}\b)/g, '$1'));
  if (!amount.ok || amount.value < 0) return { ok: false, message: `${quoted(text)} is not an amount` };
  if (amount.value > MAX_AMOUNT) return { ok: false, message: `${quoted(text)} is more than ${MAX_AMOUNT.toLocaleString('en-US')}, the largest annual spend aiclaim records` };
  if (!/^[A-Z]{3}$/.test(currency)) return { ok: false, message: `${quoted(currency)} is not a currency code` };
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
    message: `${quoted(text)} is not a date aiclaim can read`,
    hint: match ? 'write dates as YYYY-MM-DD, or pass --date-format dmy (31/03/2027) or mdy (03/31/2027)' : 'write dates as YYYY-MM-DD',
  };
}
