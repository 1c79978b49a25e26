import { categoryLabel } from '../core/martech-categories.js';
import type { TableRow } from '../core/scoring/score-rows.js';
import { money, pct, score1, severityStyle, verdictStyle, type Style } from './style.js';
import { dropping, fittedTableChunks, type FitColumn } from './fit-table.js';

// The ranked table a terminal user sees first. Vendors not assessed come last, unranked, with how
// many of the decisive answers a verdict needs they have.
// Terminal text: the command hands in rows (score-rows.ts) made safe with terminalSafe (terminal-text.ts).

/**
 * On a narrow terminal, the columns dropped first to last; Vendor, Score and Verdict are never
 * dropped (Vendor, Category, Verdict and Risk are cut with "…" before anything is).
 */
const DROP_ORDER = ['Evidenced', 'Answered', '#', 'To ask', 'Category', 'Annual spend', 'Risk', 'Red flags'];

/** The table; with a `width` (a terminal's), fitted to it. */
export function scoreTable(rows: readonly TableRow[], style: Style, width?: number): string {
  return [...scoreTableChunks(rows, style, width)].join('');
}

/**
 * scoreTable in pieces, to be written one after another: each row's cells are made as the table
 * is measured and drawn, so that a table of the whole landscape is never held whole.
 */
export function* scoreTableChunks(rows: readonly TableRow[], style: Style, width?: number): Generator<string> {
  const rated = rows.some((r) => r.finding.risk);
  const cells = (row: TableRow): string[] => {
    const f = row.finding;
    const verdict = f.score === null && f.decisive ? `${row.verdictLabel} (${f.decisive.answered} of ${f.decisive.required})` : row.verdictLabel;
    return [
      row.rank === null ? style.dim('—') : String(row.rank),
      f.name,
      categoryLabel(f.category, f.categoryLabel),
      f.score === null ? style.dim('—') : style.bold(score1(f.score)),
      f.score === null ? style.dim(verdict) : verdictStyle(style, row.verdictTone)(verdict),
      ...(rated ? [riskCell(row, style)] : []),
      pct(f.completeness),
      pct(f.confidence),
      flagSummary(f, style),
      f.toAsk ? String(f.toAsk) : style.dim('—'),
      money(f.spend?.amount, f.spend?.currency),
    ];
  };
  const columns: FitColumn[] = [
    { head: '#', align: 'right' },
    { head: 'Vendor', min: 12 },
    { head: 'Category', min: 10 },
    { head: 'Score', align: 'right' },
    { head: 'Verdict', min: 15 },
    ...(rated ? [{ head: 'Risk', min: 8 }] : []),
    { head: 'Answered', align: 'right' },
    { head: 'Evidenced', align: 'right' },
    { head: 'Red flags' },
    { head: 'To ask', align: 'right' },
    { head: 'Annual spend', align: 'right' },
  ];
  yield* fittedTableChunks(dropping(columns, DROP_ORDER), { count: rows.length, at: (i) => cells(rows[i]!) }, style, width);
  yield '\n';
}

function riskCell(row: TableRow, style: Style): string {
  const risk = row.finding.risk;
  if (!risk || !row.riskLabel) return style.dim('—');
  const label = row.riskLabel.replace(/ risk$/i, '');
  if (risk.safeguards === null) return style.dim(label.toLowerCase());
  return risk.rating === 'low'
    ? style.green(label)
    : risk.rating === 'moderate'
      ? style.yellow(label)
      : risk.rating === 'high' || risk.rating === 'severe'
        ? style.red(label)
        : label;
}

function flagSummary(f: TableRow['finding'], style: Style): string {
  if (f.flags === 0 || !f.worstFlag) return style.dim('none');
  return `${f.flags} ${severityStyle(style, f.worstFlag)(`(${f.worstFlag})`)}`;
}
