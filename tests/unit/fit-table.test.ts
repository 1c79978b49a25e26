import { Chalk, type ChalkInstance } from 'chalk';
import stringWidth from 'string-width';
import { describe, expect, test } from 'vitest';
import { boxWidth, columnWidths, dropping, fitStart, fitTable, fittedTableText, type FitColumn } from '../../src/render/fit-table.js';
import { tableText } from '../../src/render/table.js';

// Tables fitted to a terminal's width: nothing wider than the width, columns shortened then
// dropped in the order stated, the dropped ones named under the table; with room, or with no
// width at all (a pipe), the table as tableText lays it out, byte for byte.

const coloured = new Chalk({ level: 1 });
const plain = new Chalk({ level: 0 });

/** Dropped first to last; Vendor, Score and Verdict are never dropped. */
const DROP_ORDER = ['Renewal', 'Spend', 'Notes', 'Red flags', 'Trend'];
const COLUMNS: FitColumn[] = dropping(
  [
    { head: 'Vendor', min: 12 },
    { head: 'Trend', min: 5, cut: 'start' },
    { head: 'Score', align: 'right' },
    { head: 'Verdict', min: 15 },
    { head: 'Red flags' },
    { head: 'Notes', min: 10 },
    { head: 'Spend', align: 'right' },
    { head: 'Renewal' },
  ],
  DROP_ORDER,
);

function rows(style: ChalkInstance): string[][] {
  return [
    [
      'Touchpoint Measurement GmbH',
      '▁▂▃▄▅▆▇█▇▆▅▄',
      style.bold('91.5'),
      style.green('Substantiated'),
      'none',
      'renewal talks\nsecond line',
      '€210,000',
      '2027-03-31',
    ],
    [
      '市場分析 Analytics KK',
      '    ▃▃▄▄▅▅▆▆',
      style.bold('60.0'),
      style.yellow('Plausible'),
      `2 ${style.red('(high)')}`,
      'a much longer note than the column',
      '€45,000',
      '2026-12-31',
    ],
    ['Pixelcast Media SA', '           ·', style.dim('—'), style.dim('Not assessed (0 of 4)'), 'none', '—', '€120,000', '—'],
  ];
}

const lines = (text: string) => text.split('\n');
const headsOf = (text: string) =>
  lines(text)[1]!
    .split('│')
    .map((c) => c.trim())
    .filter(Boolean);

