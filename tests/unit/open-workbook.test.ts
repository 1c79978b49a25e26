import ExcelJS from 'exceljs';
import { describe, expect, test } from 'vitest';
import type { Problem } from '../../src/core/problem.js';
import { openWorkbook, sheetCells, type CellRules } from '../../src/core/workbook/open-workbook.js';

// A workbook opened as data: cells as text, formulas refused or read as their value, and a sheet
// past its limits refused whole rather than cut.

async function bytesOf(fill: (sheet: ExcelJS.Worksheet) => void): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  fill(book.addWorksheet('Stack'));
  return new Uint8Array(await book.xlsx.writeBuffer());
}

const rules = (formulas: CellRules['formulas']): CellRules => ({
  formulas,
  sheet: 'stack.xlsx',
  where: (c, r) => `stack.xlsx:${r}:${c + 1}`,
  formulaHint: 'type the value',
});

async function cells(bytes: Uint8Array, formulas: CellRules['formulas']): Promise<{ rows: string[][]; problems: Problem[] }> {
  const opened = await openWorkbook(bytes, 'stack.xlsx', 'a stack spreadsheet');
  if (!opened.ok) throw new Error(opened.problems[0]!.message);
  const problems: Problem[] = [];
  return { rows: sheetCells(opened.book.worksheets[0]!, rules(formulas), problems), problems };
}

describe('a workbook opened as data', () => {
  test('numbers, dates, booleans and formulas as text; a formula refused by cell, or read as its value', async () => {
    const bytes = await bytesOf((sheet) => {
      sheet.addRow(['Vendor', 'Spend', 'Renewal', 'Active', 'Total']);
      sheet.addRow(['Acme', 8500, new Date(Date.UTC(2027, 2, 31)), true, { formula: '12*1000', result: 12000 }]);
    });
    expect((await cells(bytes, 'result')).rows).toEqual([
      ['Vendor', 'Spend', 'Renewal', 'Active', 'Total'],
      ['Acme', '8500', '2027-03-31', 'Yes', '12000'],
    ]);
    const refused = await cells(bytes, 'refuse');
    expect(refused.rows[1]![4]).toBe('');
    expect(refused.problems).toEqual([
      { file: 'stack.xlsx:2:5', message: 'holds a formula: its computed value is not taken', hint: 'type the value', severity: 'error' },
    ]);
  });

  test('a sheet past the columns (or rows) read is refused whole, never cut without a word', async () => {
    const bytes = await bytesOf((sheet) => {
      sheet.addRow(['Vendor']);
      sheet.getCell(2, 70).value = 'far to the right';
    });
    const read = await cells(bytes, 'result');
    expect(read.rows).toEqual([]);
    expect(read.problems).toEqual([
      {
        file: 'stack.xlsx',
        message: 'sheet "Stack" has 70 columns; at most 64 are read',
        hint: 'remove the empty or extra rows and columns, or split the sheet',
        severity: 'error',
      },
    ]);
  });
});
