import { categoryLabel } from '../core/martech-categories.js';
import type { ScoreRow } from '../core/scoring/score-rows.js';
import { SEVERITIES } from '../core/schema/questionnaire.js';
import { money, pct, score1, severityStyle, verdictStyle, type Style } from './style.js';
import { tableText } from './table.js';

// The ranked table a terminal user sees first.

export function scoreTable(rows: readonly ScoreRow[], style: Style): string {
  const cells = rows.map((row) => {
    const f = row.finding;
    return [
      String(row.rank),
      f.name,
      categoryLabel(f.category),
      style.bold(score1(f.score)),
      verdictStyle(style, f.verdict)(row.verdictLabel),
      pct(f.completeness),
      pct(f.confidence),
      flagSummary(row.flags, style),
      money(f.spend?.amount, f.spend?.currency),
    ];
  });
  const head = ['#', 'Vendor', 'Category', 'Score', 'Verdict', 'Answered', 'Evidenced', 'Red flags', 'Annual spend'];
  return `${tableText(head, cells, style, ['right', 'left', 'left', 'right', 'left', 'right', 'right', 'left', 'right'])}\n`;
}

function flagSummary(flags: ScoreRow['flags'], style: Style): string {
  if (flags.length === 0) return style.dim('none');
  const worst = SEVERITIES.find((s) => flags.some((f) => f.severity === s))!;
  return `${flags.length} ${severityStyle(style, worst)(`(${worst})`)}`;
}
