import { isFinding } from '../core/findings/flag-ref.js';
import type { EvidenceAdvice } from '../core/scoring/evidence-advice.js';
import type { VendorScore } from '../core/scoring/types.js';
import { askLines, legitimacyLine, riskLine, verdictLines } from './explain-text.js';
import { pct, score1, severityStyle, type Style } from './style.js';

// The card shown at the end of an interview: where the vendor stands, what would move it, and
// what is still to ask.
// Terminal text: the command hands in a model made safe with terminalSafe (terminal-text.ts).

const BAR = 24;

export function scoreCard(score: VendorScore, advice: readonly EvidenceAdvice[], style: Style): string {
  const lines: string[] = [];
  lines.push(style.bold(`${score.name} (${score.id})`));
  lines.push(`${legitimacyLine(score, style)} · answered ${pct(score.completeness)} · evidenced ${pct(score.confidence)}`);
  lines.push(...verdictLines(score, style).map((l) => l.trimStart()));
  if (score.risk) lines.push(riskLine(score.risk, style));
  lines.push('');
  const top = score.sections.filter((s) => s.depth === 0);
  const width = Math.max(...top.map((s) => s.title.length));
  for (const section of top) {
    const filled = section.score === null ? 0 : Math.round((section.score / 100) * BAR);
    const bar = section.score === null ? style.dim('·'.repeat(BAR)) : `${'█'.repeat(filled)}${style.dim('░'.repeat(BAR - filled))}`;
    lines.push(`  ${section.title.padEnd(width)}  ${bar} ${score1(section.score).padStart(5)}${score.risk ? style.dim(`  ${section.rating}`) : ''}`);
  }
  lines.push('');
  const findings = score.redFlags.filter(isFinding);
  if (findings.length === 0) lines.push(`${style.bold('Red flags')}: none on the answers recorded`);
  else {
    lines.push(style.bold('Red flags'));
    for (const flag of findings) {
      lines.push(`  ${severityStyle(style, flag.severity)(flag.severity.toUpperCase().padEnd(8))} ${flag.title}`);
      if (flag.because.length) lines.push(style.dim(`           because ${flag.because.map((b) => `${b.question} = ${b.answer}`).join('; ')}`));
    }
  }
  lines.push('', ...askLines(score.openQuestions, style).map((l) => l.replace(/^ {2}/, '')));
  lines.push('');
  if (advice.length === 0) lines.push(`${style.bold('Evidence')}: ${score.score === null ? 'a verdict comes first: answer the decisive questions.' : 'nothing claimed is left unshown.'}`);
  else {
    lines.push(style.bold('Evidence that would raise the score most'));
    for (const a of advice) lines.push(`  ${style.green(`+${a.gain.toFixed(1)}`.padStart(6))}  ${a.question} ${style.dim(`(${a.now})`)}`);
  }
  return `${lines.join('\n')}\n`;
}
