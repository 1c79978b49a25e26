import type { Problem } from '../problem.js';
import { openWorkbook, sheetCells } from '../workbook/open-workbook.js';
import { ANSWER_SHEET_FORMAT } from './answer-sheet.js';
import { columnLetter, type AnswerGrid, type SheetMetaRead } from './read-answer-sheet.js';
import type { ListGrid } from './read-claims-roadmap.js';

// A returned answer-sheet workbook (.xlsx) as the grid `readAnswerGrid` reads, the same rules as a
// CSV: opened as data (src/core/workbook/open-workbook.ts refuses macros, external links and
// oversized files and cells), every formula refused by cell, the meta from the hidden About sheet;
// and the Claims and Roadmap sheets as grids for src/core/answer-sheet/read-claims-roadmap.ts.

export type WorkbookGrid = { ok: true; grid: AnswerGrid; claims?: ListGrid | undefined; roadmap?: ListGrid | undefined } | { ok: false; problems: Problem[] };

const FORMULA_HINT = 'type the answer itself in the cell (copy, then paste as values only)';

export async function workbookGrid(bytes: Uint8Array, file: string): Promise<WorkbookGrid> {
  const opened = await openWorkbook(bytes, file, 'an answer sheet');
  if (!opened.ok) return opened;
  const answers = opened.book.getWorksheet('Answers');
  if (!answers)
    return {
      ok: false,
      problems: [
        {
          file,
          message: 'has no sheet named Answers',
          hint: 'send back the workbook aiclaim questionnaire export wrote, with its sheets as they are',
          severity: 'error',
        },
      ],
    };
  const problems: Problem[] = [];
  // A sheet from a vendor: a formula is refused, its cached value never taken.
  const rows = sheetCells(
    answers,
    { formulas: 'refuse', sheet: `${file}:Answers`, where: (c, r) => `${file}:Answers!${columnLetter(c)}${r}`, formulaHint: FORMULA_HINT },
    problems,
  );
  const about = opened.book.getWorksheet('About');
  const meta = about
    ? readMeta(
        sheetCells(
          about,
          { formulas: 'refuse', sheet: `${file}:About`, where: (c, r) => `${file}:About!${columnLetter(c)}${r}`, formulaHint: FORMULA_HINT },
          problems,
        ),
      )
    : undefined;
  const list = (name: 'Claims' | 'Roadmap'): ListGrid | undefined => {
    const ws = opened.book.getWorksheet(name);
    if (!ws) return undefined;
    const where = (c: number, r: number) => `${file}:${name}!${columnLetter(c)}${r}`;
    return { rows: sheetCells(ws, { formulas: 'refuse', sheet: `${file}:${name}`, where, formulaHint: FORMULA_HINT }, problems), where };
  };
  const claims = list('Claims');
  const roadmap = list('Roadmap');
  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    claims,
    roadmap,
    grid: {
      rows,
      headerRow: 1,
      meta,
      where: (c, r) => (c === undefined ? `${file}:Answers!${r}:${r}` : `${file}:Answers!${columnLetter(c)}${r}`),
      metaWhere: `${file}:About`,
    },
  };
}

/** The About sheet's key and value rows; undefined when it is not aiclaim's. */
function readMeta(rows: string[][]): SheetMetaRead | undefined {
  const pairs = new Map(rows.map((r) => [(r[0] ?? '').trim().toLowerCase(), (r[1] ?? '').trim()]));
  if (pairs.get('format')?.toLowerCase() !== ANSWER_SHEET_FORMAT) return undefined;
  const meta: SheetMetaRead = {};
  for (const key of ['questionnaire', 'version', 'hash', 'vendor'] as const) if (pairs.get(key)) meta[key] = pairs.get(key);
  return meta;
}
