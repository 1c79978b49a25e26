import type { StackEconomics } from '../core/economics/stack-economics.js';
import { html, type Markup } from './html.js';
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
import { money } from './style.js';
import { lineChart } from './svg-charts.js';

// The report's first detail section: the stack in the board's terms, with the trend of technology
// spend per new customer against CAC as a small chart. Every text from a file is escaped by html``.

function table(head: readonly string[], rows: readonly (readonly string[])[], numeric: (i: number) => boolean): Markup {
  return html`<table><thead><tr>${head.map((h, i) => html`<th class="${numeric(i) ? 'num' : ''}">${h}</th>`)}</tr></thead><tbody>${rows.map(
    (row) => html`<tr>${row.map((cell, i) => html`<td class="${numeric(i) ? 'num' : ''}">${cell}</td>`)}</tr>`,
  )}</tbody></table>`;
}

/** `limit`: the most products the usage table lists, the least used first; the rest are counted. */
export function stackSection(e: StackEconomics, limit: number): Markup {
  const figures = headlineFigures(e).map((f) => [f.figure, f.value, f.basis]);
  const usage = usageRows(e);
  const more = usage.length - limit;
  const outcomes = outcomeLines(e);
  const chart = e.trend.some((p) => p.techPerCustomer !== undefined || p.cac !== undefined)
    ? lineChart(
        e.trend.map((p) => p.period),
        [
          { label: 'Technology spend per new customer', values: e.trend.map((p) => p.techPerCustomer), dashed: false },
          { label: 'CAC', values: e.trend.map((p) => p.cac), dashed: true },
        ],
        { title: 'Technology spend per new customer against CAC, by quarter', format: (n) => money(n, e.currency) },
      )
    : html`<p>New customers and CAC are not given for any quarter: no trend to draw.</p>`;
  return html`<section id="stack"><h2>The stack in the board's terms</h2><p class="because">${currencyNote(e)}</p>${
    e.financeGiven ? '' : html`<p><b>No finance figures for ${e.period}:</b> budget, customers, CAC and CLTV are not given.</p>`
  }${table(['Figure', 'Value', 'How it is made'], figures, (i) => i === 1)}<div class="two"><div><h3>Spend by martech category</h3>${table(CATEGORY_HEAD, categoryRows(e), (i) => i > 0)}</div><div><h3>Use of what is licensed</h3>${
    usage.length ? table(USAGE_HEAD, usage.slice(0, limit), (i) => i > 0) : html`<p>Usage is not given for any vendor.</p>`
  }${more > 0 ? html`<p class="because">And ${more.toLocaleString('en-US')} more products with usage recorded, each more used than these.</p>` : ''}${
    outcomes.length ? html`<p class="because">Outcomes the team measures: ${outcomes.join('; ')}.</p>` : ''
  }</div></div><h3>Quarter by quarter</h3><div class="two"><div>${chart}</div><div>${table(TREND_HEAD, trendRows(e), (i) => i > 0)}<p class="because">${CORRELATION_CAVEAT}</p></div></div></section>`;
}
