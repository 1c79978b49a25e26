import type { QuestionnaireDiff, QuestionnaireDiffWarning } from '../core/questionnaire-diff.js';
import type { Style } from './style.js';

// Two editions of a questionnaire as the terminal shows them: the count of each class, then every
// question that is not the same with what changed in it, then section weights and verdict bands.
// What makes the two doubtful as editions of one questionnaire comes first, under the heading, so
// that it is read before any of the comparison it qualifies.
// Terminal text: the command hands in a model made safe with terminalSafe (terminal-text.ts).

export function questionnaireDiffText(diff: QuestionnaireDiff, style: Style): string {
  const count = (c: string) => diff.questions.filter((q) => q.class === c).length;
  const out = [
    style.bold(`${diff.from.id} ${diff.from.version} (${diff.from.hash.slice(0, 8)}) → ${diff.to.id} ${diff.to.version} (${diff.to.hash.slice(0, 8)})`),
    ...diff.warnings.map((w) => style.yellow(warningText(w, diff))),
    `Questions: ${count('same')} the same, ${count('changed')} changed, ${count('renamed')} renamed, ${count('added')} added, ${count('removed')} removed.`,
  ];
  const rows: string[] = [];
  for (const q of diff.questions) {
    if (q.class === 'same') {
      if (q.help) rows.push(`  ${'same'.padEnd(8)} ${q.id}: only its help was reworded`);
      continue;
    }
    const declared = q.declared ? ` · the crosswalk says: ${q.declared === 'same' ? 'same meaning' : 'changed meaning'}${q.note ? ` (${q.note})` : ''}` : '';
    const what = q.fields.length ? `: ${q.fields.join(', ')} changed` : '';
    if (q.class === 'renamed') rows.push(`  ${'renamed'.padEnd(8)} ${q.id} (was ${q.was})${what}${q.sameMeaning ? ' · same meaning' : ''}${declared}`);
    else rows.push(`  ${q.class.padEnd(8)} ${q.id}${what}${declared}`);
  }
  if (rows.length) out.push('', ...rows);
  if (diff.sections.length) {
    out.push('', style.bold('Sections'));
    for (const s of diff.sections) out.push(s.change === 'weight' ? `  ${s.key}: weight ${s.before} → ${s.after}` : `  ${s.change.padEnd(8)} ${s.key}`);
  }
  const bands = (b: QuestionnaireDiff['verdicts']['before']) => b.map((v) => `${v.id} ≥ ${v.min}`).join(', ');
  out.push(
    '',
    diff.verdicts.changed ? `Verdicts: ${bands(diff.verdicts.before)} → ${bands(diff.verdicts.after)}` : `Verdicts: the same (${bands(diff.verdicts.after)})`,
  );
  return `${out.join('\n')}\n`;
}

/** One plain line per warning. */
function warningText(warning: QuestionnaireDiffWarning, diff: QuestionnaireDiff): string {
  const { from, to } = diff;
  switch (warning) {
    case 'different-questionnaires':
      return `${from.id} and ${to.id} are different questionnaires, not two editions of one: the comparison below is question by question only, and no crosswalk applies.`;
    case 'version-not-bumped':
      return `Both files are ${to.id} ${to.version} but their content differs: the version was not bumped.`;
    case 'order-reversed':
      return `The newer edition (${to.version}) has a lower version than the older (${from.version}): the order looks reversed; give the older edition first.`;
  }
}
