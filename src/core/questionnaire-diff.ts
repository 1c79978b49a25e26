import { canonicalJson } from './digest.js';
import { classifyQuestions, type QuestionComparison } from './findings/question-classes.js';
import { questionnaireHash } from './findings/build-findings.js';
import { questionDefinitions } from './findings/question-definitions.js';
import { indexQuestionnaire } from './questionnaire-index.js';
import { verdictsOf, type CrosswalkEntry, type Question, type Questionnaire } from './schema/questionnaire.js';

// Two editions of a questionnaire side by side (`aiclaim questionnaire diff OLD NEW`): each
// question classed as diff classes it (the same, changed, renamed, added, removed), what changed in
// each (its text, options, points, condition…; a reworded help apart, as it does not change the
// question), what the newer edition's crosswalk declares, and the section weights and verdict
// bands that changed. Pure.
//
// Two files are editions of one questionnaire when their `id` is the same. Files of two different
// questionnaires are still compared, but by question id alone: the newer file's crosswalk and
// `replaces:` map questions of an earlier edition of *its own* questionnaire, so applied to another
// one they would pair questions that merely share an id, and the diff says they are not editions.

interface QuestionChangeDetail extends QuestionComparison {
  /** The parts of the question's definition that differ (text, type, options, points, when, …). */
  fields: string[];
  /** Only its help was reworded. */
  help: boolean;
  /** The crosswalk's note on the pair, if any. */
  note?: string | undefined;
}

/**
 * What makes the pair doubtful as two editions of one questionnaire, said before the comparison.
 * `different-questionnaires`: the ids differ. `version-not-bumped`: one id and one version, but
 * the content differs, so one version names two questionnaires. `order-reversed`: the newer file's
 * version is lower than the older's, so every added question is really a removed one.
 */
export type QuestionnaireDiffWarning = 'different-questionnaires' | 'version-not-bumped' | 'order-reversed';

export interface QuestionnaireDiff {
  from: { id: string; version: string; hash: string };
  to: { id: string; version: string; hash: string };
  /** The two are editions of one questionnaire (the same id): only then does the crosswalk apply. */
  sameQuestionnaire: boolean;
  warnings: QuestionnaireDiffWarning[];
  questions: QuestionChangeDetail[];
  sections: { key: string; change: 'added' | 'removed' | 'weight'; before?: number | undefined; after?: number | undefined }[];
  verdicts: { changed: boolean; before: { id: string; min: number }[]; after: { id: string; min: number }[] };
}

const NOT_DEFINING = new Set(['id', 'help', 'maps', 'replaces']);

/**
 * `joined`: a crosswalk file that joins these two editions (crosswalks.ts), which then applies
 * whatever their ids, in place of the newer edition's own `crosswalk:`.
 */
export function diffQuestionnaires(older: Questionnaire, newer: Questionnaire, joined?: readonly CrosswalkEntry[]): QuestionnaireDiff {
  const oldIndex = indexQuestionnaire(older);
  const newIndex = indexQuestionnaire(newer);
  // A crosswalk file declares the two editions of one measure, even under two ids.
  const sameQuestionnaire = older.id === newer.id || joined !== undefined;
  // The newer edition's mappings of its earlier editions' questions; none across questionnaires.
  const crosswalk = joined ?? (sameQuestionnaire ? (newer.crosswalk ?? []) : []);
  const renamed = new Map<string, string>();
  if (sameQuestionnaire) for (const { question } of newIndex.questions) for (const old of question.replaces ?? []) renamed.set(question.id, old);
  const classes = classifyQuestions(
    { ids: oldIndex.questions.map((q) => q.question.id), definitions: questionDefinitions(older) },
    { ids: newIndex.questions.map((q) => q.question.id), definitions: questionDefinitions(newer) },
    renamed,
    crosswalk,
  );
  const notes = new Map(crosswalk.map((c) => [c.to, c.note]));
  const questions = classes.map((c): QuestionChangeDetail => {
    const before = oldIndex.byId.get(c.was ?? c.id)?.question;
    const after = newIndex.byId.get(c.id)?.question;
    const fields = before && after && c.class !== 'removed' ? changedFields(before, after) : [];
    return {
      ...c,
      fields,
      help: before !== undefined && after !== undefined && (before.help ?? '') !== (after.help ?? ''),
      ...(notes.get(c.id) ? { note: notes.get(c.id) } : {}),
    };
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
  const from = { id: older.id, version: older.version, hash: questionnaireHash(older) };
  const to = { id: newer.id, version: newer.version, hash: questionnaireHash(newer) };
  return {
    from,
    to,
    sameQuestionnaire,
    warnings: editionWarnings(from, to).filter((w) => w !== 'different-questionnaires' || !sameQuestionnaire),
    questions,
    sections,
    verdicts: { changed: canonicalJson(verdicts.before) !== canonicalJson(verdicts.after), ...verdicts },
  };
}

/** What is doubtful about the two as an earlier and a later edition of one questionnaire, in the order said. */
function editionWarnings(from: QuestionnaireDiff['from'], to: QuestionnaireDiff['to']): QuestionnaireDiffWarning[] {
  if (from.id !== to.id) return ['different-questionnaires'];
  const order = compareVersions(from.version, to.version);
  if (order === 0) return from.hash === to.hash ? [] : ['version-not-bumped'];
  return order > 0 ? ['order-reversed'] : [];
}

/** MAJOR.MINOR.PATCH (the schema requires it) compared part by part as numbers: 2.10.0 is after 2.9.0. */
function compareVersions(a: string, b: string): number {
  const parts = (v: string) => v.split('.').map(Number);
  const [x, y] = [parts(a), parts(b)];
  for (let i = 0; i < Math.max(x.length, y.length); i++) if ((x[i] ?? 0) !== (y[i] ?? 0)) return (x[i] ?? 0) - (y[i] ?? 0);
  return 0;
}

/** The defining parts of two versions of a question that differ, in a stable order. */
function changedFields(before: Question, after: Question): string[] {
  const a = before as unknown as Record<string, unknown>;
  const b = after as unknown as Record<string, unknown>;
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].filter((k) => !NOT_DEFINING.has(k)).sort();
  return keys.filter((k) => canonicalJson(a[k] ?? null) !== canonicalJson(b[k] ?? null));
}
