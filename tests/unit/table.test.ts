import { Chalk } from 'chalk';
import Table from 'cli-table3';
import { describe, expect, test } from 'vitest';
import { tableText } from '../../src/render/table.js';

// Long tables are laid out in slices (cli-table3 is quadratic in rows); the text must be exactly
// what cli-table3 lays out for the whole table at once.

const coloured = new Chalk({ level: 1 });

function wholeTable(head: string[], rows: string[][], colAligns: ('left' | 'right')[]): string {
  const table = new Table({
    head: head.map((h) => coloured.bold(h)),
    colAligns,
    style: { head: [], border: [] },
    chars: { mid: '', 'left-mid': '', 'mid-mid': '', 'right-mid': '' },
  });
  table.push(...rows);
  return table.toString();
}

describe('tables', () => {
  test('a long table reads exactly as cli-table3 lays it out in one piece', () => {
    const rows = Array.from({ length: 1234 }, (_, i) => [
      String(i + 1),
      i % 97 === 0 ? `Vendor ${i} with a much longer name` : `Vendor ${i}`,
      i % 251 === 0 ? '市場分析 (wide)' : 'analytics',
      coloured.green((i % 100).toFixed(1)),
      i % 333 === 0 ? 'two\nlines' : 'one line',
    ]);
    const head = ['#', 'Vendor', 'Category', 'Score', 'Note'];
    const aligns: ('left' | 'right')[] = ['right', 'left', 'left', 'right', 'left'];
    const text = tableText(head, rows, coloured, aligns);
    expect(text).toBe(wholeTable(head, rows, aligns));
    expect(text.split('\n').filter((l) => l.startsWith('┌')).length).toBe(1);
  });

  test('a short table is cli-table3 as is', () => {
    const rows = [['1', 'Acme']];
    expect(tableText(['#', 'Vendor'], rows, coloured, ['right', 'left'])).toBe(wholeTable(['#', 'Vendor'], rows, ['right', 'left']));
  });
});
