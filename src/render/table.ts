import Table from 'cli-table3';
import type { Style } from './style.js';

/** A boxed table without rules between rows; colour comes only from our style, never from cli-table3. */
export function newTable(head: readonly string[], style: Style, colAligns?: ('left' | 'right' | 'center')[]): Table.Table {
  return new Table({
    head: head.map((h) => style.bold(h)),
    ...(colAligns ? { colAligns } : {}),
    style: { head: [], border: [] },
    chars: { mid: '', 'left-mid': '', 'mid-mid': '', 'right-mid': '' },
  });
}
