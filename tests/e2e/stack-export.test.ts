import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, test } from 'vitest';
import type { StackEconomics } from '../../src/core/economics/stack-economics.js';
import { resavedByLibreOffice } from '../helpers/libreoffice.js';
import { requires } from '../helpers/requires.js';
import { removals, workspace } from '../helpers/sample-copies.js';
import { run } from '../helpers/run-cli.js';

// `aiclaim stack -f csv | xlsx` through the built CLI, on a copy of the sample: the long table the
// finance team takes into a spreadsheet, its figures those of `-f json`; `--out` replaces its own
// export and nothing else; a workbook never goes to standard output; and LibreOffice reads the
// workbook's numbers as numbers and a vendor named like a formula as text.

const libreOffice = requires('the LibreOffice stack-workbook test', ['soffice']);

const HOSTILE = '=HYPERLINK("http://x.example","y")';

/** The sample with SocialPulse (shelfware in 2026-Q4) renamed to a formula in the Q4 snapshot. */
function hostileWorkspace(): string {
  const cwd = workspace();
  const file = join(cwd, 'findings', '2026-Q4.yaml');
  const text = readFileSync(file, 'utf8');
  expect(text).toContain('    name: SocialPulse Inc.\n');
  writeFileSync(file, text.replace('    name: SocialPulse Inc.\n', `    name: '${HOSTILE}'\n`));
  return cwd;
}

/** The CSV's lines as cells (the figures' cells hold no separator; only `source` may be quoted). */
function lines(text: string): string[] {
  return text.split('\r\n');
}

function value(text: string, prefix: string): number | undefined {
  const line = lines(text).find((l) => l.startsWith(`${prefix},`));
  if (line === undefined) throw new Error(`no line ${prefix}`);
  const cell = line.slice(prefix.length + 1).split(',')[0]!;
  return cell === '' ? undefined : Number(cell);
}

