import { ACTION_VERBS, lowerVerdicts, upperVerdicts, type Action, type ReportModel, type VerdictMove } from '../core/report/report-model.js';
import type { Money } from '../core/report/currency.js';
import type { Tone } from '../core/scoring/verdict-scale.js';
import { shorten } from '../core/shorten.js';
import { html, Markup } from './html.js';
import { money, pct, score1 } from './style.js';
import { stackSection } from './stack-html.js';
import { barChart, chartDefs, toneColour, toneFill } from './svg-charts.js';

// The executive report as one self-contained HTML page: inline CSS and SVG, no script, no network
// (a Content-Security-Policy forbids both), laid out to print on A4. Page 1 is the summary a board
// reads in a minute, in its own words; the detail follows, then how the report was made.

const CSS = `
:root { --ink: #111827; --muted: #4b5563; --rule: #d1d5db; --soft: #f3f4f6; }
* { box-sizing: border-box; }
body { margin: 0; font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, Helvetica, Arial, sans-serif; color: var(--ink); background: #fff; }
main { max-width: 900px; margin: 0 auto; padding: 32px 28px 48px; }
h1 { font-size: 26px; margin: 0 0 4px; }
h2 { font-size: 18px; margin: 30px 0 10px; padding-bottom: 4px; border-bottom: 2px solid var(--ink); }
h3 { font-size: 15px; margin: 16px 0 6px; }
p, li { max-width: 80ch; }
#summary p, #summary li { max-width: none; }
.sub { color: var(--muted); margin: 0; }
.figures { display: grid; grid-template-columns: repeat(4, 1fr); gap: 12px; margin: 14px 0; }
.figure { border: 1px solid var(--rule); border-radius: 6px; padding: 10px 12px; }
.figure b { display: block; font-size: 22px; }
.figure span { color: var(--muted); font-size: 12px; }
table { width: 100%; border-collapse: collapse; font-size: 12px; }
th, td { text-align: left; padding: 3px 6px; border-bottom: 1px solid var(--rule); vertical-align: top; }
th { background: var(--soft); font-weight: 600; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
.swatch { vertical-align: -1px; margin-right: 6px; }
td.num, td.date { white-space: nowrap; }
table.ranking { font-size: 11.5px; }
table.ranking th, table.ranking td { padding: 3px 3px; }
table.ranking td.num, table.ranking td.date, table.ranking .verdict-word { white-space: nowrap; }
table.ranking .verdict-word { font-weight: normal; }
.two { display: grid; grid-template-columns: 1fr 1fr; gap: 0 24px; }
.two ul { margin-top: 0; padding-left: 20px; }
table.renewals td:nth-child(3), table.renewals td:nth-child(5) { white-space: nowrap; }
table.verdicts { width: auto; min-width: 50%; }
tr.between td { text-align: center; color: var(--muted); font-style: italic; background: var(--soft); }
.sev { font-weight: 700; text-transform: uppercase; font-size: 11px; letter-spacing: .04em; }
.because { color: var(--muted); font-size: 12px; }
.gap { font-weight: 600; }
ol.actions li { margin-bottom: 5px; }
ol.actions .because { font-size: 11.5px; }
.kind { font-weight: 700; }
svg.chart { max-width: 100%; height: auto; }
#stack table { font-size: 11px; }
#stack th, #stack td { padding: 2px 4px; }
#stack h3 { margin: 10px 0 4px; }
svg.chart text { font: 12px system-ui, sans-serif; fill: var(--ink); }
svg.chart text.mark { font-size: 10px; fill: var(--muted); }
/* The summary: one page, for the board. */
#summary { font-size: 13.5px; }
#summary h1 { font-size: 24px; }
#summary h2 { font-size: 16px; margin: 18px 0 8px; }
.tiles { display: flex; flex-wrap: wrap; gap: 8px; margin: 14px 0 10px; }
.tile { flex: 1 1 0; min-width: 110px; border: 1px solid var(--rule); border-top: 6px solid #6b7280; border-radius: 6px; padding: 6px 10px 8px; }
.tile b { font-size: 24px; display: block; line-height: 1.15; }
.tile .name { font-weight: 600; }
.tile .note { display: block; color: var(--muted); font-size: 11.5px; }
.t-best { border-top-color: #166534; } .t-good { border-top-color: #15803d; } .t-poor { border-top-color: #b45309; } .t-worst { border-top-color: #b91c1c; }
.money { display: grid; grid-template-columns: repeat(3, 1fr); gap: 8px; }
.money .figure b { font-size: 19px; }
.money .alert { border-color: #b91c1c; border-width: 2px; }
.rates { margin: 6px 0 0; font-size: 12.5px; }
ol.top-actions { margin: 0; padding-left: 22px; }
ol.top-actions li { margin-bottom: 6px; }
ul.changes { margin: 0; padding-left: 20px; }
ul.changes li { margin-bottom: 3px; }
.verdict-word { font-weight: 600; }
#about p { font-size: 11.5px; margin: 5px 0; }
footer { margin-top: 28px; color: var(--muted); font-size: 12px; border-top: 1px solid var(--rule); padding-top: 8px; }
@page { size: A4; margin: 14mm; }
@media print {
  body { font-size: 12.5px; }
  main { max-width: none; padding: 0; }
  #summary { font-size: 12.5px; }
  h2 { margin-top: 22px; }
  /* The summary is page 1, whatever follows; no other section forces a page of its own. */
  #summary { break-after: page; }
  tr, li, .figure, .tile, svg.chart, .card { break-inside: avoid; }
  /* A contradicted claim quotes the vendor at length: it may go on over a page, two lines at least on each. */
  #claims li { break-inside: auto; orphans: 2; widows: 2; }
  thead { display: table-header-group; }
  h2, h3 { break-after: avoid; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
`;

