import { describe, expect, test } from 'vitest';
import { amountCellText, currencyOfFormat } from '../../src/core/inventory/stack-amount.js';
import { readStackCsv, readStackTable, type StackOptions } from '../../src/core/inventory/stack-csv.js';
import { formatProblem } from '../../src/core/problem.js';

// The stack spreadsheet as teams keep it: European and US amounts, quarters and TBD for renewals,
// their own category labels; every problem of every row at its row and column.

const EUR: StackOptions = { currency: 'EUR', dateFormat: 'iso' };
const USD: StackOptions = { currency: 'USD', dateFormat: 'iso' };

function read(csv: string, options: StackOptions = EUR) {
  const result = readStackCsv(csv, 'stack.csv', options);
  return { ...result, lines: result.problems.map(formatProblem) };
}

/** One vendor row with this spend cell, in a file of the given delimiter. */
function spendOf(cell: string, options: StackOptions = EUR, delimiter = ',') {
  const quote = (c: string) => (c.includes(delimiter) ? `"${c}"` : c);
  const result = read(['Vendor', 'Category', 'Annual spend'].join(delimiter) + `\n${['Acme', 'CRM', quote(cell)].join(delimiter)}\n`, options);
  return result.vendors[0]?.spend ?? result.lines;
}

describe('amounts', () => {
  test.each([
    // The four of the issue, read 1,000× too small before.
    ['€ 8.500', EUR, ';', { amount: 8500, currency: 'EUR' }],
    ['€64.000,00', EUR, ';', { amount: 64000, currency: 'EUR' }],
    ['12.000,00 €', EUR, ';', { amount: 12000, currency: 'EUR' }],
    ['12,5', EUR, ';', { amount: 12.5, currency: 'EUR' }],
    ['64.000,00 €', USD, ',', { amount: 64000, currency: 'EUR' }],
    ['$12,000', EUR, ',', { amount: 12000, currency: 'USD' }],
    ['12k', EUR, ',', { amount: 12000, currency: 'EUR' }],
    ['12.5k', USD, ',', { amount: 12500, currency: 'USD' }],
    ['USD 1,200', EUR, ',', { amount: 1200, currency: 'USD' }],
    ['1 200 €', USD, ';', { amount: 1200, currency: 'EUR' }],
    ['€84,000', EUR, ',', { amount: 84000, currency: 'EUR' }],
    ['8.500', EUR, ',', { amount: 8500, currency: 'EUR' }],
    ['8.500', USD, ';', { amount: 8500, currency: 'USD' }],
    ['£2,500.50', EUR, ',', { amount: 2500.5, currency: 'GBP' }],
  ])('%j (workspace %o, delimiter %j)', (cell, options, delimiter, expected) => {
    expect(spendOf(cell, options, delimiter)).toEqual(expected);
  });

  test('an amount with two readings is an error for its cell, never a guess', () => {
    // A USD workspace, no symbol, a comma-separated file: 8,500 or 8.5.
    expect(spendOf('8.500', USD)).toEqual([
      'stack.csv:2:3: column "Annual spend": "8.500" could be 8,500 or 8.5 USD: aiclaim does not guess — write it with no thousands separator (8500) or with two decimals (8.50)',
    ]);
    // A EUR cell in a column whose other amounts are written the US way (1,234.50).
    const mixed = read('Vendor,Category,Annual spend\nAcme,CRM,"$1,234.50"\nBeta,CRM,€8.500\n');
    expect(mixed.vendors.map((v) => v.spend)).toEqual([{ amount: 1234.5, currency: 'USD' }]);
    expect(mixed.lines).toEqual([expect.stringMatching(/^stack\.csv:3:3: column "Annual spend": "€8\.500" could be 8,500 or 8\.5 EUR/)]);
  });

  test('the currency column, --currency and the workspace in that order; a cell and its column must agree', () => {
    const csv = 'Vendor,Category,Spend,Currency\nA,CRM,1000,GBP\nB,CRM,2000,\nC,CRM,€3000,USD\n';
    const result = read(csv, { ...EUR, currency: 'CHF' });
    expect(result.vendors.map((v) => v.spend)).toEqual([
      { amount: 1000, currency: 'GBP' },
      { amount: 2000, currency: 'CHF' },
    ]);
    expect(result.lines).toEqual([
      'stack.csv:4:3: column "Spend": "€3000" is in EUR but the currency column says USD — correct the amount or the currency column so that they agree',
    ]);
  });

  test('TBD, n/a or - for a spend is no spend', () => {
    const result = read('Vendor,Category,Spend\nA,CRM,TBD\nB,CRM,n/a\nC,CRM,-\n');
    expect(result.lines).toEqual([]);
    expect(result.vendors.map((v) => v.spend)).toEqual([undefined, undefined, undefined]);
  });
});

