import stringWidth from 'string-width';
import { fitWidth, wrapToWidth } from './fit-width.js';
import type { Style } from './style.js';
import { cellWidth, listedRows, tableChunks, type Align, type TableRows } from './table.js';

// A table fitted to a terminal's width, as gh fits its lists: columns are shortened to their
// minimum, then dropped in the order the renderer states, and the room left is given back; a cell
// too long is cut with an ellipsis, never wrapped. Without a width (a pipe, a file), or when the
// table fits, it is tableText as is, byte for byte.

export interface FitColumn {
  head: string;
  align?: Align;
  /** Its turn to be dropped when the table is too wide, 1 first; none: never dropped. */
  drop?: number;
  /** The fewest columns its cells may be cut to (never fewer than its heading's); none: kept whole while anything can be dropped. */
  min?: number;
  /** The end of a cell that gives way: 'end' ("Touchpoint Meas…", the default) or 'start' ("…▅▆▅", the latest quarters kept). */
  cut?: 'end' | 'start';
}

export interface FittedTable {
  text: string;
  /** The headings of the columns dropped, in table order. */
  hidden: string[];
}

/** The columns, each named in `order` given its turn to be dropped there (the first named goes first). */
export function dropping(columns: readonly FitColumn[], order: readonly string[]): FitColumn[] {
  return columns.map((c) => (order.includes(c.head) ? { ...c, drop: order.indexOf(c.head) + 1 } : c));
}

/** The width of a boxed table whose cells are `widths` wide: a space either side of each, and a border between. */
export const boxWidth = (widths: readonly number[]) => widths.reduce((sum, w) => sum + w + 3, 1);

export function fitTable(columns: readonly FitColumn[], rows: readonly (readonly string[])[], style: Style, width?: number): FittedTable {
  const { chunks, hidden } = fitTableChunks(columns, listedRows(rows), style, width);
  return { text: [...chunks].join(''), hidden };
}

/** fitTable in pieces (tableChunks), each row's cells made when asked for: the pieces are drawn as they are read. */
function fitTableChunks(columns: readonly FitColumn[], rows: TableRows, style: Style, width?: number): { chunks: Iterable<string>; hidden: string[] } {
  const heads = columns.map((c) => c.head);
  const aligns = columns.map((c) => c.align ?? 'left');
  // Without a width, nothing is fitted: the columns are measured once, by tableChunks.
  if (width === undefined) return { chunks: tableChunks(heads, rows, style, aligns), hidden: [] };
  const natural = columns.map((c) => cellWidth(c.head));
  for (let r = 0; r < rows.count; r++) {
    const row = rows.at(r);
    for (let i = 0; i < natural.length; i++) natural[i] = Math.max(natural[i]!, cellWidth(row[i] ?? ''));
  }
  if (boxWidth(natural) <= width) return { chunks: tableChunks(heads, rows, style, aligns), hidden: [] };
  const widths = columnWidths(columns, natural, width);
  const kept = columns.flatMap((_, i) => (widths[i] === undefined ? [] : [i]));
  const cut = (text: string, i: number) => cutCell(text, widths[i]!, columns[i]!.cut ?? 'end');
  return {
    chunks: tableChunks(
      kept.map((i) => cut(columns[i]!.head, i)),
      {
        count: rows.count,
        at: (r) => {
          const row = rows.at(r);
          return kept.map((i) => cut(row[i] ?? '', i));
        },
      },
      style,
      kept.map((i) => aligns[i]!),
    ),
    hidden: columns.filter((_, i) => widths[i] === undefined).map((c) => c.head),
  };
}

/** The table fitted to `width`, and under it, when columns were dropped, a dim note naming them. */
export function fittedTableText(columns: readonly FitColumn[], rows: readonly (readonly string[])[], style: Style, width?: number): string {
  return [...fittedTableChunks(columns, listedRows(rows), style, width)].join('');
}

