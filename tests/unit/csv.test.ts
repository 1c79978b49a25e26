import { describe, expect, test } from 'vitest';
import { csv, csvCell } from '../../src/render/csv.js';

describe('CSV cells', () => {
  test.each([
    ['plain', 'plain'],
    ['a, b', '"a, b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    // A cell a spreadsheet would evaluate as a formula is made plain text.
    ['=HYPERLINK("http://x")', `"'=HYPERLINK(""http://x"")"`],
    ['+1', "'+1"],
    ['@SUM(A1)', "'@SUM(A1)"],
  ])('%j → %s', (value, cell) => {
    expect(csvCell(value)).toBe(cell);
  });

  test('numbers stay numbers, even negative ones; empty values stay empty', () => {
    expect(csvCell(-4.2)).toBe('-4.2');
    expect(csvCell(undefined)).toBe('');
    expect(csvCell(null)).toBe('');
    expect(
      csv([
        ['a', 1],
        ['b', 2],
      ]),
    ).toBe('a,1\r\nb,2\r\n');
  });
});
