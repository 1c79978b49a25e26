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