const ROADMAP_LABEL = { slipped: 'Slipped', withdrawn: 'Withdrawn', dropped: 'Dropped', due: 'Due this quarter', delivered: 'Delivered this quarter' } as const;

const count = (n: number) => n.toLocaleString('en-US');
const plural = (n: number, one: string, many = `${one}s`) => `${count(n)} ${n === 1 ? one : many}`;

export function reportHtml(model: ReportModel, source: { file: string; tool: string }): string {
  const title = `AI claims audit · ${model.period}`;
  const page = html`<!doctype html><html lang="en"><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="generator" content="aiclaim"><title>${title}</title><style>${new Markup(CSS)}</style></head><body>${chartDefs()}<main>${summary(model, title)} ${model.stack ? stackSection(model.stack, model.limit) : ''} ${glance(model)} ${chart(model)} ${actions(model)} ${ranking(model)} ${unassessed(model)} ${changes(model)} ${claims(model)}
${flags(model)} ${ask(model)} ${roadmap(model)} ${coverage(model)} ${about(model, source)}</main></body></html> `;
  return page.html;
}

// ---------------------------------------------------------------------------------------------
// Page 1: the summary. Plain words only: no command, no flag id, no file name.

function summary(model: ReportModel, title: string): Markup {
  const g = model.glance;
  const s = model.summary;
  const facts = [
    `${plural(g.vendors, 'vendor')}, ${count(g.assessed)} with a verdict`,
    s.asOf ? `as of ${s.asOf}` : '',
    model.previousPeriod ? `compared with ${model.previousPeriod}` : '',
  ]
    .filter(Boolean)
    .join(' · ');
  return html`<section id="summary"><header><h1>${title}</h1><p class="sub">Summary for the board · ${facts}</p></header><div class="tiles">${g.byVerdict.map(
    (v) => {
      const tone = toneOf(model, v.verdict);
      const acts = model.verdicts.find((x) => x.id === v.verdict)?.needsAction;
      return html`<div class="tile t-${tone ?? 'none'}"><b>${count(v.count)}</b>${swatch(tone)}<span class="name">${v.label}</span><span class="note">${
        v.spend.length
          ? v.spend
              .slice(0, 2)
              .map((m) => money(m.amount, m.currency))
              .join(' + ')
          : 'no spend recorded'
      }${acts ? ' · calls for action' : tone === undefined ? ' · to interview' : ''}</span></div>`;
    },
  )}</div>${summarySpend(model)}<h2>The three actions that matter</h2>${
    s.actions.length === 0
      ? html`<p>Nothing needs action: every vendor is assessed and backed, and no red flag stands.</p>`
      : html`<ol class="top-actions">${s.actions.map((a) => html`<li>${topAction(a)}</li>`)}</ol>`
  }
${model.actions.length + model.moreActions > s.actions.length ? html`<p class="because">${plural(model.actions.length + model.moreActions - s.actions.length, 'more action')}${model.moreActions ? `: the detail lists the first ${count(model.actions.length)}` : ' in the detail'}, the soonest renewal first.</p>` : ''}
${renewalsSoon(model)} ${whatChanged(model)}</section>`;
}

