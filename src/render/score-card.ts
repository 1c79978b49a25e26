import type { EvidenceAdvice } from '../core/scoring/evidence-advice.js';
import type { VendorScore } from '../core/scoring/types.js';
import { verdictLines } from './explain-text.js';
import { pct, score1, severityStyle, verdictStyle, type Style } from './style.js';

// The card shown at the end of an interview: where the vendor stands and what would move it.

const BAR = 24;

export function scoreCard(score: VendorScore, advice: readonly EvidenceAdvice[], style: Style): string {
  const lines: string[] = [];
  lines.push(style.bold(`${score.name} (${score.id})`));
  lines.push(`Score ${style.bold(score1(score.score))} · ${verdictStyle(style, score.verdict)(score.verdictLabel)} · answered ${pct(score.completeness)} · evidenced ${pct(score.confidence)}`);
  lines.push(...verdictLines(score, style).map((l) => l.trimStart()));
  lines.push('');
  const top = score.sections.filter((s) => s.depth === 0);
  const width = Math.max(...top.map((s) => s.title.length));
  for (const section of top) {
    const filled = section.score === null ? 0 : Math.round((section.score / 100) * BAR);
    const bar = section.score === null ? style.dim('·'.repeat(BAR)) : `${'█'.repeat(filled)}${style.dim('░'.repeat(BAR - filled))}`;
    lines.push(`  ${section.title.padEnd(width)}  ${bar} ${score1(section.score).padStart(5)}`);
  }
  lines.push('');
  if (score.redFlags.length === 0) lines.push(`${style.bold('Red flags')}: none`);
  else {
    lines.push(style.bold('Red flags'));
    for (const flag of score.redFlags) {
      lines.push(`  ${severityStyle(style, flag.severity)(flag.severity.toUpperCase().padEnd(8))} ${flag.title}`);
      if (flag.because.length) lines.push(style.dim(`           because ${flag.because.map((b) => `${b.question} = ${b.answer}`).join('; ')}`));
    }
  }
  lines.push('');
  if (advice.length === 0) lines.push(`${style.bold('Evidence')}: nothing claimed is left unshown.`);
  else {
    lines.push(style.bold('Evidence that would raise the score most'));
    for (const a of advice) lines.push(`  ${style.green(`+${a.gain.toFixed(1)}`.padStart(6))}  ${a.question} ${style.dim(`(${a.now})`)}`);
  }
  return `${lines.join('\n')}\n`;
}
