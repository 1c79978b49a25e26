import type { ScoreRow } from '../core/scoring/score-rows.js';
import type { QuestionScore, VendorScore } from '../core/scoring/types.js';
import { pct, points, score1, severityStyle, verdictStyle, type Style } from './style.js';

// Every point earned and lost, with its reason, as terminal text.

/** Rows without their full score (not explained) are left out. */
export function explainText(rows: readonly ScoreRow[], style: Style): string {
  return rows
    .filter((row) => row.explain)
    .map((row) => explainVendor(row.explain!, row.file, style))
    .join('\n');
}

function explainVendor(score: VendorScore, file: string, style: Style): string {
  const lines: string[] = [];
  lines.push(`${style.bold(score.name)} ${style.dim(`(${score.id}) · ${file}`)}`);
  const weighted = score.method === 'weighted-sections';
  lines.push(
    `  Score ${style.bold(score1(score.score))} · ${verdictStyle(style, score.verdict)(score.verdictLabel)} · ${points(score.earned)} of ${points(score.possible)} points${weighted ? ' (sections weighted)' : ''} · answered ${pct(score.completeness)} · evidenced ${pct(score.confidence)}`,
  );
  lines.push(...verdictLines(score, style));
  const idWidth = Math.min(40, Math.max(...score.questions.map((q) => q.id.length)));
  for (const section of score.sections) {
    const indent = '  '.repeat(section.depth + 1);
    lines.push('');
    const weight = weighted ? `, weight ${section.weight}` : '';
    lines.push(`${indent}${style.bold(section.title)}  ${score1(section.score)}  ${style.dim(`(${points(section.earned)} of ${points(section.possible)} points${weight})`)}`);
    for (const q of score.questions.filter((q) => q.section === section.key)) lines.push(`${indent}  ${questionLine(q, idWidth, style)}`);
  }
  lines.push('');
  if (score.redFlags.length === 0) {
    lines.push(`  ${style.bold('Red flags')}  none`);
  } else {
    lines.push(`  ${style.bold('Red flags')}`);
    for (const flag of score.redFlags) {
      lines.push(`    ${severityStyle(style, flag.severity)(flag.severity.toUpperCase().padEnd(8))}  ${flag.title}`);
      lines.push(`              ${flag.message}`);
      lines.push(`              ${style.dim(`because: ${flag.because.map((b) => `${b.question} = ${b.answer}`).join('; ') || 'roadmap record'}`)}`);
    }
  }
  lines.push(`  ${style.bold('Roadmap track record')}  ${score.trackRecord}`);
  return `${lines.join('\n')}\n`;
}

export function verdictLines(score: VendorScore, style: Style): string[] {
  if (score.cappedBy.length === 0) return [];
  const flags = score.redFlags.filter((f) => score.cappedBy.includes(f.id));
  const by = flags.map((f) => `${f.id} (${f.severity})`).join(', ');
  return [`  ${style.yellow('Verdict capped')}: the points give ${score.pointsVerdictLabel}; ${by} ${flags.length === 1 ? 'holds' : 'hold'} it at ${score.verdictLabel}`];
}

function questionLine(q: QuestionScore, idWidth: number, style: Style): string {
  const id = q.id.padEnd(idWidth);
  if (q.state === 'hidden') return style.dim(`   ·        ${id} ${q.notes[0] ?? 'hidden'}`);
  if (q.state === 'not-applicable') return style.dim(`   n/a      ${id} ${q.notes[0] ?? 'not applicable'}`);
  const lost = q.possible - q.points;
  const earned = `${q.points > 0 ? '+' : ' '}${points(q.points)}`.padStart(6);
  const of = `/${points(q.possible)}`.padEnd(4);
  const colour = q.possible === 0 ? style.dim : lost === 0 ? style.green : q.points === 0 ? style.red : style.yellow;
  const answer = q.answer === undefined ? 'unanswered' : q.answer;
  const why = [q.rule !== 'unanswered' ? q.rule : '', ...q.notes].filter(Boolean).join('; ');
  return `${colour(`${earned}${of}`)} ${id} ${answer}${why ? style.dim(` — ${why}`) : ''}${lost > 0 && q.possible > 0 ? style.red(`  (−${points(lost)})`) : ''}`;
}
