import Table from 'cli-table3';
import stringWidth from 'string-width';
import type { Style } from './style.js';

export type Align = 'left' | 'right' | 'center';

/**
 * cli-table3 lays a table out in time quadratic in its rows (it checks every cell for spans), and
 * sets up every cell with the table's options: a table of the whole martech landscape takes
 * minutes. A longer table has its frame, heading and first row laid out by cli-table3 with the
 * column widths of the whole table, and the rest of its rows drawn the same way here.
 */
const LAID_OUT_ROWS = 100;

/** The padding cli-table3 puts either side of a cell. */
const PADDING = 2;

/**
 * A boxed table without rules between rows; colour comes only from our style, never from cli-table3.
 * Cells are printed as given, colour codes and newlines included: text from files in them must
 * already be safe (terminalSafe on the model, in the command), so that widths are measured on what
 * the terminal shows.
 */
export function tableText(head: readonly string[], rows: readonly (readonly string[])[], style: Style, colAligns?: Align[]): string {
  const boldHead = head.map((h) => style.bold(h));
  if (rows.length <= LAID_OUT_ROWS) return newTable(boldHead, rows, colAligns).toString();
  const colWidths = boldHead.map((h, i) => rows.reduce((w, row) => Math.max(w, cellWidth(row[i] ?? '')), cellWidth(h)) + PADDING);
  const framed = newTable(boldHead, rows.slice(0, 1), colAligns, colWidths).toString().split('\n');
  const body = rows.slice(1).flatMap((row) => rowLines(row, colWidths, colAligns));
  return [...framed.slice(0, -1), ...body, framed.at(-1)!].join('\n');
}

/**
 * A row as cli-table3 draws one with its default borders, one space of padding either side and no
 * rules between rows: as many lines as its tallest cell, each line of a cell padded to its column's
 * width as cli-table3's utils.pad pads it (widths measured as cellWidth measures them, colour codes
 * not counted), a cell with fewer lines blank below. tests/unit/table.test.ts holds it to
 * cli-table3's own drawing.
 */
function rowLines(row: readonly string[], colWidths: readonly number[], colAligns?: Align[]): string[] {
  const cells = colWidths.map((_, i) => (row[i] ?? '').split('\n'));
  const height = Math.max(...cells.map((lines) => lines.length));
  const out: string[] = [];
  for (let j = 0; j < height; j++) {
    let line = '│';
    for (let i = 0; i < colWidths.length; i++) {
      const text = cells[i]![j];
      if (text === undefined) {
        line += `${' '.repeat(colWidths[i]!)}│`;
        continue;
      }
      const room = colWidths[i]! - PADDING - cellWidth(text);
      const align = colAligns?.[i] ?? 'left';
      const right = align === 'center' ? Math.ceil(room / 2) : align === 'right' ? 0 : room;
      line += ` ${' '.repeat(room - right)}${text}${' '.repeat(right)} │`;
    }
    out.push(line);
  }
  return out;
}

function newTable(head: string[], rows: readonly (readonly string[])[], colAligns?: Align[], colWidths?: number[]): Table.Table {
  const table = new Table({
    head,
    ...(colAligns ? { colAligns } : {}),
    ...(colWidths ? { colWidths } : {}),
    style: { head: [], border: [] },
    chars: { mid: '', 'left-mid': '', 'mid-mid': '', 'right-mid': '' },
  });
  table.push(...rows.map((row) => [...row]));
  return table;
}

/** As cli-table3 measures a cell: its widest line, escape codes not counted. */
export function cellWidth(text: string): number {
  return text.split('\n').reduce((w, line) => Math.max(w, stringWidth(line)), 0);
}
