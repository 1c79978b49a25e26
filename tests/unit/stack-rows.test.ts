import ExcelJS from 'exceljs';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { stackEconomics, type StackEconomics } from '../../src/core/economics/stack-economics.js';
import { stackRows, type StackRow } from '../../src/core/economics/stack-rows.js';
import { isAnswerWorkbook, isStackWorkbook } from '../../src/core/workbook/zip-parts.js';
import type { Finance } from '../../src/core/schema/finance.js';
import { stackCsv } from '../../src/render/stack-csv.js';
import { stackXlsx } from '../../src/render/stack-xlsx.js';
import { findingsSnapshot, vendorFinding } from '../helpers/findings.js';

// The stack's figures as the long table the finance team gets (`aiclaim stack -f csv | xlsx`): a
// row for every figure of every section, numbers as numbers, a figure not given as an empty value
// that says so (never 0), and a vendor's name that looks like a formula kept as text.

const HOSTILE = '=HYPERLINK("http://x.example","click")';

const vendor = vendorFinding;
const snapshot = findingsSnapshot;

const finance = (fields: Partial<Finance>): Finance => ({ schema: 'aiclaim/finance@1', period: '2026-Q4', ...fields });

const crm = vendor('crm', { spend: { amount: 400_000, currency: 'EUR' }, usage: { licensed: 100, used: 90, unit: 'seats' } });
const bot = vendor('bot', {
  name: HOSTILE,
  category: 'ai-bots',
  spend: { amount: 100_000, currency: 'EUR' },
  score: 30,
  verdict: 'weak',
  usage: { licensed: 50, used: 10, unit: 'seats' },
});
const free = vendor('free', { category: 'ab-testing', usage: { licensed: 10, used: 1, unit: 'seats' } });

/** Q4 with a budget and new customers but no CAC or CLTV; Q3 with a budget only. */
const economics: StackEconomics = stackEconomics({
  current: {
    period: '2026-Q4',
    findings: snapshot('2026-Q4', [crm, bot, free]),
    finance: finance({ budget: { amount: 500_000, currency: 'EUR', source: 'plan, v3' }, newCustomers: { count: 1000, source: 'crm' } }),
  },
  earlier: [
    {
      period: '2026-Q3',
      findings: snapshot('2026-Q3', [crm]),
      finance: finance({ period: '2026-Q3', budget: { amount: 400_000, currency: 'EUR', source: 'plan' } }),
    },
  ],
  currency: 'EUR',
});
const rows = stackRows(economics);

const find = (section: string, measure: string, item = 'stack', quarter = '2026-Q4'): StackRow => {
  const row = rows.find((r) => r.section === section && r.measure === measure && r.item === item && r.quarter === quarter);
  if (!row) throw new Error(`no row ${quarter} ${section} ${item} ${measure}`);
  return row;
};

