import { isFinding } from '../core/findings/flag-ref.js';
import { categoryLabel } from '../core/martech-categories.js';
import { questionsToAsk } from '../core/scoring/open-questions.js';
import type { VendorScore } from '../core/scoring/types.js';
import { mdCode, mdEscape, mdTable } from './markdown.js';
import type { ScoreReport } from './score-report.js';
import { money, pct, points, score1 } from './style.js';

// The ranked portfolio (and, with --explain, every point) as Markdown for wikis and pull requests.
// Every string that comes from a file (vendor, questionnaire, snapshot) goes through mdEscape or mdCode.

export function scoreMarkdown(report: ScoreReport, explain: boolean): string {
  const out: string[] = [];
  out.push(`# AI claims audit, ${mdEscape(report.period)}\n`);
  out.push(
    `Questionnaire: ${mdEscape(report.questionnaire.title)} (${mdEscape(report.questionnaire.id)} ${mdEscape(report.questionnaire.version)}), ${report.rows.length} vendor${report.rows.length === 1 ? '' : 's'}.\n`,
  );
  const rated = report.rows.some((r) => r.finding.risk);
  out.push(
    mdTable(
      ['#', 'Vendor', 'Category', 'Score', 'Verdict', ...(rated ? ['Risk'] : []), 'Answered', 'Evidenced', 'Red flags', 'To ask', 'Annual spend'],
      report.rows.map((row) => {
        const { rank, finding: f, verdictLabel, flags } = row;
        return [
          rank === null ? '—' : String(rank),
          mdEscape(f.name),
          mdEscape(categoryLabel(f.category, f.categoryLabel)),
          score1(f.score),
          f.score === null && f.decisive ? `${mdEscape(verdictLabel)} (${f.decisive.answered} of ${f.decisive.required} decisive)` : mdEscape(verdictLabel),
          ...(rated ? [mdEscape(row.riskLabel ?? '—')] : []),
          pct(f.completeness),
          pct(f.confidence),
          flags.length ? flags.map((flag) => `${mdEscape(flag.severity)}: ${mdEscape(flag.title)}`).join('<br>') : 'none',
          String(questionsToAsk(row.toAsk)),
          mdEscape(money(f.spend?.amount, f.spend?.currency)),
        ];
      }),
      ['right', 'left', 'left', 'right', 'left', ...(rated ? ['left' as const] : []), 'right', 'right', 'left', 'right', 'right'],
    ),
  );
  if (report.invalid.length) {
    out.push('\n## Files not scored\n');
    for (const p of report.invalid) out.push(`- ${mdCode(`${p.file}${p.line ? `:${p.line}:${p.column ?? 1}` : ''}`)}: ${mdEscape(p.message)}`);
    out.push('');
  }
  if (explain) for (const row of report.rows) if (row.explain) out.push(explainVendorMarkdown(row.explain, row.file));
  return out.join('\n');
}

function explainVendorMarkdown(score: VendorScore, file: string): string {
  const out: string[] = [];
  out.push(`\n## ${mdEscape(score.name)}\n`);
  const d = score.decisive;
  const decisive = `decisive questions answered or declined: ${d.answered} of ${d.applicable}${d.required ? `, ${d.required} needed` : ''}`;
  out.push(
    score.score === null
      ? `**Not assessed**: too little is known for a verdict (${decisive}); answered ${pct(score.completeness)}. Source: ${mdCode(file)}.\n`
      : `Legitimacy **${score1(score.score)}**, ${mdEscape(score.verdictLabel)} (${decisive}); answered ${pct(score.completeness)}, evidenced ${pct(score.confidence)}. Source: ${mdCode(file)}.\n`,
  );
  if (score.cappedBy.length)
    out.push(
      `Verdict capped: the points give ${mdEscape(score.pointsVerdictLabel)}; held at ${mdEscape(score.verdictLabel)} by ${mdEscape(score.cappedBy.join(', '))}.\n`,
    );
  if (score.risk) {
    const r = score.risk;
    out.push(
      r.score === null
        ? `Risk not assessed (${r.decisive.answered} of ${r.decisive.applicable} decisive answered, ${r.decisive.required} needed).\n`
        : `Risk: **${mdEscape(r.bandLabel)}**, safeguards ${score1(r.score)} of 100${r.cappedBy.length ? `, held there by ${mdEscape(r.cappedBy.join(', '))}` : ''}.\n`,
    );
  }
  for (const section of score.sections) {
    out.push(
      `${'#'.repeat(Math.min(6, 3 + section.depth))} ${mdEscape(section.title)}: ${score1(section.score)} (${points(section.earned)} of ${points(section.possible)} points, weight ${section.weight})\n`,
    );
    const rows = score.questions
      .filter((q) => q.section === section.key)
      .map((q) => [
        mdCode(q.id),
        mdEscape(q.answer ?? (q.state === 'hidden' ? '—' : 'not asked yet')),
        q.state === 'hidden' || q.state === 'not-applicable' || q.state === 'not-asked' ? mdEscape(q.state) : `${points(q.points)} / ${points(q.possible)}`,
        mdEscape([q.rule, ...q.notes].join('; ')),
      ]);
    if (rows.length) out.push(mdTable(['Question', 'Answer', 'Points', 'Why'], rows, ['left', 'left', 'right', 'left']));
  }
  const findings = score.redFlags.filter(isFinding);
  out.push('**Red flags** (findings on recorded answers)\n');
  if (findings.length === 0) out.push('None.\n');
  for (const flag of findings)
    out.push(
      `- **${mdEscape(flag.severity)}**${flag.rating === 'risk' ? ' (risk)' : ''}: ${mdEscape(flag.title)}. ${mdEscape(flag.message)} (because ${mdEscape(flag.because.map((b) => `${b.question} = ${b.answer}`).join('; ') || 'of the roadmap record')})`,
    );
  if (score.claims.length) {
    out.push('\n**Claims tested**\n');
    for (const claim of score.claims) {
      out.push(`- "${mdEscape(claim.text)}"${claim.source || claim.date ? ` (${mdEscape([claim.source, claim.date].filter(Boolean).join(', '))})` : ''}`);
      for (const check of claim.checks)
        out.push(`  - ${mdCode(check.question)} ${mdEscape(check.asserts)}: **${mdEscape(check.outcome)}**${check.found ? ` (${mdEscape(check.found)})` : ''}`);
    }
  }
  out.push('\n**Ask the vendor** (open questions: they never cap a verdict)\n');
  if (score.openQuestions.length === 0) out.push('Nothing open.');
  for (const open of score.openQuestions) out.push(`- ${open.questions.map(mdCode).join(', ')}: ${mdEscape(open.why)}`);
  out.push(`\nRoadmap track record: ${mdEscape(score.trackRecord)}.\n`);
  return out.join('\n');
}
