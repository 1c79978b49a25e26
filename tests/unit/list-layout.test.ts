import { describe, expect, test } from 'vitest';
import { CHECKBOX_HELP, listLayout, rowsOf, SELECT_HELP } from '../../src/shell/list-layout.js';

// A list prompt fitted to the terminal's rows: the question stays on screen, the choices scroll.

const message = '[question 2 of 5, about 2 min left] (2/4) Does the vendor train models on data it controls?';
const help = "Calling someone else's model is not training.";

describe('list prompt layout', () => {
  test('with no terminal size, as many choices as ever', () => {
    expect(listLayout({}, message, [help], SELECT_HELP).pageSize).toBe(12);
  });

  test.each<[number, number, number]>([
    // rows, columns → choices shown: 3 rows of question, a blank row, 2 of help text, 1 of keys
    [60, 200, 12],
    [12, 40, 5],
    [10, 40, 3],
    [6, 40, 3],
  ])('%i rows × %i columns: %i choices at a time', (rows, columns, pageSize) => {
    expect(listLayout({ rows, columns }, message, [help, undefined], SELECT_HELP).pageSize).toBe(pageSize);
  });

  test('where even three choices would push the question off, the help under them is cut to fit', () => {
    const layout = listLayout({ rows: 9, columns: 40 }, message, [help], SELECT_HELP);
    expect(layout.pageSize).toBe(3);
    expect(layout.description(help)).toBe("Calling someone else's model is not tra…");
    expect(layout.description(undefined)).toBeUndefined();
    expect(listLayout({ rows: 12, columns: 40 }, message, [help], SELECT_HELP).description(help)).toBe(help);
  });

  test('the keys of a checkbox take two rows at 40 columns', () => {
    expect(rowsOf(CHECKBOX_HELP, 40)).toBe(2);
    expect(listLayout({ rows: 12, columns: 40 }, message, [help], CHECKBOX_HELP).pageSize).toBe(4);
  });

  test.each<[string, number, number]>([
    ['? Martech category', 40, 1],
    [`? ${message}`, 40, 3],
    // Inquirer keeps the spaces: the one after a full row starts the next.
    ['aaaa bbbb cccc', 9, 2],
    ['aaaa bbbb ccccccccc', 9, 3],
    ['a https://example.com/a/very/long/path', 10, 4],
    ['one\ntwo', 40, 2],
    ['日本語のテキスト', 8, 2],
  ])('rowsOf(%j, %i) = %i', (text, columns, rows) => {
    expect(rowsOf(text, columns)).toBe(rows);
  });
});
