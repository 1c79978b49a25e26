import { PERIOD_PATTERN } from '../core/period.js';
import { STACK_COLUMNS, type StackRow } from '../core/economics/stack-rows.js';
import { STACK_WORKBOOK_FORMAT, withPartDates } from '../core/workbook/zip-parts.js';

// The stack's long table as an Excel workbook (.xlsx) for the finance team: the Figures sheet holds
// the rows of the CSV, values as numeric cells with a number format by unit (amounts with two
// decimals, shares as percentages of the same fraction), a figure not given an empty cell, and
// every text a text cell, so a vendor named "=HYPERLINK(…)" stays a name, never a formula. The
// About sheet says what the workbook is (its first cell is how `--out` knows it may replace it)
// and what each column means. exceljs is loaded here, when a workbook is written, never at start-up.
//
// The same figures are the same bytes: the workbook's dates and its zip parts' dates are the first
// day of the quarter, not the time of writing.

const FIGURES_SHEET = 'Figures';
const ABOUT_SHEET = 'About';

const WIDTHS: Record<(typeof STACK_COLUMNS)[number], number> = { quarter: 10, section: 13, item: 32, measure: 34, value: 16, unit: 12, source: 70 };
const HEADER_FILL = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDE4EE' } } as const;

const COLUMN_NOTES: Record<(typeof STACK_COLUMNS)[number], string> = {
  quarter: 'the quarter the figure is of (the trend rows are the quarters before)',
  section: 'technology, budget, category, weak-ai, shelfware, acquisition or trend',
  item: 'what the figure is about: "stack" for the whole, a category, a vendor, a group of verdicts',
  measure: 'which figure, in the same words in every section and quarter',
  value: 'a number; empty when the figure is not given (never 0)',
  unit: 'the currency code, "share" (a fraction: 0.25 is 25%), "ratio", "flag" (1 yes, 0 no), or what is counted',
  source: 'where the figure comes from; "not given: …" says what is missing',
};

/** The cell format of a value, by its unit. */
function numberFormat(unit: string, currency: string): string {
  if (unit === 'share') return '0.00%';
  if (unit === 'ratio') return '0.00';
  if (unit === currency) return '#,##0.00';
  return '#,##0';
}

export async function stackXlsx(rows: readonly StackRow[], meta: { period: string; currency: string; ratesAsOf?: string | undefined }): Promise<Uint8Array> {
  const { default: ExcelJS } = await import('exceljs');
  const book = new ExcelJS.Workbook();
  const date = quarterStart(meta.period);
  book.creator = 'aiclaim';
  book.created = date;
  book.modified = date;

  const ws = book.addWorksheet(FIGURES_SHEET, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = STACK_COLUMNS.map((key) => ({ key, width: WIDTHS[key] }));
  const header = ws.addRow([...STACK_COLUMNS]);
  header.font = { bold: true };
  header.eachCell((cell) => (cell.fill = HEADER_FILL));
  for (const r of rows) {
    const row = ws.addRow([r.quarter, r.section, r.item, r.measure, r.value ?? null, r.unit, r.source]);
    row.getCell('value').numFmt = numberFormat(r.unit, meta.currency);
  }
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: rows.length + 1, column: STACK_COLUMNS.length } };

  const about = book.addWorksheet(ABOUT_SHEET);
  about.columns = [{ width: 12 }, { width: 90 }];
  about.addRow([STACK_WORKBOOK_FORMAT]).font = { bold: true };
  about.addRow(['quarter', meta.period]);
  about.addRow(['currency', meta.ratesAsOf ? `${meta.currency}, converted at the rates of ${meta.ratesAsOf}` : meta.currency]);
  about.addRow([]);
  for (const key of STACK_COLUMNS) about.addRow([key, COLUMN_NOTES[key]]);

  return withPartDates(new Uint8Array(await book.xlsx.writeBuffer()), date);
}

/** Midnight UTC of the quarter's first day (2026-Q4: 2026-10-01). */
function quarterStart(period: string): Date {
  const match = PERIOD_PATTERN.exec(period);
  return match ? new Date(Date.UTC(Number(match[1]), (Number(match[2]) - 1) * 3, 1)) : new Date(Date.UTC(1980, 0, 1));
}
