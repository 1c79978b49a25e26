// CSV as spreadsheets read it (RFC 4180): quoted where needed, CRLF line ends.

export function csvCell(value: unknown): string {
  if (value === undefined || value === null) return '';
  let text = String(value);
  // A leading =, +, - or @ makes spreadsheets evaluate the cell: neutralise it in user text.
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csv(rows: readonly (readonly unknown[])[]): string {
  return rows.map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
