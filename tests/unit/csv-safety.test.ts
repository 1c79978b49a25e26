import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { csv, csvCell } from '../../src/render/csv.js';

// Cells come from vendor files; the CSV is opened by spreadsheets set to split on commas, on
// semicolons, on tabs, or on several at once. Whichever: a cell stays one cell, and no cell a
// spreadsheet sees starts a formula.

/** What a spreadsheet splitting on these separators (and honouring quotes) makes of the file. */
const read = (text: string, delimiter: string | string[]) => parse(text, { delimiter, record_delimiter: '\r\n', relax_column_count: true }) as string[][];

/**
 * What a spreadsheet set to one separator that the file does not use makes of it: quotes are
 * honoured only at the start of a cell, so `a,"b;c"` split on `;` gives `a,"b` and `c"`.
 */
const readIgnoringQuotes = (text: string, separator: string) =>
  text
    .split('\r\n')
    .flatMap((line) => line.split(separator))
    .map(spreadsheetCell);

/** A raw cell as a spreadsheet reads it: quoted if it starts with a quote (`""` a quote), the rest kept as it is. */
function spreadsheetCell(raw: string): string {
  if (!raw.startsWith('"')) return raw;
  let text = '';
  let i = 1;
  for (; i < raw.length; i += 1) {
    if (raw[i] !== '"') text += raw[i];
    else if (raw[i + 1] === '"') {
      text += '"';
      i += 1;
    } else return text + raw.slice(i + 1);
  }
  return text;
}

const FORMULA = /^[=+\-@\t\r]/;
/** A formula once the tabs and line ends that some spreadsheets strip are gone. */
const FORMULA_STRIPPED = /^[\t\r\n]*[=+\-@]/;

describe('CSV cells from files', () => {
  test.each([
    ['Foo;=1+1', `"Foo;'=1+1"`],
    ['a;b', '"a;b"'],
    ['a\tb', '"a\tb"'],
    ['lone\rcr', '"lone\rcr"'],
    ['-1+1', "'-1+1"],
    ['\t=1', `"'\t'=1"`],
    ['\r=1', `"'\r'=1"`],
    ['x,=1', `"x,'=1"`],
    ['x;@SUM(A1);+2;-3', `"x;'@SUM(A1);'+2;'-3"`],
    ['two\n=lines', `"two\n'=lines"`],
    ['say "hi";=1', `"say ""hi"";'=1"`],
    ['a; -b', '"a; -b"'],
    ['x;"=1', `"x;""'=1"`],
    ['=HYPERLINK("http://x")', `"'=HYPERLINK(""http://x"")"`],
    ['Lumen Analytics SAS', 'Lumen Analytics SAS'],
  ])('%j → %s', (value, cell) => {
    expect(csvCell(value)).toBe(cell);
  });

  test('numbers stay numbers', () => {
    expect(csvCell(-4.2)).toBe('-4.2');
    expect(csvCell(1e21)).toBe('1e+21');
  });

  test('a vendor named Foo;=1+1 is one cell whichever the separator, and no cell is a formula', () => {
    const text = csv([
      ['rank', 'vendor', 'notes'],
      [1, 'Foo;=1+1', 'x\t+2'],
    ]);
    for (const delimiter of [',', [',', ';'], [',', ';', '\t']]) {
      const [, row] = read(text, delimiter);
      expect(row, JSON.stringify(delimiter)).toEqual(['1', "Foo;'=1+1", "x\t'+2"]);
    }
    for (const separator of [';', '\t', ',']) expect(readIgnoringQuotes(text, separator).filter((cell) => FORMULA_STRIPPED.test(cell))).toEqual([]);
  });
});

/** Separators, quotes, line breaks and formula starts, many times more often than chance gives them. */
const cellText = fc.string({
  unit: fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...',;\t\r\n"=+-@ x1'.split('')) },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 2 }) },
  ),
  maxLength: 24,
});

/** The text a cell was made from: the apostrophes csvCell puts before a formula taken out. */
const unguard = (cell: string) => cell.replace(/^'(?=[=+\-@\t\r])/, '').replace(/([,;\t\r\n]"*)'(?=[=+\-@])/g, '$1');

describe('any row of file strings', () => {
  test('reads back as the same cells, the text kept, split on commas and on semicolons or tabs too', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(cellText, fc.double()), { minLength: 1, maxLength: 6 }),
        fc.array(
          cellText.filter((t) => !t.includes("'")),
          { minLength: 1, maxLength: 4 },
        ),
        (mixed, texts) => {
          const row = ['id', ...mixed, ...texts];
          const text = csv([row, row]);
          for (const delimiter of [',', [',', ';'], [',', '\t'], [',', ';', '\t']]) {
            const records = read(text, delimiter);
            expect(records).toHaveLength(2);
            for (const record of records) {
              expect(record).toHaveLength(row.length);
              record.forEach((cell, i) => {
                if (typeof row[i] === 'string') expect(FORMULA.test(cell), cell).toBe(false);
                else expect(cell).toBe(String(row[i]));
              });
              expect(record.slice(-texts.length).map(unguard)).toEqual(texts);
            }
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  test('read by a spreadsheet that ignores the quotes, no cell starts a formula', () => {
    fc.assert(
      fc.property(fc.array(cellText, { minLength: 1, maxLength: 6 }), (cells) => {
        const text = csv([cells]);
        for (const separator of [';', '\t', ',', '\n', '\r']) {
          for (const cell of readIgnoringQuotes(text, separator)) expect(FORMULA_STRIPPED.test(cell), JSON.stringify(cell)).toBe(false);
        }
      }),
      { numRuns: 300 },
    );
  });
});
