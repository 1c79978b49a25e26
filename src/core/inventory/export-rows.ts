import { parseQuestionLine } from '../findings/build-findings.js';
import { categoryLabel } from '../martech-categories.js';
import { indexQuestionnaire } from '../questionnaire-index.js';
import type { Findings } from '../schema/findings.js';
import type { Questionnaire } from '../schema/questionnaire.js';

// Findings as spreadsheet rows: one per vendor, or the matrix analysts reuse — one row per
// question, one column per vendor.

export function vendorRows(findings: Findings): unknown[][] {
  const sections = [...new Set(findings.vendors.flatMap((v) => Object.keys(v.sections)))];
  const header = [
    'period', 'rank', 'vendor_id', 'vendor', 'category', 'score', 'verdict', 'completeness', 'confidence', 'red_flags', 'critical_flags', 'high_flags',
    'annual_spend', 'currency', 'renewal', 'interviewed', 'promises_due', 'kept_on_time', 'delivered_late', 'slipped', 'dropped',
    ...sections.map((s) => `section_${s.replace(/\//g, '_')}`),
  ];
  const sorted = [...findings.vendors].sort((a, b) => b.score - a.score || a.name.localeCompare(b.name));
  let rank = 0;
  const rows = sorted.map((v, i) => {
    if (i === 0 || sorted[i - 1]!.score !== v.score) rank = i + 1;
    const state = (s: string) => v.roadmap.filter((c) => c.state === s).length;
    return [
      findings.period, rank, v.id, v.name, categoryLabel(v.category), v.score, v.verdict, v.completeness, v.confidence ?? '',
      v.redFlags.map((f) => f.id).join(' '), v.redFlags.filter((f) => f.severity === 'critical').length, v.redFlags.filter((f) => f.severity === 'high').length,
      v.spend?.amount ?? '', v.spend?.currency ?? '', v.renewal ?? '', v.interviewed ?? '',
      v.roadmap.filter((c) => c.state !== 'pending').length, state('on-time'), state('late'), state('slipped') + state('overdue'), state('dropped'),
      ...sections.map((s) => v.sections[s]?.score ?? ''),
    ];
  });
  return [header, ...rows];
}

/** Cells hold the points earned; "n/a" where not applicable, empty where the question was not asked. */
export function matrixRows(findings: Findings, questionnaire?: Questionnaire): unknown[][] {
  const vendors = [...findings.vendors].sort((a, b) => (a.id < b.id ? -1 : 1));
  const index = questionnaire ? indexQuestionnaire(questionnaire) : undefined;
  const ids = index ? index.questions.map((q) => q.question.id) : [...new Set(vendors.flatMap((v) => Object.keys(v.questions)))];
  const header = ['section', 'question_id', 'question', 'max_points', ...vendors.map((v) => v.id)];
  const totals = [
    ['', 'score', 'Score (0-100)', 100, ...vendors.map((v) => v.score)],
    ['', 'verdict', 'Verdict', '', ...vendors.map((v) => v.verdict)],
  ];
  const rows = ids.map((id) => {
    const entry = index?.byId.get(id);
    const lines = vendors.map((v) => (v.questions[id] === undefined ? undefined : parseQuestionLine(v.questions[id]!)));
    const max = Math.max(0, ...lines.map((l) => l?.possible ?? 0));
    return [
      entry?.sectionPath.join('/') ?? '',
      id,
      entry?.question.text ?? '',
      max,
      ...lines.map((l) => (l === undefined || l.state === 'hidden' ? '' : l.state === 'not-applicable' ? 'n/a' : l.points)),
    ];
  });
  return [header, ...totals, ...rows];
}