function summarySpend(model: ReportModel): Markup {
  const spend = model.glance.spend;
  if (spend.length === 0) return html`<p>No annual spend is recorded for these vendors.</p>`;
  const lower = lowerVerdicts(model);
  const shown = spend.slice(0, 3);
  const rates = model.exchange && model.exchange.used.length > 0 ? model.exchange : undefined;
  const perCurrency = spend.length > 1;
  // One currency (or all converted): three figures. Several, with no rates: a line per currency.
  const figures = perCurrency
    ? html`<table class="spend"><thead><tr><th>Currency</th><th class="num">Annual spend</th><th class="num">In vendors whose AI claims are ${lower}</th><th class="num">In vendors not assessed yet</th></tr></thead><tbody>${shown.map(
        (s) =>
          html`<tr><td>${s.currency}</td><td class="num"><b>${money(s.total, s.currency)}</b></td><td class="num"><b>${money(s.weak, s.currency)} · ${pct(s.share)}</b></td><td class="num">${money(s.notAssessed, s.currency)} · ${pct(s.total ? s.notAssessed / s.total : 0)}</td></tr>`,
      )}</tbody></table>`
    : html`<div class="money"><div class="figure"><b>${money(spend[0]!.total, spend[0]!.currency)}</b><span>annual spend</span></div><div class="figure alert"><b>${money(spend[0]!.weak, spend[0]!.currency)} · ${pct(spend[0]!.share)}</b><span>in vendors whose AI claims are ${lower}</span></div><div class="figure"><b>${money(spend[0]!.notAssessed, spend[0]!.currency)} · ${pct(spend[0]!.total ? spend[0]!.notAssessed / spend[0]!.total : 0)}</b><span>in vendors not assessed yet, not counted as ${lower}</span></div></div>`;
  return html`${figures}
${rates ? html`<p class="rates"><b>Converted to ${rates.base} at the rates of ${rates.asOf}:</b> ${rates.used.map((r) => `1 ${r.currency} = ${rateText(r.rate, rates.base)}`).join(' · ')}.</p>` : ''}
${perCurrency ? html`<p class="rates"><b>Totals are per currency:</b> no exchange rates are set, so amounts in ${spend.map((x) => x.currency).join(', ')} are not added together.${spend.length > shown.length ? ` ${plural(spend.length - shown.length, 'more currency', 'more currencies')} in the detail.` : ''}</p>` : ''}`;
}

function topAction(a: Action): Markup {
  const when = a.renewal ? `renews ${a.renewal}` : 'no renewal date';
  return html`<span class="kind">${ACTION_VERBS[a.kind]}</span> ${shorten(a.vendorName, 60)}: ${shorten(a.reason, 200)}. <span class="because">(${when}${a.spend ? ` · ${money(a.spend.amount, a.spend.currency)} a year` : ''})</span>`;
}

function renewalsSoon(model: ReportModel): Markup {
  const r = model.summary.renewals;
  if (!r) return html``;
  const heading = html`<h2>Renewals in the next ${r.days} days <span class="because">(to ${r.until})</span></h2>`;
  if (r.items.length === 0) return html`${heading}<p>No contract renews before ${r.until}.</p>`;
  return html`${heading}<table class="renewals"><thead><tr><th>Renews</th><th>Vendor</th><th>Verdict</th><th class="num">Annual spend</th><th>Next step</th></tr></thead><tbody>${r.items.map(
    (i) =>
      html`<tr><td class="date">${i.renewal} <span class="because">(${i.days === 0 ? 'today' : `in ${plural(i.days, 'day')}`})</span></td><td>${shorten(i.vendorName, 60)}</td><td>${swatch(toneOf(model, i.verdict))}<span class="verdict-word">${i.verdictLabel}</span></td><td class="num">${i.spend ? money(i.spend.amount, i.spend.currency) : '—'}</td><td>${i.next ? ACTION_VERBS[i.next] : 'Nothing to do'}</td></tr>`,
  )}</tbody></table>${r.more ? html`<p class="because">And ${plural(r.more, 'more renewal')} in these ${r.days} days${r.moreSpend.length ? ` (${r.moreSpend.map((m) => money(m.amount, m.currency)).join(' + ')} a year)` : ''}, listed in the detail.</p>` : ''}`;
}