describe('number cells of a workbook', () => {
  test.each([
    ['"€"#,##0', 'EUR'],
    ['[$€-407] #,##0.00', 'EUR'],
    ['#,##0 [$€-407]', 'EUR'],
    ['[$$-409]#,##0', 'USD'],
    ['$#,##0;[Red]-$#,##0', 'USD'],
    ['[$USD] #,##0', 'USD'],
    ['"£"#,##0.00', 'GBP'],
    ['#,##0.00\\ "€"', 'EUR'],
    ['[$-409]#,##0', undefined],
    ['#,##0', undefined],
    ['General', undefined],
    ['0.0"k"', undefined],
    ['"$"#,##0 "€"', undefined],
    [undefined, undefined],
  ])('the format %s shows the currency %s', (format, currency) => {
    expect(currencyOfFormat(format)).toBe(currency);
  });

  test('a number cell is exact: its currency from its format, cents at most, and it says nothing of the separators of the column', () => {
    expect(amountCellText(8500, '"€"#,##0')).toBe('8500 EUR');
    expect(amountCellText(1200.555, '#,##0.00')).toBe('1200.56');
    const table = {
      header: ['Vendor', 'Category', 'Annual spend'],
      rows: [
        { cells: ['Acme', 'CRM', '€ 8.500'], line: 2 },
        // 1234.56, exact, would read as a comma-grouped figure and leave '€ 8.500' two ways to read.
        { cells: ['Ledger', 'CRM', amountCellText(1234.56, '"£"#,##0.00')], line: 3, numbers: new Set([2]) },
        { cells: ['Kasse', 'CRM', amountCellText(1234.567, '')], line: 4, numbers: new Set([2]) },
      ],
    };
    const read = readStackTable(table, 'stack.xlsx', EUR);
    expect(read.problems).toEqual([]);
    expect(read.vendors.map((v) => v.spend)).toEqual([
      { amount: 8500, currency: 'EUR' },
      { amount: 1234.56, currency: 'GBP' },
      { amount: 1234.57, currency: 'EUR' },
    ]);
  });
});

describe('renewal', () => {
  test.each([
    ['2027-03-31', '2027-03-31'],
    ['Q3 2027', '2027-09-30'],
    ['2027-Q3', '2027-09-30'],
    ['2027 Q3', '2027-09-30'],
    ['q1 2028', '2028-03-31'],
    ['2027-Q4', '2027-12-31'],
    ['Q2-2027', '2027-06-30'],
    ['TBD', undefined],
    ['n/a', undefined],
    ['-', undefined],
    ['?', undefined],
    ['unknown', undefined],
    ['', undefined],
  ])('%j → %s', (cell, expected) => {
    const result = read(`Vendor,Category,Renewal\nAcme,CRM,${cell}\n`);
    expect(result.lines).toEqual([]);
    expect(result.vendors[0]!.renewal).toBe(expected);
  });

  test('dd/mm/yyyy and mm/dd/yyyy with --date-format; without it, the one reading there is, or an error naming the column', () => {
    const csv = 'Vendor,Category,Renewal\nAcme,CRM,31/05/2027\n';
    expect(read(csv, { ...EUR, dateFormat: 'dmy' }).vendors[0]!.renewal).toBe('2027-05-31');
    expect(read('Vendor,Category,Renewal\nAcme,CRM,05/31/2027\n', { ...EUR, dateFormat: 'mdy' }).vendors[0]!.renewal).toBe('2027-05-31');
    // With no --date-format, a date read only one way is that date; one read two ways is asked about.
    expect(read(csv).vendors[0]!.renewal).toBe('2027-05-31');
    expect(read('Vendor,Category,Renewal\nAcme,CRM,03/04/2027\n').lines).toEqual([
      expect.stringMatching(
        /^stack\.csv:2:3: column "Renewal": "03\/04\/2027" could be 2027-04-03 or 2027-03-04: aiclaim does not guess — pass --date-format dmy/,
      ),
    ]);
    expect(read('Vendor,Category,Renewal\nAcme,CRM,31/31/2027\n').lines).toEqual([expect.stringMatching(/"31\/31\/2027" is not a date aiclaim can read/)]);
    expect(read('Vendor,Category,Renewal\nAcme,CRM,soon\n').lines).toEqual([expect.stringMatching(/"soon" is not a date .* a quarter as Q3 2027, or TBD/)]);
  });
});

