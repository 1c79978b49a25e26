import type { CellValue, Workbook, Worksheet } from 'exceljs';
import type { Problem } from '../problem.js';
import { zipParts } from './zip-parts.js';

// A workbook (.xlsx) opened as data. What a workbook can carry beyond cells is refused first, from
// the zip's directory and before any spreadsheet parsing: macros (a vbaProject part), links to
// other workbooks (externalLinks parts), parts that unpack far past the file's size. Then each cell
// is read as text: a date typed as a date reads as YYYY-MM-DD, a cell over 1 MB of text is a
// problem, and a formula is either refused (a sheet from a vendor: its cached value is not taken)
// or read as its computed value (the team's own spreadsheet). exceljs is loaded here, only when a
// workbook is read.

export const MAX_WORKBOOK_BYTES = 20 * 1024 * 1024;
const MAX_CELL_BYTES = 1024 * 1024;
/** What all the parts may unpack to: a sheet of a few thousand rows is well under 5 MB of XML. */
const MAX_UNPACKED_BYTES = 200 * 1024 * 1024;
const MAX_ROWS = 20_002;
const MAX_COLUMNS = 64;

export type Opened = { ok: true; book: Workbook } | { ok: false; problems: Problem[] };

const refused = (file: string, message: string, hint: string): Opened => ({ ok: false, problems: [{ file, message, hint, severity: 'error' }] });

/** `what`: the file as the messages call it ("an answer sheet", "a stack spreadsheet"). */
export async function openWorkbook(bytes: Uint8Array, file: string, what: string): Promise<Opened> {
  const parts = zipParts(bytes);
  if (!parts)
    return refused(file, 'is not an Excel workbook (.xlsx is a zip file, and this is not one)', 'save the sheet as Excel Workbook (.xlsx), or as CSV');
  if (parts.some((p) => /(^|\/)vbaProject\.bin$/i.test(p.name)))
    return refused(
      file,
      'holds macros (a vbaProject part): aiclaim does not open macro-enabled workbooks',
      'save it as Excel Workbook (.xlsx), not .xlsm, or as CSV',
    );
  if (parts.some((p) => /^xl\/externalLinks\//i.test(p.name)))
    return refused(
      file,
      'links to other workbooks (external links): their values are not taken',
      'break the links (Excel: Data › Edit Links › Break Link) and save again, or save as CSV',
    );
  const unpacked = parts.reduce((sum, p) => sum + p.size, 0);
  if (unpacked > MAX_UNPACKED_BYTES || parts.some((p) => p.size === 0xffffffff))
    return refused(file, `unpacks to more than ${MAX_UNPACKED_BYTES / 1024 / 1024} MB: not ${what}`, 'check that this is the file you meant');
  const { default: ExcelJS } = await import('exceljs');
  const book = new ExcelJS.Workbook();
  try {
    await book.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ArrayBuffer);
  } catch (error) {
    return refused(
      file,
      `the workbook could not be read: ${String((error as Error).message ?? error).slice(0, 200)}`,
      'save it again as Excel Workbook (.xlsx), or as CSV',
    );
  }
  return { ok: true, book };
}

export interface CellRules {
  /** `refuse`: a formula is a problem of its cell; `result`: its computed value is read. */
  formulas: 'refuse' | 'result';
  /** How the sheet is named in a problem, e.g. `file:Answers`. */
  sheet: string;
  /** How a cell is named in a problem, e.g. `file:Answers!G14`; `column` counts from 0, `row` from 1. */
  where: (column: number, row: number) => string;
  /** What to do about a formula that is refused. */
  formulaHint: string;
  /**
   * A number cell (or a formula's computed number) as text, given its number format and where it is
   * (`column` from 0, `row` from 1); plain digits unless given.
   */
  numberText?: ((value: number, format: string | undefined, column: number, row: number) => string) | undefined;
}

/** The sheet's cells as text, from row 1; refused formulas and oversized cells become problems. */
export function sheetCells(ws: Worksheet, rules: CellRules, problems: Problem[]): string[][] {
  const rows: string[][] = [];
  // Past the rows or columns a sheet may have, it is refused whole: never cut without a word.
  if (ws.rowCount > MAX_ROWS || ws.columnCount > MAX_COLUMNS) {
    const over =
      ws.rowCount > MAX_ROWS
        ? `${ws.rowCount.toLocaleString('en-US')} rows; at most ${MAX_ROWS.toLocaleString('en-US')} are read`
        : `${ws.columnCount} columns; at most ${MAX_COLUMNS} are read`;
    problems.push({
      file: rules.sheet,
      message: `sheet "${ws.name}" has ${over}`,
      hint: 'remove the empty or extra rows and columns, or split the sheet',
      severity: 'error',
    });
    return rows;
  }
  const last = ws.rowCount;
  const width = ws.columnCount;
  for (let r = 1; r <= last; r++) {
    const row = ws.getRow(r);
    const cells: string[] = [];
    for (let c = 1; c <= width; c++) {
      const cell = row.getCell(c);
      const text = cellText(cell.value, rules.formulas, (n) => (rules.numberText ? rules.numberText(n, cell.numFmt, c - 1, r) : String(n)));
      if (text === undefined) {
        problems.push({ file: rules.where(c - 1, r), message: 'holds a formula: its computed value is not taken', hint: rules.formulaHint, severity: 'error' });
        cells.push('');
      } else if (Buffer.byteLength(text) > MAX_CELL_BYTES) {
        problems.push({
          file: rules.where(c - 1, r),
          message: `holds more than ${MAX_CELL_BYTES / 1024 / 1024} MB of text`,
          hint: 'a cell holds a few words; give a long document by its title or web address',
          severity: 'error',
        });
        cells.push('');
      } else cells.push(text);
    }
    rows.push(cells);
  }
  return rows;
}

/** A cell as text; undefined for a formula that is refused. */
function cellText(value: CellValue, formulas: CellRules['formulas'], numberText: (n: number) => string): string | undefined {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return numberText(value);
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : value.toISOString().slice(0, 10);
  if ('formula' in value || 'sharedFormula' in value) {
    if (formulas === 'refuse') return undefined;
    const result = (value as { result?: unknown }).result;
    return result === undefined || (typeof result === 'object' && result !== null && !(result instanceof Date))
      ? ''
      : cellText(result as CellValue, 'refuse', numberText);
  }
  if ('richText' in value) return value.richText.map((t) => t.text).join('');
  if ('hyperlink' in value) {
    const text = value.text as unknown;
    const shown =
      typeof text === 'string'
        ? text
        : text && typeof text === 'object' && 'richText' in text
          ? (text as { richText: { text: string }[] }).richText.map((t) => t.text).join('')
          : '';
    return shown || value.hyperlink;
  }
  if ('error' in value) return String(value.error);
  return '';
}
