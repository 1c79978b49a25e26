import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { resavedByLibreOffice } from '../helpers/libreoffice.js';
import { requires } from '../helpers/requires.js';
import { run, tempDir } from '../helpers/run-cli.js';
import { withParts } from '../helpers/zip.js';

// The stack spreadsheet kept as a workbook (.xlsx), saved by a real spreadsheet application
// (LibreOffice's headless Calc), imported as its CSV would be: number cells, text amounts in the
// team's locale, date cells, quarters, a formula's computed value.

const libreOffice = requires('the LibreOffice stack workbook test', ['soffice']);

const cleanup: (() => void)[] = [];
afterEach(() => {
  for (const remove of cleanup.splice(0)) remove();
});

/** A workspace (EUR) with the team's stack as a workbook, as the team's own Calc or Excel writes it. */
async function stackWorkbook(dir: string): Promise<string> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('Stack');
  sheet.addRow(['Vendor', 'Product', 'Category', 'Annual spend', 'Renewal', 'Owner']);
  sheet.addRow(['Brightwave Analytics', 'Brightwave Personalize', 'On-site personalization', '€ 8.500', 'Q3 2027', 'Claire Martin']);
  sheet.addRow(['Mailmint AB', 'Mailmint', 'Emailing', 64000, new Date(Date.UTC(2027, 2, 31)), '']);
  // A total the team computes: its value is read, as the spreadsheet shows it.
  sheet.addRow(['Kundenwerk GmbH', 'Kundenwerk CDP', 'Smart data', { formula: '12*1000', result: 12000 }, 'TBD', 'Jonas']);
  sheet.addRow([]);
  sheet.addRow(['Treuepunkt', 'Treuepunkt Rewards', 'Loyalty programme', '12,5k', '', '']);
  // Number cells in a currency format: the currency is the format's, not the workspace's.
  sheet.addRow(['Acme Chat', 'Acme Bot', 'Chatbots', 24000, '', '']).getCell(4).numFmt = '[$$-409]#,##0';
  sheet.addRow(['Ledger Ltd', 'Ledger Ads', 'Display advertising', 1200.5, '', '']).getCell(4).numFmt = '"£"#,##0.00';
  sheet.addRow(['Kasse AG', 'Kasse Pay', 'Payments', 9990, '', '']).getCell(4).numFmt = '#,##0 [$€-407]';
  const file = join(dir, 'stack-source.xlsx');
  await book.xlsx.writeFile(file);
  return file;
}

describe('aiclaim import of a stack workbook', () => {
  libreOffice.test('saved by LibreOffice, it imports to the figures the team typed', async () => {
    const temp = tempDir();
    cleanup.push(temp.remove);
    expect((await run(['init', '.'], { cwd: temp.dir })).code).toBe(0);
    const saved = await resavedByLibreOffice(await stackWorkbook(temp.dir), cleanup);

    const imported = await run(['import', saved], { cwd: temp.dir });
    expect(imported.code, imported.stderr).toBe(0);
    expect(imported.stderr.trimEnd().split('\n').at(-1)).toBe(
      '7 vendor files created: brightwave-analytics, mailmint-ab, kundenwerk-gmbh, treuepunkt, acme-chat, ledger-ltd, kasse-ag.',
    );
    const vendor = (id: string) => parse(readFileSync(join(temp.dir, 'vendors', `${id}.yaml`), 'utf8')) as Record<string, unknown>;
    expect(vendor('brightwave-analytics')).toMatchObject({
      category: 'on-site-personalization',
      spend: { amount: 8500, currency: 'EUR' },
      renewal: '2027-09-30',
      owner: 'Claire Martin',
    });
    expect(vendor('mailmint-ab')).toMatchObject({ category: 'emailing', spend: { amount: 64000, currency: 'EUR' }, renewal: '2027-03-31' });
    expect(vendor('kundenwerk-gmbh')).toMatchObject({ spend: { amount: 12000, currency: 'EUR' } });
    expect(vendor('kundenwerk-gmbh').renewal).toBeUndefined();
    expect(vendor('treuepunkt')).toMatchObject({ category: 'other', categoryLabel: 'Loyalty programme', spend: { amount: 12500, currency: 'EUR' } });
    expect(vendor('acme-chat')).toMatchObject({ spend: { amount: 24000, currency: 'USD' } });
    expect(vendor('ledger-ltd')).toMatchObject({ spend: { amount: 1200.5, currency: 'GBP' } });
    expect(vendor('kasse-ag')).toMatchObject({ spend: { amount: 9990, currency: 'EUR' } });
  });

  test('a macro-enabled or linked workbook is refused with one line, and nothing is written', async () => {
    const temp = tempDir();
    cleanup.push(temp.remove);
    expect((await run(['init', '.'], { cwd: temp.dir })).code).toBe(0);
    const source = await stackWorkbook(temp.dir);
    const linked = join(temp.dir, 'linked.xlsx');
    writeFileSync(linked, withParts(readFileSync(source), { 'xl/externalLinks/externalLink1.xml': '<externalLink/>' }));
    const result = await run(['import', linked], { cwd: temp.dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/linked\.xlsx: links to other workbooks \(external links\): their values are not taken/);
    writeFileSync(join(temp.dir, 'stack.xlsm'), readFileSync(source));
    const macros = await run(['import', join(temp.dir, 'stack.xlsm')], { cwd: temp.dir });
    expect(macros.code).toBe(2);
    expect(macros.stderr).toMatch(/stack\.xlsm: is a macro-enabled workbook: aiclaim does not open those/);
    expect(readdirSync(join(temp.dir, 'vendors'))).toEqual(['example-vendor.yaml']);
  });
});
