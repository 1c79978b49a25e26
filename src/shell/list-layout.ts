import stringWidth from 'string-width';
import { fitWidth, wrapToWidth } from '../render/fit-width.js';

// How a list prompt fits the terminal's rows, so that the question stays on screen while the
// choices scroll under it. Inquirer draws, top to bottom and each wrapped at the terminal's width:
// "? " and the message, a page of choices, a blank line, the description of the choice under the
// cursor, and a line of key help. The page takes the rows the rest leaves, between FEWEST and
// MOST; where even the fewest would push the question off, the descriptions are cut to fit.

const MOST = 12;
const FEWEST = 3;

/** The key help Inquirer writes under the choices (@inquirer/select and @inquirer/checkbox). */
export const SELECT_HELP = '↑↓ navigate • ⏎ select';
export const CHECKBOX_HELP = '↑↓ navigate • space select • a all • i invert • ⏎ submit';

export interface TerminalSize {
  rows?: number | undefined;
  columns?: number | undefined;
}

export interface ListLayout {
  pageSize: number;
  /** A choice's description as it may be shown: whole, or cut to the rows left for it. */
  description: (text: string | undefined) => string | undefined;
}

export function listLayout(terminal: TerminalSize, message: string, descriptions: readonly (string | undefined)[], help: string): ListLayout {
  const { rows, columns } = terminal;
  if (!rows || !columns) return { pageSize: MOST, description: (text) => text };
  // Inquirer adds a row when its last line ends exactly at the edge.
  const helpRows = rowsOf(help, columns) + (help.length % columns === 0 ? 1 : 0);
  const around = rowsOf(`? ${message}`, columns) + 1 + helpRows;
  const longest = Math.max(0, ...descriptions.map((d) => (d ? rowsOf(d, columns) : 0)));
  const room = Math.max(0, rows - around - FEWEST);
  const descriptionRows = Math.min(longest, room);
  const pageSize = Math.max(FEWEST, Math.min(MOST, rows - around - descriptionRows));
  if (descriptionRows === longest) return { pageSize, description: (text) => text };
  return { pageSize, description: (text) => (text === undefined ? undefined : cutToRows(text, columns, descriptionRows)) };
}

/**
 * The rows `text` takes on the terminal, wrapped as Inquirer wraps it (wrap-ansi, hard, spaces
 * kept): at spaces, the space after a full row starting the next, a word wider than a row broken.
 */
export function rowsOf(text: string, columns: number): number {
  let rows = 0;
  for (const line of text.split('\n')) {
    rows += 1;
    let used = 0;
    line.split(' ').forEach((word, i) => {
      const width = stringWidth(word);
      if (i > 0) {
        if (used >= columns) [rows, used] = [rows + 1, 0];
        used += 1;
      }
      if (width > columns) {
        if (Math.floor((width - 1) / columns) < 1 + Math.floor((width - (columns - used) - 1) / columns)) [rows, used] = [rows + 1, 0];
        const spill = Math.ceil((used + width) / columns) - 1;
        [rows, used] = [rows + spill, used + width - spill * columns];
        return;
      }
      if (used + width > columns && used > 0 && width > 0) [rows, used] = [rows + 1, 0];
      used += width;
    });
  }
  return rows;
}

function cutToRows(text: string, columns: number, most: number): string | undefined {
  if (most === 0) return undefined;
  const rows = text.split('\n').flatMap((line) => wrapToWidth(line, columns));
  if (rows.length <= most) return rows.join('\n');
  const last = fitWidth(rows.slice(most - 1).join(' '), columns);
  return [...rows.slice(0, most - 1), last].join('\n');
}
