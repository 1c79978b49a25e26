import type { QuestionScore } from '../core/scoring/types.js';
import { CAUSE_TEXT, type CommitmentChange, type FindingsDiff, type QuestionSide, type VendorDiff } from '../core/tracking/diff-findings.js';
import { money, points, score1, severityStyle, verdictStyle, type Style } from './style.js';
import { boxWidth, dropping, fittedTableText, type FitColumn } from './fit-table.js';
import { cellWidth, tableText } from './table.js';

// A diff of two snapshots on one screen: who got better, who got worse, which promises were kept.
// Terminal text: the command hands in a model made safe with terminalSafe (terminal-text.ts).

/** A vendor as the diff's table reads it: without its per-question lines (a vendor's own diff shows those). */
export type TableVendor = Omit<VendorDiff, 'questions'>;
export type DiffTable = Omit<FindingsDiff, 'vendors'> & { vendors: TableVendor[] };

/** What diffText reads of a diff, and so all that needs making safe for the terminal. */
export function diffTable(diff: FindingsDiff): DiffTable {
  return { ...diff, vendors: diff.vendors.map(({ questions: _questions, ...vendor }) => vendor) };
}

const signed = (n: number) => (n > 0 ? `+${score1(n)}` : n < 0 ? `−${score1(-n)}` : '0.0');

export function diffHeadline(diff: DiffTable): string[] {
  const { from, to, summary } = diff;
  const edition = (q: FindingsDiff['from']['questionnaire']) => `${q.id} ${q.version} (${q.hash.slice(0, 8)})`;
  const changed = `${edition(from.questionnaire)} → ${edition(to.questionnaire)}`;
  // What was compared: the snapshots as they are, or the vendors scored again with one questionnaire.
  const same = diff.rescored
    ? `rescored with ${diff.rescored.questionnaire.id} ${diff.rescored.questionnaire.version}${from.questionnaire.hash === to.questionnaire.hash && to.questionnaire.hash === diff.rescored.questionnaire.hash ? '' : ` (the snapshots: ${changed})`}`
    : from.questionnaire.hash === to.questionnaire.hash
      ? `same questionnaire (${to.questionnaire.id} ${to.questionnaire.version})`
      : `questionnaire changed: ${changed}`;
  const lines = [`${from.period} → ${to.period} · ${same}`];
  if (diff.rescored) lines.push(rescoredLine(diff.rescored, from.period, to.period));
  const compared = diff.vendors.length - summary.notComparable;
  const counts = [
    ...(compared > 0 || summary.notComparable === 0
      ? [
          `${summary.improved} improved`,
          `${summary.regressed} regressed`,
          `${summary.unchanged} unchanged`,
          ...(summary.assessed ? [`${summary.assessed} newly assessed`] : []),
          ...(summary.unassessed ? [`${summary.unassessed} no longer assessed`] : []),
        ]
      : []),
    ...(summary.notComparable ? [`${summary.notComparable} not comparable`] : []),
    `${summary.added} added`,
    `${summary.dropped} dropped`,
  ];
  lines.push(`${counts.join(' · ')}${diff.tolerance && compared > 0 ? ` (moves within ${diff.tolerance} points count as unchanged)` : ''}`);
  for (const c of diff.spend.byCurrency) {
    const unassessed = c.notAssessed ? `; ${money(c.notAssessed, c.currency)} in vendors not assessed` : '';
    lines.push(
      `${money(c.below, c.currency)} of ${money(c.total, c.currency)} annual spend (${c.total ? Math.round((100 * c.below) / c.total) : 0}%) is now in ${c.vendors.length} vendor${c.vendors.length === 1 ? '' : 's'} scoring under ${diff.spend.threshold}${unassessed}`,
    );
  }
  const restated = diff.vendors.filter((v) => v.by === 'restated');
  if (summary.notComparable > 0 || restated.length > 0) lines.push(questionClassesLine(diff));
  if (restated.length > 0) lines.push(restatedLine(diff, restated));
  if (summary.notComparable > 0) {
    const why =
      restated.length > 0 || diff.questionnaireChanges.crosswalk
        ? 'a question that counts in their scores is in one edition only, or does not measure the same in both'
        : 'they were given by different questionnaires';
    lines.push(
      `${summary.notComparable === diff.vendors.length ? "No vendor's scores are comparable" : `${summary.notComparable} of ${diff.vendors.length} vendors' scores are not comparable`}: ${why}, so no move is counted for them, none "moved most", and no gate applies to them. Each shows the share of its points on questions common to both editions and what moved there; pass --rescore to score both quarters with one questionnaire${diff.questionnaireChanges.crosswalk ? '' : ', or declare which questions measure the same in a crosswalk'}.`,
    );
  }
  return lines;
}