function whatChanged(model: ReportModel): Markup {
  const c = model.summary.changes;
  if (!c) return html`<h2>Since last quarter</h2><p>This is the first quarter audited: there is nothing to compare with yet.</p>`;
  const names = (items: readonly string[], max = 3) =>
    `${items.slice(0, max).join('; ')}${items.length > max ? `; and ${count(items.length - max)} more` : ''}`;
  const moves = (list: readonly VerdictMove[]) => names(list.map((m) => `${shorten(m.vendorName, 40)}, ${m.from} → ${m.to}`));
  const lines: Markup[] = [];
  if (c.comparable) {
    lines.push(
      html`<li><b>Verdicts:</b> ${c.up.length || c.down.length ? html`${c.up.length ? `${count(c.up.length)} up (${moves(c.up)})` : 'none up'}; ${c.down.length ? `${count(c.down.length)} down (${moves(c.down)})` : 'none down'}.` : 'no vendor changed verdict.'}</li>`,
    );
    if (c.weakShare)
      lines.push(
        html`<li><b>Share of spend in vendors whose AI claims are ${lowerVerdicts(model)}:</b> ${pct(c.weakShare.now)}, ${trend(c.weakShare.now, c.weakShare.before, pct(c.weakShare.before))}.</li>`,
      );
    lines.push(html`<li><b>Critical findings:</b> ${count(c.critical.now)}, ${trend(c.critical.now, c.critical.before, count(c.critical.before))}.</li>`);
  } else {
    lines.push(html`<li>${c.previousPeriod} was scored with another edition of the questionnaire: scores and verdicts are not compared.</li>`);
  }
  if (c.added.length || c.dropped.length) {
    lines.push(
      html`<li><b>Vendors:</b> ${c.added.length ? `${count(c.added.length)} new (${names(c.added.map((a) => `${shorten(a.vendorName, 40)}, ${a.verdictLabel}`))})` : 'none new'}; ${c.dropped.length ? `${count(c.dropped.length)} no longer audited (${names(c.dropped.map((d) => shorten(d.vendorName, 40)))})` : 'none gone'}.</li>`,
    );
  }
  const road = [
    c.roadmap.delivered ? `${count(c.roadmap.delivered)} delivered` : '',
    c.roadmap.slipped ? `${count(c.roadmap.slipped)} slipped` : '',
    c.roadmap.dropped ? `${count(c.roadmap.dropped)} dropped` : '',
    c.roadmap.withdrawn ? `${count(c.roadmap.withdrawn)} withdrawn` : '',
  ].filter(Boolean);
  if (road.length) lines.push(html`<li><b>Roadmap promises this quarter:</b> ${road.join(', ')}.</li>`);
  return html`<h2>Since ${c.previousPeriod}</h2><ul class="changes">${lines}</ul>`;
}

function trend(now: number, before: number, was: string): string {
  return now === before ? `as in the quarter before` : `${now > before ? 'up' : 'down'} from ${was}`;
}

function rateText(rate: number, base: string): string {
  return `${Number(rate.toPrecision(6))} ${base}`;
}

// ---------------------------------------------------------------------------------------------
// The detail.

function glance(model: ReportModel): Markup {
  const g = model.glance;
  const spend = g.spend[0];
  return html`<section id="glance"><h2>The portfolio at a glance</h2><p>${plural(g.vendors, 'vendor')}, ${count(g.assessed)} with a verdict and ${count(g.vendors - g.assessed)} not assessed yet${spend ? html`; annual spend <b>${money(spend.total, spend.currency)}</b>, <b>${pct(spend.share)}</b> of it (${money(spend.weak, spend.currency)}) in vendors whose AI claims are ${lowerVerdicts(model)}${spend.notAssessed ? `, ${money(spend.notAssessed, spend.currency)} in vendors not assessed` : ''}` : ''}.<b>${count(g.flags.critical)}</b> critical findings (${count(g.flags.high)} high) stand on the answers recorded; ${plural(g.open, 'question')} wait on the vendors.</p>${
    g.spend.length > 1
      ? html`<p class="because">Spend in other currencies: ${g.spend
          .slice(1)
          .map((s) => `${money(s.total, s.currency)} (${pct(s.share)} ${lowerVerdicts(model)})`)
          .join('; ')}. No exchange rates are set, so each currency is totalled apart.</p>`
      : ''
  }
${model.exchange && model.exchange.used.length ? html`<p class="because">Totals in ${model.exchange.base}, converted at the rates of ${model.exchange.asOf}: ${model.exchange.used.map((r) => `1 ${r.currency} = ${rateText(r.rate, model.exchange!.base)}`).join(', ')}. Each vendor's spend is shown in its own currency.</p>` : ''}<table class="verdicts"><thead><tr><th>Verdict</th><th class="num">Vendors</th><th class="num">Annual spend</th></tr></thead><tbody>${g.byVerdict.map(
    (v) =>
      html`<tr><td>${swatch(toneOf(model, v.verdict))}${v.label}</td><td class="num">${count(v.count)}</td><td class="num">${v.spend.length ? v.spend.map((x) => money(x.amount, x.currency)).join(' + ') : '—'}</td></tr>`,
  )}</tbody></table>${
    g.byRisk.length
      ? html`<h3>Risk of relying on them</h3><p>${g.byRisk.map((r, i) => html`${i ? ' · ' : ''}<b>${count(r.count)}</b> ${r.label.toLowerCase()}`)}. Rated apart from the verdict: GDPR and copyright, AI-content risk, viability, dependency and value.</p>`
      : ''
  }</section>`;
}

function actions(model: ReportModel): Markup {
  return html`<section id="actions"><h2>What to do next</h2>${model.actions.length === 0 ? html`<p>Nothing needs action: every vendor is assessed and backed, and no red flag stands.</p>` : html`<p class="because">The soonest renewal first, then the largest spend.</p>`}<ol class="actions">${model.actions.map((a) => html`<li><span class="kind">${ACTION_VERBS[a.kind]}</span> ${a.text}<span class="because">${a.spend ? ` (${money(a.spend.amount, a.spend.currency)} a year)` : ''} — because: ${becauseText(a.because)}</span></li>`)}</ol>${model.moreActions ? html`<p class="because">${count(model.moreActions)} more in the findings (aiclaim score --explain), renewing later.</p>` : ''}</section>`;
}

/**
 * The grounds of an action, short: the red flags by their ids (each one is under "Red flags that
 * need action", with its title), the other grounds as they are.
 */
function becauseText(because: readonly string[]): string {
  const flags: string[] = [];
  const other: string[] = [];
  for (const line of because) {
    const flag = /^red flag ([a-z0-9-]+): /.exec(line);
    if (flag) {
      if (!flags.includes(flag[1]!)) flags.push(flag[1]!);
    } else other.push(line);
  }
  return [...other, ...(flags.length ? [`red flag${flags.length === 1 ? '' : 's'} ${flags.join(', ')}`] : [])].join('; ');
}

function ranking(model: ReportModel): Markup {
  const since = model.previousPeriod && model.changesComparable ? `Since ${model.previousPeriod}` : null;
  const { top, worst, between } = model.ends;
  const columns = 8 + (since ? 1 : 0) + (rated(model) ? 1 : 0);
  return html`<section id="ranking"><h2>Vendors ranked</h2>${model.ranked.length === 0 ? html`<p>No vendor has a verdict yet.</p>` : ''}
