import type { Workbook } from '../core/answer-sheet/answer-sheet.js';
import { csv } from './csv.js';

// The Answers sheet of the workbook as CSV, through the one CSV writer (csv.ts: no cell starts a
// formula). The first row is aiclaim's: "aiclaim answer sheet", then the questionnaire, its version
// and content hash, and the vendor, each as "key: value", so that a returned file is recognised and
// read against the right edition. The header row follows, then one row per question.

export function answerSheetCsv(workbook: Workbook): string {
  const sheet = workbook.sheets.find((s) => s.name === 'Answers');
  if (!sheet) throw new Error('a workbook without an Answers sheet');
  const { meta } = workbook;
  const first = [
    meta.format,
    `questionnaire: ${meta.questionnaire}`,
    `version: ${meta.version}`,
    `hash: ${meta.hash}`,
    ...(meta.vendor ? [`vendor: ${meta.vendor}`] : []),
    'Keep this row and the Question id column as they are: they tell aiclaim what each answer is.',
  ];
  return csv([first, sheet.columns.map((c) => c.header), ...sheet.rows.map((row) => sheet.columns.map((c) => row.cells[c.key]))]);
}
