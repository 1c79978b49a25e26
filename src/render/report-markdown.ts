import { ACTION_VERBS, lowerVerdicts, type ReportModel } from '../core/report/report-model.js';
import stringWidth from 'string-width';
import { mdCode, mdEscape, mdFence, mdTable, mdVisible } from './markdown.js';
import { money, pct, score1 } from './style.js';

// The executive report as Markdown, for wikis and pull requests: the same sections as the HTML.
// Every string that comes from a file goes through mdEscape, mdCode or mdFence: none becomes markup.

const bar = (score: number) => `${'█'.repeat(Math.round(score / 5))}${'░'.repeat(20 - Math.round(score / 5))}`;
const signed = (n: number | null) => (n === null ? 'new' : n > 0 ? `+${score1(n)}` : n < 0 ? `−${score1(-n)}` : '0.0');

export function reportMarkdown(model: ReportModel, source: { file: string; tool: string }): string {
  const out: string[] = [];
  const g = model.glance;
  out.push(`# AI claims audit · ${mdEscape(model.period)}\n`);
  out.push(`${g.vendors} vendors (${g.assessed} assessed) scored with ${mdEscape(model.questionnaire.title ?? model.questionnaire.id)} (${mdEscape(model.questionnaire.id)} ${mdEscape(model.questionnaire.version)})${model.previousPeriod ? `, compared with ${mdEscape(model.previousPeriod)}` : ''}.\n`);

  out.push('## The portfolio at a glance\n');
  for (const s of g.spend) {
    out.push(`- Annual spend: **${mdEscape(money(s.total, s.currency))}**, of which **${pct(s.share)}** (${mdEscape(money(s.weak, s.currency))}) in vendors whose AI claims are ${mdEscape(lowerVerdicts(model))}${s.notAssessed ? `, and ${mdEscape(money(s.notAssessed, s.currency))} in vendors not assessed yet` : ''}.`);
  }
  out.push(`- Red flags on recorded answers: ${g.flags.critical} critical, ${g.flags.high} high, ${g.flags.medium} medium, ${g.flags.low} low; ${g.open} question${g.open === 1 ? '' : 's'} to put to vendors.`);
  out.push(`- By verdict: ${g.byVerdict.map((v) => `${mdEscape(v.label)} ${v.count}`).join(', ')}.`);
  if (g.byRisk.length) out.push(`- Risk of relying on them (rated apart): ${g.byRisk.map((r) => `${mdEscape(r.label)} ${r.count}`).join(', ')}.`);
  out.push('');

  out.push('## Scores by vendor\n');
  // A code block, for the bars to line up: verbatim, so a name cannot be markup there, and fenced
  // with more backticks than any name holds, so none can close it.
  const names = model.ranked.map((r) => mdVisible(r.name));
  const width = names.reduce((most, name) => Math.max(most, stringWidth(name)), 0);
  out.push(mdFence(model.ranked.map((r, i) => `${names[i]!}${' '.repeat(width - stringWidth(names[i]!))}  ${bar(r.score)} ${score1(r.score).padStart(5)} ${r.verdictLabel}`)), '');

  out.push('## What to do next\n');
  if (model.actions.length === 0) out.push('Nothing needs action: every vendor is assessed and backed, and no red flag stands.\n');
  model.actions.forEach((a, i) => out.push(`${i + 1}. **${mdEscape(ACTION_VERBS[a.kind])}** ${mdEscape(a.text)}  \n   _Because: ${mdEscape(a.because.join('; '))}_`));
  if (model.moreActions) out.push(`\n${model.moreActions} more in the findings.`);
  out.push('');

  const since = model.previousPeriod && model.changesComparable ? [`Since ${mdEscape(model.previousPeriod)}`] : [];
  const rated = model.ranked.some((r) => r.risk);
  out.push('## Vendors ranked\n');
  if (model.ranked.length === 0) out.push('No vendor has a verdict yet.\n');
  out.push(
    mdTable(
      ['#', 'Vendor', 'Category', 'Score', ...since, 'Verdict', ...(rated ? ['Risk'] : []), 'Evidenced', 'Answered', 'Annual spend', 'Renewal'],
      model.ranked.map((r) => [
        String(r.rank),
        mdEscape(r.name),
        mdEscape(r.categoryLabel),
        score1(r.score),
        ...(since.length ? [signed(r.change)] : []),
        `${mdEscape(r.verdictLabel)}${r.flags.length ? ` (${r.flags.map((f) => `${f.count} ${mdEscape(f.severity)}`).join(', ')})` : ''}`,
        ...(rated ? [mdEscape(r.risk?.label ?? '—')] : []),
        pct(r.confidence),
        pct(r.completeness),
        r.spend ? mdEscape(money(r.spend.amount, r.spend.currency)) : '—',
        mdEscape(r.renewal ?? '—'),
      ]),
      ['right', 'left', 'left', 'right', ...since.map(() => 'right' as const), 'left', ...(rated ? ['left' as const] : []), 'right', 'right', 'right', 'left'],
    ),
  );

  if (model.unassessed.length) {
    out.push('## Not assessed yet\n');
    out.push('Too little is known of these vendors for a verdict: they are not ranked and not counted as weak. Their next step is an interview.\n');
    out.push(
      mdTable(
        ['Vendor', 'Category', 'Decisive answers', 'Answered', 'Annual spend', 'Renewal'],
        model.unassessed.map((u) => [mdEscape(u.name), mdEscape(u.categoryLabel), u.decisive ? `${u.decisive.answered} of ${u.decisive.required} needed` : '—', pct(u.completeness), u.spend ? mdEscape(money(u.spend.amount, u.spend.currency)) : '—', mdEscape(u.renewal ?? '—')]),
        ['left', 'left', 'right', 'right', 'right', 'left'],
      ),
    );
  }

  if (model.previousPeriod && model.changesComparable) {
    out.push(`## Since ${mdEscape(model.previousPeriod)}\n`);
    const moved = model.ranked.filter((r) => r.change !== null && r.change !== 0).sort((a, b) => b.change! - a.change!);
    for (const r of moved) out.push(`- ${mdEscape(r.name)}: ${signed(r.change)} to ${score1(r.score)} (${mdEscape(r.verdictLabel)})`);
    for (const r of model.ranked.filter((x) => x.change === null)) out.push(`- ${mdEscape(r.name)}: new, ${score1(r.score)} (${mdEscape(r.verdictLabel)})`);
    out.push('');
  }

  if (model.claims.length) {
    out.push('## Claims contradicted by the record\n');
    for (const c of model.claims) out.push(`- **${mdEscape(c.vendorName)}**: "${mdEscape(c.text)}"${c.source || c.date ? ` (${mdEscape([c.source, c.date].filter(Boolean).join(', '))})` : ''}  \n  ${mdEscape(c.checks.join('; '))}`);
    out.push('');
  }

  out.push('## Red flags that need action\n');
  out.push('Findings on the answers recorded. Flags that wait on missing answers are under "Ask the vendor".\n');
  if (model.flags.length === 0) out.push('No red flag stands on the answers recorded.\n');
  for (const group of model.flags) {
    out.push(`### ${mdEscape(group.severity)} (${group.items.length})\n`);
    for (const f of group.items) out.push(`- ${mdEscape(f.vendorName)}: ${mdEscape(f.title)} (${mdCode(f.id)}${f.rating === 'risk' ? ', risk' : ''})`);
    out.push('');
  }

  if (model.open.length) {
    out.push('## Ask the vendor\n');
    out.push('Open questions: what is missing, never held against a vendor until it is answered or declined.\n');
    for (const o of model.open) out.push(`- ${mdEscape(o.vendorName)}: ${mdEscape(o.ask.join(' · '))} (${mdEscape(o.why)})`);
    out.push('');
  }

  out.push('## Roadmap promises\n');
  if (model.roadmap.length === 0) out.push('No roadmap promise came due, was kept or slipped this quarter.\n');
  for (const r of model.roadmap) out.push(`- **${mdEscape(r.kind)}**: ${mdEscape(r.vendorName)}, ${mdEscape(r.title)} (${mdEscape(r.note)})`);
  out.push('');

  out.push('## Coverage of the martech stack\n');
  out.push(
    mdTable(
      ['Category', 'Vendors', 'Status'],
      model.coverage.map((c) => [mdEscape(c.label), c.vendors.map((v) => `${mdEscape(v.name)} (${mdEscape(v.verdictLabel)})`).join(', ') || '—', c.vetted ? 'vetted vendor' : c.vendors.length ? '**no vetted vendor**' : '**no vendor**']),
    ),
  );
  out.push(`_Generated by ${mdEscape(source.tool)} from ${mdCode(source.file)}._\n`);
  return out.join('\n');
}