${between ? html`<p>The ${count(top.length)} best and the ${count(worst.length)} worst of the ${count(model.ranked.length)} vendors with a verdict; the ${count(between.count)} between them are counted by verdict and category below the table.</p>` : ''}
${
  model.ranked.length
    ? html`<table class="ranking"><thead><tr><th class="num">#</th><th class="vendor">Vendor</th><th class="category">Category</th><th class="num">Score</th>${since ? html`<th class="num">Since<br>${model.previousPeriod}</th>` : ''}<th class="verdict">Verdict</th>${rated(model) ? html`<th>Risk</th>` : ''}<th class="num">Evidenced</th><th class="num">Spend</th><th>Renewal</th></tr></thead><tbody>${top.map((r) => rankedRow(model, r, since !== null))}${
        between ? html`<tr class="between"><td colspan="${columns}">${count(between.count)} vendors between, counted below</td></tr>` : ''
      }${worst.map((r) => rankedRow(model, r, since !== null))}</tbody></table>`
    : ''
}
${between ? restTable(model, between, `The ${count(between.count)} vendors between the best and the worst`) : ''}
${model.previousPeriod && !model.changesComparable ? html`<p class="because">${model.previousPeriod} was scored with another version of the questionnaire: changes are not shown, because they would not compare like for like (aiclaim diff --rescore).</p>` : ''}</section>`;
}

function rankedRow(model: ReportModel, r: ReportModel['ranked'][number], since: boolean): Markup {
  return html`<tr><td class="num">${r.rank}</td><td>${r.name}</td><td>${r.categoryLabel}</td><td class="num">${score1(r.score)}</td>${since ? html`<td class="num">${r.change === null ? 'new' : r.change > 0 ? `+${score1(r.change)}` : r.change < 0 ? `−${score1(-r.change)}` : '0.0'}</td>` : ''}<td><span class="verdict-word">${swatch(toneOf(model, r.verdict))}${r.verdictLabel}</span>${r.flags.length ? html` <span class="because">(${r.flags.map((f) => `${f.count} ${f.severity}`).join(', ')})</span>` : ''}</td>${rated(model) ? html`<td>${r.risk?.label ?? '—'}</td>` : ''}<td class="num">${pct(r.confidence)}</td><td class="num">${r.spend ? money(r.spend.amount, r.spend.currency) : '—'}</td><td class="date">${r.renewal ?? '—'}</td></tr>`;
}

/** Vendors counted by category and verdict: the verdicts as columns, the categories as rows. */
function restTable(model: ReportModel, rest: NonNullable<ReportModel['ends']['between']>, caption: string): Markup {
  const verdicts = rest.verdicts;
  return html`<h3>${caption}, by category and verdict</h3><table class="rest"><thead><tr><th>Category</th>${verdicts.map((v) => html`<th class="num">${swatch(toneOf(model, v.id))}${v.label}</th>`)}<th class="num">All</th></tr></thead><tbody>${rest.byCategory.map(
    (c) => html`<tr><td>${c.label}</td>${c.byVerdict.map((n) => html`<td class="num">${n ? count(n) : '—'}</td>`)}<td class="num">${count(c.count)}</td></tr>`,
  )}<tr><td><b>All</b></td>${rest.byVerdict.map((n) => html`<td class="num"><b>${count(n)}</b></td>`)}<td class="num"><b>${count(rest.count)}</b></td></tr></tbody></table>`;
}

function rated(model: ReportModel): boolean {
  return model.ranked.some((r) => r.risk);
}

function unassessed(model: ReportModel): Markup {
  const all = model.unassessedByRenewal;
  if (all.length === 0) return html``;
  const shown = all.slice(0, model.limit);
  const rest = all.slice(shown.length);
  return html`<section id="not-assessed"><h2>Not assessed yet</h2><p>Too little is known of these vendors for a verdict: they are not ranked and not counted as weak. Their next step is an interview${all.length > 1 ? ', the soonest renewal first' : ''}.</p><table><thead><tr><th>Vendor</th><th>Category</th><th class="num">Decisive answers</th><th class="num">Answered</th><th class="num">Spend</th><th>Renewal</th></tr></thead><tbody>${shown.map(
    (u) =>
      html`<tr><td>${u.name}${u.flags.length ? html` <span class="because">(${u.flags.map((f) => `${f.count} ${f.severity}`).join(', ')})</span>` : ''}</td><td>${u.categoryLabel}</td><td class="num">${u.decisive ? `${u.decisive.answered} of ${u.decisive.required} needed` : '—'}</td><td class="num">${pct(u.completeness)}</td><td class="num">${u.spend ? money(u.spend.amount, u.spend.currency) : '—'}</td><td class="date">${u.renewal ?? '—'}</td></tr>`,
  )}</tbody></table>${rest.length ? html`<p class="because">And ${plural(rest.length, 'more vendor')} not assessed${spendText(rest.map((u) => u.spend))}, renewing later.</p>` : ''}</section>`;
}

function spendText(spends: readonly (Money | undefined)[]): string {
  const sums = new Map<string, number>();
  for (const s of spends) if (s) sums.set(s.currency, (sums.get(s.currency) ?? 0) + s.amount);
  return sums.size ? ` (${[...sums].map(([currency, amount]) => money(amount, currency)).join(' + ')} a year)` : '';
}

function claims(model: ReportModel): Markup {
  if (model.claims.length === 0) return html``;
  const shown = model.claims.slice(0, model.limit);
  return html`<section id="claims"><h2>Claims contradicted by the record</h2><p>What each vendor claimed, where and when, against what its own answers, its evidence or a test found.</p><ul>${shown.map((c) => html`<li><b>${c.vendorName}</b>: “${c.text}”${c.source || c.date ? html` <span class="because">(${[c.source, c.date].filter(Boolean).join(', ')})</span>` : ''}<br><span class="because">${c.checks.join('; ')}</span></li>`)}</ul>${model.claims.length > shown.length ? html`<p class="because">And ${plural(model.claims.length - shown.length, 'more claim')} contradicted, from ${plural(new Set(model.claims.slice(shown.length).map((c) => c.vendor)).size, 'vendor')} (aiclaim score --explain lists them).</p>` : ''}</section>`;
}

function ask(model: ReportModel): Markup {
  if (model.open.length === 0) return html``;
  // One row per vendor: each question once, whatever asks for it, and every reason.
  const byVendor = new Map<string, { name: string; ask: string[]; why: string[] }>();
  for (const o of model.open) {
    let entry = byVendor.get(o.vendor);
    if (!entry) byVendor.set(o.vendor, (entry = { name: o.vendorName, ask: [], why: [] }));
    for (const q of o.ask) if (!entry.ask.includes(q)) entry.ask.push(q);
    entry.why.push(o.why);
  }
  const vendors = [...byVendor.values()];
  const shown = vendors.slice(0, model.limit);
  return html`<section id="ask"><h2>Ask the vendor</h2><p>Open questions: what is missing, never held against a vendor until it is answered or declined.</p><table><tbody>${shown.map(
    (o) => html`<tr><td>${o.name}</td><td>${o.ask.join(' · ')}<br><span class="because">Why: ${o.why.join('; ')}</span></td></tr>`,
  )}</tbody></table>${vendors.length > shown.length ? html`<p class="because">And ${plural(vendors.length - shown.length, 'more vendor')} with open questions (aiclaim score --explain lists them).</p>` : ''}</section>`;
}

function chart(model: ReportModel): Markup {
  const { top, worst, between } = model.ends;
  const bar = (r: ReportModel['ranked'][number]) => ({
    label: r.name,
    value: r.score,
    tone: toneOf(model, r.verdict),
    note: `${score1(r.score)} · ${r.verdictLabel}`,
  });
  const bars = [...top.map(bar), ...worst.map(bar)];
  const gap = between ? { after: top.length - 1, label: `⋯ ${count(between.count)} vendors between (counted under “Vendors ranked”)` } : undefined;
  return html`<section id="scores"><h2>Scores by vendor</h2>${between ? html`<p class="because">The ${count(top.length)} best and the ${count(worst.length)} worst.</p>` : ''}
