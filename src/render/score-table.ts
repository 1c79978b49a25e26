import { categoryLabel } from '../core/martech-categories.js';
import type { RankedVendor } from '../core/scoring/rank-vendors.js';
import { SEVERITIES } from '../core/schema/questionnaire.js';
import { money, pct, score1, severityStyle, verdictStyle, type Style } from './style.js';
import { newTable } from './table.js';

// The ranked table a terminal user sees first.

export function scoreTable(vendors: readonly RankedVendor[], style: Style): string {
  const table = newTable(['#', 'Vendor', 'Category', 'Score', 'Verdict', 'Answered', 'Evidenced', 'Red flags', 'Annual spend'], style, [
    'right', 'left', 'left', 'right', 'left', 'right', 'right', 'left', 'right',
  ]);
  for (const { rank, vendor, score } of vendors) {
    table.push([
      String(rank),
      vendor.name,
      categoryLabel(vendor.category),
      style.bold(score1(score.score)),
      verdictStyle(style, score.verdict)(score.verdictLabel),
      pct(score.completeness),
      pct(score.confidence),
      flagSummary(score.redFlags, style),
      money(vendor.spend?.amount, vendor.spend?.currency),
    ]);
  }
  return `${table.toString()}\n`;
}

function flagSummary(flags: RankedVendor['score']['redFlags'], style: Style): string {
  if (flags.length === 0) return style.dim('none');
  const worst = SEVERITIES.find((s) => flags.some((f) => f.severity === s))!;
  return `${flags.length} ${severityStyle(style, worst)(`(${worst})`)}`;
}
