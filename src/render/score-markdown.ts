import { categoryLabel } from '../core/martech-categories.js';
import type { ScoreRow } from '../core/scoring/score-rows.js';
import type { VendorScore } from '../core/scoring/types.js';
import { mdEscape, mdTable } from './markdown.js';
import type { ScoreReport } from './score-report.js';
import { money, pct, points, score1 } from './style.js';

// The ranked portfolio (and, with --explain, every point) as Markdown for wikis and pull requests.

export function scoreMarkdown(report: ScoreReport, explain: boolean): string {
  const out: string[] = [];
  out.push(`# AI claims audit, ${report.period}\n`);
  out.push(`Questionnaire: ${mdEscape(report.questionnaire.title)} (${report.questionnaire.id} ${report.questionnaire.version}), ${report.rows.length} vendor${report.rows.length === 1 ? '' : 's'}.\n`);
  out.push(
    mdTable(
      ['#', 'Vendor', 'Category', 'Score', 'Verdict', 'Answered', 'Evidenced', 'Red flags', 'Annual spend'],
      report.rows.map(({ rank, finding: f, verdictLabel, flags }) => [
        String(rank),
        mdEscape(f.name),
        categoryLabel(f.category),
        score1(f.score),
        verdictLabel,
        pct(f.completeness),
        pct(f.confidence),
        flags.length ? flags.map((flag) => `${flag.severity}: ${mdEscape(flag.title)}`).join('<br>') : 'none',
        money(f.spend?.amount, f.spend?.currency),
      ]),
      ['right', 'left', 'left', 'right', 'left', 'right', 'right', 'left', 'right'],
    ),
  );
  if (report.invalid.length) {
    out.push('\n## Files not scored\n');
    for (const p of report.invalid) out.push(`- \`${p.file}${p.line ? `:${p.line}:${p.column ?? 1}` : ''}\`: ${mdEscape(p.message)}`);
    out.push('');
  }
  if (explain) for (const row of report.rows) if (row.explain) out.push(explainVendorMarkdown(row.explain, row.file));
  return out.join('\n');
}

function explainVendorMarkdown(score: VendorScore, file: string): string {
  const out: string[] = [];
  out.push(`\n## ${mdEscape(score.name)}\n`);
  out.push(`Score **${score1(score.score)}**, ${score.verdictLabel}; answered ${pct(score.completeness)}, evidenced ${pct(score.confidence)}. Source: \`${file}\`.\n`);
  if (score.cappedBy.length) out.push(`Verdict capped: the points give ${score.pointsVerdictLabel}; held at ${score.verdictLabel} by ${score.cappedBy.join(', ')}.\n`);
  for (const section of score.sections) {
    out.push(`${'#'.repeat(Math.min(6, 3 + section.depth))} ${mdEscape(section.title)}: ${score1(section.score)} (${points(section.earned)} of ${points(section.possible)} points, weight ${section.weight})\n`);
    const rows = score.questions
      .filter((q) => q.section === section.key)
      .map((q) => [
        `\`${q.id}\``,
        mdEscape(q.answer ?? (q.state === 'hidden' ? '—' : 'unanswered')),
        q.state === 'hidden' || q.state === 'not-applicable' ? q.state : `${points(q.points)} / ${points(q.possible)}`,
        mdEscape([q.rule, ...q.notes].join('; ')),
      ]);
    if (rows.length) out.push(mdTable(['Question', 'Answer', 'Points', 'Why'], rows, ['left', 'left', 'right', 'left']));
  }
  out.push('**Red flags**\n');
  if (score.redFlags.length === 0) out.push('None.\n');
  for (const flag of score.redFlags) out.push(`- **${flag.severity}**: ${mdEscape(flag.title)}. ${mdEscape(flag.message)} (because ${mdEscape(flag.because.map((b) => `${b.question} = ${b.answer}`).join('; ') || 'of the roadmap record')})`);
  out.push(`\nRoadmap track record: ${mdEscape(score.trackRecord)}.\n`);
  return out.join('\n');
}
