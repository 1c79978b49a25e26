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

/** How many rows past the first each piece of a long table holds (tableChunks). */
const CHUNK_ROWS = 500;

/**
 * A table's rows, each made when asked for (`at` may be called more than once for a row): a long
 * table is measured, then drawn, a row at a time, never all its cells held at once.
 */
export interface TableRows {
  count: number;
  at(i: number): readonly string[];
}

/** Rows already made, as TableRows. */
export function listedRows(rows: readonly (readonly string[])[]): TableRows {
  return { count: rows.length, at: (i) => rows[i]! };
}

/**
 * A boxed table without rules between rows; colour comes only from our style, never from cli-table3.
 * Cells are printed as given, colour codes and newlines included: text from files in them must
 * already be safe (terminalSafe on the model, in the command), so that widths are measured on what
 * the terminal shows.
 */
export function tableText(head: readonly string[], rows: readonly (readonly string[])[], style: Style, colAligns?: Align[]): string {
  return [...tableChunks(head, listedRows(rows), style, colAligns)].join('');
}

/** tableText in pieces, to be written one after another: joined, they are tableText's text, byte for byte. */
export function* tableChunks(head: readonly string[], rows: TableRows, style: Style, colAligns?: Align[]): Generator<string> {
  const boldHead = head.map((h) => style.bold(h));
  if (rows.count <= LAID_OUT_ROWS) {
    yield newTable(
      boldHead,
      Array.from({ length: rows.count }, (_, i) => rows.at(i)),
      colAligns,
    ).toString();
    return;
  }
  const colWidths = boldHead.map((h) => cellWidth(h));
  for (let r = 0; r < rows.count; r++) {
    const row = rows.at(r);
    for (let i = 0; i < colWidths.length; i++) colWidths[i] = Math.max(colWidths[i]!, cellWidth(row[i] ?? ''));
  }
  for (let i = 0; i < colWidths.length; i++) colWidths[i]! += PADDING;
  const framed = newTable(boldHead, [rows.at(0)], colAligns, colWidths)
    .toString()
    .split('\n');
  yield framed.slice(0, -1).join('\n');
  for (let start = 1; start < rows.count; start += CHUNK_ROWS) {
    const lines: string[] = [];
    for (let r = start; r < Math.min(rows.count, start + CHUNK_ROWS); r++) lines.push(...rowLines(rows.at(r), colWidths, colAligns));
    yield `\n${lines.join('\n')}`;
  }
  yield `\n${framed.at(-1)!}`;
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
    // Joined, not concatenated: a line built with += is a tree of dozens of pieces until it is printed.
    const line = ['│'];
    for (let i = 0; i < colWidths.length; i++) {
      const text = cells[i]![j];
      if (text === undefined) {
        line.push(' '.repeat(colWidths[i]!), '│');
        continue;
      }
      const room = colWidths[i]! - PADDING - cellWidth(text);
      const align = colAligns?.[i] ?? 'left';
      const right = align === 'center' ? Math.ceil(room / 2) : align === 'right' ? 0 : room;
      line.push(' ', ' '.repeat(room - right), text, ' '.repeat(right), ' │');
    }
    out.push(line.join(''));
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
