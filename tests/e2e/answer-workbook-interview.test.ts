import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { parse } from 'yaml';
import { afterAll, expect, test } from 'vitest';
import { BIN, run } from '../helpers/run-cli.js';
import { quickWorkspace } from '../helpers/quick-workspace.js';
import { resavedByLibreOffice } from '../helpers/libreoffice.js';
import { requires } from '../helpers/requires.js';
import { TmuxSession } from '../helpers/tmux.js';

// The same answers given two ways must score the same: typed in the interview in a real terminal,
// and filled in the exported workbook, saved by LibreOffice and imported. Both vendors start as a
// team's stack spreadsheet leaves them (imported, not assessed), as a real re-assessment does.

const tools = requires('the interview-versus-workbook test', ['tmux', 'soffice']);

type Scored = { id: string; score: number | null; verdict: string; points: unknown; sections: unknown; flags: unknown; coverage: unknown };

tools.describe('the answer workbook against the interview', () => {
  const workspace = quickWorkspace();
  const cleanup: (() => void)[] = [];
  const tmux = new TmuxSession();
  const cli = (args: string) => `env NO_COLOR=1 AICLAIM_TODAY=2026-11-22 ${process.execPath} ${BIN} ${args}`;
  const cwd = workspace.dir;

  afterAll(() => {
    tmux.stop();
    for (const remove of cleanup) remove();
    workspace.remove();
  });

  test('export → fill in → LibreOffice → import → score gives what the same answers typed in the interview give', async () => {
    writeFileSync(
      join(cwd, 'stack.csv'),
      'Vendor,Product,Category,Annual spend,Renewal date\nTyped Vendor,Typed Personalize,On-site personalization,"€84,000",2027-03-31\nSheet Vendor,Sheet Personalize,On-site personalization,"€84,000",2027-03-31\n',
    );
    const imported = await run(['import', 'stack.csv'], { cwd });
    expect(imported.code, imported.stderr).toBe(0);

    // Typed: the interview of the imported vendor, in a terminal.
    tmux.start(cli('interview typed-vendor'), cwd);
    await tmux.answer(/interviewer/, 'Claire Martin', 'Enter');
    await tmux.answer(/Who answers for the vendor/, 'Sam Lee', 'Enter');
    await tmux.answer(/role/, 'CTO', 'Enter');
    await tmux.answer(/Anyone else/, 'Enter');
    await tmux.answer(/Add a claim/, 'Enter');
    await tmux.answer(/word for word/, 'Our AI personalises every page in real time.', 'Enter');
    await tmux.answer(/Where it was made/, 'https://vendor.example/ai', 'Enter');
    await tmux.answer(/When it was made/, 'C-u', '2026-10-01', 'Enter');
    await tmux.answer(/What does it assert\?/, 'Enter');
    await tmux.answer(/Add another/, 'Enter');
    await tmux.answer(/Does the vendor train models/, 'Enter');
    await tmux.answer(/How many training records/, '40 million', 'Enter');
    await tmux.answer(/Evidence, a URL or document \(required/, 'https://vendor.example/data-sheet.pdf', 'Enter');
    await tmux.answer(/Date the document bears/, '2026-09-01', 'Enter');
    await tmux.answer(/Where does the model come from/, 'Enter');
    await tmux.answer(/What does the AI do that rules cannot\?/, 'Predicts churn 60 days ahead', 'Enter');
    await tmux.answer(/Evidence, a URL or document \(Enter for none;/, 'https://vendor.example/holdout.pdf', 'Enter');
    await tmux.answer(/Date the document bears/, '2026-10-01', 'Enter');
    await tmux.answer(/Add a roadmap commitment/, 'Enter');
    await tmux.answer(/review the answers/, 'Enter');
    const typed = await tmux.waitFor(/EXIT=\d+/);
    expect(typed).toMatch(/Wrote vendors\/typed-vendor\.yaml\./);
    expect(typed).toMatch(/EXIT=0/);

    // In the workbook: the same answers in the Answer, Evidence and Claims cells, saved by LibreOffice.
    expect((await run(['questionnaire', 'export', '-o', 'sheet.xlsx', '--vendor', 'sheet-vendor'], { cwd })).code).toBe(0);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(join(cwd, 'sheet.xlsx'));
    const rows = new Map<string, ExcelJS.Row>();
    book.getWorksheet('Answers')!.eachRow((row) => rows.set(String(row.getCell(1).value), row));
    const fill = (id: string, answer: ExcelJS.CellValue, evidence?: string, date?: Date) => {
      const row = rows.get(id)!;
      row.getCell(7).value = answer;
      if (evidence) row.getCell(8).value = evidence;
      if (date) row.getCell(9).value = date;
    };
    // The roadmap question's row says there is nothing to list: asked, and none, as the interview records it.
    fill('claims', 'Listed on the Claims sheet');
    fill('roadmap', 'None');
    fill('trains', 'Yes');
    fill('records', 40_000_000, 'https://vendor.example/data-sheet.pdf', new Date(Date.UTC(2026, 8, 1)));
    fill('origin', 'Trained in-house');
    fill('advantage', 'Predicts churn 60 days ahead', 'https://vendor.example/holdout.pdf', new Date(Date.UTC(2026, 9, 1)));
    const claims = book.getWorksheet('Claims')!;
    claims.getCell('A2').value = 'Our AI personalises every page in real time.';
    claims.getCell('B2').value = 'https://vendor.example/ai';
    claims.getCell('C2').value = new Date(Date.UTC(2026, 9, 1));
    await book.xlsx.writeFile(join(cwd, 'sheet.xlsx'));
    const saved = await resavedByLibreOffice(join(cwd, 'sheet.xlsx'), cleanup);
    const done = await run(['import', 'answers', saved], { cwd });
    expect(done.code, done.stderr).toBe(0);
    expect(done.stderr).toContain('4 answers changed');
    expect(done.stderr).toMatch(/Answers row \d+: roadmap: none to list \(asked, and there are none\)/);

    // The two vendor files hold the same answers and claims; the interview adds only its own record.
    const file = (id: string) => parse(readFileSync(join(cwd, 'vendors', `${id}.yaml`), 'utf8')) as { answers: unknown; claims: unknown };
    expect(file('sheet-vendor').answers).toEqual(file('typed-vendor').answers);
    expect(file('sheet-vendor').claims).toEqual(file('typed-vendor').claims);

    // And score the same, point for point, flag for flag.
    const scored = await run(['score', '--format', 'json'], { cwd });
    expect(scored.code, scored.stderr).toBe(0);
    const vendors = (JSON.parse(scored.stdout) as { vendors: (Scored & Record<string, unknown>)[] }).vendors;
    const typedScore = vendors.find((v) => v.id === 'typed-vendor')!;
    const sheetScore = vendors.find((v) => v.id === 'sheet-vendor')!;
    expect(typedScore.score).not.toBeNull();
    const { id: _a, name: _b, product: _c, interview: _d, file: _i, ...typedRest } = typedScore;
    const { id: _e, name: _f, product: _g, interview: _h, file: _j, ...sheetRest } = sheetScore;
    expect(sheetRest).toEqual(typedRest);
  });
});
