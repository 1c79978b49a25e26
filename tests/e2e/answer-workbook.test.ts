import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { parseDocument } from 'yaml';
import { describe, expect, test } from 'vitest';
import { partText, zipParts } from '../../src/core/workbook/zip-parts.js';
import { run } from '../helpers/run-cli.js';
import { withParts } from '../helpers/zip.js';
import { resavedByLibreOffice } from '../helpers/libreoffice.js';
import { requires } from '../helpers/requires.js';
import { removals, workspace } from '../helpers/sample-copies.js';
import { scoreOf } from '../helpers/score-of.js';

// The answer workbook (.xlsx) through the built CLI and a real spreadsheet application: LibreOffice
// (headless Calc) re-saves what aiclaim wrote, as a vendor's Calc or Excel would, and aiclaim reads
// it back. Each soffice call gets its own profile and output folder, so parallel runs share nothing.

const libreOffice = requires('the LibreOffice answer-workbook tests', ['soffice']);

/** The file as LibreOffice saves it again, in a fresh folder. */
const resaved = (file: string) => resavedByLibreOffice(file, removals);

async function load(file: string): Promise<ExcelJS.Workbook> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(file);
  return book;
}

/** The Answers row of each question id. */
function rowsById(book: ExcelJS.Workbook): Map<string, ExcelJS.Row> {
  const rows = new Map<string, ExcelJS.Row>();
  book.getWorksheet('Answers')!.eachRow((row) => {
    const id = row.getCell(1).value;
    if (typeof id === 'string' && id) rows.set(id, row);
  });
  return rows;
}

/** Writes these Answer cells (column G), and optionally more cells, then saves the workbook. */
async function fill(file: string, answers: Record<string, ExcelJS.CellValue>, more?: (rows: Map<string, ExcelJS.Row>) => void): Promise<void> {
  const book = await load(file);
  const rows = rowsById(book);
  for (const [id, value] of Object.entries(answers)) rows.get(id)!.getCell(7).value = value;
  more?.(rows);
  await book.xlsx.writeFile(file);
}

const CHANGES = { 'data-lineage': 'Yes', 'limitations-documented': 'Yes', 'public-roadmap': 'Yes', 'ml-team': 12 } as const;

