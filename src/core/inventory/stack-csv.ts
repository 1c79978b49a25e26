import { parse } from 'csv-parse/sync';
import type { MartechCategory } from '../martech-categories.js';
import { excerpt, quoted, type Problem } from '../problem.js';
import { SLUG_PATTERN } from '../schema/common.js';
import { isReservedName, MAX_CELL_LENGTH, MAX_IMPORT_ROWS, MAX_NAME_LENGTH, MAX_REFERENCE_LENGTH } from '../schema/limits.js';
import { suggestSlug } from '../interview/parse-answer.js';
import { amountConvention, readAmount } from './stack-amount.js';
import { readCategory, type CategoryOptions } from './stack-category.js';
import { readRenewal, UNKNOWN_CELL, type DateFormat } from './stack-renewal.js';

// A martech stack spreadsheet, exported as CSV with a header row, read into vendor stubs.
// Columns are recognised by name. Every problem of every row is reported, each at its row and
// column (file:line:column) with what to write; a row whose cells are all empty is skipped.
// A spreadsheet past the limits (MAX_IMPORT_ROWS rows, cells longer than a vendor file can hold)
// is refused whole, with one line naming the row and the cell: nothing of it is imported.

export interface StackVendor {
  line: number;
  id: string;
  name: string;
  product?: string | undefined;
  category: MartechCategory;
  /** The team's own label, for category `other`. */
  categoryLabel?: string | undefined;
  spend?: { amount: number; currency: string } | undefined;
  renewal?: string | undefined;
  owner?: string | undefined;
  website?: string | undefined;
}

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

const normal = (text: string) => text.toLowerCase().replace(/[^a-z0-9]/g, '');

export interface StackOptions extends CategoryOptions {
  /** The currency of amounts that name none (no symbol, code or currency column). */
  currency: string;
  dateFormat: DateFormat;
}

export interface StackRead {
  vendors: StackVendor[];
  problems: Problem[];
  /** The spreadsheet is past a limit: nothing of it may be imported (problems holds the one reason). */
  refused?: boolean | undefined;
}

/** A CSV's rows, or why it cannot be read. */
export function csvStackTable(text: string, file: string): { ok: true; table: StackTable } | { ok: false; problems: Problem[] } {
  const delimiter = detectDelimiter(text);
  let records: { record: string[]; info: { lines: number } }[];
  try {
    // The header, the rows allowed and one more, to tell a spreadsheet past the limit: the rest is never parsed.
    records = parse(text.replace(/^\uFEFF/, ''), {
      bom: true,
      relax_column_count: true,
      skip_empty_lines: true,
      info: true,
      trim: true,
      delimiter,
      to: MAX_IMPORT_ROWS + 2,
    }) as never;
  } catch (error) {
    const e = error as { lines?: number; message: string };
    const message = `CSV could not be read: ${excerpt(e.message.replace(/^Invalid Record Length: |\.$/g, ''), 200)}`;
    return {
      ok: false,
      problems: [{ file, ...(e.lines ? { line: e.lines, column: 1 } : {}), message, hint: 'check the quoting on that line', severity: 'error' }],
    };
  }
  const [header, ...rows] = records.map(({ record, info }) => ({ cells: record, line: startLine(record, info) }));
  return { ok: true, table: { header: header?.cells, rows, delimiter } };
}

/** A stack spreadsheet exported as CSV, read. */
export function readStackCsv(text: string, file: string, options: StackOptions): StackRead {
  const csv = csvStackTable(text, file);
  return csv.ok ? readStackTable(csv.table, file, options) : { vendors: [], problems: csv.problems };
}

/** A stack spreadsheet as rows of cell text, each with the row (line) it starts on: a CSV's or a workbook's first sheet. */
/** How `amountCellText` writes a workbook's number cell: a dot before any decimals, no grouping. */
const EXACT_FIGURE = { grouping: ',', decimal: '.' } as const;

export interface StackTable {
  header: string[] | undefined;
  /** `numbers`: the columns (from 0) of a workbook's number cells, exact figures written as `amountCellText` does. */
  rows: { cells: string[]; line: number; numbers?: ReadonlySet<number> | undefined }[];
  /** A CSV's delimiter: where nothing else settles an amount's separators, it does. */
  delimiter?: string | undefined;
}

