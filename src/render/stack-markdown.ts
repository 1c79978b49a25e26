import type { StackEconomics } from '../core/economics/stack-economics.js';
import { mdEscape, mdTable } from './markdown.js';
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

// The stack's economics as Markdown: `aiclaim stack -f markdown`, and the report's section.
// `level`: the heading level of the section (2 on its own page; the report's sections are 2 too).

const escapeRows = (rows: string[][]) => rows.map((row) => row.map(mdEscape));

/** `limit`: the most products the usage table lists, the least used first (default: all); the rest are counted. */
export function stackMarkdown(e: StackEconomics, level = 1, limit = Infinity): string {
  const h = '#'.repeat(level);
  const out = [`${h} The stack in the board's terms · ${e.period}`, '', mdEscape(currencyNote(e)), ''];
  if (!e.financeGiven) out.push(`**No finance figures for ${e.period}:** budget, customers, CAC and CLTV are not given.`, '');
  out.push(
    mdTable(
      ['Figure', 'Value', 'How it is made'],
      headlineFigures(e).map((f) => [mdEscape(f.figure), mdEscape(f.value), mdEscape(f.basis)]),
      ['left', 'right', 'left'],
    ),
  );
  out.push(`${h}# Spend by martech category`, '', mdTable(CATEGORY_HEAD, escapeRows(categoryRows(e)), ['left', 'right', 'right', 'right']));
  const usage = usageRows(e);
  out.push(`${h}# Use of what is licensed`, '');
  out.push(
    usage.length
      ? mdTable(USAGE_HEAD, escapeRows(usage.slice(0, limit)), ['left', 'right', 'right', 'right', 'right'])
      : 'Usage is not given for any vendor.\n',
  );
  if (usage.length > limit) out.push(`And ${(usage.length - limit).toLocaleString('en-US')} more products with usage recorded, each more used than these.`, '');
  const outcomes = outcomeLines(e);
  if (outcomes.length) out.push('Outcomes the team measures:', '', ...outcomes.map((line) => `- ${mdEscape(line)}`), '');
  out.push(`${h}# Quarter by quarter`, '', mdTable(TREND_HEAD, escapeRows(trendRows(e)), ['left', 'right', 'right', 'right', 'right', 'right']));
  out.push(`_${mdEscape(CORRELATION_CAVEAT)}_`, '');
  return out.join('\n');
}
