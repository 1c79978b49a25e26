import { parseQuestionLine } from '../findings/build-findings.js';
import { isFinding } from '../findings/flag-ref.js';
import { cellsOf, namesOf, VENDOR_COLUMNS } from '../findings/vendor-columns.js';
import { indexQuestionnaire } from '../questionnaire-index.js';
import { compareFindings } from '../scoring/score-rows.js';
import { ABSENT_STATES, type Findings } from '../schema/findings.js';
import { own } from '../schema/limits.js';
import type { Questionnaire } from '../schema/questionnaire.js';

// Findings as spreadsheet rows: one per vendor, or the matrix analysts reuse — one row per
// question, one column per vendor.

export function vendorRows(findings: Findings): unknown[][] {
  const sections = [...new Set(findings.vendors.flatMap((v) => Object.keys(v.sections)))];
  const { identity, risk, assurance, redFlags, stack } = VENDOR_COLUMNS;
  const header = [
    'period',
    'rank',
    ...namesOf(identity),
    'decisive_answered',
    'decisive_required',
    risk.name,
    'safeguards',
    ...namesOf(assurance),
    redFlags.name,
    'critical_flags',
    'high_flags',
    'open_questions',
    'claims_contradicted',
    ...namesOf(stack),
    'interviewed',
    'promises_due',
    'kept_on_time',
    'delivered_late',
    'slipped',
    'dropped',
    ...sections.map((s) => `section_${s.replace(/\//g, '_')}`),
  ];
  const sorted = [...findings.vendors].sort(compareFindings);
  let rank = 0;
  const rows = sorted.map((v, i) => {
    if (v.score !== null && (i === 0 || sorted[i - 1]!.score !== v.score)) rank = i + 1;
    const state = (s: string) => v.roadmap.filter((c) => c.state === s).length;
    // Findings only: a flag waiting on missing answers is an open question, counted apart.
    const found = v.redFlags.filter(isFinding);
    return [
      findings.period,
      v.score === null ? '' : rank,
      ...cellsOf(identity, v),
      v.decisive?.answered ?? '',
      v.decisive?.required ?? '',
      risk.value(v),
      v.risk?.safeguards ?? '',
      ...cellsOf(assurance, v),
      redFlags.value(v),
      found.filter((f) => f.severity === 'critical').length,
      found.filter((f) => f.severity === 'high').length,
      v.redFlags.length - found.length,
      (v.claims ?? []).filter((c) => c.checks.some((k) => k.outcome === 'contradicted')).length,
      ...cellsOf(stack, v),
      v.interviewed ?? '',
      v.roadmap.filter((c) => c.state !== 'pending').length,
      state('on-time'),
      state('late'),
      state('slipped') + state('overdue'),
      state('dropped'),
      ...sections.map((s) => own(v.sections, s)?.score ?? ''),
    ];
  });
  return [header, ...rows];
}

/** Cells hold the points earned; "declined" where the vendor would not say, "n/a" where not applicable, empty where not asked (or ruled out). */
export function matrixRows(findings: Findings, questionnaire?: Questionnaire): unknown[][] {
  const vendors = [...findings.vendors].sort((a, b) => (a.id < b.id ? -1 : 1));
  const index = questionnaire ? indexQuestionnaire(questionnaire) : undefined;
  const ids = index ? index.questions.map((q) => q.question.id) : [...new Set(vendors.flatMap((v) => Object.keys(v.questions)))];
  const header = ['section', 'question_id', 'question', 'max_points', ...vendors.map((v) => v.id)];
  const totals = [
    ['', 'score', 'Score (0-100)', 100, ...vendors.map((v) => v.score ?? '')],
    ['', 'verdict', 'Verdict', '', ...vendors.map((v) => v.verdict)],
    ...(vendors.some((v) => v.risk) ? [['', 'risk', 'Risk', '', ...vendors.map((v) => v.risk?.rating ?? '')]] : []),
  ];
  const rows = ids.map((id) => {
    const entry = index?.byId.get(id);
    const lines = vendors.map((v) => {
      const line = own(v.questions, id);
      return line === undefined ? undefined : parseQuestionLine(line);
    });
    const max = Math.max(0, ...lines.map((l) => l?.possible ?? 0));
    return [
      entry?.sectionPath.join('/') ?? '',
      id,
      entry?.question.text ?? '',
      max,
      ...lines.map((l) =>
        l === undefined || ABSENT_STATES.has(l.state) ? '' : l.state === 'not-applicable' ? 'n/a' : l.state === 'declined' ? 'declined' : l.points,
      ),
    ];
  });
  return [header, ...totals, ...rows];
}