${barChart(bars, { max: 100, title: 'Legitimacy score by vendor, 0 to 100', marks: model.thresholds.map((at) => ({ at, label: String(at) })), gap })}<p class="because">${legend(model)}</p></section>`;
}

function legend(model: ReportModel): Markup {
  const lines = model.thresholds.length ? ` · dashed lines at ${listWords(model.thresholds.map(String))} mark the verdict bands.` : '';
  return html`${model.glance.byVerdict.map((v) => html`${swatch(toneOf(model, v.verdict))}${v.label} `)}${lines}`;
}

function changes(model: ReportModel): Markup {
  if (!model.previousPeriod || !model.changesComparable) return html``;
  const moved = model.ranked.filter((r) => r.change !== null && r.change !== 0).sort((a, b) => b.change! - a.change!);
  const up = moved.filter((r) => r.change! > 0);
  const down = moved.filter((r) => r.change! < 0).reverse();
  const fresh = model.ranked.filter((r) => r.change === null);
  const line = (r: (typeof moved)[number]) =>
    html`<li>${r.name}: ${r.change! > 0 ? '+' : '−'}${score1(Math.abs(r.change!))} to ${score1(r.score)} (${r.verdictLabel})</li>`;
  const more = (list: readonly unknown[], max: number, what: string) =>
    list.length > max ? html`<p class="because">And ${plural(list.length - max, what)}.</p>` : '';
  const n = model.top;
  return html`<section id="changes"><h2>Since ${model.previousPeriod}</h2><div class="two"><div><h3>Improved${up.length > n ? ` (${count(up.length)}; the ${n} largest moves)` : ''}</h3>${
    up.length ? html`<ul>${up.slice(0, n).map(line)}</ul>${more(up, n, 'more vendor')}` : html`<p>None.</p>`
  }</div><div><h3>Regressed${down.length > n ? ` (${count(down.length)}; the ${n} largest moves)` : ''}</h3>${
    down.length ? html`<ul>${down.slice(0, n).map(line)}</ul>${more(down, n, 'more vendor')}` : html`<p>None.</p>`
  }</div></div>${
    fresh.length
      ? html`<h3>New this quarter</h3><ul>${fresh.slice(0, model.limit).map((r) => html`<li>${r.name}: ${score1(r.score)} (${r.verdictLabel})</li>`)}</ul>${more(fresh, model.limit, 'more new vendor')}`
      : ''
  }</section>`;
}

function flags(model: ReportModel): Markup {
  return html`<section id="flags"><h2>Red flags that need action</h2><p class="because">Findings on the answers recorded, by flag, with the vendors each stands against. Flags that wait on missing answers are under “Ask the vendor”.</p>${model.flagGroups.length === 0 ? html`<p>No red flag stands on the answers recorded.</p>` : ''}