describe('the answer workbook (xlsx)', () => {
  test('export: sheets, dropdowns, protection, meta; no points anywhere; a re-export replaces only its own workbook', async () => {
    const cwd = workspace();
    const out = await run(['questionnaire', 'export', '-o', 'ai-claims.xlsx', '--vendor', 'datavane'], { cwd });
    expect(out.code).toBe(0);
    expect(out.stderr).toContain('the answer workbook of ai-claims 2.0.0');
    const book = await load(join(cwd, 'ai-claims.xlsx'));
    expect(book.worksheets.map((w) => `${w.name}:${w.state}`)).toEqual([
      'Instructions:visible',
      'Answers:visible',
      'Claims:visible',
      'Roadmap:visible',
      'About:hidden',
      'Lists:hidden',
    ]);
    const about = book.getWorksheet('About')!;
    expect((about as unknown as { sheetProtection: unknown }).sheetProtection).toMatchObject({ sheet: true });
    expect(about.getCell('B5').value).toMatch(/^[0-9a-f]{16}$/);
    const answers = book.getWorksheet('Answers')!;
    expect(answers.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    const rows = rowsById(book);
    expect(rows.get('data-lineage')!.getCell(7).dataValidation).toMatchObject({ type: 'list', formulae: ['"Yes,No"'] });
    expect(rows.get('data-lineage')!.getCell(7).protection).toMatchObject({ locked: false });
    expect(rows.get('data-lineage')!.getCell(3).protection?.locked).not.toBe(false);
    expect(rows.get('data-lineage')!.getCell(9).numFmt).toBe('yyyy-mm-dd');
    // Every string in every cell, hidden sheets included: nothing says how an answer is scored.
    const strings: string[] = [];
    for (const ws of book.worksheets) ws.eachRow((row) => row.eachCell((cell) => strings.push(String(cell.text))));
    expect(strings.length).toBeGreaterThan(500);
    expect(strings.join('\n')).not.toMatch(/\bpoints?\b(?<!data points)|(?<!open-)\bweights?\b|verdict|red flag/i);
    // Re-exporting replaces the workbook aiclaim wrote; another workbook is kept unless --force.
    expect((await run(['questionnaire', 'export', '-o', 'ai-claims.xlsx'], { cwd })).code).toBe(0);
    const other = new ExcelJS.Workbook();
    other.addWorksheet('Budget').getCell('A1').value = 'the team budget';
    await other.xlsx.writeFile(join(cwd, 'other.xlsx'));
    const kept = await run(['questionnaire', 'export', '-o', 'other.xlsx'], { cwd });
    expect(kept.stderr).toContain('other.xlsx holds a file aiclaim did not write');
    expect(kept.code).toBe(2);
    expect((await run(['questionnaire', 'export', '-o', 'other.xlsx', '--force'], { cwd })).code).toBe(0);
    // A workbook goes to a file, not to standard output.
    expect((await run(['questionnaire', 'export', '--format', 'xlsx'], { cwd })).code).toBe(2);
  });

  libreOffice.test('LibreOffice keeps the dropdowns, the hidden protected meta sheet and the locked cells', async () => {
    const cwd = workspace();
    expect((await run(['questionnaire', 'export', '-o', 'ai-claims.xlsx', '--vendor', 'datavane'], { cwd })).code).toBe(0);
    const saved = await resaved(join(cwd, 'ai-claims.xlsx'));
    const book = await load(saved);
    expect(book.getWorksheet('About')!.state).toBe('hidden');
    expect(book.getWorksheet('About')!.getCell('A1').value).toBe('Key');
    let validations = 0;
    book.getWorksheet('Answers')!.eachRow((row) => {
      if (row.getCell(7).dataValidation?.type === 'list') validations++;
    });
    expect(validations).toBeGreaterThan(20);
    expect(rowsById(book).get('data-lineage')!.getCell(7).dataValidation).toMatchObject({ type: 'list' });
    // Protection, from the XML LibreOffice wrote: every sheet protected, unlocked input cells kept.
    const bytes = readFileSync(saved);
    const parts = zipParts(bytes)!;
    const sheets = parts.filter((p) => /^xl\/worksheets\/sheet\d+\.xml$/.test(p.name));
    expect(sheets.length).toBe(6);
    for (const p of sheets) expect(partText(bytes, p, 50e6)).toMatch(/<sheetProtection [^>]*sheet="(true|1)"/);
    expect(
      partText(
        bytes,
        parts.find((p) => p.name === 'xl/styles.xml')!,
        50e6,
      ),
    ).toMatch(/<protection locked="(false|0)"/);
    // And the re-saved file, untouched, imports with no change.
    const imported = await run(['import', 'answers', saved], { cwd });
    expect(imported.stderr).toContain('No answer changed');
    expect(imported.code).toBe(0);
  });

  libreOffice.test('filled in, saved by LibreOffice, imported: the answers, and the same score as the file written directly', async () => {
    const cwd = workspace();
    const before = await scoreOf(cwd, 'datavane');
    expect((await run(['questionnaire', 'export', '-o', 'ai-claims.xlsx', '--vendor', 'datavane'], { cwd })).code).toBe(0);
    const file = join(cwd, 'ai-claims.xlsx');
    await fill(file, CHANGES, (rows) => {
      const row = rows.get('data-lineage')!;
      row.getCell(8).value = 'https://datavane.example/lineage';
      row.getCell(9).value = new Date(Date.UTC(2026, 8, 30));
    });
    const saved = await resaved(file);
    const done = await run(['import', 'answers', saved], { cwd });
    expect(done.stderr).toContain('4 answers changed');
    expect(done.code).toBe(0);
    expect(done.stderr).toContain('ml-team: 4 → 12');
    const vendor = parseDocument(readFileSync(join(cwd, 'vendors', 'datavane.yaml'), 'utf8')).toJS() as {
      answers: Record<string, { value?: unknown; evidence?: unknown }>;
    };
    expect(vendor.answers['data-lineage']).toMatchObject({ value: true, evidence: { ref: 'https://datavane.example/lineage', date: '2026-09-30' } });
    expect(vendor.answers['ml-team']!.value).toBe(12);
    const viaWorkbook = await scoreOf(cwd, 'datavane');
    expect(viaWorkbook).toBeGreaterThan(before!);

    // The same answers written straight into the vendor file of another copy.
    const direct = workspace();
    const path = join(direct, 'vendors', 'datavane.yaml');
    const doc = parseDocument(readFileSync(path, 'utf8'));
    doc.setIn(['answers', 'data-lineage', 'value'], true);
    doc.setIn(['answers', 'data-lineage', 'evidence'], doc.createNode({ ref: 'https://datavane.example/lineage', date: '2026-09-30' }));
    doc.setIn(['answers', 'limitations-documented', 'value'], true);
    doc.setIn(['answers', 'public-roadmap', 'value'], true);
    doc.setIn(['answers', 'ml-team', 'value'], 12);
    writeFileSync(path, doc.toString());
    expect(await scoreOf(direct, 'datavane')).toBe(viaWorkbook);
  });

  test('Claims and Roadmap read back: a new claim and a delivered commitment land in the vendor file; a bad status: exit 2, nothing written', async () => {
    const cwd = workspace();
    const vendorFile = join(cwd, 'vendors', 'datavane.yaml');
    const original = readFileSync(vendorFile);
    expect((await run(['questionnaire', 'export', '-o', 'ai-claims.xlsx', '--vendor', 'datavane'], { cwd })).code).toBe(0);
    const exported = readFileSync(join(cwd, 'ai-claims.xlsx'));
    /** The exported workbook with these cells written, as a vendor's spreadsheet would save it. */
    const edited = async (name: string, cells: Record<string, Record<string, ExcelJS.CellValue>>) => {
      writeFileSync(join(cwd, name), exported);
      const book = await load(join(cwd, name));
      for (const [sheet, values] of Object.entries(cells))
        for (const [ref, value] of Object.entries(values)) book.getWorksheet(sheet)!.getCell(ref).value = value;
      await book.xlsx.writeFile(join(cwd, name));
    };
    expect((await load(join(cwd, 'ai-claims.xlsx'))).getWorksheet('Roadmap')!.getCell('A3').value).toBe('b2b-firmographics');

    await edited('bad.xlsx', { Roadmap: { E3: 'delivered soon' }, Claims: { A4: 'Cuts churn by 30%.', C4: '2027-01-01' } });
    const bad = await run(['import', 'answers', 'bad.xlsx'], { cwd });
    expect(bad.stderr).toMatch(/bad\.xlsx:Roadmap!E3: "soon" is not a quarter — write delivered in YYYY-Qn, e\.g\. delivered in 2026-Q4/);
    expect(bad.stderr).toMatch(/bad\.xlsx:Claims!C4: 2027-01-01 is after today/);
    expect(bad.code).toBe(2);
    expect(readFileSync(vendorFile).equals(original)).toBe(true);

    await edited('returned.xlsx', {
      Roadmap: { E3: 'delivered in 2026-Q4' },
      Claims: { A4: 'Cuts churn by 30%.', B4: 'https://datavane.example/blog', C4: new Date(Date.UTC(2026, 9, 1)) },
    });
    const dry = await run(['import', 'answers', 'returned.xlsx', '--dry-run'], { cwd });
    expect(dry.code).toBe(0);
    expect(dry.stderr).toContain('Claims and roadmap: 2 changes would be made in vendors/datavane.yaml:');
    expect(dry.stderr).toContain('Roadmap row 3: b2b-firmographics: status planned → delivered in 2026-Q4');
    expect(readFileSync(vendorFile).equals(original)).toBe(true);

    const done = await run(['import', 'answers', 'returned.xlsx'], { cwd });
    expect(done.code).toBe(0);
    expect(done.stderr).toContain('Claims row 4: new claim "Cuts churn by 30%.", made at https://datavane.example/blog on 2026-10-01');
    const vendor = parseDocument(readFileSync(vendorFile, 'utf8')).toJS() as { claims: unknown[]; roadmap: { id: string }[] };
    expect(vendor.claims).toHaveLength(3);
    expect(vendor.claims[0]).toMatchObject({ id: 'enrichment-accuracy', asserts: [{ question: 'headline-metric', gte: 94 }] });
    expect(vendor.claims[2]).toEqual({ text: 'Cuts churn by 30%.', source: 'https://datavane.example/blog', date: '2026-10-01' });
    expect(vendor.roadmap.find((c) => c.id === 'b2b-firmographics')).toMatchObject({ status: 'delivered', deliveredIn: '2026-Q4', due: '2027-Q2' });
    // Imported again: nothing more changes.
    expect((await run(['import', 'answers', 'returned.xlsx'], { cwd })).stderr).toContain('No answer changed: vendors/datavane.yaml is as it was.');
    // A CSV has only the Answers sheet, and the import says so.
    expect((await run(['questionnaire', 'export', '-o', 'ai-claims.csv', '--vendor', 'datavane'], { cwd })).code).toBe(0);
    expect((await run(['import', 'answers', 'ai-claims.csv'], { cwd })).stderr).toContain(
      'ai-claims.csv is a CSV: it holds only the Answers sheet, so the claims and roadmap of vendors/datavane.yaml were not read',
    );
  });

  test('a wrong cell is named by sheet and cell; refusals are one line each, exit 2, nothing written', async () => {
    const cwd = workspace();
    const vendorFile = join(cwd, 'vendors', 'datavane.yaml');
    const original = readFileSync(vendorFile);
    expect((await run(['questionnaire', 'export', '-o', 'ai-claims.xlsx', '--vendor', 'datavane'], { cwd })).code).toBe(0);
    const exported = readFileSync(join(cwd, 'ai-claims.xlsx'));
    const refused = async (name: string, pattern: RegExp) => {
      const out = await run(['import', 'answers', name], { cwd });
      expect(out.stderr).toMatch(pattern);
      expect(out.code).toBe(2);
      expect(readFileSync(vendorFile).equals(original)).toBe(true);
      return out;
    };

    writeFileSync(join(cwd, 'wrong.xlsx'), exported);
    await fill(join(cwd, 'wrong.xlsx'), { 'data-lineage': 'Yes please' });
    await refused('wrong.xlsx', /wrong\.xlsx:Answers!G\d+: "Yes please" is not one of Yes \/ No — write Yes or No/);

    writeFileSync(join(cwd, 'macros.xlsm'), exported);
    await refused('macros.xlsm', /macros\.xlsm: is a macro-enabled workbook/);
    writeFileSync(join(cwd, 'vba.xlsx'), withParts(exported, { 'xl/vbaProject.bin': 'not really a macro' }));
    await refused('vba.xlsx', /vba\.xlsx: holds macros \(a vbaProject part\)/);
    writeFileSync(join(cwd, 'linked.xlsx'), withParts(exported, { 'xl/externalLinks/externalLink1.xml': '<externalLink/>' }));
    await refused('linked.xlsx', /linked\.xlsx: links to other workbooks \(external links\)/);

    writeFileSync(join(cwd, 'formula.xlsx'), exported);
    await fill(join(cwd, 'formula.xlsx'), { 'ml-team': { formula: '6*2', result: 12 } as ExcelJS.CellFormulaValue });
    const formula = await refused('formula.xlsx', /formula\.xlsx:Answers!G\d+: holds a formula: its computed value is not taken/);
    expect(formula.stderr.trim().split('\n')).toHaveLength(1);

    writeFileSync(join(cwd, 'long.xlsx'), exported);
    await fill(join(cwd, 'long.xlsx'), {}, (rows) => (rows.get('data-lineage')!.getCell(10).value = 'x'.repeat(1024 * 1024 + 1)));
    await refused('long.xlsx', /long\.xlsx:Answers!J\d+: holds more than 1 MB of text/);

    writeFileSync(join(cwd, 'huge.xlsx'), Buffer.alloc(21 * 1024 * 1024));
    await refused('huge.xlsx', /huge\.xlsx: file is too large \(21\.0 MiB; the limit is 20\.0 MiB\)/);
    writeFileSync(join(cwd, 'not-a-zip.xlsx'), 'Question id,Answer\n');
    await refused('not-a-zip.xlsx', /not-a-zip\.xlsx: is not an Excel workbook/);
  });
});