/** Scores of two editions compared by restating the older one: which vendors, in what terms, by which crosswalk. */
function restatedLine(diff: DiffTable, restated: readonly TableVendor[]): string {
  const who =
    restated.length === diff.vendors.length
      ? `every vendor in both quarters (${restated.length})`
      : restated.length <= 8
        ? restated.map((v) => v.name).join(', ')
        : `${restated.length} vendors`;
  const crosswalk = diff.questionnaireChanges.crosswalk;
  const by = crosswalk
    ? ` and the crosswalk${crosswalk.file ? ` in ${crosswalk.file}` : ` of ${diff.to.questionnaire.id} ${diff.to.questionnaire.version}`}`
    : '';
  return `Compared by restating the ${diff.from.period} score in ${diff.to.questionnaire.id} ${diff.to.questionnaire.version}'s sections and weights: ${who}. Every question that counts in both their scores is common to both editions, by its definition${by}; the score the ${diff.from.period} snapshot records is kept as before.recorded in JSON.`;
}

/** "Questions: 44 the same, 9 changed, 1 renamed, 6 added, 2 removed." */
function questionClassesLine(diff: DiffTable): string {
  const classes = diff.questionnaireChanges.questions;
  const count = (c: string) => classes.filter((q) => q.class === c).length;
  const renamed = classes.filter((q) => q.class === 'renamed');
  const declared = classes.filter((q) => q.class === 'changed' && q.declared === 'same').length;
  const parts = [
    `${count('same')} the same`,
    `${count('changed')} changed${declared ? ` (${declared} the same in meaning, by the crosswalk${diff.questionnaireChanges.crosswalk?.file ? ` in ${diff.questionnaireChanges.crosswalk.file}` : ''})` : ''}`,
    ...(renamed.length
      ? [`${renamed.length} renamed${renamed.some((r) => !r.sameMeaning) ? ` (${renamed.filter((r) => !r.sameMeaning).length} with a new meaning)` : ''}`]
      : []),
    `${count('added')} added`,
    `${count('removed')} removed`,
  ];
  const unknown =
    classes.length > 0 && !classes[0]!.known
      ? ` (the question definitions of ${diff.from.questionnaire.id} ${diff.from.questionnaire.version} are not at hand: a question in both is counted as changed)`
      : '';
  return `Questions: ${parts.join(', ')}${unknown}.`;
}

function rescoredLine(rescored: NonNullable<FindingsDiff['rescored']>, from: string, to: string): string {
  const q = `${rescored.questionnaire.id} ${rescored.questionnaire.version}`;
  const scored = `${rescored.vendors.length} vendor${rescored.vendors.length === 1 ? '' : 's'} rescored for ${from} and ${to} with ${q}`;
  return rescored.notRescored.length
    ? `${scored}; not rescored, so compared as their snapshots hold them: ${rescored.notRescored.map((n) => `${n.id} (${n.reason})`).join(', ')}`
    : `${scored}: every vendor in both quarters.`;
}

/** Δ for a vendor, in words where no number can be given. */
export function deltaWords(v: TableVendor): string {
  if (v.movement === 'not-comparable') return 'not comparable';
  if (v.movement === 'assessed') return 'new verdict';
  if (v.movement === 'unassessed') return 'no verdict';
  return signed(v.delta);
}

/** For a vendor whose scores are not comparable: "common 62%: +3 pts". */
export function commonWords(v: TableVendor): string {
  if (!v.common) return '—';
  const pts = v.common.points;
  return `common ${Math.round(v.common.share * 100)}%: ${pts > 0 ? '+' : pts < 0 ? '−' : '±'}${points(Math.abs(pts))} pts`;
}

/** Comparable vendors first, by their move; then the others by name. */
export function byMove(a: TableVendor, b: TableVendor): number {
  return Number(!a.comparable) - Number(!b.comparable) || b.delta - a.delta || a.name.localeCompare(b.name);
}