export function readStackTable(table: StackTable, file: string, options: StackOptions): StackRead {
  const problems: Problem[] = [];
  const problem = (line: number | undefined, message: string, hint?: string, severity: 'error' | 'warning' = 'error') =>
    problems.push({ file, ...(line ? { line, column: 1 } : {}), message, hint, severity });
  const refuse = (line: number | undefined, message: string, hint: string): StackRead => ({
    vendors: [],
    problems: [{ file, ...(line ? { line, column: 1 } : {}), message, hint, severity: 'error' }],
    refused: true,
  });
  // A workbook's sheet may end in empty rows; a CSV's are skipped by the parser.
  const rows = table.rows.filter((row) => row.cells.some((cell) => cell.trim() !== ''));
  const header = table.header === undefined ? undefined : { record: table.header };
  if (!header) {
    problem(undefined, 'file is empty', 'export the stack spreadsheet as CSV with a header row');
    return { vendors: [], problems };
  }
  if (rows.length > MAX_IMPORT_ROWS) {
    const last = rows[MAX_IMPORT_ROWS]!;
    return refuse(
      last.line,
      `more than ${MAX_IMPORT_ROWS.toLocaleString('en-US')} vendor rows: nothing was imported`,
      `split the spreadsheet into files of at most ${MAX_IMPORT_ROWS.toLocaleString('en-US')} rows and import them one at a time`,
    );
  }
  // Every cell within the limits, before any row is used: a spreadsheet past them is refused whole.
  const longCell = (record: string[], limitOf: (i: number) => number) => record.findIndex((cell, i) => cell.length > limitOf(i));
  const headerCell = longCell(header.record, () => MAX_NAME_LENGTH);
  if (headerCell !== -1) {
    return refuse(
      1,
      `the name of column ${headerCell + 1} is ${header.record[headerCell]!.length.toLocaleString('en-US')} characters long; the limit is ${MAX_NAME_LENGTH}: nothing was imported`,
      'check that the first row holds the column names, and that this is the file you meant',
    );
  }
  const columns = mapColumns(header.record);
  const limits = header.record.map((_, i) =>
    (Object.entries(columns) as [Column, number][]).reduce(
      (limit, [column, at]) => (at === i ? Math.min(limit, CELL_LIMITS[column] ?? MAX_CELL_LENGTH) : limit),
      MAX_CELL_LENGTH,
    ),
  );
  for (const { cells: record, line } of rows) {
    const i = longCell(record, (at) => limits[at] ?? MAX_CELL_LENGTH);
    if (i === -1) continue;
    const column = header.record[i] ? `column ${quoted(header.record[i]!, 30)}` : `column ${i + 1}`;
    const limit = limits[i] ?? MAX_CELL_LENGTH;
    return refuse(
      line,
      `${column}: the cell is ${record[i]!.length.toLocaleString('en-US')} characters long; the limit is ${limit.toLocaleString('en-US')}: nothing was imported`,
      'shorten the cell in the spreadsheet and export it again (a vendor file cannot hold more)',
    );
  }
  for (const [i, name] of header.record.entries()) {
    if (!Object.values(columns).includes(i) && name)
      problem(
        1,
        `column ${quoted(name)} is not used`,
        `known columns: ${Object.values(COLUMNS)
          .map((names) => names[0])
          .join(', ')}`,
        'warning',
      );
  }
  if (columns.name === undefined) {
    problem(1, 'no vendor name column', `name one column ${COLUMNS.name.map((n) => `"${n}"`).join(' or ')}`);
    return { vendors: [], problems };
  }
  const vendors: StackVendor[] = [];
  const ids = new Map<string, number>();
  const at = (column: Column) => columns[column] ?? 0;
  const exact = (row: StackTable['rows'][number]) => columns.spend !== undefined && row.numbers?.has(columns.spend) === true;
  const convention = amountConvention(
    rows.map((row) => (columns.spend === undefined || exact(row) ? '' : (row.cells[columns.spend] ?? '').trim())),
    table.delimiter,
  );
  for (const row of rows) {
    const { cells: record, line } = row;
    if (record.every((cell) => cell.trim() === '')) continue;
    const cell = (column: Column) => (columns[column] === undefined ? '' : (record[columns[column]!] ?? '').trim());
    let usable = true;
    const cellProblem = (column: Column, message: string, hint: string, severity: 'error' | 'warning' = 'error') => {
      if (severity === 'error') usable = false;
      const name = header.record[at(column)] ?? column;
      problems.push({ file, line, column: at(column) + 1, message: `column ${quoted(name, 30)}: ${message}`, hint, severity });
    };
    const name = cell('name');
    if (!name) cellProblem('name', 'no vendor name', 'fill in the vendor column, or empty the whole row');
    const id = cell('id') || (name ? suggestSlug(name) : '');
    const idColumn: Column = cell('id') ? 'id' : 'name';
    if (id && !SLUG_PATTERN.test(id)) {
      if (isReservedName(id))
        cellProblem(idColumn, `"${id}" is a reserved name and cannot be a vendor id`, `give the row an id column value of its own, e.g. ${id}-1`);
      else cellProblem(idColumn, `${quoted(id)} cannot be a vendor id`, 'use lower-case letters, digits and dashes');
    } else if (id && ids.has(id))
      cellProblem(
        idColumn,
        `vendor id "${id}" is already used on line ${ids.get(id)}`,
        'give the second one an id column value of its own, or remove the duplicate row',
      );
    else if (id) ids.set(id, line);
    const category = readCategory(cell('category'), options);
    if (!category.ok) cellProblem('category', category.message, category.hint);
    else if (category.note) cellProblem('category', category.note.message, category.note.hint, 'warning');
    const spendText = cell('spend');
    const spend =
      spendText && !UNKNOWN_CELL.test(spendText)
        ? readAmount(spendText, cell('currency'), options.currency, exact(row) ? EXACT_FIGURE : convention)
        : undefined;
    if (spend && !spend.ok) cellProblem(spend.message.startsWith('currency ') ? 'currency' : 'spend', spend.message, spend.hint);
    const renewal = readRenewal(cell('renewal'), options.dateFormat);
    if (!renewal.ok) cellProblem('renewal', renewal.message, renewal.hint);
    if (!usable || !category.ok) continue;
    vendors.push({
      line,
      id,
      name,
      ...(cell('product') ? { product: cell('product') } : {}),
      category: category.value,
      ...(category.label !== undefined ? { categoryLabel: category.label } : {}),
      ...(spend?.ok ? { spend: spend.value } : {}),
      ...(renewal.ok && renewal.value !== undefined ? { renewal: renewal.value } : {}),
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
