import ExcelJS from 'exceljs';
import { describe, expect, test } from 'vitest';
import { ANSWER_COLUMNS, type Workbook } from '../../src/core/answer-sheet/answer-sheet.js';
import { workbookGrid } from '../../src/core/answer-sheet/answer-workbook-grid.js';
import { answerSheetXlsx } from '../../src/render/answer-sheet-xlsx.js';

// The workbook writer and reader on a small model: text that looks like a formula stays text,
// long or comma-holding label lists go to the hidden Lists sheet, dates are dates both ways.

const meta = { format: 'aiclaim answer sheet', questionnaire: 'q', version: '1.0.0', hash: '0123456789abcdef', vendor: 'acme' } as const;
const long = Array.from({ length: 30 }, (_, i) => `A rather long label number ${i}`);
const model: Workbook = {
  meta,
  sheets: [
    {
      name: 'Answers',
      columns: ANSWER_COLUMNS,
      rows: [
        {
          question: 'a',
          allowed: ['Yes', 'No'],
          cells: { id: 'a', section: 'S', question: 'Q?', answer: 'Yes', note: '=HYPERLINK("http://x","y")', evidence: '+cmd', evidenceDate: '2026-03-01' },
        },
        { question: 'b', allowed: long, cells: { id: 'b', section: 'S', question: 'Long?' } },
        { question: 'c', allowed: ['A trained model, with rules', 'Rules'], cells: { id: 'c', section: 'T', question: 'Comma?' } },
        { question: 'd', allowed: ['X', 'Y'], multiple: true, cells: { id: 'd', section: 'T', question: 'Several?' } },
      ],
    },
    {
      name: 'About',
      columns: [
        { key: 'key', header: 'Key', kind: 'fixed', input: false },
        { key: 'value', header: 'Value', kind: 'fixed', input: false },
      ],
      rows: Object.entries(meta).map(([key, value]) => ({ cells: { key, value } })),
    },
  ],
};

describe('answerSheetXlsx', () => {
  test('cells are data; dropdowns inline or on the Lists sheet; none for several labels', async () => {
    const bytes = await answerSheetXlsx(model);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
    const ws = book.getWorksheet('Answers')!;
    // Row 1 the header, row 2 the section heading, row 3 question a.
    expect(ws.getCell('J3').value).toBe('=HYPERLINK("http://x","y")');
    expect(ws.getCell('J3').type).toBe(ExcelJS.ValueType.String);
    expect(ws.getCell('H3').value).toBe('+cmd');
    expect(ws.getCell('I3').value).toEqual(new Date('2026-03-01T00:00:00Z'));
    expect(ws.getCell('G3').dataValidation.formulae).toEqual(['"Yes,No"']);
    expect(ws.getCell('G4').dataValidation.formulae).toEqual(['Lists!$A$1:$A$30']);
    expect(ws.getCell('G6').dataValidation.formulae).toEqual(['Lists!$B$1:$B$2']);
    expect(ws.getCell('G7').dataValidation?.type).toBeUndefined();
    expect(book.getWorksheet('Lists')!.state).toBe('hidden');
    expect(book.getWorksheet('Lists')!.getCell('A30').value).toBe(long[29]);

    const read = await workbookGrid(bytes, 'x.xlsx');
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.grid.meta).toEqual({ questionnaire: 'q', version: '1.0.0', hash: '0123456789abcdef', vendor: 'acme' });
    expect(read.grid.rows[2]!.slice(6, 10)).toEqual(['Yes', '+cmd', '2026-03-01', '=HYPERLINK("http://x","y")']);
    expect(read.grid.where(6, 3)).toBe('x.xlsx:Answers!G3');
  });
});
