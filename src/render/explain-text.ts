import { flagRef, isFinding } from '../core/findings/flag-ref.js';
import type { ScoreRow } from '../core/scoring/score-rows.js';
import type { ClaimScore, OpenQuestion, QuestionScore, RaisedFlag, Rating, VendorScore } from '../core/scoring/types.js';
import { pct, points, score1, severityStyle, verdictStyle, type Style } from './style.js';

// Every point earned and lost, with its reason, as terminal text: both ratings, the findings, the
// claims and what the record made of them, and what is still to ask the vendor.
// Terminal text: the command hands in a model made safe with terminalSafe (terminal-text.ts).

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
  lines.push(`  ${legitimacyLine(score, style)} · answered ${pct(score.completeness)} · evidenced ${pct(score.confidence)}`);
  lines.push(...verdictLines(score, style));
  if (score.risk) lines.push(`  ${riskLine(score.risk, style)}`);
  const idWidth = Math.min(40, Math.max(...score.questions.map((q) => q.id.length)));
  for (const section of score.sections) {
    const indent = '  '.repeat(section.depth + 1);
    lines.push('');
    const weight = weighted ? `, weight ${section.weight}` : '';
    const feeds = section.depth === 0 && score.risk ? style.dim(` · ${section.rating}`) : '';
    lines.push(
      `${indent}${style.bold(section.title)}  ${score1(section.score)}  ${style.dim(`(${points(section.earned)} of ${points(section.possible)} points${weight})`)}${feeds}`,
    );
    for (const q of score.questions.filter((q) => q.section === section.key)) lines.push(`${indent}  ${questionLine(q, idWidth, style)}`);
  }
  lines.push('', ...flagLines(score.redFlags.filter(isFinding), style));
  if (score.claims.length) lines.push('', ...claimLines(score.claims, style));
  lines.push('', ...askLines(score.openQuestions, style));
  lines.push(`  ${style.bold('Roadmap track record')}  ${score.trackRecord}`);
  return `${lines.join('\n')}\n`;
}

/** "Legitimacy 62.3 · Plausible · 61 of 98 points · decisive 6 of 8 (4 needed)", or why there is no verdict. */
export function legitimacyLine(score: VendorScore, style: Style): string {
  const decisive = decisiveText(score.decisive);
  if (score.score === null) return `${style.bold('Not assessed')}: too little is known for a verdict · ${decisive}`;
  const weighted = score.method === 'weighted-sections' ? ' (sections weighted)' : '';
  return `Legitimacy ${style.bold(score1(score.score))} · ${verdictStyle(style, score.verdictTone)(score.verdictLabel)} · ${points(score.earned)} of ${points(score.possible)} points${weighted} · ${decisive}`;
}

export function riskLine(risk: Rating, style: Style): string {
  const decisive = decisiveText(risk.decisive);
  if (risk.score === null) return `Risk ${style.bold('not assessed')} · ${decisive}`;
  const capped = risk.cappedBy.length ? ` · held at ${risk.bandLabel} by ${risk.cappedBy.join(', ')} (the safeguards give ${risk.pointsBandLabel})` : '';
  return `Risk ${style.bold(risk.bandLabel)} · safeguards ${score1(risk.score)} of 100 · ${decisive}${capped}`;
}

const decisiveText = (d: Rating['decisive']) => `decisive ${d.answered} of ${d.applicable} answered${d.required ? ` (${d.required} needed)` : ''}`;

export function verdictLines(score: VendorScore, style: Style): string[] {
  if (score.cappedBy.length === 0) return [];
  const flags = score.redFlags.filter((f) => score.cappedBy.includes(flagRef(f)));
  const by = flags.map((f) => `${f.id} (${f.severity})`).join(', ');
  return [
    `  ${style.yellow('Verdict capped')}: the points give ${score.pointsVerdictLabel}; ${by} ${flags.length === 1 ? 'holds' : 'hold'} it at ${score.verdictLabel}`,
  ];
}

function flagLines(flags: readonly RaisedFlag[], style: Style): string[] {
  if (flags.length === 0) return [`  ${style.bold('Red flags')}  none on the answers recorded`];
  const lines = [`  ${style.bold('Red flags')} ${style.dim('(findings on recorded answers)')}`];
  for (const flag of flags) {
    lines.push(
      `    ${severityStyle(style, flag.severity)(flag.severity.toUpperCase().padEnd(8))}  ${flag.title}${flag.rating === 'risk' ? style.dim(' · risk') : ''}`,
    );
    lines.push(`              ${flag.message}`);
    lines.push(`              ${style.dim(`because: ${flag.because.map((b) => `${b.question} = ${b.answer}`).join('; ') || 'roadmap record'}`)}`);
  }
  return lines;
}

function claimLines(claims: readonly ClaimScore[], style: Style): string[] {
  const lines = [`  ${style.bold('Claims tested')}`];
  const outcome = (o: string) =>
    o === 'contradicted'
      ? style.red.bold(o)
      : o === 'withheld'
        ? style.red(o)
        : o === 'supported'
          ? style.green(o)
          : o === 'unverified'
            ? style.yellow(o)
            : style.dim(o);
  for (const claim of claims) {
    const where = [claim.source, claim.date].filter(Boolean).join(', ');
    lines.push(`    "${claim.text}"${where ? style.dim(` (${where})`) : ''}`);
    for (const check of claim.checks)
      lines.push(`      ${check.question} ${check.asserts}: ${outcome(check.outcome)}${check.found ? style.dim(` — ${check.found}`) : ''}`);
  }
  return lines;
}

export function askLines(open: readonly OpenQuestion[], style: Style): string[] {
  if (open.length === 0) return [`  ${style.bold('Ask the vendor')}  nothing open`];
  return [
    `  ${style.bold('Ask the vendor')} ${style.dim('(open questions: they never cap a verdict)')}`,
    ...open.map((o) => `    - ${o.questions.join(', ')} ${style.dim(`— ${o.why}`)}`),
  ];
}

function questionLine(q: QuestionScore, idWidth: number, style: Style): string {
  const id = q.id.padEnd(idWidth);
  if (q.state === 'hidden') return style.dim(`   ·        ${id} ${q.notes[0] ?? 'hidden'}`);
  if (q.state === 'not-applicable') return style.dim(`   n/a      ${id} ${q.notes[0] ?? 'not applicable'}`);
  if (q.state === 'not-asked' || q.state === 'unanswered') return style.dim(`   ?        ${id} ${q.notes[0] ?? 'not asked yet'}`);
  const lost = q.possible - q.points;
  const earned = `${q.points > 0 ? '+' : ' '}${points(q.points)}`.padStart(6);
  const of = `/${points(q.possible)}`.padEnd(4);
  const colour = q.possible === 0 ? style.dim : lost === 0 ? style.green : q.points === 0 ? style.red : style.yellow;
  const answer = q.answer ?? q.state;
  const why = [q.state === 'declined' ? '' : q.rule, ...q.notes].filter(Boolean).join('; ');
  return `${colour(`${earned}${of}`)} ${id} ${answer}${why ? style.dim(` — ${why}`) : ''}${lost > 0 && q.possible > 0 ? style.red(`  (−${points(lost)})`) : ''}`;
}
