import { NOT_ASSESSED } from '../core/schema/questionnaire.js';
import type { Trend, VendorTrend } from '../core/tracking/trend.js';
import { mdEscape, mdTable } from './markdown.js';
import { sparkline } from './sparkline.js';
import { score1, type Style } from './style.js';
import { dropping, fittedTableText, type FitColumn } from './fit-table.js';

// Every vendor's course across the quarters, as a table or Markdown.
// The table is terminal text: the command hands in a model made safe with terminalSafe (terminal-text.ts).

/** The verdict quarter by quarter, by the letters of the trend's verdicts (a verdict not among them as the snapshot spells it). */
function verdictHistory(v: VendorTrend, verdicts: Trend['verdicts']): string {
  const letter = new Map(verdicts.map((x) => [x.id, x.letter]));
  return v.points.map((p) => (p.verdict === null ? '·' : `${letter.get(p.verdict) ?? p.verdict}${p.carried ? '*' : ''}`)).join(' ');
}

/** The risk rating quarter by quarter; empty when no snapshot rated risk. */
function riskHistory(v: VendorTrend, risks: Trend['risks']): string {
  if (v.points.every((p) => p.risk === undefined)) return '';
  const letter = new Map(risks.map((r) => [r.id, r.letter]));
  return v.points.map((p) => (p.risk === undefined ? '·' : `${letter.get(p.risk) ?? p.risk}${p.carried ? '*' : ''}`)).join(' ');
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

const signedChange = (change: number | null) => (change === null ? '—' : change > 0 ? `+${score1(change)}` : change < 0 ? `−${score1(-change)}` : '0.0');

function deliveryRecord(v: VendorTrend): string {
  const r = v.record;
  const total = r.promises.length;
  if (total === 0) return 'no promises recorded';
  const count = (o: string) => r.promises.filter((p) => p.outcome === o).length;
  const parts = [
    `${r.kept} on time`,
    ...(['late', 'slipped', 'overdue', 'dropped', 'withdrawn'] as const).filter((o) => count(o) > 0).map((o) => `${count(o)} ${o}`),
    ...(r.pending ? [`${r.pending} pending`] : []),
  ];
  return `${parts.join(', ')} of ${total}`;
}

function scoreCells(v: VendorTrend): string[] {
  return v.points.map((p) => (p.score === null ? (p.verdict === 'not-assessed' ? 'n/a' : '—') : `${score1(p.score)}${p.carried ? '*' : ''}`));
}

/** "Verdicts: S substantiated, P plausible, …, N not assessed (…)", from the trend's own verdicts. */
function legendOf(trend: Trend): string {
  const entry = (v: Trend['verdicts'][number]) =>
    `${v.letter} ${v.label.toLowerCase()}${v.id === NOT_ASSESSED.id ? ' (too little known: no score, never a zero)' : ''}`;
  return `Verdicts: ${trend.verdicts.map(entry).join(', ')}.`;
}
/** "Risk: L low, M moderate, H high, S severe, N not assessed.", from the trend's own risk bands. */
function riskLegendOf(trend: Trend): string {
  return `Risk: ${trend.risks.map((r) => `${r.letter} ${r.label.toLowerCase()}`).join(', ')}.`;
}

/** The table; with a `width` (a terminal's), fitted to it. */
export function trendText(trend: Trend, vendors: readonly VendorTrend[], style: Style, width?: number): string {
  const rated = vendors.some((v) => riskHistory(v, trend.risks) !== '');
  const rows = vendors.map((v) => {
    const change = v.change === null ? style.dim('—') : v.change > 0 ? style.green(changeWords(v)) : v.change < 0 ? style.red(changeWords(v)) : changeWords(v);
    return [
      v.name,
      sparkline(v.points),
      ...scoreCells(v),
      change,
      verdictHistory(v, trend.verdicts),
      ...(rated ? [riskHistory(v, trend.risks)] : []),
      deliveryRecord(v),
    ];
  });
  const columns: FitColumn[] = [
    { head: 'Vendor', min: 12 },
    { head: 'Trend', min: 5, cut: 'start' },
    ...trend.periods.map((p): FitColumn => ({ head: p, align: 'right' })),
    { head: 'Change', align: 'right' },
    { head: 'Verdicts', min: 8, cut: 'start' },
    ...(rated ? [{ head: 'Risk', min: 6, cut: 'start' } as const] : []),
    { head: 'Roadmap promises', min: 12 },
  ];
  // On a narrow terminal: the earlier quarters' scores first (oldest first: the trend shows their
  // course), then the promises, the risk, the change and the trend; never the vendor, its latest
  // score or its verdicts. The trend and the histories keep their latest quarters when cut.
  const dropOrder = [...trend.periods.slice(0, -1), 'Roadmap promises', 'Risk', 'Change', 'Trend'];
  const table = fittedTableText(dropping(columns, dropOrder), rows, style, width);
  const legend = style.dim(
    `${legendOf(trend)}${rated ? ` ${riskLegendOf(trend)}` : ''} * a vendor missing from that snapshot keeps its last known value (┄ in the trend; · a quarter not assessed).`,
  );
  const editions = editionsLine(trend);
  return `${style.bold(`${trend.periods[0]} → ${trend.periods.at(-1)} · ${plural(trend.periods.length, 'snapshot')} · ${plural(vendors.length, 'vendor')}`)}\n${editions ? `${style.yellow(editions)}\n` : ''}${table}\n${legend}\n`;
}

/** When the questionnaire changed between quarters: which edition scored which quarters, and what Change compares. */
function editionsLine(trend: Trend): string | undefined {
  if (trend.editions.length < 2) return undefined;
  const runs = trend.editions.map((e) => `${e.questionnaire.id} ${e.questionnaire.version} ${e.from === e.to ? e.from : `${e.from}–${e.to}`}`);
  const bridged = trend.editions.filter((e) => e.restated);
  const from =
    bridged.length && trend.vendors.some((v) => v.restated)
      ? `Change counts from the first quarter of a vendor's latest edition or, marked †, from a score of ${bridged.map((e) => `${e.questionnaire.id} ${e.questionnaire.version}${e.restated!.crosswalk ? ` (by the crosswalk in ${e.restated!.crosswalk})` : ''}`).join(', ')} restated in the latest edition's sections and weights, for a vendor whose every counted question is common to both.`
      : "Change counts only from the first quarter of a vendor's latest edition.";
  return `The questionnaire changed: ${runs.join(', then ')}. Scores of two editions are different measures: ${from}`;
}

/** The change, signed; marked † when it counts from an earlier edition's score restated. */
function changeWords(v: VendorTrend): string {
  return `${signedChange(v.change)}${v.change !== null && v.restated ? '†' : ''}`;
}

export function trendMarkdown(trend: Trend, vendors: readonly VendorTrend[]): string {
  const rated = vendors.some((v) => riskHistory(v, trend.risks) !== '');
  // Names come from vendor files, and a verdict or risk the letters do not know is shown as the
  // snapshot spells it: every cell but the change (a number aiclaim writes) through mdEscape.
  const rows = vendors.map((v) => [
    mdEscape(v.name),
    sparkline(v.points),
    ...scoreCells(v).map(mdEscape),
    mdEscape(changeWords(v)),
    mdEscape(verdictHistory(v, trend.verdicts)),
    ...(rated ? [mdEscape(riskHistory(v, trend.risks))] : []),
    mdEscape(deliveryRecord(v)),
  ]);
  const head = ['Vendor', 'Trend', ...trend.periods.map(mdEscape), 'Change', 'Verdicts', ...(rated ? ['Risk'] : []), 'Roadmap promises'];
  return [
    `# AI claims trend, ${mdEscape(trend.periods[0] ?? '')} to ${mdEscape(trend.periods.at(-1) ?? '')}\n`,
    mdTable(head, rows, ['left', 'left', ...trend.periods.map(() => 'right' as const), 'right', 'left', ...(rated ? ['left' as const] : []), 'left']),
    `\n${mdEscape(legendOf(trend))}${rated ? ` ${mdEscape(riskLegendOf(trend))}` : ''} \\* a vendor missing from that snapshot keeps its last known value.\n`,
    ...(editionsLine(trend) ? [`${mdEscape(editionsLine(trend)!)}\n`] : []),
  ].join('\n');
}