describe('the rows of the stack', () => {
  test('every section has its rows, each figure once', () => {
    const sections = new Set(rows.map((r) => r.section));
    expect([...sections]).toEqual(['technology', 'budget', 'category', 'weak-ai', 'shelfware', 'acquisition', 'trend']);
    const keys = rows.map((r) => `${r.quarter}|${r.section}|${r.item}|${r.measure}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  test('the figures as numbers, amounts in the currency, shares as fractions', () => {
    expect(find('technology', 'annual spend')).toMatchObject({ value: 500_000, unit: 'EUR' });
    expect(find('technology', 'quarter spend')).toMatchObject({ value: 125_000, unit: 'EUR', source: 'a quarter of the annual spend' });
    expect(find('budget', 'marketing budget')).toMatchObject({ value: 500_000, unit: 'EUR', source: 'plan, v3' });
    expect(find('budget', 'technology share of budget')).toMatchObject({ value: 0.25, unit: 'share' });
    expect(find('category', 'annual spend', 'CRM')).toMatchObject({ value: 400_000, unit: 'EUR' });
    expect(find('category', 'share of stack spend', 'AI & bots')).toMatchObject({ value: 0.2, unit: 'share' });
    expect(find('weak-ai', 'annual spend', 'Weak or Unsubstantiated')).toMatchObject({ value: 100_000, unit: 'EUR' });
    expect(find('acquisition', 'new customers')).toMatchObject({ value: 1000, unit: 'customers', source: 'crm' });
    expect(find('acquisition', 'technology spend per new customer')).toMatchObject({ value: 125, unit: 'EUR' });
  });

  test('one set of rows per product with usage: licensed, used, utilisation, the shelfware flag and the idle spend', () => {
    expect(find('shelfware', 'licensed', HOSTILE)).toMatchObject({ value: 50, unit: 'seats' });
    expect(find('shelfware', 'utilisation', HOSTILE)).toMatchObject({ value: 0.2, unit: 'share' });
    expect(find('shelfware', 'shelfware', HOSTILE)).toMatchObject({ value: 1, unit: 'flag' });
    expect(find('shelfware', 'shelfware', 'CRM')).toMatchObject({ value: 0 });
    expect(find('shelfware', 'idle spend', HOSTILE)).toMatchObject({ value: 80_000, unit: 'EUR' });
    expect(find('shelfware', 'idle spend', 'CRM').value).toBe(40_000);
  });

  test('a figure not given is an empty value, with its unit, and a source that says so: never 0', () => {
    for (const row of [
      find('acquisition', 'CAC'),
      find('acquisition', 'CLTV'),
      find('acquisition', 'technology share of CAC'),
      find('trend', 'CAC', 'stack', '2026-Q3'),
    ]) {
      expect(row.value, row.measure).toBeUndefined();
      expect(row.source).toMatch(/^not given: /);
      expect(row.unit).not.toBe('');
    }
    expect(find('acquisition', 'CAC').source).toBe('not given: CAC not in finance/2026-Q4.yaml');
    // A product with usage and no spend: its idle spend is not given, not zero.
    expect(find('shelfware', 'idle spend', 'FREE')).toMatchObject({ value: undefined, unit: 'EUR' });
    expect(rows.filter((r) => r.value === undefined).every((r) => r.source.startsWith('not given'))).toBe(true);
  });

  test('without finance figures, the budget, its share and every figure per customer are not given', () => {
    const bare = stackRows(stackEconomics({ current: { period: '2026-Q4', findings: snapshot('2026-Q4', [crm]) }, earlier: [], currency: 'EUR' }));
    const of = (measure: string) => bare.find((r) => r.measure === measure)!;
    for (const measure of [
      'marketing budget',
      'technology share of budget',
      'share minus reference',
      'new customers',
      'technology spend per new customer',
      'CLTV to CAC',
    ])
      expect(of(measure), measure).toMatchObject({ value: undefined, source: expect.stringMatching(/^not given: .*no finance\/2026-Q4\.yaml$/) });
    expect(bare.some((r) => r.section === 'trend')).toBe(false);
  });

  test('the trend: a row per earlier quarter per figure, this quarter left to its own sections', () => {
    const trend = rows.filter((r) => r.section === 'trend');
    expect(trend.map((r) => `${r.quarter} ${r.measure}`)).toEqual([
      '2026-Q3 quarter spend',
      '2026-Q3 technology share of budget',
      '2026-Q3 technology spend per new customer',
      '2026-Q3 CAC',
      '2026-Q3 CLTV',
    ]);
    expect(trend[0]).toMatchObject({ value: 100_000, unit: 'EUR' });
    expect(trend[1]).toMatchObject({ value: 0.25, unit: 'share' });
  });

  test('float noise is rounded away: amounts to the cent, shares to six decimals', () => {
    const odd = stackRows(
      stackEconomics({
        current: {
          period: '2026-Q4',
          findings: snapshot('2026-Q4', [vendor('a', { spend: { amount: 96_000, currency: 'EUR' }, usage: { licensed: 60, used: 48, unit: 'seats' } })]),
        },
        earlier: [],
        currency: 'EUR',
      }),
    );
    expect(odd.find((r) => r.measure === 'idle spend' && r.item === 'A')!.value).toBe(19_200);
  });
});

describe('the CSV', () => {
  const text = stackCsv(rows);
  const lines = text.split('\r\n');

  test('the header, then a line per row, numbers plain', () => {
    expect(lines[0]).toBe('quarter,section,item,measure,value,unit,source');
    expect(lines).toHaveLength(rows.length + 2);
    expect(lines.at(-1)).toBe('');
    expect(text).toContain('\r\n2026-Q4,technology,stack,annual spend,500000,EUR,');
    expect(text).toContain('\r\n2026-Q4,budget,stack,technology share of budget,0.25,share,quarter spend / marketing budget\r\n');
  });

  test('a figure not given is an empty cell, not 0', () => {
    expect(text).toContain('\r\n2026-Q4,acquisition,stack,CAC,,EUR,not given: CAC not in finance/2026-Q4.yaml\r\n');
  });

  test('a vendor named like a formula comes out guarded and quoted, its figures still numbers', () => {
    expect(text).toContain(`\r\n2026-Q4,shelfware,"'=HYPERLINK(""http://x.example"",""click"")",licensed,50,seats,`);
    expect(text).not.toMatch(/(^|,)=HYPERLINK/m);
    // A negative figure stays a number: csvCell guards text only.
    const below = { ...find('budget', 'share minus reference'), value: -0.05 };
    expect(stackCsv([below]).split('\r\n')[1]).toBe('2026-Q4,budget,stack,share minus reference,-0.05,share,technology share of budget - reference share');
  });
});

describe('the workbook', () => {
  afterEach(() => {
    vi.useRealTimers();
  });
  const meta = { period: economics.period, currency: economics.currency };

  test('the Figures sheet: numbers numeric with a format, empty where not given, every text a string (never a formula)', async () => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(await stackXlsx(rows, meta)) as unknown as ArrayBuffer);
    const ws = book.getWorksheet('Figures')!;
    expect(ws.getRow(1).values).toEqual([undefined, 'quarter', 'section', 'item', 'measure', 'value', 'unit', 'source']);
    expect(ws.rowCount).toBe(rows.length + 1);
    const at = (row: StackRow) => ws.getRow(rows.indexOf(row) + 2);
    const share = at(find('budget', 'technology share of budget'));
    expect(share.getCell(5).value).toBe(0.25);
    expect(share.getCell(5).numFmt).toBe('0.00%');
    expect(at(find('technology', 'annual spend')).getCell(5).numFmt).toBe('#,##0.00');
    expect(at(find('acquisition', 'CAC')).getCell(5).value).toBeNull();
    const hostile = at(find('shelfware', 'licensed', HOSTILE));
    expect(hostile.getCell(3).type).toBe(ExcelJS.ValueType.String);
    expect(hostile.getCell(3).value).toBe(HOSTILE);
    expect(hostile.getCell(5).value).toBe(50);
  });

  test('it is known as the stack workbook, not an answer sheet; the same figures are the same bytes at any time', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-11-22T10:00:00Z'));
    const first = await stackXlsx(rows, meta);
    vi.setSystemTime(new Date('2031-05-03T17:45:13Z'));
    const second = await stackXlsx(rows, meta);
    expect(Buffer.from(second).equals(Buffer.from(first))).toBe(true);
    expect(isStackWorkbook(first)).toBe(true);
    expect(isAnswerWorkbook(first)).toBe(false);
  });
});
