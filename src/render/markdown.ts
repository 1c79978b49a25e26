// Markdown building blocks: tables whose cells cannot break the table, text that cannot inject markup.

/** Inline text that cannot turn into markup, links or table breaks. */
export function mdEscape(text: string): string {
  return text.replace(/([\\`*_[\]<>|~])/g, '\\$1').replace(/\r?\n/g, ' ');
}

export function mdTable(head: readonly string[], rows: readonly (readonly string[])[], align?: readonly ('left' | 'right')[]): string {
  const rule = head.map((_, i) => (align?.[i] === 'right' ? '---:' : '---'));
  return [head, rule, ...rows].map((row) => `| ${row.join(' | ')} |`).join('\n') + '\n';
}
