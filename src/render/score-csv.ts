import type { ScoreReport } from './score-report.js';
import { SEVERITIES } from '../core/schema/questionnaire.js';
import { flagRef } from '../core/findings/flag-ref.js';
import { questionsToAsk } from '../core/scoring/open-questions.js';
import { categoryLabel } from '../core/martech-categories.js';
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
  // The columns export has too are named and filled as export fills them (inventory/export-rows.ts).
  const rows: unknown[][] = [
    [
      'rank',
      'vendor_id',
      'vendor',
      'category',
      'category_label',
      'score',
      'verdict',
      'risk',
      'completeness',
      'confidence',
      'red_flags',
      'worst_flag',
      'to_ask',
      'annual_spend',
      'currency',
      'renewal',
    ],
  ];
  for (const { rank, finding: f, flags, toAsk } of report.rows) {
    // Findings only: flags waiting on missing answers are counted in to_ask.
    const worst = SEVERITIES.find((s) => flags.some((flag) => flag.severity === s)) ?? '';
    rows.push([
      rank ?? '',
      f.id,
      f.name,
      f.category,
      categoryLabel(f.category, f.categoryLabel),
      f.score ?? '',
      f.verdict,
      f.risk?.rating ?? '',
      f.completeness,
      f.confidence ?? '',
      flags.map(flagRef).join(' '),
      worst,
      questionsToAsk(toAsk),
      f.spend?.amount ?? '',
      f.spend?.currency ?? '',
      f.renewal ?? '',
    ]);
  }
  return csv(rows);
}
