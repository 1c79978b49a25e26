import type { ScoreReport } from './score-report.js';
import { csv } from './csv.js';

// One row per vendor, or with --explain one row per vendor and question.

export function scoreCsv(report: ScoreReport, explain: boolean): string {
  if (explain) {
    const rows: unknown[][] = [['vendor_id', 'vendor', 'section', 'question', 'state', 'points', 'possible', 'lost', 'answer', 'rule', 'notes']];
    for (const { vendor, score } of report.vendors) {
      for (const q of score.questions) {
        rows.push([vendor.id, vendor.name, q.section, q.id, q.state, q.points, q.possible, Math.round((q.possible - q.points) * 100) / 100, q.answer ?? '', q.rule, q.notes.join('; ')]);
      }
    }
    return csv(rows);
  }
  const rows: unknown[][] = [['rank', 'vendor_id', 'vendor', 'category', 'score', 'verdict', 'completeness', 'confidence', 'red_flags', 'worst_flag', 'annual_spend', 'currency', 'renewal']];
  for (const { rank, vendor, score } of report.vendors) {
    const worst = ['critical', 'high', 'medium', 'low'].find((s) => score.redFlags.some((f) => f.severity === s)) ?? '';
    rows.push([rank, vendor.id, vendor.name, vendor.category, score.score, score.verdict, score.completeness, score.confidence ?? '', score.redFlags.map((f) => f.id).join(' '), worst, vendor.spend?.amount ?? '', vendor.spend?.currency ?? '', vendor.renewal ?? '']);
  }
  return csv(rows);
}
