import type { Cell as XlsxCell, Worksheet } from 'exceljs';
import type { Column, Row, Sheet, Workbook } from '../core/answer-sheet/answer-sheet.js';
import { columnLetter } from '../core/answer-sheet/read-answer-sheet.js';

// The answer-sheet workbook as an Excel file (.xlsx) a vendor fills in with Excel, LibreOffice or
// Google Sheets. Each column kind of the model becomes a cell format: `label` answers get a
// dropdown of the row's labels (data validation), `date` cells a YYYY-MM-DD format, `long-text`
// wraps, and every sheet is protected (no password) with only the input cells unlocked. The meta
// (questionnaire, version, content hash, vendor) is the hidden, protected About sheet, read back
// on import. exceljs is loaded here, when a workbook is written, never at start-up.
//
// Every cell is data: text is written as text, so a note that starts with "=" is never a formula.

/** The sheet the meta is kept in (hidden), and the one long dropdown lists are kept in (hidden). */
const META_SHEET = 'About';
const LISTS_SHEET = 'Lists';

/** Excel's limit on a dropdown list written inline in the validation ("A,B,C"). */
const INLINE_LIST_LIMIT = 255;
/** Empty input rows offered under the Claims and Roadmap rows, unlocked for the vendor. */
const EXTRA_ROWS = 50;

const WIDTHS: Record<string, number> = {
  id: 24,
  section: 26,
  question: 50,
  help: 50,
  how: 40,
  onlyIf: 32,
  answer: 32,
  evidence: 40,
  evidenceDate: 16,
  note: 40,
  text: 70,
  source: 36,
  date: 16,
  asserts: 40,
  title: 50,
  promised: 16,
  due: 16,
  status: 24,
  key: 16,
  value: 40,
};
const INPUT_FILL = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF8DC' } } as const;
const HEADER_FILL = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDE4EE' } } as const;
const SECTION_FILL = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEEF1F5' } } as const;
const PROTECTION = { selectLockedCells: true, selectUnlockedCells: true, formatColumns: true, formatRows: true } as const;

export async function answerSheetXlsx(model: Workbook): Promise<Uint8Array> {
  const { default: ExcelJS } = await import('exceljs');
  const book = new ExcelJS.Workbook();
  book.creator = 'aiclaim';
  const lists: string[][] = [];
  /** A range on the hidden Lists sheet (written last) that will hold these labels, one a cell. */
  const listRange = (labels: string[]): string => {
    const letter = columnLetter(lists.push(labels) - 1);
    return `${LISTS_SHEET}!$${letter}$1:$${letter}$${labels.length}`;
  };

  for (const sheet of model.sheets) {
    const ws = book.addWorksheet(
      sheet.name,
      sheet.name === META_SHEET ? { state: 'hidden' } : { views: [{ state: 'frozen', ySplit: 1, xSplit: sheet.name === 'Answers' ? 1 : 0 }] },
    );
    ws.columns = sheet.columns.map((c) => ({ key: c.key, width: sheet.name === 'Instructions' ? 110 : (WIDTHS[c.key] ?? 20) }));
    const header = ws.addRow(sheet.columns.map((c) => c.header));
    header.font = { bold: true };
    header.eachCell((cell) => {
      cell.fill = HEADER_FILL;
      cell.alignment = { vertical: 'top', wrapText: true };
    });
    if (sheet.name === 'Answers') answerRows(ws, sheet, listRange);
    else {
      for (const row of sheet.rows) fillRow(ws.addRow([]), sheet.columns, row);
      if (sheet.columns.some((c) => c.input)) for (let i = 0; i < EXTRA_ROWS; i++) fillRow(ws.addRow([]), sheet.columns, { cells: {} });
    }
    await ws.protect('', PROTECTION);
  }
  if (lists.length > 0) {
    const ws = book.addWorksheet(LISTS_SHEET, { state: 'hidden' });
    lists.forEach((labels, c) => labels.forEach((label, r) => (ws.getCell(r + 1, c + 1).value = label)));
    await ws.protect('', PROTECTION);
  }
  return new Uint8Array(await book.xlsx.writeBuffer());
}

/** One row per question, under a heading row each time the section changes. */
function answerRows(ws: Worksheet, sheet: Sheet, listRange: (labels: string[]) => string): void {
  let section: string | undefined;
  for (const row of sheet.rows) {
    const title = String(row.cells.section ?? '');
    if (title !== section) {
      section = title;
      // The heading has no question id, so an import skips it.
      const heading = ws.addRow(sheet.columns.map((c) => (c.key === 'section' ? title : '')));
      heading.font = { bold: true };
      heading.eachCell({ includeEmpty: true }, (cell) => (cell.fill = SECTION_FILL));
    }
    const added = ws.addRow([]);
    fillRow(added, sheet.columns, row);
    const answer = added.getCell('answer');
    const labels = row.allowed;
    if (labels && labels.length > 0 && !row.multiple) {
      const inline = labels.join(',');
      const fits = inline.length <= INLINE_LIST_LIMIT && !labels.some((l) => /[,"]/.test(l));
      answer.dataValidation = {
        type: 'list',
        allowBlank: true,
        formulae: [fits ? `"${inline}"` : listRange(labels)],
        showErrorMessage: true,
        // A warning, not a stop: "will not say", "declined: …" and "n/a: …" are answers too.
        errorStyle: 'warning',
        errorTitle: 'Not one of the labels',
        error: 'Choose a label from the list, or write "will not say", "declined: " and the reason, or "n/a: " and the reason.',
      };
    }
  }
}

function fillRow(added: ReturnType<Worksheet['addRow']>, columns: Column[], row: Row): void {
  for (const column of columns) {
    const cell = added.getCell(column.key);
    const value = row.cells[column.key];
    cell.value = column.kind === 'date' && typeof value === 'string' && isoDate(value) ? isoDate(value)! : (value ?? null);
    style(cell, column);
  }
}

function style(cell: XlsxCell, column: Column): void {
  cell.alignment = { vertical: 'top', wrapText: column.kind !== 'date' && column.kind !== 'quarter' };
  if (column.kind === 'date') cell.numFmt = 'yyyy-mm-dd';
  if (column.input) {
    cell.protection = { locked: false };
    cell.fill = INPUT_FILL;
  }
}

/** A YYYY-MM-DD text as the date it names (midnight UTC, as a spreadsheet date has no zone). */
function isoDate(text: string): Date | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return undefined;
  const date = new Date(`${text}T00:00:00Z`);
  return Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== text ? undefined : date;
}