/** The diff; with a `width` (a terminal's), its table fitted to it. */
export function diffText(diff: DiffTable, style: Style, width?: number): string {
  const out: string[] = diffHeadline(diff).map((l, i) => (i === 0 ? style.bold(l) : l));
  const moved = diff.vendors.filter(
    (v) =>
      v.movement !== 'unchanged' || v.flagsRaised.length || v.flagsCleared.length || v.after.verdict !== v.before.verdict || v.after.risk !== v.before.risk,
  );
  const movedSet = new Set(moved);
  const still = diff.vendors.filter((v) => !movedSet.has(v));
  const rated = diff.vendors.some((v) => v.before.risk !== undefined || v.after.risk !== undefined);
  const tones = new Map(diff.verdicts.map((v) => [v.id, v.tone]));
  const toneOf = (verdict: string) => tones.get(verdict);
  if (moved.length) {
    const rows = [...moved].sort(byMove).map((v) => {
      const deltaStyle = v.movement === 'improved' ? style.green : v.movement === 'regressed' ? style.red : (t: string) => t;
      return [
        v.name,
        `${score1(v.before.score)} → ${score1(v.after.score)}`,
        deltaStyle(deltaWords(v)),
        v.before.verdict === v.after.verdict
          ? verdictStyle(style, toneOf(v.after.verdict))(v.after.verdict)
          : `${v.before.verdict} → ${verdictStyle(style, toneOf(v.after.verdict))(v.after.verdict)}`,
        ...(rated ? [v.before.risk === v.after.risk ? (v.after.risk ?? '—') : `${v.before.risk ?? '—'} → ${v.after.risk ?? '—'}`] : []),
        v.comparable
          ? v.sections
              .slice(0, 1)
              .map((s) => `${s.id} ${signed(s.delta)}`)
              .join('\n') || '—'
          : commonWords(v),
        flagCell(v, style),
        whyCell(v),
      ];
    });
    const movedHead =
      diff.summary.notComparable === 0 ? 'Moved most' : diff.summary.notComparable === diff.vendors.length ? 'On common questions' : 'Moved most / common';
    const columns: FitColumn[] = [
      { head: 'Vendor', min: 12 },
      { head: 'Score', align: 'right' },
      { head: 'Δ', align: 'right' },
      { head: 'Verdict', min: 15 },
      ...(rated ? [{ head: 'Risk', min: 8 }] : []),
      { head: movedHead, min: 12 },
      { head: 'Red flags', min: 16 },
      { head: 'Why (question points)', min: 16 },
    ];
    // On a narrow terminal, dropped first to last; never the vendor, its scores or its verdict.
    const dropOrder = [movedHead, 'Why (question points)', 'Risk', 'Red flags', 'Δ'];
    out.push('', fittedTableText(dropping(columns, dropOrder), rows, style, width));
  }
  if (still.length) out.push('', style.dim(`Unchanged: ${still.map((v) => v.name).join(', ')}.`));
  out.push(...roadmapLines(diff, style));
  if (diff.added.length)
    out.push(
      '',
      `${style.bold('Added')}     ${diff.added.map((v) => `${v.name} (${v.score === null ? v.verdict : `${score1(v.score)}, ${v.verdict}`})`).join('; ')}`,
    );
  if (diff.dropped.length)
    out.push(
      `${style.bold('Dropped')}   ${diff.dropped.map((v) => `${v.name} (was ${v.score === null ? v.verdict : `${score1(v.score)}, ${v.verdict}`})`).join('; ')}`,
    );
  return `${out.join('\n')}\n`;
}

function flagCell(v: TableVendor, style: Style): string {
  // A flag raised once per claim is one line with its count; alone, it names its claim.
  const lines = (flags: VendorDiff['flagsRaised'], sign: string, colour: (f: VendorDiff['flagsRaised'][number]) => (text: string) => string) => {
    const byId = new Map<string, VendorDiff['flagsRaised']>();
    for (const f of flags) byId.set(f.id, [...(byId.get(f.id) ?? []), f]);
    return [...byId.values()].map((group) =>
      colour(group[0]!)(`${sign} ${group[0]!.id}${group.length > 1 ? ` ×${group.length}` : group[0]!.subject ? ` (${group[0]!.subject})` : ''}`),
    );
  };
  const raised = lines(v.flagsRaised, '+', (f) => severityStyle(style, f.severity));
  const cleared = lines(v.flagsCleared, '−', () => style.green);
  return [...raised, ...cleared].join('\n') || '—';
}

