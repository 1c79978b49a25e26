import Table from 'cli-table3';
import stringWidth from 'string-width';
import type { Style } from './style.js';

export type Align = 'left' | 'right' | 'center';

/**
 * cli-table3 lays a table out in time quadratic in its rows (it checks every cell for spans):
 * a table of the whole martech landscape takes minutes. Longer tables are laid out in slices
 * with the column widths of the whole table, and joined where the borders meet.
 */
const SLICE_ROWS = 100;

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
  if (rows.length <= SLICE_ROWS) return newTable(boldHead, rows, colAligns).toString();
  const colWidths = boldHead.map((h, i) => rows.reduce((w, row) => Math.max(w, cellWidth(row[i] ?? '')), cellWidth(h)) + PADDING);
  if (rows.every((row) => row.every((cell) => !cell.includes('\n')))) {
    // cli-table3 draws the frame, the heading and the first row; the other rows are drawn as it draws a
    // row of one-line cells (its per-cell set-up is a quarter of scoring 15,000 files otherwise).
    const framed = newTable(boldHead, rows.slice(0, 1), colAligns, colWidths).toString().split('\n');
    const body = rows.slice(1).map((row) => bodyLine(row, colWidths, colAligns));
    return [...framed.slice(0, -1), ...body, framed.at(-1)!].join('\n');
  }
  const slices: string[] = [];
  for (let start = 0; start < rows.length; start += SLICE_ROWS) {
    const lines = newTable(start === 0 ? boldHead : [], rows.slice(start, start + SLICE_ROWS), colAligns, colWidths)
      .toString()
      .split('\n');
    const last = start + SLICE_ROWS >= rows.length;
    slices.push(lines.slice(start === 0 ? 0 : 1, last ? lines.length : -1).join('\n'));
  }
  return slices.join('\n');
}

/**
 * A row of one-line cells as cli-table3 draws one with its default borders and one space of padding
 * either side: each cell padded to its column's width as its utils.pad pads it (widths measured as
 * cellWidth measures them, colour codes not counted). tests/unit/table.test.ts holds it to
 * cli-table3's own drawing.
 */
function bodyLine(row: readonly string[], colWidths: readonly number[], colAligns?: Align[]): string {
  let line = '│';
  for (let i = 0; i < colWidths.length; i++) {
    const text = row[i] ?? '';
    const room = colWidths[i]! - PADDING - cellWidth(text);
    const align = colAligns?.[i] ?? 'left';
    const right = align === 'center' ? Math.ceil(room / 2) : align === 'right' ? 0 : room;
    line += ` ${' '.repeat(room - right)}${text}${' '.repeat(right)} │`;
  }
  return line;
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
