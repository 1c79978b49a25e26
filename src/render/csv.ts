// CSV as spreadsheets read it (RFC 4180): quoted where needed, CRLF line ends. Cells come from vendor
// files, and a spreadsheet may be set to split on `;` or tabs as well as commas: a cell must stay one
// cell whichever it splits on, and no cell may start a formula.

/** A character a spreadsheet may start a formula with (and tab and CR, which some strip first). */
const FORMULA_START = /^[=+\-@\t\r]/;
/**
 * Where a spreadsheet that ignores the quotes (one set to split on `;` reads `a,"b;c"` as `a,"b` and
 * `c"`) would start a cell inside this one: right after a comma, semicolon, tab or line break, or
 * after the quotes that open such a cell. A formula character there is guarded as at the start.
 */
const FORMULA_AFTER_SEPARATOR = /([,;\t\r\n]"*)(?=[=+\-@])/g;
/** Quoted when it holds a separator (comma, semicolon, tab), a quote or a line break. */
const NEEDS_QUOTES = /[",;\t\r\n]/;

export function csvCell(value: unknown): string {
  if (value === undefined || value === null) return '';
  let text = String(value);
  // Numbers stay numbers, even negative ones; any other text that a spreadsheet would evaluate as a
  // formula is made plain text with a leading apostrophe, at its start and after a separator in it.
  if (typeof value !== 'number' && typeof value !== 'bigint') {
    text = text.replace(FORMULA_AFTER_SEPARATOR, "$1'");
    if (FORMULA_START.test(text)) text = `'${text}`;
  }
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csv(rows: readonly (readonly unknown[])[]): string {
  return rows.map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