function whyCell(v: TableVendor): string {
  if (v.why.length === 0) return '—';
  return v.why
    .slice(0, 3)
    .map((w) =>
      w.cause === 'unexplained'
        ? 'no question changed: scored by another aiclaim version'
        : `${CAUSE_TEXT[w.cause]}${w.questions.length > 1 ? ` ×${w.questions.length}` : ''} ${w.points > 0 ? '+' : w.points < 0 ? '−' : '±'}${points(Math.abs(w.points))}`,
    )
    .join('\n');
}

const ROADMAP_ORDER: CommitmentChange['change'][] = ['delivered', 'slipped', 'newly-due', 'dropped', 'withdrawn'];
const ROADMAP_LABEL: Record<string, string> = {
  delivered: 'Delivered',
  slipped: 'Slipped',
  'newly-due': 'Newly due',
  dropped: 'Dropped',
  withdrawn: 'Withdrawn',
};

function roadmapLines(diff: DiffTable, style: Style): string[] {
  const rows: string[] = [];
  for (const kind of ROADMAP_ORDER) {
    const items = diff.vendors.flatMap((v) => v.roadmap.filter((c) => c.change === kind).map((c) => `${v.name} · ${c.title}${commitmentNote(c)}`));
    if (items.length) rows.push(`  ${ROADMAP_LABEL[kind]!.padEnd(10)} ${items.join('\n             ')}`);
  }
  return rows.length ? ['', style.bold('Roadmap commitments'), ...rows] : [];
}

export function commitmentNote(c: CommitmentChange): string {
  const a = c.after;
  switch (c.change) {
    case 'delivered':
      return a?.state === 'late'
        ? ` (${c.quartersLate} quarter${c.quartersLate === 1 ? '' : 's'} late, in ${a.deliveredIn})`
        : ` (on time, ${a?.deliveredIn ?? ''})`;
    case 'slipped':
      return ` (${c.quartersLate} quarter${c.quartersLate === 1 ? '' : 's'} late${a?.revisedDue ? `, now promised for ${a.revisedDue}` : a?.state === 'overdue' ? ', overdue' : ''})`;
    case 'newly-due':
      return ` (due ${a?.due})`;
    case 'withdrawn':
      return ` (due ${c.before?.revisedDue ?? c.before?.due}; gone from the file without delivery)`;
    default:
      return '';
  }
}

