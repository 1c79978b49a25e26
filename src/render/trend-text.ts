import type { Trend, VendorTrend } from '../core/tracking/trend.js';
import { mdEscape, mdTable } from './markdown.js';
import { sparkline } from './sparkline.js';
import { score1, type Style } from './style.js';
import { tableText } from './table.js';

// Every vendor's course across the quarters, as a table or Markdown.

const VERDICT_LETTER: Record<string, string> = { substantiated: 'S', plausible: 'P', weak: 'W', unsubstantiated: 'U' };

export function verdictHistory(v: VendorTrend): string {
  return v.points.map((p) => (p.verdict === null ? '·' : `${VERDICT_LETTER[p.verdict] ?? p.verdict}${p.carried ? '*' : ''}`)).join(' ');
}

export function deliveryRecord(v: VendorTrend): string {
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
  return v.points.map((p) => (p.score === null ? '—' : `${score1(p.score)}${p.carried ? '*' : ''}`));
}

export function trendText(trend: Trend, vendors: readonly VendorTrend[], style: Style): string {
  const rows = vendors.map((v) => {
    const change = v.change > 0 ? style.green(`+${score1(v.change)}`) : v.change < 0 ? style.red(`−${score1(-v.change)}`) : '0.0';
    return [v.name, sparkline(v.points), ...scoreCells(v), change, verdictHistory(v), deliveryRecord(v)];
  });
  const table = tableText(['Vendor', 'Trend', ...trend.periods, 'Change', 'Verdicts', 'Roadmap promises'], rows, style, ['left', 'left', ...trend.periods.map(() => 'right' as const), 'right', 'left', 'left']);
  const legend = style.dim('Verdicts: S substantiated, P plausible, W weak, U unsubstantiated. * a vendor missing from that snapshot keeps its last known value (┄ in the trend).');
  return `${style.bold(`${trend.periods[0]} → ${trend.periods.at(-1)} · ${trend.periods.length} snapshots · ${vendors.length} vendors`)}\n${table}\n${legend}\n`;
}

export function trendMarkdown(trend: Trend, vendors: readonly VendorTrend[]): string {
  const rows = vendors.map((v) => [mdEscape(v.name), sparkline(v.points), ...scoreCells(v), score1(v.change), verdictHistory(v), deliveryRecord(v)]);
  return [
    `# AI claims trend, ${trend.periods[0]} to ${trend.periods.at(-1)}\n`,
    mdTable(['Vendor', 'Trend', ...trend.periods, 'Change', 'Verdicts', 'Roadmap promises'], rows, ['left', 'left', ...trend.periods.map(() => 'right' as const), 'right', 'left', 'left']),
    '\nVerdicts: S substantiated, P plausible, W weak, U unsubstantiated. \\* a vendor missing from that snapshot keeps its last known value.\n',
  ].join('\n');
}