describe('categories', () => {
  test('a label close to a seed category is an error with the suggestion, taken with --accept-suggestions', () => {
    const csv = 'Vendor,Category\nAcme,Marketing Automation / Email\n';
    const refused = read(csv);
    expect(refused.vendors).toEqual([]);
    expect(refused.lines).toEqual([
      'stack.csv:2:2: column "Category": "Marketing Automation / Email" is not a martech category — did you mean "Marketing automation"? pass --accept-suggestions to take it, or map it in aiclaim.yaml: categories: { "Marketing Automation / Email": marketing-automation }',
    ]);
    const accepted = read(csv, { ...EUR, acceptSuggestions: true });
    expect(accepted.vendors.map((v) => v.category)).toEqual(['marketing-automation']);
    expect(accepted.problems.map((p) => p.severity)).toEqual(['warning']);
    expect(read('Vendor,Category\nAcme,Programmatic DSP\n').lines[0]).toMatch(/did you mean "DSP"\?/);
    expect(read('Vendor,Category\nAcme,Emailling\n').lines[0]).toMatch(/did you mean "Emailing"\?/);
  });

  test("the workspace's mapping first, matched whatever the case and punctuation", () => {
    const mapping = { 'Marketing Automation / Email': 'marketing-automation', Loyalty: 'other' } as const;
    const result = read('Vendor,Category\nA,marketing automation/email\nB,LOYALTY\n', { ...EUR, mapping });
    expect(result.vendors.map((v) => [v.category, v.categoryLabel])).toEqual([
      ['marketing-automation', undefined],
      ['other', 'LOYALTY'],
    ]);
  });

  test('a label close to none is kept: category other with the label, and a warning', () => {
    const result = read('Vendor,Category\nAcme,Loyalty programme\n');
    expect(result.vendors).toMatchObject([{ id: 'acme', category: 'other', categoryLabel: 'Loyalty programme' }]);
    expect(result.lines).toEqual([
      expect.stringMatching(
        /^stack\.csv:2:2: warning: column "Category": "Loyalty programme" is not a martech category: imported as category "other", its label kept/,
      ),
    ]);
  });
});

describe('rows', () => {
  test('blank rows are skipped without a word', () => {
    const result = read('Vendor;Category;Spend\nAcme;CRM;1000\n;;\n  ; ;  \n\nBeta;DSP;2000\n');
    expect(result.lines).toEqual([]);
    expect(result.vendors.map((v) => v.id)).toEqual(['acme', 'beta']);
  });

  test('every problem of every row, one line each at its row and column', () => {
    const csv = ['Vendor,Category,Annual spend,Renewal', 'Acme,Emailling,8.500,soon', ',CRM,100,2027-01-01', 'Beta,CRM,lots,Q3 2027'].join('\n');
    const result = read(csv, USD);
    expect(result.vendors).toEqual([]);
    expect(result.lines.map((l) => l.replace(/ — .*/, ''))).toEqual([
      'stack.csv:2:2: column "Category": "Emailling" is not a martech category',
      'stack.csv:2:3: column "Annual spend": "8.500" could be 8,500 or 8.5 USD: aiclaim does not guess',
      'stack.csv:2:4: column "Renewal": "soon" is not a date aiclaim can read',
      'stack.csv:3:1: column "Vendor": no vendor name',
      'stack.csv:4:3: column "Annual spend": "lots" is not an amount',
    ]);
  });
});
