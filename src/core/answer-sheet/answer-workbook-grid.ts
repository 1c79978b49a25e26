import type { CellValue, Worksheet } from 'exceljs';
import type { Problem } from '../problem.js';
import { zipParts } from './zip-parts.js';
import { ANSWER_SHEET_FORMAT } from './answer-sheet.js';
import { columnLetter, type AnswerGrid, type SheetMetaRead } from './read-answer-sheet.js';

// A returned answer-sheet workbook (.xlsx) as the grid `readAnswerGrid` reads, the same rules as a
// CSV. What a workbook can carry beyond cells is refused first, from the zip's directory and before
// any spreadsheet parsing: macros (a vbaProject part), links to other workbooks (externalLinks
// parts), parts that unpack far past the file's size. Then each cell is data: a formula is refused
// by cell (its cached value is not taken), a date typed as a date reads as YYYY-MM-DD, a cell of
// more than 1 MB of text is refused. The meta is the hidden About sheet. exceljs is loaded here,
// only when a workbook is imported.

export const MAX_WORKBOOK_BYTES = 20 * 1024 * 1024;
export const MAX_CELL_BYTES = 1024 * 1024;
/** What all the parts may unpack to: an answer sheet is well under 5 MB of XML. */
const MAX_UNPACKED_BYTES = 200 * 1024 * 1024;
const MAX_ROWS = 5002;
const MAX_COLUMNS = 64;

export type WorkbookGrid = { ok: true; grid: AnswerGrid } | { ok: false; problems: Problem[] };

const refused = (file: string, message: string, hint: string): WorkbookGrid => ({ ok: false, problems: [{ file, message, hint, severity: 'error' }] });

export async function workbookGrid(bytes: Uint8Array, file: string): Promise<WorkbookGrid> {
  const parts = zipParts(bytes);
  if (!parts) return refused(file, 'is not an Excel workbook (.xlsx is a zip file, and this is not one)', 'save the sheet as Excel Workbook (.xlsx), or as CSV');
  if (parts.some((p) => /(^|\/)vbaProject\.bin$/i.test(p.name))) return refused(file, 'holds macros (a vbaProject part): aiclaim does not open macro-enabled workbooks', 'save it as Excel Workbook (.xlsx), not .xlsm, or as CSV');
  if (parts.some((p) => /^xl\/externalLinks\//i.test(p.name))) return refused(file, 'links to other workbooks (external links): their values are not taken', 'break the links (Excel: Data › Edit Links › Break Link) and save again, or save as CSV');
  const unpacked = parts.reduce((sum, p) => sum + p.size, 0);
  if (unpacked > MAX_UNPACKED_BYTES || parts.some((p) => p.size === 0xffffffff)) return refused(file, `unpacks to more than ${MAX_UNPACKED_BYTES / 1024 / 1024} MB: not an answer sheet`, 'check that this is the file you meant');

  const { default: ExcelJS } = await import('exceljs');
  const book = new ExcelJS.Workbook();
  try {
    await book.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ArrayBuffer);
  } catch (error) {
    return refused(file, `the workbook could not be read: ${String((error as Error).message ?? error).slice(0, 200)}`, 'save it again as Excel Workbook (.xlsx), or as CSV');
  }
  const answers = book.getWorksheet('Answers');
  if (!answers) return refused(file, 'has no sheet named Answers', 'send back the workbook aiclaim questionnaire export wrote, with its sheets as they are');

  const problems: Problem[] = [];
  const rows = sheetRows(answers, `${file}:Answers!`, problems);
  const about = book.getWorksheet('About');
  const meta = about ? readMeta(sheetRows(about, `${file}:About!`, problems)) : undefined;
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, grid: { rows, headerRow: 1, meta, where: (c, r) => (c === undefined ? `${file}:Answers!${r}:${r}` : `${file}:Answers!${columnLetter(c)}${r}`), metaWhere: `${file}:About` } };
}

/** The sheet's cells as text, from row 1; formulas and oversized cells become problems. */
function sheetRows(ws: Worksheet, where: string, problems: Problem[]): string[][] {
  const rows: string[][] = [];
  const last = Math.min(ws.rowCount, MAX_ROWS);
  const width = Math.min(ws.columnCount, MAX_COLUMNS);
  for (let r = 1; r <= last; r++) {
    const row = ws.getRow(r);
    const cells: string[] = [];
    for (let c = 1; c <= width; c++) {
      const cell = row.getCell(c);
      const at = `${where}${columnLetter(c - 1)}${r}`;
      const text = cellText(cell.value);
      if (text === undefined) {
        problems.push({ file: at, message: 'holds a formula: its computed value is not taken', hint: 'type the answer itself in the cell (copy, then paste as values only)', severity: 'error' });
        cells.push('');
      } else if (Buffer.byteLength(text) > MAX_CELL_BYTES) {
        problems.push({ file: at, message: `holds more than ${MAX_CELL_BYTES / 1024 / 1024} MB of text`, hint: 'an answer is a few words; give a long document as evidence (its title or web address)', severity: 'error' });
        cells.push('');
      } else cells.push(text);
    }
    rows.push(cells);
  }
  return rows;
}

/** A cell as the text the vendor typed; undefined for a formula. */
function cellText(value: CellValue): string | undefined {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : value.toISOString().slice(0, 10);
  if ('formula' in value || 'sharedFormula' in value) return undefined;
  if ('richText' in value) return value.richText.map((t) => t.text).join('');
  if ('hyperlink' in value) {
    const text = value.text as unknown;
    const shown = typeof text === 'string' ? text : text && typeof text === 'object' && 'richText' in text ? (text as { richText: { text: string }[] }).richText.map((t) => t.text).join('') : '';
    return shown || value.hyperlink;
  }
  if ('error' in value) return String(value.error);
  return '';
}

/** The About sheet's key and value rows; undefined when it is not aiclaim's. */
function readMeta(rows: string[][]): SheetMetaRead | undefined {
  const pairs = new Map(rows.map((r) => [(r[0] ?? '').trim().toLowerCase(), (r[1] ?? '').trim()]));
  if (pairs.get('format')?.toLowerCase() !== ANSWER_SHEET_FORMAT) return undefined;
  const meta: SheetMetaRead = {};
  for (const key of ['questionnaire', 'version', 'hash', 'vendor'] as const) if (pairs.get(key)) meta[key] = pairs.get(key);
  return meta;
}
