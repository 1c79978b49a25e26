import { CAUSE_TEXT, type FindingsDiff } from '../core/tracking/diff-findings.js';
import { byMove, commitmentNote, commonWords, deltaWords, diffHeadline } from './diff-text.js';
import { mdEscape, mdTable } from './markdown.js';
import { points, score1 } from './style.js';

// The same diff as Markdown, for a wiki page or a pull request. Every string that comes from a
// snapshot (names, verdicts, flag ids and subjects, roadmap titles) goes through mdEscape.

const signed = (n: number) => (n > 0 ? `+${score1(n)}` : n < 0 ? `−${score1(-n)}` : '0.0');

export function diffMarkdown(diff: FindingsDiff): string {
  const [title, ...rest] = diffHeadline(diff);
  const out: string[] = [`# AI claims, ${mdEscape(title!)}\n`, ...rest.map((l) => `${mdEscape(l)}  `), ''];
  const rows = [...diff.vendors].sort(byMove).map((v) => [
    mdEscape(v.name),
    `${score1(v.before.score)} → ${score1(v.after.score)}`,
    deltaWords(v),
    mdEscape(v.before.verdict === v.after.verdict ? v.after.verdict : `${v.before.verdict} → ${v.after.verdict}`),
    mdEscape(v.before.risk === v.after.risk ? (v.after.risk ?? '—') : `${v.before.risk ?? '—'} → ${v.after.risk ?? '—'}`),
    v.comparable
      ? v.sections
          .slice(0, 2)
          .map((s) => `${mdEscape(s.id)} ${signed(s.delta)}`)
          .join('<br>') || '—'
      : mdEscape(commonWords(v)),
    [
      ...v.flagsRaised.map((f) => `+ ${mdEscape(`${f.id}${f.subject ? ` (${f.subject})` : ''} (${f.severity})`)}`),
      ...v.flagsCleared.map((f) => `− ${mdEscape(`${f.id}${f.subject ? ` (${f.subject})` : ''}`)}`),
    ].join('<br>') || '—',
    v.why
      .map((w) =>
        w.cause === 'unexplained' ? 'recomputed' : `${CAUSE_TEXT[w.cause]} (${w.questions.length}, ${w.points > 0 ? '+' : ''}${points(w.points)} pts)`,
      )
      .join('<br>') || '—',
  ]);
  out.push(
    mdTable(['Vendor', 'Score', 'Δ', 'Verdict', 'Risk', 'Moved most', 'Red flags', 'Why'], rows, [
      'left',
      'right',
      'right',
      'left',
      'left',
      'left',
      'left',
      'left',
    ]),
  );
  const roadmap = diff.vendors.flatMap((v) =>
    v.roadmap
      .filter((c) => c.change !== 'unchanged' && c.change !== 'added')
      .map((c) => `- **${mdEscape(c.change)}**: ${mdEscape(v.name)}, ${mdEscape(c.title)}${mdEscape(commitmentNote(c))}`),
  );
  if (roadmap.length) out.push('\n## Roadmap commitments\n', ...roadmap);
  if (diff.added.length)
    out.push('\n## Added\n', ...diff.added.map((v) => `- ${mdEscape(v.name)}: ${mdEscape(v.score === null ? v.verdict : `${score1(v.score)}, ${v.verdict}`)}`));
  if (diff.dropped.length)
    out.push(
      '\n## Dropped\n',
      ...diff.dropped.map((v) => `- ${mdEscape(v.name)}: was ${mdEscape(v.score === null ? v.verdict : `${score1(v.score)}, ${v.verdict}`)}`),
    );
  return `${out.join('\n')}\n`;
}
