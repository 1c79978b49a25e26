import type { ScoreReport } from './score-report.js';
import { SEVERITIES } from '../core/schema/questionnaire.js';
import { cellsOf, namesOf, VENDOR_COLUMNS } from '../core/findings/vendor-columns.js';
import { questionsToAsk } from '../core/scoring/open-questions.js';
import { csv } from './csv.js';

// One row per vendor, or with --explain one row per vendor and question.

export function scoreCsv(report: ScoreReport, explain: boolean): string {
  if (explain) {
    const rows: unknown[][] = [['vendor_id', 'vendor', 'section', 'question', 'state', 'points', 'possible', 'lost', 'answer', 'rule', 'notes']];
    for (const { explain: score } of report.rows) {
      if (!score) continue;
      for (const q of score.questions) {
        rows.push([
          score.id,
          score.name,
          q.section,
          q.id,
          q.state,
          q.points,
          q.possible,
          Math.round((q.possible - q.points) * 100) / 100,
          q.answer ?? '',
          q.rule,
          q.notes.join('; '),
        ]);
      }
    }
    return csv(rows);
  }
  // The columns export has too are named and filled by the one definition both use (vendor-columns.ts).
  const { identity, risk, assurance, redFlags, stack } = VENDOR_COLUMNS;
  const shared = [...identity, risk, ...assurance, redFlags];
  const rows: unknown[][] = [['rank', ...namesOf(shared), 'worst_flag', 'to_ask', ...namesOf(stack)]];
  for (const { rank, finding: f, flags, toAsk } of report.rows) {
    // Findings only: flags waiting on missing answers are counted in to_ask.
    const worst = SEVERITIES.find((s) => flags.some((flag) => flag.severity === s)) ?? '';
    rows.push([rank ?? '', ...cellsOf(shared, f), worst, questionsToAsk(toAsk), ...cellsOf(stack, f)]);
  }
  return csv(rows);
}
