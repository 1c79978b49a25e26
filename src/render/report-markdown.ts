import { ACTION_VERBS, lowerVerdicts, upperVerdicts, type ReportModel, type VerdictMove } from '../core/report/report-model.js';
import { shorten } from '../core/shorten.js';
import stringWidth from 'string-width';
import { mdCode, mdEscape, mdFence, mdTable, mdVisible } from './markdown.js';
import { stackMarkdown } from './stack-markdown.js';
import { money, pct, score1 } from './style.js';

// The executive report as Markdown, for wikis and pull requests: the summary first, then the same
// sections as the HTML. Every string that comes from a file goes through mdEscape, mdCode or
// mdFence: none becomes markup.

const bar = (score: number) => `${'█'.repeat(Math.round(score / 5))}${'░'.repeat(20 - Math.round(score / 5))}`;
const signed = (n: number | null) => (n === null ? 'new' : n > 0 ? `+${score1(n)}` : n < 0 ? `−${score1(-n)}` : '0.0');
const count = (n: number) => n.toLocaleString('en-US');
const plural = (n: number, one: string, many = `${one}s`) => `${count(n)} ${n === 1 ? one : many}`;
const m = (amount: number, currency: string) => mdEscape(money(amount, currency));

export function reportMarkdown(model: ReportModel, source: { file: string; tool: string }): string {
  const out: string[] = [];
  const g = model.glance;
  out.push(`# AI claims audit · ${mdEscape(model.period)}\n`);
  summary(model, out);
  if (model.stack) out.push(stackMarkdown(model.stack, 2, model.limit));

  out.push('## The portfolio at a glance\n');
  for (const s of g.spend) {
    out.push(
      `- Annual spend: **${m(s.total, s.currency)}**, of which **${pct(s.share)}** (${m(s.weak, s.currency)}) in vendors whose AI claims are ${mdEscape(lowerVerdicts(model))}${s.notAssessed ? `, and ${m(s.notAssessed, s.currency)} in vendors not assessed yet` : ''}.`,
    );
  }
  if (g.spend.length > 1) out.push('- No exchange rates are set: each currency is totalled apart.');
  if (model.exchange?.used.length)
    out.push(
      `- Totals in ${mdEscape(model.exchange.base)}, converted at the rates of ${mdEscape(model.exchange.asOf)}: ${model.exchange.used.map((r) => `1 ${mdEscape(r.currency)} = ${rateText(r.rate)} ${mdEscape(model.exchange!.base)}`).join(', ')}.`,
    );
  out.push(
    `- Red flags on recorded answers: ${g.flags.critical} critical, ${g.flags.high} high, ${g.flags.medium} medium, ${g.flags.low} low; ${plural(g.open, 'question')} to put to vendors.`,
  );
  out.push(`- By verdict: ${g.byVerdict.map((v) => `${mdEscape(v.label)} ${v.count}`).join(', ')}.`);
  if (g.byRisk.length) out.push(`- Risk of relying on them (rated apart): ${g.byRisk.map((r) => `${mdEscape(r.label)} ${r.count}`).join(', ')}.`);
  out.push('');

  const { top, worst, between } = model.ends;
  out.push('## Scores by vendor\n');
  if (between) out.push(`The ${count(top.length)} best and the ${count(worst.length)} worst.\n`);
  // A code block, for the bars to line up: verbatim, so a name cannot be markup there, and fenced
  // with more backticks than any name holds, so none can close it.
  const listed = [...top, ...worst];
  const names = listed.map((r) => mdVisible(r.name));
  const width = names.reduce((most, name) => Math.max(most, stringWidth(name)), 0);
  const lines = listed.map(
    (r, i) => `${names[i]!}${' '.repeat(width - stringWidth(names[i]!))}  ${bar(r.score)} ${score1(r.score).padStart(5)} ${r.verdictLabel}`,
  );
  if (between) lines.splice(top.length, 0, `⋯ ${count(between.count)} vendors between`);
  out.push(mdFence(lines), '');

  out.push('## What to do next\n');
  if (model.actions.length === 0) out.push('Nothing needs action: every vendor is assessed and backed, and no red flag stands.\n');
  else out.push('The soonest renewal first, then the largest spend.\n');
  model.actions.forEach((a, i) =>
    out.push(`${i + 1}. **${mdEscape(ACTION_VERBS[a.kind])}** ${mdEscape(a.text)}  \n   _Because: ${mdEscape(a.because.join('; '))}_`),
  );
  if (model.moreActions) out.push(`\n${count(model.moreActions)} more in the findings, renewing later.`);
  out.push('');

  const since = model.previousPeriod && model.changesComparable ? [`Since ${mdEscape(model.previousPeriod)}`] : [];
  const rated = model.ranked.some((r) => r.risk);
  out.push('## Vendors ranked\n');
  if (model.ranked.length === 0) out.push('No vendor has a verdict yet.\n');
  if (between)
    out.push(
      `The ${count(top.length)} best and the ${count(worst.length)} worst of the ${count(model.ranked.length)} vendors with a verdict; the ${count(between.count)} between them are counted below.\n`,
    );
  const row = (r: ReportModel['ranked'][number]) => [
    String(r.rank),
    mdEscape(r.name),
    mdEscape(r.categoryLabel),
    score1(r.score),
    ...(since.length ? [signed(r.change)] : []),
    `${mdEscape(r.verdictLabel)}${r.flags.length ? ` (${r.flags.map((f) => `${f.count} ${mdEscape(f.severity)}`).join(', ')})` : ''}`,
    ...(rated ? [mdEscape(r.risk?.label ?? '—')] : []),
    pct(r.confidence),
    pct(r.completeness),
    r.spend ? m(r.spend.amount, r.spend.currency) : '—',
    mdEscape(r.renewal ?? '—'),
  ];
  const head = ['#', 'Vendor', 'Category', 'Score', ...since, 'Verdict', ...(rated ? ['Risk'] : []), 'Evidenced', 'Answered', 'Annual spend', 'Renewal'];
  const gapRow = between ? [['⋯', `_${count(between.count)} vendors between, counted below_`, ...head.slice(2).map(() => '')]] : [];
  out.push(
    mdTable(
      head,
      [...top.map(row), ...gapRow, ...worst.map(row)],
      ['right', 'left', 'left', 'right', ...since.map(() => 'right' as const), 'left', ...(rated ? ['left' as const] : []), 'right', 'right', 'right', 'left'],
    ),
  );
  if (between) {
    out.push(`### The ${count(between.count)} vendors between, by category and verdict\n`);
    out.push(
      mdTable(
        ['Category', ...between.verdicts.map((v) => mdEscape(v.label)), 'All'],
        [
          ...between.byCategory.map((c) => [mdEscape(c.label), ...c.byVerdict.map((n) => (n ? count(n) : '—')), count(c.count)]),
          ['**All**', ...between.byVerdict.map((n) => `**${count(n)}**`), `**${count(between.count)}**`],
        ],
        ['left', ...between.verdicts.map(() => 'right' as const), 'right'],
      ),
    );
  }

  if (model.unassessedByRenewal.length) {
    const shown = model.unassessedByRenewal.slice(0, model.limit);
    out.push('## Not assessed yet\n');
    out.push('Too little is known of these vendors for a verdict: they are not ranked and not counted as weak. Their next step is an interview.\n');
    out.push(
      mdTable(
        ['Vendor', 'Category', 'Decisive answers', 'Answered', 'Annual spend', 'Renewal'],
        shown.map((u) => [
          mdEscape(u.name),
          mdEscape(u.categoryLabel),
          u.decisive ? `${u.decisive.answered} of ${u.decisive.required} needed` : '—',
          pct(u.completeness),
          u.spend ? m(u.spend.amount, u.spend.currency) : '—',
          mdEscape(u.renewal ?? '—'),
        ]),
        ['left', 'left', 'right', 'right', 'right', 'left'],
      ),
    );
    if (model.unassessedByRenewal.length > shown.length)
      out.push(`And ${plural(model.unassessedByRenewal.length - shown.length, 'more vendor')} not assessed, renewing later.\n`);
  }

  if (model.previousPeriod && model.changesComparable) {
    out.push(`## Since ${mdEscape(model.previousPeriod)}\n`);
    const moved = model.ranked.filter((r) => r.change !== null && r.change !== 0).sort((a, b) => b.change! - a.change!);
    const up = moved.filter((r) => r.change! > 0);
    const down = moved.filter((r) => r.change! < 0).reverse();
    const fresh = model.ranked.filter((x) => x.change === null);
    for (const r of [...up.slice(0, model.top), ...down.slice(0, model.top).reverse()])
      out.push(`- ${mdEscape(r.name)}: ${signed(r.change)} to ${score1(r.score)} (${mdEscape(r.verdictLabel)})`);
    if (up.length > model.top || down.length > model.top)
      out.push(`- And ${plural(Math.max(0, up.length - model.top) + Math.max(0, down.length - model.top), 'smaller move')}.`);
    for (const r of fresh.slice(0, model.limit)) out.push(`- ${mdEscape(r.name)}: new, ${score1(r.score)} (${mdEscape(r.verdictLabel)})`);
    if (fresh.length > model.limit) out.push(`- And ${plural(fresh.length - model.limit, 'more new vendor')}.`);
    out.push('');
  }

  if (model.claims.length) {
    out.push('## Claims contradicted by the record\n');
    for (const c of model.claims.slice(0, model.limit))
      out.push(
        `- **${mdEscape(c.vendorName)}**: "${mdEscape(c.text)}"${c.source || c.date ? ` (${mdEscape([c.source, c.date].filter(Boolean).join(', '))})` : ''}  \n  ${mdEscape(c.checks.join('; '))}`,
      );
    if (model.claims.length > model.limit) out.push(`- And ${plural(model.claims.length - model.limit, 'more claim')} contradicted.`);
    out.push('');
  }

  out.push('## Red flags that need action\n');
  out.push('Findings on the answers recorded, by flag, with the vendors each stands against. Flags that wait on missing answers are under "Ask the vendor".\n');
  if (model.flagGroups.length === 0) out.push('No red flag stands on the answers recorded.\n');
  for (const group of model.flagGroups) {
    out.push(`### ${mdEscape(group.severity)} (${plural(group.vendors, 'vendor')})\n`);
    for (const f of group.flags.slice(0, model.limit)) {
      const more = f.vendors.length > model.top ? `, and ${count(f.vendors.length - model.top)} more` : '';
      out.push(
        `- ${mdEscape(f.title)} (${mdCode(f.id)}${f.rating === 'risk' ? ', risk' : ''}): ${f.vendors
          .slice(0, model.top)
          .map((v) => mdEscape(v.name))
          .join(', ')}${more}`,
      );
    }
    if (group.flags.length > model.limit) out.push(`- And ${plural(group.flags.length - model.limit, 'more flag')} of this severity.`);
    out.push('');
  }

  if (model.open.length) {
    out.push('## Ask the vendor\n');
    out.push('Open questions: what is missing, never held against a vendor until it is answered or declined.\n');
    for (const o of model.open.slice(0, model.limit)) out.push(`- ${mdEscape(o.vendorName)}: ${mdEscape(o.ask.join(' · '))} (${mdEscape(o.why)})`);
    if (model.open.length > model.limit) out.push(`- And ${plural(model.open.length - model.limit, 'more open item')}.`);
    out.push('');
  }

  out.push('## Roadmap promises\n');
  if (model.roadmap.length === 0) out.push('No roadmap promise came due, was kept or slipped this quarter.\n');
  for (const kind of ['slipped', 'withdrawn', 'dropped', 'due', 'delivered'] as const) {
    const items = model.roadmap.filter((r) => r.kind === kind);
    for (const r of items.slice(0, model.limit)) out.push(`- **${mdEscape(r.kind)}**: ${mdEscape(r.vendorName)}, ${mdEscape(r.title)} (${mdEscape(r.note)})`);
    if (items.length > model.limit) out.push(`- And ${count(items.length - model.limit)} more ${kind}.`);
  }
  out.push('');

  out.push('## Coverage of the martech stack\n');
  const inStack = model.coverage.filter((c) => c.status !== 'not-in-stack');
  const absent = model.coverage.filter((c) => c.status === 'not-in-stack');
  const verdictIds = [...model.verdicts.map((v) => v.id), 'not-assessed'];
  const labelOf = (id: string) => model.glance.byVerdict.find((v) => v.verdict === id)?.label ?? id;
  out.push(`The categories the stack has vendors in, in order of priority; a gap has no vendor whose AI claims are ${mdEscape(upperVerdicts(model))}.\n`);
  if (inStack.length) {
    out.push(
      mdTable(
        ['Category', 'Vendors', 'Status'],
        inStack.map((c) => [
          mdEscape(c.label),
          c.vendors.length <= model.top
            ? c.vendors.map((v) => `${mdEscape(v.name)} (${mdEscape(v.verdictLabel)})`).join(', ')
            : `${plural(c.vendors.length, 'vendor')}: ${c.byVerdict
                .map((n, i) => (n ? `${count(n)} ${mdEscape(labelOf(verdictIds[i]!))}` : ''))
                .filter(Boolean)
                .join(', ')}`,
          c.status === 'vetted' ? 'vetted vendor' : '**gap: no vetted vendor**',
        ]),
      ),
    );
  }
  if (absent.length)
    out.push(
      `**Not in the stack:** ${absent.map((c) => mdEscape(c.label)).join(', ')}. No vendor in the portfolio is in these categories: not bought, so not a gap.\n`,
    );

  out.push('## About this report\n');
  out.push(
    `Scored with ${mdEscape(model.questionnaire.title ?? model.questionnaire.id)} (${mdEscape(model.questionnaire.id)} ${mdEscape(model.questionnaire.version)}), from ${mdCode(source.file)}; generated by ${mdEscape(source.tool)}${model.summary.asOf ? `; renewals counted from ${mdEscape(model.summary.asOf)}` : ''}. Every point earned and lost: ${mdCode('aiclaim score --explain')}. Lists name at most the ${model.top} best and ${model.top} worst vendors (${model.limit} items elsewhere): ${mdCode('aiclaim report --top N')} changes that. A category with no vendor in the portfolio is not in the stack, not a gap.\n`,
  );
  if (model.exchange && !model.exchange.used.length)
    out.push(`Exchange rates of ${mdEscape(model.exchange.asOf)} are set; every amount is in ${mdEscape(model.exchange.base)}, so none was converted.\n`);
  return out.join('\n');
}