${model.flagGroups.map(
  (group) =>
    html`<h3><span class="sev">${group.severity}</span> (${plural(group.findings, 'finding')}, ${plural(group.vendors, 'vendor')})</h3><table><tbody>${group.flags
      .slice(0, model.limit)
      .map(
        (f) =>
          html`<tr><td>${f.title} <span class="because">${f.id}${f.rating === 'risk' ? ' · risk' : ''}</span></td><td>${f.vendors
            .slice(0, model.top)
            .map((v) => v.name)
            .join(', ')}${f.vendors.length > model.top ? html` <span class="because">and ${count(f.vendors.length - model.top)} more</span>` : ''}</td></tr>`,
      )}</tbody></table>${group.flags.length > model.limit ? html`<p class="because">And ${plural(group.flags.length - model.limit, 'more flag')} of this severity.</p>` : ''}`,
)}</section>`;
}

function roadmap(model: ReportModel): Markup {
  const kinds = ['slipped', 'withdrawn', 'dropped', 'due', 'delivered'] as const;
  return html`<section id="roadmap"><h2>Roadmap promises</h2>${model.roadmap.length === 0 ? html`<p>No roadmap promise came due, was kept or slipped this quarter.</p>` : ''}
${kinds.map((kind) => {
  const items = model.roadmap.filter((r) => r.kind === kind);
  const shown = items.slice(0, model.limit);
  return items.length
    ? html`<h3>${ROADMAP_LABEL[kind]} (${count(items.length)})</h3><ul>${shown.map((r) => html`<li>${r.vendorName}: ${r.title} <span class="because">(${r.note})</span></li>`)}</ul>${items.length > shown.length ? html`<p class="because">And ${count(items.length - shown.length)} more.</p>` : ''}`
    : '';
})}</section>`;
}

function coverage(model: ReportModel): Markup {
  const inStack = model.coverage.filter((c) => c.status !== 'not-in-stack');
  const absent = model.coverage.filter((c) => c.status === 'not-in-stack');
  const gaps = inStack.filter((c) => c.status === 'gap');
  const verdicts = [...model.verdicts.map((v) => v.id), 'not-assessed'];
  const labelOf = (id: string) => model.glance.byVerdict.find((v) => v.verdict === id)?.label ?? model.verdicts.find((v) => v.id === id)?.label ?? id;
  return html`<section id="coverage"><h2>Coverage of the martech stack</h2><p>The categories the stack has vendors in, in the order of priority marketing leaders give them. ${gaps.length ? `${plural(gaps.length, 'category has', 'categories have')} no vendor whose AI claims are ${upperVerdicts(model)}: a gap.` : `Each has a vendor whose AI claims are ${upperVerdicts(model)}.`}</p>${
    inStack.length
      ? html`<table><thead><tr><th>Category</th><th>Vendors</th><th>Status</th></tr></thead><tbody>${inStack.map(
          (c) =>
            html`<tr><td>${c.label}</td><td>${
              c.vendors.length <= model.top
                ? c.vendors.map((v, i) => html`${i ? ', ' : ''}${v.name} <span class="because">(${v.verdictLabel})</span>`)
                : html`${plural(c.vendors.length, 'vendor')}: ${c.byVerdict
                    .map((n, i) => (n ? `${count(n)} ${labelOf(verdicts[i]!)}` : ''))
                    .filter(Boolean)
                    .join(', ')}`
            }</td><td class="${c.status === 'gap' ? 'gap' : ''}">${c.status === 'vetted' ? 'vetted vendor' : 'gap: no vetted vendor'}</td></tr>`,
        )}</tbody></table>`
      : ''
  }