/** One vendor in detail: sections, flags, roadmap and every question that changed, side by side. */
export function vendorDiffText(
  diff: FindingsDiff,
  v: VendorDiff,
  explained: { before?: Map<string, QuestionScore>; after?: Map<string, QuestionScore> },
  style: Style,
  width?: number,
): string {
  const out: string[] = [];
  out.push(style.bold(`${v.name} (${v.id}) · ${diff.from.period} → ${diff.to.period}`));
  const moved =
    v.movement === 'not-comparable'
      ? 'not comparable'
      : v.movement === 'assessed'
        ? 'a verdict now, none before'
        : v.movement === 'unassessed'
          ? 'too little known now for a verdict'
          : signed(v.delta);
  out.push(
    `Score ${score1(v.before.score)} → ${score1(v.after.score)} (${moved}) · ${v.before.verdict} → ${v.after.verdict}${v.before.risk !== undefined || v.after.risk !== undefined ? ` · risk ${v.before.risk ?? '—'} → ${v.after.risk ?? '—'}` : ''}`,
  );
  if (v.by === 'restated') {
    out.push(
      style.yellow(
        `Scored with two editions (${diff.from.questionnaire.id} ${diff.from.questionnaire.version} → ${diff.to.questionnaire.id} ${diff.to.questionnaire.version}): the ${diff.from.period} score is restated in the newer edition's sections and weights, ${score1(v.before.score)} (recorded ${score1(v.before.recorded ?? null)}), as every question that counts in both scores is common to both editions.`,
      ),
    );
  }
  if (v.common) {
    out.push(
      style.yellow(
        `The two scores were given by different questionnaires (${diff.from.questionnaire.id} ${diff.from.questionnaire.version} → ${diff.to.questionnaire.id} ${diff.to.questionnaire.version}): no move is measured. ${Math.round(v.common.share * 100)}% of the points it can earn now are on the ${v.common.questions} questions common to both editions, where it moved ${v.common.points > 0 ? '+' : ''}${points(v.common.points)} question points. Pass --rescore to compare like for like.`,
      ),
    );
  }
  out.push('', style.bold('Why it moved'));
  for (const w of v.why)
    out.push(
      `  ${w.cause === 'unexplained' ? 'no question changed' : CAUSE_TEXT[w.cause]}: ${w.questions.join(', ') || '—'} (${w.points > 0 ? '+' : ''}${points(w.points)} question points)`,
    );
  if (v.why.length === 0) out.push('  nothing moved');
  if (v.sections.length) {
    const rows = v.sections.map((s) => [s.id, score1(s.before), score1(s.after), signed(s.delta)]);
    out.push('', tableText(['Section', 'Before', 'After', 'Δ'], rows, style, ['left', 'right', 'right', 'right']));
  }
  const flags = [
    ...v.flagsRaised.map((f) => `  raised   ${f.severity} ${f.id}: ${f.title}`),
    ...v.flagsCleared.map((f) => `  cleared  ${f.severity} ${f.id}: ${f.title}`),
  ];
  const ask = v.questions.filter(
    (q) => q.after?.state === 'not-asked' && q.before !== undefined && q.before.state !== 'not-asked' && q.before.state !== 'hidden',
  );
  if (flags.length) out.push('', style.bold('Red flags (findings)'), ...flags);
  if (ask.length) out.push('', style.dim(`Answers withdrawn, now not asked: ${ask.map((q) => q.id).join(', ')}`));
  const roadmap = v.roadmap.filter((c) => c.change !== 'unchanged').map((c) => `  ${c.change.padEnd(10)} ${c.title}${commitmentNote(c)}`);
  if (roadmap.length) out.push('', style.bold('Roadmap'), ...roadmap);
  const changed = v.questions.filter((q) => q.group !== 'unchanged');
  const side = (s: QuestionSide | undefined, x: QuestionScore | undefined) =>
    s ? `${points(s.points)}/${points(s.possible)} ${s.state}${x?.answer ? `\n${x.answer}` : ''}${x?.notes.length ? `\n${x.notes.join('; ')}` : ''}` : '—';
  const rows = changed.map((q) => [
    q.was ? `${q.id}\n(was ${q.was})` : q.id,
    q.group,
    side(q.before, explained.before?.get(q.was ?? q.id)),
    side(q.after, explained.after?.get(q.id)),
    signed(q.delta),
    q.causes.map((c) => CAUSE_TEXT[c]).join('\n') || '—',
  ]);
  const head = ['Question', 'Group', diff.from.period, diff.to.period, 'Δ', 'Why'];
  // Too wide for the terminal, the side-by-side table becomes a list: nothing in it is cut.
  const natural = head.map((h, i) => rows.reduce((w, row) => Math.max(w, cellWidth(row[i]!)), cellWidth(h)));
  const table =
    width !== undefined && boxWidth(natural) > width
      ? questionList(head, rows)
      : tableText(head, rows, style, ['left', 'left', 'left', 'left', 'right', 'left']);
  out.push('', style.bold(`Questions that changed (${changed.length} of ${v.questions.length})`), changed.length ? table : '  none');
  return `${out.join('\n')}\n`;
}

/**
 * The question table as a list, for a terminal too narrow for it: a line per question (id, group,
 * Δ, why), then each quarter's side under it. Prose, wrapped by the caller to the width.
 */
function questionList(head: readonly string[], rows: readonly (readonly string[])[]): string {
  return rows
    .map(([question, group, before, after, delta, why]) => {
      const side = (period: string, text: string) => text.split('\n').map((line, i) => `    ${i === 0 ? period : ' '.repeat(period.length)}  ${line}`);
      return [
        `  ${question!.split('\n').join(' ')} · ${group} · Δ ${delta} · ${why!.split('\n').join(', ')}`,
        ...side(head[2]!, before!),
        ...side(head[3]!, after!),
      ].join('\n');
    })
    .join('\n');
}
