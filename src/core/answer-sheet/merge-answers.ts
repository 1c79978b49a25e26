import type { QuestionnaireIndex } from '../questionnaire-index.js';
import type { Answer, Evidence, Vendor } from '../schema/vendor.js';
import { answerCell } from './answer-sheet.js';
import type { SheetAnswer } from './read-answer-sheet.js';

// The answers of a returned sheet merged into a vendor: an answer the sheet leaves empty keeps what
// is on record; one the sheet repeats unchanged is left exactly as it is (its date, who gave it, the
// evidence record's other fields), so that a sheet returned with no change changes nothing.

export interface AnswerChange {
  question: string;
  row: number;
  /** The answer before, as the sheet writes it; undefined when there was none. */
  before: string | undefined;
  after: string;
  /** What else changed: evidence, its date, the note. */
  also: string[];
}

export function mergeSheetAnswers(vendor: Vendor, sheet: readonly SheetAnswer[], index: QuestionnaireIndex): { vendor: Vendor; changes: AnswerChange[] } {
  const answers: Record<string, Answer> = { ...vendor.answers };
  const changes: AnswerChange[] = [];
  for (const row of sheet) {
    if (row.state.kind === 'empty') continue;
    const question = index.byId.get(row.question)?.question;
    if (!question) continue;
    const existing = vendor.answers[row.question];
    const next: Answer = { ...(existing ?? {}) } as Answer;
    delete next.value;
    delete next.declined;
    delete next.notApplicable;
    if (row.state.kind === 'value') next.value = row.state.value;
    else if (row.state.kind === 'declined') next.declined = row.state.reason;
    else next.notApplicable = row.state.reason;
    const evidence = sameEvidence(existing?.evidence, row.evidence)
      ? existing?.evidence
      : row.evidence && (row.evidence.date ? { ref: row.evidence.ref, date: row.evidence.date } : row.evidence.ref);
    if (evidence === undefined) delete next.evidence;
    else next.evidence = evidence;
    if (row.note === undefined) delete next.note;
    else if ((existing?.note ?? '').trim() !== row.note) next.note = row.note;
    const before = existing ? String(answerCell(question, existing) ?? '') : undefined;
    const after = String(answerCell(question, next) ?? '');
    const also: string[] = [];
    if (!sameEvidence(existing?.evidence, row.evidence))
      also.push(row.evidence ? (existing?.evidence ? 'evidence changed' : 'evidence added') : 'evidence removed');
    if ((existing?.note ?? '').trim() !== (row.note ?? '')) also.push(row.note ? (existing?.note ? 'note changed' : 'note added') : 'note removed');
    if (before === after && also.length === 0 && existing) continue;
    answers[row.question] = next;
    changes.push({ question: row.question, row: row.row, before, after, also });
  }
  return { vendor: { ...vendor, answers }, changes };
}

function sameEvidence(existing: Evidence | undefined, sheet: SheetAnswer['evidence']): boolean {
  if (existing === undefined || sheet === undefined) return existing === undefined && sheet === undefined;
  const ref = typeof existing === 'string' ? existing : existing.ref;
  const date = typeof existing === 'string' ? undefined : existing.date;
  return ref.trim() === sheet.ref && date === sheet.date;
}
