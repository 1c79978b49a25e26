import type { Problem } from '../problem.js';
import { openWorkbook, sheetCells } from '../workbook/open-workbook.js';
import { amountCellText } from './stack-amount.js';
import type { StackTable } from './stack-csv.js';

// The stack spreadsheet as a workbook (.xlsx): its first visible sheet read as the rows a CSV
// gives, each cell as text. It is the team's own spreadsheet, so a formula (a total, =12*700) is
// read as its computed value; a number cell is a plain number (no separators to read) in the
// currency its number format shows (€#,##0 is euros), a date cell a date. Opened as data: macros, external links and oversized files are refused.

export type StackWorkbook = { ok: true; table: StackTable } | { ok: false; problems: Problem[] };

export async function stackWorkbookTable(bytes: Uint8Array, file: string): Promise<StackWorkbook> {
  const opened = await openWorkbook(bytes, file, 'a stack spreadsheet');
  if (!opened.ok) return opened;
  const sheet = opened.book.worksheets.find((ws) => ws.state === 'visible') ?? opened.book.worksheets[0];
  if (!sheet)
    return {
      ok: false,
      problems: [{ file, message: 'has no sheet', hint: 'save the stack spreadsheet with its sheet, or export it as CSV', severity: 'error' }],
    };
  const problems: Problem[] = [];
  // Number cells are exact: their text has no separators to read, so they say nothing of the file's.
  const numbers = new Map<number, Set<number>>();
  const numberText = (value: number, format: string | undefined, column: number, row: number) => {
    numbers.set(row, (numbers.get(row) ?? new Set()).add(column));
    return amountCellText(value, format);
  };
  const rows = sheetCells(
    sheet,
    { formulas: 'result', sheet: file, where: (column, row) => `${file}:${row}:${column + 1}`, formulaHint: '', numberText },
    problems,
  );
  if (problems.length > 0) return { ok: false, problems };
  const [header, ...rest] = rows.map((cells) => cells.map((cell) => cell.trim()));
  return { ok: true, table: { header, rows: rest.map((cells, i) => ({ cells, line: i + 2, numbers: numbers.get(i + 2) })) } };
}
