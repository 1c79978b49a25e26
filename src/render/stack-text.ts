import type { StackEconomics } from '../core/economics/stack-economics.js';
import { dropping, fittedTableText, type FitColumn } from './fit-table.js';
import { wrapToWidth } from './fit-width.js';
import {
  CATEGORY_HEAD,
  categoryRows,
  CORRELATION_CAVEAT,
  currencyNote,
  headlineFigures,
  outcomeLines,
  TREND_HEAD,
  trendRows,
  USAGE_HEAD,
  usageRows,
} from './stack-figures.js';
import type { Style } from './style.js';

// `aiclaim stack` in a terminal, fitted to its width (80 columns for notes when it has none). The
// model's texts from files are made safe by the command (terminalSafe) before they reach here.

export function stackText(e: StackEconomics, style: Style, width?: number): string {
  const wrap = (text: string) => wrapToWidth(text, width ?? 80).join('\n');
  const out = [style.bold(`The stack in the board's terms · ${e.period}`), style.dim(wrap(currencyNote(e)))];
  if (!e.financeGiven) out.push(style.yellow(wrap(`No finance figures for ${e.period}: budget, customers, CAC and CLTV are not given.`)));
  const figures = headlineFigures(e).map((f) => [f.figure, f.value, f.basis]);
  out.push('', fittedTableText([{ head: 'Figure' }, { head: 'Value', align: 'right' }, { head: 'How it is made', min: 16 }], figures, style, width));
  out.push('', style.bold('Spend by martech category'), fitted(CATEGORY_HEAD, categoryRows(e), ['Vendors'], style, width));
  const usage = usageRows(e);
  out.push('', style.bold('Use of what is licensed'));
  out.push(usage.length ? fitted(USAGE_HEAD, usage, ['Used', 'Licensed'], style, width) : 'Usage is not given for any vendor.');
  const outcomes = outcomeLines(e);
  if (outcomes.length) out.push('Outcomes the team measures:', ...outcomes.map((line) => wrapToWidth(`  ${line}`, width ?? 80, '    ').join('\n')));
  out.push('', style.bold('Quarter by quarter'), fitted(TREND_HEAD, trendRows(e), ['CLTV', 'Share of budget'], style, width));
  out.push(style.dim(wrap(CORRELATION_CAVEAT)));
  return `${out.join('\n')}\n`;
}

/**
 * A table of a name column and figures (right-aligned), fitted to the terminal: the name is cut
 * before anything is dropped, then the columns named give way in turn; the rest is never dropped.
 */
function fitted(head: readonly string[], rows: readonly (readonly string[])[], dropOrder: readonly string[], style: Style, width: number | undefined): string {
  const columns = head.map((h, i): FitColumn => (i === 0 ? { head: h, min: 12 } : { head: h, align: 'right' }));
  return fittedTableText(dropping(columns, dropOrder), rows, style, width);
}