describe('fitting a table to the width', () => {
  for (const width of [40, 60, 80, 200]) {
    test(`at ${width} columns no line is wider, the dropped columns named in order`, () => {
      for (const style of [plain, coloured]) {
        const text = fittedTableText(COLUMNS, rows(style), style, width);
        for (const line of lines(text)) expect(stringWidth(line), line).toBeLessThanOrEqual(width);
        const { hidden } = fitTable(COLUMNS, rows(style), style, width);
        // Priorities: what is hidden is the first of the drop order, never one of the kept columns.
        expect(DROP_ORDER.slice(0, hidden.length).sort()).toEqual([...hidden].sort());
        for (const kept of ['Vendor', 'Score', 'Verdict']) expect(hidden).not.toContain(kept);
        // The columns kept, in their order; a heading is cut only when nothing is left to drop.
        const shown = headsOf(text.replace(/\u001b\[[0-9;]*m/g, ''));
        const kept = COLUMNS.map((c) => c.head).filter((h) => !hidden.includes(h));
        expect(shown).toHaveLength(kept.length);
        shown.forEach((h, i) => expect(h === kept[i] || (h.endsWith('…') && kept[i]!.startsWith(h.slice(0, -1)))).toBe(true));
        const note = lines(text)
          .slice(lines(text).findIndex((l) => l.startsWith('└')) + 1)
          .join(' ')
          .replace(/\u001b\[[0-9;]*m/g, '');
        if (hidden.length) expect(note).toBe(`Hidden at ${width} columns: ${hidden.join(', ')} — widen the terminal or use -f json`);
        else expect(note).toBe('');
      }
    });
  }

  test('wide enough, or with no width (a pipe), the table is tableText as is', () => {
    const head = COLUMNS.map((c) => c.head);
    const aligns = COLUMNS.map((c) => c.align ?? 'left');
    const whole = tableText(head, rows(coloured), coloured, aligns);
    expect(fittedTableText(COLUMNS, rows(coloured), coloured, 200)).toBe(whole);
    expect(fittedTableText(COLUMNS, rows(coloured), coloured, stringWidth(lines(whole)[0]!))).toBe(whole);
    expect(fittedTableText(COLUMNS, rows(coloured), coloured, undefined)).toBe(whole);
    // One column narrower, and it is fitted.
    expect(fittedTableText(COLUMNS, rows(coloured), coloured, stringWidth(lines(whole)[0]!) - 1)).not.toBe(whole);
  });

  test('columns are shortened before any is dropped, and long cells end in an ellipsis', () => {
    const whole = stringWidth(
      lines(
        tableText(
          COLUMNS.map((c) => c.head),
          rows(plain),
          plain,
        ),
      )[0]!,
    );
    // A little narrower than the whole table: the long cells give way; no column goes.
    const { text, hidden } = fitTable(COLUMNS, rows(plain), plain, whole - 10);
    expect(hidden).toEqual([]);
    expect(text).toMatch(/│ a much longer note[^│]*… │/);
    expect(text).not.toContain('a much longer note than the column');
    // Multi-line cells are cut line by line, never wrapped into more lines.
    expect(lines(text)).toHaveLength(
      lines(
        tableText(
          COLUMNS.map((c) => c.head),
          rows(plain),
          plain,
        ),
      ).length,
    );
  });

  test('the trend sparkline is shortened from the start (the latest quarters kept) before it is dropped', () => {
    const trendWidth = (text: string) =>
      lines(text)
        .find((l) => l.includes('Touchpoint'))!
        .split('│')[2]!
        .trim();
    const at = (width: number) => fitTable(COLUMNS, rows(plain), plain, width);
    // Find the width where Trend is cut but kept, and check it is then dropped only narrower still.
    const widths = Array.from({ length: 120 }, (_, i) => 40 + i);
    const cut = widths.find((w) => !at(w).hidden.includes('Trend') && trendWidth(at(w).text).startsWith('…'));
    expect(cut).toBeDefined();
    expect(trendWidth(at(cut!).text)).toMatch(/^….*▅▄$/);
    const dropped = widths.filter((w) => at(w).hidden.includes('Trend'));
    expect(dropped.length).toBeGreaterThan(0);
    expect(Math.max(...dropped)).toBeLessThan(cut!);
  });

  test('names too long are cut with "…", their colour kept closed', () => {
    const { text } = fitTable(COLUMNS, rows(coloured), coloured, 60);
    expect(text).toMatch(/Touchpoint Mea?s?u?r?e?…/);
    // Every line closes the colours it opens.
    for (const line of lines(text)) {
      const opened = (line.match(/\u001b\[(?:1|2|3[1-7])m/g) ?? []).length;
      const closed = (line.match(/\u001b\[(?:22|39)m/g) ?? []).length;
      expect(closed, JSON.stringify(line)).toBeGreaterThanOrEqual(opened);
    }
  });

  test('room left is given back: whole cells first, then from the left', () => {
    const columns: FitColumn[] = [
      { head: 'Vendor', min: 6 },
      { head: 'Verdict', min: 7 },
      { head: 'Extra', drop: 1 },
    ];
    // Vendor 20 wide, Verdict 9: at minimum 6 + 7 = 13 and two borders of 3, +1 = 20.
    expect(columnWidths(columns, [20, 9, 5], 20)).toEqual([6, 7, undefined]);
    // Two columns more: Verdict made whole (needs 2), then nothing for Vendor.
    expect(columnWidths(columns, [20, 9, 5], 22)).toEqual([6, 9, undefined]);
    // Five more: Verdict whole, Vendor 3 more.
    expect(columnWidths(columns, [20, 9, 5], 25)).toEqual([9, 9, undefined]);
    // Room for Extra at the minimum widths: it is kept, and nothing is dropped.
    expect(columnWidths(columns, [20, 9, 5], 28)).toEqual([6, 7, 5]);
  });

  test('too narrow even with every droppable column gone: the widest column gives way', () => {
    const widths = columnWidths(COLUMNS, [27, 12, 5, 21, 10, 34, 8, 10], 30);
    const shown = widths.filter((w): w is number => w !== undefined);
    expect(boxWidth(shown)).toBeLessThanOrEqual(30);
    expect(widths.map((w, i) => (w === undefined ? COLUMNS[i]!.head : undefined)).filter(Boolean)).toEqual(['Trend', 'Red flags', 'Notes', 'Spend', 'Renewal']);
  });

  test('fitStart keeps the end of a line, colour codes included', () => {
    expect(fitStart('▁▂▃▄▅▆▇█', 4)).toBe('…▆▇█');
    expect(fitStart('S P W U', 4)).toBe('…W U');
    expect(fitStart('short', 10)).toBe('short');
    expect(fitStart(coloured.green('▁▂▃▄▅'), 3)).toBe(`\u001b[32m…▄▅\u001b[39m`);
  });
});