${absent.length ? html`<p><b>Not in the stack:</b> ${absent.map((c) => c.label).join(', ')}. No vendor in the portfolio is in these categories: not bought, so not a gap.</p>` : ''}</section>`;
}

// ---------------------------------------------------------------------------------------------
// The appendix: where the figures come from, and how to see more.

function about(model: ReportModel, source: { file: string; tool: string }): Markup {
  const x = model.exchange;
  const currencies = model.glance.spend.map((s) => s.currency);
  const rates = x
    ? x.used.length
      ? `Totals are in ${x.base}, converted at the rates of ${x.asOf} set in aiclaim.yaml (exchange): ${x.used.map((r) => `1 ${r.currency} = ${rateText(r.rate, x.base)}`).join(', ')}. Each vendor's own amount is shown in its currency.`
      : `Exchange rates of ${x.asOf} are set in aiclaim.yaml (exchange); every amount is in ${x.base}, so none was converted.`
    : currencies.length > 1
      ? `No exchange rates are set, so spend is totalled per currency (${currencies.join(', ')}). To add them up, set them in aiclaim.yaml: exchange: { asOf: YYYY-MM-DD, rates: { USD: 0.92 } }, each rate what one unit is worth in the workspace currency.`
      : '';
  return html`<section id="about"><h2>About this report</h2><p>Scored with ${model.questionnaire.title ?? model.questionnaire.id} (${model.questionnaire.id} ${model.questionnaire.version}) from ${source.file}${model.previousPeriod ? `, compared with ${model.previousPeriod}` : ''}, by ${source.tool}${model.summary.asOf ? `; renewals counted from ${model.summary.asOf}` : ''}. ${rates}</p><p>Scores are 0–100, counted only over what was asked: a question not asked yet is no information, never a zero. A verdict needs enough of the decisive questions answered or declined, and a red flag on recorded answers can hold it down whatever the points say; risk is rated apart. "Evidenced" is the share of the points backed by evidence. Every point earned and lost, with its reason: aiclaim score --explain.</p><p>Actions come soonest renewal first, then largest spend. A martech category is in the stack when the portfolio has a vendor in it; one with none is not in the stack, and not a gap. Lists name at most the ${model.top} best and ${model.top} worst vendors (${model.limit} items elsewhere) and count the rest: aiclaim report --top N sets how many.</p></section>`;
}

/** The verdict's chart pattern in small, so tables and legends match the charts. */
function swatch(tone: Tone | undefined): Markup {
  return html`<svg class="swatch" width="14" height="12" aria-hidden="true"><rect width="14" height="12" fill="${toneFill(tone)}" stroke="${toneColour(tone)}" /></svg>`;
}

function toneOf(model: ReportModel, verdict: string): Tone | undefined {
  return model.verdicts.find((v) => v.id === verdict)?.tone;
}

function listWords(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}