describe('aiclaim stack -f csv | xlsx', () => {
  test('-f csv: the header, and the figures of -f json', async () => {
    const cwd = workspace();
    const [csv, json] = await Promise.all([run(['stack', '2026-Q4', '-f', 'csv'], { cwd }), run(['stack', '2026-Q4', '-f', 'json'], { cwd })]);
    expect(csv.code, csv.stderr).toBe(0);
    expect(csv.stderr).toBe('');
    const e = JSON.parse(json.stdout) as StackEconomics;
    const out = csv.stdout;
    expect(lines(out)[0]).toBe('quarter,section,item,measure,value,unit,source');
    expect(value(out, '2026-Q4,technology,stack,quarter spend')).toBe(e.technology.quarter);
    expect(value(out, '2026-Q4,budget,stack,marketing budget')).toBe(e.budget.budget);
    expect(value(out, '2026-Q4,budget,stack,technology share of budget')).toBeCloseTo(e.budget.share!, 6);
    expect(value(out, '2026-Q4,category,CRM,annual spend')).toBe(450_000);
    expect(value(out, '2026-Q4,weak-ai,Weak or Unsubstantiated,annual spend')).toBe(e.weakAi.weak);
    expect(value(out, '2026-Q4,shelfware,SocialPulse Inc.,idle spend')).toBe(e.shelfware.rows[0]!.idle);
    expect(value(out, '2026-Q4,acquisition,stack,technology spend per new customer')).toBeCloseTo(e.acquisition.techPerCustomer!, 2);
    expect(value(out, '2026-Q4,acquisition,stack,CAC')).toBe(e.acquisition.cac);
    expect(value(out, '2026-Q2,trend,stack,CAC')).toBe(e.trend[0]!.cac);
    // Q2 has no CLTV: an empty value that says so, not 0.
    expect(e.trend[0]!.cltv).toBeUndefined();
    expect(out).toContain('\r\n2026-Q2,trend,stack,CLTV,,EUR,not given: CLTV not in finance/2026-Q2.yaml\r\n');
    expect(out).toContain(
      '\r\n2026-Q4,acquisition,stack,new customers,1520,customers,"CRM: accounts with a first paid order in the quarter, to 2026-11-20"\r\n',
    );
  });

  test('-o: written and said; run again, its own export is replaced; a vendor file is kept without --force', async () => {
    const cwd = workspace();
    const first = await run(['stack', '2026-Q4', '-f', 'csv', '-o', 'out.csv'], { cwd });
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toBe('');
    expect(first.stderr).toMatch(/^Wrote out\.csv: the 2026-Q4 stack CSV, \d+ figures from findings\/2026-Q4\.yaml\.$/m);
    const written = readFileSync(join(cwd, 'out.csv'), 'utf8');
    expect(written).toBe((await run(['stack', '2026-Q4', '-f', 'csv'], { cwd })).stdout);
    // The format follows the name when -f is not given; the same figures are the same bytes.
    const again = await run(['stack', '2026-Q4', '-o', 'out.csv'], { cwd });
    expect(again.code, again.stderr).toBe(0);
    expect(readFileSync(join(cwd, 'out.csv'), 'utf8')).toBe(written);

    const vendorFile = join(cwd, 'vendors', 'mailmint.yaml');
    const vendor = readFileSync(vendorFile, 'utf8');
    const refused = await run(['stack', '2026-Q4', '-f', 'csv', '-o', 'vendors/mailmint.yaml'], { cwd });
    expect(refused.code).toBe(2);
    expect(refused.stdout).toBe('');
    expect(refused.stderr).toMatch(/^error: vendors\/mailmint\.yaml holds a vendor file, and --out would replace it with the stack's figures\n/);
    expect(refused.stderr.split('\n').filter((l) => l.startsWith('error:'))).toHaveLength(1);
    expect(readFileSync(vendorFile, 'utf8')).toBe(vendor);
    // A findings CSV export is not the stack's either.
    expect((await run(['export', '-o', 'findings.csv'], { cwd })).code).toBe(0);
    expect((await run(['stack', '-o', 'findings.csv'], { cwd })).code).toBe(2);
    expect((await run(['stack', '-o', 'findings.csv', '--force'], { cwd })).code).toBe(0);
    expect(readFileSync(join(cwd, 'findings.csv'), 'utf8')).toMatch(/^quarter,section,item,measure,value,unit,source\r\n/);
  });

  test('a workbook is written to a file, never to standard output; -o is for CSV and XLSX only', async () => {
    const cwd = workspace();
    const refused = await run(['stack', '2026-Q4', '-f', 'xlsx'], { cwd });
    expect(refused.code).toBe(2);
    expect(refused.stdout).toBe('');
    expect(refused.stderr).toMatch(/^error: the stack workbook \(xlsx\) is written to a file, not to standard output\nhint: add -o stack\.xlsx/);
    const markdown = await run(['stack', '-f', 'markdown', '-o', 'stack.md'], { cwd });
    expect(markdown.code).toBe(2);
    expect(markdown.stderr).toMatch(/^error: --out writes the stack's figures as CSV or XLSX, not as markdown\n/);
    expect(existsSync(join(cwd, 'stack.md'))).toBe(false);
  });

  test('-o stack.xlsx: the Figures sheet, replaced on a second run byte for byte; another workbook kept without --force', async () => {
    const cwd = hostileWorkspace();
    const first = await run(['stack', '2026-Q4', '-o', 'stack.xlsx'], { cwd });
    expect(first.code, first.stderr).toBe(0);
    expect(first.stderr).toMatch(/^Wrote stack\.xlsx: the 2026-Q4 stack workbook, \d+ figures from findings\/2026-Q4\.yaml\.$/m);
    const bytes = readFileSync(join(cwd, 'stack.xlsx'));
    expect((await run(['stack', '2026-Q4', '-f', 'xlsx', '-o', 'stack.xlsx'], { cwd })).code).toBe(0);
    expect(readFileSync(join(cwd, 'stack.xlsx')).equals(bytes)).toBe(true);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(bytes as unknown as ArrayBuffer);
    expect(book.worksheets.map((w) => w.name)).toEqual(['Figures', 'About']);

    const other = new ExcelJS.Workbook();
    other.addWorksheet('Budget').getCell('A1').value = 'the team budget';
    await other.xlsx.writeFile(join(cwd, 'budget.xlsx'));
    const kept = await run(['stack', '-o', 'budget.xlsx'], { cwd });
    expect(kept.code).toBe(2);
    expect(kept.stderr).toContain('budget.xlsx holds a file aiclaim did not write');
    // An answer workbook is aiclaim's, but not the stack's: kept too.
    expect((await run(['questionnaire', 'export', '-o', 'ai-claims.xlsx'], { cwd })).code).toBe(0);
    expect((await run(['stack', '-o', 'ai-claims.xlsx'], { cwd })).code).toBe(2);
  });

  libreOffice.test(
    'LibreOffice reads the workbook: numbers numeric, the vendor named like a formula a string',
    async () => {
      const cwd = hostileWorkspace();
      expect((await run(['stack', '2026-Q4', '-f', 'xlsx', '-o', 'stack.xlsx'], { cwd })).code).toBe(0);
      const saved = await resavedByLibreOffice(join(cwd, 'stack.xlsx'), removals);
      const book = new ExcelJS.Workbook();
      await book.xlsx.readFile(saved);
      const ws = book.getWorksheet('Figures')!;
      const rows = new Map<string, ExcelJS.Row>();
      ws.eachRow((row) => rows.set([1, 2, 3, 4].map((c) => String(row.getCell(c).value)).join('|'), row));
      const cell = (key: string) => rows.get(key)?.getCell(5);
      expect(cell('2026-Q4|technology|stack|quarter spend')?.type).toBe(ExcelJS.ValueType.Number);
      expect(cell('2026-Q4|technology|stack|quarter spend')?.value).toBe(474_500);
      expect(cell('2026-Q4|budget|stack|technology share of budget')?.value).toBeCloseTo(0.271143, 6);
      expect(cell('2026-Q4|budget|stack|technology share of budget')?.numFmt).toMatch(/%/);
      expect(cell('2026-Q2|trend|stack|CLTV')?.value ?? null).toBeNull();
      const hostile = rows.get(`2026-Q4|shelfware|${HOSTILE}|licensed`);
      expect(hostile, 'the row of the vendor named like a formula').toBeDefined();
      expect(hostile!.getCell(3).type).toBe(ExcelJS.ValueType.String);
      expect(hostile!.getCell(5).value).toBe(10);
      // Nowhere a formula: LibreOffice would have kept one as a formula cell.
      ws.eachRow((row) => row.eachCell((c) => expect(c.type).not.toBe(ExcelJS.ValueType.Formula)));
    },
    120_000,
  );
});