/** The one-page summary for the board: plain words, no command, no flag id, no file name. */
function summary(model: ReportModel, out: string[]): void {
  const g = model.glance;
  const s = model.summary;
  const facts = [
    `${plural(g.vendors, 'vendor')}, ${count(g.assessed)} with a verdict`,
    s.asOf ? `as of ${mdEscape(s.asOf)}` : '',
    model.previousPeriod ? `compared with ${mdEscape(model.previousPeriod)}` : '',
  ]
    .filter(Boolean)
    .join(' · ');
  out.push('## Summary for the board\n');
  out.push(`${facts}.\n`);
  const lower = mdEscape(lowerVerdicts(model));
  out.push(
    `- **Verdicts:** ${g.byVerdict
      .map((v) => {
        const acts = model.verdicts.find((x) => x.id === v.verdict)?.needsAction;
        return `${count(v.count)} ${mdEscape(v.label)}${acts ? ' (calls for action)' : ''}`;
      })
      .join(' · ')}.`,
  );
  if (g.spend.length === 0) out.push('- No annual spend is recorded for these vendors.');
  for (const x of g.spend) {
    out.push(
      `- **Annual spend${g.spend.length > 1 ? ` in ${mdEscape(x.currency)}` : ''}:** ${m(x.total, x.currency)}; **${m(x.weak, x.currency)} (${pct(x.share)})** in vendors whose AI claims are ${lower}; ${m(x.notAssessed, x.currency)} (${pct(x.total ? x.notAssessed / x.total : 0)}) in vendors not assessed yet, not counted as ${lower}.`,
    );
  }
  if (model.exchange?.used.length)
    out.push(
      `- **Converted to ${mdEscape(model.exchange.base)} at the rates of ${mdEscape(model.exchange.asOf)}:** ${model.exchange.used.map((r) => `1 ${mdEscape(r.currency)} = ${rateText(r.rate)} ${mdEscape(model.exchange!.base)}`).join(' · ')}.`,
    );
  if (g.spend.length > 1)
    out.push(
      `- **Totals are per currency:** no exchange rates are set, so amounts in ${g.spend.map((x) => mdEscape(x.currency)).join(', ')} are not added together.`,
    );
  out.push('');

  out.push('### The three actions that matter\n');
  if (s.actions.length === 0) out.push('Nothing needs action: every vendor is assessed and backed, and no red flag stands.');
  // Numbered as "1. Verb …", never "1. **Verb**": the detail's list is the one to read line by line.
  s.actions.forEach((a, i) =>
    out.push(
      `${i + 1}. ${mdEscape(ACTION_VERBS[a.kind])} ${mdEscape(shorten(a.vendorName, 60))}: ${mdEscape(shorten(a.reason, 200))}. _(${a.renewal ? `renews ${mdEscape(a.renewal)}` : 'no renewal date'}${a.spend ? ` · ${m(a.spend.amount, a.spend.currency)} a year` : ''})_`,
    ),
  );
  const more = model.actions.length + model.moreActions - s.actions.length;
  if (more > 0)
    out.push(
      `\n${plural(more, 'more action')}${model.moreActions ? `: the detail lists the first ${count(model.actions.length)}` : ' in the detail'}, the soonest renewal first.`,
    );
  out.push('');

  const r = s.renewals;
  if (r) {
    out.push(`### Renewals in the next ${r.days} days (to ${mdEscape(r.until)})\n`);
    if (r.items.length === 0) out.push(`No contract renews before ${mdEscape(r.until)}.`);
    for (const i of r.items) {
      out.push(
        `- ${mdEscape(i.renewal)} (${i.days === 0 ? 'today' : `in ${plural(i.days, 'day')}`}): ${mdEscape(shorten(i.vendorName, 60))}, ${mdEscape(i.verdictLabel)}${i.spend ? `, ${m(i.spend.amount, i.spend.currency)} a year` : ''}; next step: ${mdEscape(i.next ? ACTION_VERBS[i.next] : 'nothing to do')}`,
      );
    }
    if (r.more)
      out.push(
        `- And ${plural(r.more, 'more renewal')} in these ${r.days} days${r.moreSpend.length ? ` (${r.moreSpend.map((x) => m(x.amount, x.currency)).join(' + ')} a year)` : ''}.`,
      );
    out.push('');
  }

  const c = s.changes;
  if (!c) {
    out.push('### Since last quarter\n');
    out.push('This is the first quarter audited: there is nothing to compare with yet.\n');
    return;
  }
  out.push(`### Since ${mdEscape(c.previousPeriod)}\n`);
  const names = (items: readonly string[], max = 3) =>
    `${items.slice(0, max).join('; ')}${items.length > max ? `; and ${count(items.length - max)} more` : ''}`;
  const moves = (list: readonly VerdictMove[]) => names(list.map((x) => `${mdEscape(shorten(x.vendorName, 40))}, ${mdEscape(x.from)} → ${mdEscape(x.to)}`));
  const trend = (now: number, before: number, was: string) => (now === before ? 'as in the quarter before' : `${now > before ? 'up' : 'down'} from ${was}`);
  if (c.comparable) {
    out.push(
      `- **Verdicts:** ${c.up.length || c.down.length ? `${c.up.length ? `${count(c.up.length)} up (${moves(c.up)})` : 'none up'}; ${c.down.length ? `${count(c.down.length)} down (${moves(c.down)})` : 'none down'}.` : 'no vendor changed verdict.'}`,
    );
    if (c.weakShare)
      out.push(
        `- **Share of spend in vendors whose AI claims are ${lower}:** ${pct(c.weakShare.now)}, ${trend(c.weakShare.now, c.weakShare.before, pct(c.weakShare.before))}.`,
      );
    out.push(`- **Critical findings:** ${count(c.critical.now)}, ${trend(c.critical.now, c.critical.before, count(c.critical.before))}.`);
  } else {
    out.push(`- ${mdEscape(c.previousPeriod)} was scored with another edition of the questionnaire: scores and verdicts are not compared.`);
  }
  if (c.added.length || c.dropped.length) {
    out.push(
      `- **Vendors:** ${c.added.length ? `${count(c.added.length)} new (${names(c.added.map((a) => `${mdEscape(shorten(a.vendorName, 40))}, ${mdEscape(a.verdictLabel)}`))})` : 'none new'}; ${c.dropped.length ? `${count(c.dropped.length)} no longer audited (${names(c.dropped.map((d) => mdEscape(shorten(d.vendorName, 40))))})` : 'none gone'}.`,
    );
  }
  const road = [
    c.roadmap.delivered ? `${count(c.roadmap.delivered)} delivered` : '',
    c.roadmap.slipped ? `${count(c.roadmap.slipped)} slipped` : '',
    c.roadmap.dropped ? `${count(c.roadmap.dropped)} dropped` : '',
    c.roadmap.withdrawn ? `${count(c.roadmap.withdrawn)} withdrawn` : '',
  ].filter(Boolean);
  if (road.length) out.push(`- **Roadmap promises this quarter:** ${road.join(', ')}.`);
  out.push('');
}

function rateText(rate: number): string {
  return String(Number(rate.toPrecision(6)));
}
