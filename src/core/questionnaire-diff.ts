import { canonicalJson } from './digest.js';
import { classifyQuestions, type QuestionComparison } from './findings/question-classes.js';
import { questionnaireHash } from './findings/build-findings.js';
import { questionDefinitions } from './findings/question-definitions.js';
import { indexQuestionnaire } from './questionnaire-index.js';
import { verdictsOf, type Question, type Questionnaire } from './schema/questionnaire.js';

// Two editions of a questionnaire side by side (`aiclaim questionnaire diff OLD NEW`): each
// question classed as diff classes it (the same, changed, renamed, added, removed), what changed in
// each (its text, options, points, condition…; a reworded help apart, as it does not change the
// question), what the newer edition's crosswalk declares, and the section weights and verdict
// bands that changed. Pure.

export interface QuestionChangeDetail extends QuestionComparison {
  /** The parts of the question's definition that differ (text, type, options, points, when, …). */
  fields: string[];
  /** Only its help was reworded. */
  help: boolean;
  /** The crosswalk's note on the pair, if any. */
  note?: string | undefined;
}

export interface QuestionnaireDiff {
  from: { id: string; version: string; hash: string };
  to: { id: string; version: string; hash: string };
  questions: QuestionChangeDetail[];
  sections: { key: string; change: 'added' | 'removed' | 'weight'; before?: number | undefined; after?: number | undefined }[];
  verdicts: { changed: boolean; before: { id: string; min: number }[]; after: { id: string; min: number }[] };
}

const NOT_DEFINING = new Set(['id', 'help', 'maps', 'replaces']);

export function diffQuestionnaires(older: Questionnaire, newer: Questionnaire): QuestionnaireDiff {
  const oldIndex = indexQuestionnaire(older);
  const newIndex = indexQuestionnaire(newer);
  const renamed = new Map<string, string>();
  for (const { question } of newIndex.questions) for (const old of question.replaces ?? []) renamed.set(question.id, old);
  const classes = classifyQuestions(
    { ids: oldIndex.questions.map((q) => q.question.id), definitions: questionDefinitions(older) },
    { ids: newIndex.questions.map((q) => q.question.id), definitions: questionDefinitions(newer) },
    renamed,
    newer.crosswalk,
  );
  const notes = new Map((newer.crosswalk ?? []).map((c) => [c.to, c.note]));
  const questions = classes.map((c): QuestionChangeDetail => {
    const before = oldIndex.byId.get(c.was ?? c.id)?.question;
    const after = newIndex.byId.get(c.id)?.question;
    const fields = before && after && c.class !== 'removed' ? changedFields(before, after) : [];
    return { ...c, fields, help: before !== undefined && after !== undefined && (before.help ?? '') !== (after.help ?? ''), ...(notes.get(c.id) ? { note: notes.get(c.id) } : {}) };
  });
  const weights = (q: Questionnaire) => new Map(indexQuestionnaire(q).sections.map((s) => [s.key, s.section.weight]));
  const oldWeights = weights(older);
  const newWeights = weights(newer);
  const sections: QuestionnaireDiff['sections'] = [];
  for (const [key, after] of newWeights) {
    const before = oldWeights.get(key);
    if (before === undefined) sections.push({ key, change: 'added', after });
    else if (before !== after) sections.push({ key, change: 'weight', before, after });
  }
  for (const [key, before] of oldWeights) if (!newWeights.has(key)) sections.push({ key, change: 'removed', before });
  const bands = (q: Questionnaire) => verdictsOf(q).verdicts.map((v) => ({ id: v.id, min: v.min }));
  const verdicts = { before: bands(older), after: bands(newer) };
  return {
    from: { id: older.id, version: older.version, hash: questionnaireHash(older) },
    to: { id: newer.id, version: newer.version, hash: questionnaireHash(newer) },
    questions,
    sections,
    verdicts: { changed: canonicalJson(verdicts.before) !== canonicalJson(verdicts.after), ...verdicts },
  };
}

/** The defining parts of two versions of a question that differ, in a stable order. */
function changedFields(before: Question, after: Question): string[] {
  const a = before as unknown as Record<string, unknown>;
  const b = after as unknown as Record<string, unknown>;
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].filter((k) => !NOT_DEFINING.has(k)).sort();
  return keys.filter((k) => canonicalJson(a[k] ?? null) !== canonicalJson(b[k] ?? null));
}
