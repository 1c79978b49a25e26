import { Chalk } from 'chalk';
import Table from 'cli-table3';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { listedRows, tableChunks, tableText } from '../../src/render/table.js';

// Long tables are drawn past cli-table3 (it is quadratic in rows, and slow per cell); the text must be exactly
// what cli-table3 lays out for the whole table at once.

const coloured = new Chalk({ level: 1 });

type Align = 'left' | 'right' | 'center';

function wholeTable(head: string[], rows: string[][], colAligns: Align[]): string {
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

  test('a long table, whatever its cells hold, reads exactly as cli-table3 draws it', () => {
    // Its rows past the first are drawn by tableText itself: held here to cli-table3's own drawing,
    // cells of several lines, coloured or not, included.
    const styles = [
      (t: string) => t,
      coloured.red,
      coloured.bold,
      coloured.red.bold,
      coloured.dim,
      (t: string) => `${coloured.cyan(t)} ${coloured.yellow('(x)')}`,
    ];
    const piece = fc.constantFrom('a', 'Z', '7', ' ', '—', '€', '…', '市', '場', '🙂', '👍🏽', 'é', 'e\u0301', '·', '%', '\n');
    const cell = fc.tuple(fc.array(piece, { maxLength: 14 }), fc.integer({ min: 0, max: styles.length - 1 })).map(([p, s]) => {
      const text = p.join('');
      return text === '' ? '' : styles[s]!(text);
    });
    fc.assert(
      fc.property(
        fc
          .integer({ min: 1, max: 5 })
          .chain((columns) =>
            fc.tuple(
              fc.array(fc.constantFrom<Align>('left', 'right', 'center'), { minLength: columns, maxLength: columns }),
              fc.array(fc.array(cell, { minLength: columns, maxLength: columns }), { minLength: 101, maxLength: 130 }),
            ),
          ),
        ([aligns, rows]) => {
          const head = aligns.map((_, i) => `Column ${i + 1}`);
          expect(tableText(head, rows, coloured, aligns)).toBe(wholeTable(head, rows, aligns));
        },
      ),
      { numRuns: 25 },
    );
  });

  test('a long table written in pieces: whole lines each, joined the table cli-table3 lays out', () => {
    const rows = Array.from({ length: 1234 }, (_, i) => [String(i + 1), i % 400 === 7 ? `Vendor ${i}\nof two lines` : `Vendor ${i}`]);
    const head = ['#', 'Vendor'];
    const aligns: Align[] = ['right', 'left'];
    const pieces = [...tableChunks(head, listedRows(rows), coloured, aligns)];
    // The frame with the first row, 1,233 rows 500 at a time, the closing line.
    expect(pieces.length).toBe(1 + 3 + 1);
    for (const piece of pieces.slice(1)) expect(piece.startsWith('\n')).toBe(true);
    expect(pieces.join('')).toBe(wholeTable(head, rows, aligns));
    // Each row is made when asked for, and the rows are read as the pieces are.
    let asked = 0;
    const lazy = tableChunks(head, { count: rows.length, at: (i) => (asked++, rows[i]!) }, coloured, aligns);
    lazy.next();
    const measured = asked;
    expect(measured).toBeGreaterThanOrEqual(rows.length);
    lazy.next();
    expect(asked - measured).toBe(500);
  });

  test('a short table is cli-table3 as is', () => {
    const rows = [['1', 'Acme']];
    expect(tableText(['#', 'Vendor'], rows, coloured, ['right', 'left'])).toBe(wholeTable(['#', 'Vendor'], rows, ['right', 'left']));
  });
});
