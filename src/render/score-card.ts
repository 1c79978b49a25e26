import stringWidth from 'string-width';
import { isFinding } from '../core/findings/flag-ref.js';
import type { EvidenceAdvice } from '../core/scoring/evidence-advice.js';
import type { SectionScore, VendorScore } from '../core/scoring/types.js';
import { askLines, legitimacyLine, riskLine, verdictLines } from './explain-text.js';
import { fitWidth, wrapToWidth } from './fit-width.js';
import { pct, score1, severityStyle, type Style } from './style.js';

// The card shown at the end of an interview: where the vendor stands, what would move it, and
// what is still to ask.
// Terminal text: the command hands in a model made safe with terminalSafe (terminal-text.ts).
// Laid out to the terminal's width: every line fits, wrapped at spaces with its continuation
// indented; the bars shrink to the room left, and go before anything is cut.

const BAR = 24;
/** Narrower, a bar says too little: the titles are cut down to MIN_TITLE first, then the bars go. */
const MIN_BAR = 10;
const MIN_TITLE = 20;
/** Below this width the flags' reasons start at the left, not under the title. */
const NARROW = 50;

export function scoreCard(score: VendorScore, advice: readonly EvidenceAdvice[], style: Style, columns: number): string {
  const lines: string[] = [];
  const put = (line: string, indent = '  ', separator?: string) => lines.push(...wrapToWidth(line, columns, indent, separator));
  lines.push(style.bold(nameLine(score.name, score.id, columns)));
  put(`${legitimacyLine(score, style)} · answered ${pct(score.completeness)} · evidenced ${pct(score.confidence)}`, '  ', ' · ');
  for (const line of verdictLines(score, style)) put(line.trimStart());
  if (score.risk) put(riskLine(score.risk, style), '  ', ' · ');
  lines.push('');
  lines.push(
    ...sectionRows(
      score.sections.filter((s) => s.depth === 0),
      Boolean(score.risk),
      style,
      columns,
    ),
  );
  lines.push('');
  const findings = score.redFlags.filter(isFinding);
  if (findings.length === 0) put(`${style.bold('Red flags')}: none on the answers recorded`);
  else {
    const hang = ' '.repeat(11);
    const because = columns < NARROW ? '    ' : hang;
    lines.push(style.bold('Red flags'));
    for (const flag of findings) {
      put(`  ${severityStyle(style, flag.severity)(flag.severity.toUpperCase().padEnd(8))} ${flag.title}`, hang);
      if (flag.because.length) put(style.dim(`${because}because ${flag.because.map((b) => `${b.question} = ${b.answer}`).join('; ')}`), `${because}  `, '; ');
    }
  }
  lines.push('');
  const [head, ...open] = askLines(score.openQuestions, style).map((l) => l.replace(/^ {2}/, ''));
  put(head!);
  for (const line of open) put(line, '    ');
  lines.push('');
  if (advice.length === 0)
    put(`${style.bold('Evidence')}: ${score.score === null ? 'a verdict comes first: answer the decisive questions.' : 'nothing claimed is left unshown.'}`);
  else {
    put(style.bold('Evidence that would raise the score most'));
    for (const a of advice) put(`  ${style.green(`+${a.gain.toFixed(1)}`.padStart(6))}  ${a.question} ${style.dim(`(${a.now})`)}`, ' '.repeat(10));
  }
  return `${lines.join('\n')}\n`;
}

/** "Name (id)": the name is cut first, the id only when even a short name leaves it no room. */
function nameLine(name: string, id: string, columns: number): string {
  const whole = `${name} (${id})`;
  if (stringWidth(whole) <= columns) return whole;
  const shortName = fitWidth(name, Math.max(Math.min(stringWidth(name), 8), columns - stringWidth(id) - 3));
  return `${shortName} (${fitWidth(id, Math.max(1, columns - stringWidth(shortName) - 3))})`;
}

/** "  Title  ████░░░░  62.3  legitimacy", each row whole on its line. */
function sectionRows(sections: readonly SectionScore[], withRating: boolean, style: Style, columns: number): string[] {
  const titleWidth = Math.max(...sections.map((s) => stringWidth(s.title)));
  const ratingWidth = withRating ? 2 + Math.max(...sections.map((s) => stringWidth(s.rating))) : 0;
  const besideBar = 2 + 2 + 1 + 5 + ratingWidth;
  const bar = Math.min(BAR, Math.max(MIN_BAR, columns - besideBar - titleWidth));
  const titleRoom = Math.min(titleWidth, columns - besideBar - bar);
  if (titleRoom >= Math.min(titleWidth, MIN_TITLE)) return sections.map((s) => sectionRow(s, titleRoom, bar, withRating, style));
  // No bars: the ratings go too rather than cut the titles short.
  const rating = withRating && columns - 2 - 2 - 5 - ratingWidth >= Math.min(titleWidth, MIN_TITLE);
  const room = Math.max(1, Math.min(titleWidth, columns - 2 - 2 - 5 - (rating ? ratingWidth : 0)));
  return sections.map((s) => sectionRow(s, room, 0, rating, style));
}

function sectionRow(section: SectionScore, titleRoom: number, bar: number, withRating: boolean, style: Style): string {
  const title = fitWidth(section.title, titleRoom);
  const padded = title + ' '.repeat(Math.max(0, titleRoom - stringWidth(title)));
  const figure = score1(section.score).padStart(5);
  const rating = withRating ? style.dim(`  ${section.rating}`) : '';
  if (bar === 0) return `  ${padded}  ${figure}${rating}`;
  const filled = section.score === null ? 0 : Math.round((section.score / 100) * bar);
  const bars = section.score === null ? style.dim('·'.repeat(bar)) : `${'█'.repeat(filled)}${style.dim('░'.repeat(bar - filled))}`;
  return `  ${padded}  ${bars} ${figure}${rating}`;
}