/** fittedTableText in pieces (fitTableChunks). */
export function* fittedTableChunks(columns: readonly FitColumn[], rows: TableRows, style: Style, width?: number): Generator<string> {
  const { chunks, hidden } = fitTableChunks(columns, rows, style, width);
  yield* chunks;
  if (hidden.length && width !== undefined) yield `\n${hiddenNote(hidden, width, style)}`;
}

/** "Hidden at 60 columns: Spend, Renewal — widen the terminal or use -f json", wrapped to the width. */
function hiddenNote(hidden: readonly string[], width: number, style: Style): string {
  return wrapToWidth(`Hidden at ${width} columns: ${hidden.join(', ')} — widen the terminal or use -f json`, width)
    .map((line) => style.dim(line))
    .join('\n');
}

/**
 * Each column's width, or undefined for one dropped. Every column that can be is cut to its
 * minimum; columns are dropped in their order until the table fits; the room left goes first to
 * the cut columns it makes whole (the ones that need least first), then to the others from the
 * left. A table still too wide when nothing is left to drop has its widest column cut, one
 * terminal column at a time.
 */
export function columnWidths(columns: readonly FitColumn[], natural: readonly number[], width: number): (number | undefined)[] {
  const widths = columns.map((c, i) => (c.min === undefined ? natural[i]! : Math.min(natural[i]!, Math.max(c.min, stringWidth(c.head)))));
  const shown = columns.map(() => true);
  const total = () => boxWidth(widths.filter((_, i) => shown[i]));
  const dropOrder = columns.flatMap((c, i) => (c.drop === undefined ? [] : [{ i, drop: c.drop }])).sort((a, b) => a.drop - b.drop || b.i - a.i);
  for (const { i } of dropOrder) {
    if (total() <= width) break;
    shown[i] = false;
  }
  let room = width - total();
  const short = widths.flatMap((w, i) => (shown[i] && w < natural[i]! ? [i] : []));
  for (const i of [...short].sort((a, b) => natural[a]! - widths[a]! - (natural[b]! - widths[b]!) || a - b)) {
    const need = natural[i]! - widths[i]!;
    if (need > room) continue;
    widths[i] = natural[i]!;
    room -= need;
  }
  for (const i of short) {
    const given = Math.max(0, Math.min(room, natural[i]! - widths[i]!));
    widths[i]! += given;
    room -= given;
  }
  while (room < 0) {
    const widest = widths.reduce((best, w, i) => (shown[i] && w > 1 && (best < 0 || w >= widths[best]!) ? i : best), -1);
    if (widest < 0) break;
    widths[widest]! -= 1;
    room += 1;
  }
  return widths.map((w, i) => (shown[i] ? w : undefined));
}

/** Each line of a cell cut to `width` with an ellipsis, at its end or its start. */
function cutCell(text: string, width: number, end: 'end' | 'start'): string {
  return text
    .split('\n')
    .map((line) => (stringWidth(line) <= width ? line : end === 'end' ? fitWidth(line, width) : fitStart(line, width)))
    .join('\n');
}

const SGR = /\u001b\[[0-9;]*m/g;
let graphemes: Intl.Segmenter | undefined;

/** The end of a line that fits `width` with an ellipsis before it; its colour codes kept, as fitWidth keeps them. */
export function fitStart(text: string, width: number): string {
  if (stringWidth(text) <= width) return text;
  if (width < 1) return '';
  let lead = '';
  let rest = '';
  for (const match of text.matchAll(SGR)) {
    if (text.slice(0, match.index).replace(SGR, '') === '') lead += match[0];
    else rest += match[0];
  }
  const pieces = [...(graphemes ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' })).segment(text.replace(SGR, ''))].map((s) => s.segment);
  let kept = '';
  let used = 1; // the ellipsis
  for (let i = pieces.length - 1; i >= 0; i--) {
    const w = stringWidth(pieces[i]!);
    if (used + w > width) break;
    kept = pieces[i]! + kept;
    used += w;
  }
  return `${lead}…${kept}${rest}`;
}
