import { canonicalJson, contentHash } from '../digest.js';
import { indexQuestionnaire } from '../questionnaire-index.js';
import type { Questionnaire } from '../schema/questionnaire.js';

// What defines each question, as a short digest: its text, type, options, unit, bounds,
// condition, evidence rule and points. Its id (so that a renamed question can be the same
// question), help, framework references and the ids it replaces do not define it: a question whose
// help was reworded is the same question. A snapshot carries these digests so that two quarters
// scored with different editions can be compared question by question.

export type QuestionDefinitions = Record<string, string>;

export function questionDefinitions(questionnaire: Questionnaire): QuestionDefinitions {
  const out: QuestionDefinitions = {};
  for (const { question } of indexQuestionnaire(questionnaire).questions) {
    const { id: _id, help: _help, maps: _maps, replaces: _replaces, ...defining } = question as typeof question & { maps?: unknown; replaces?: unknown };
    out[question.id] = contentHash(canonicalJson(defining)).slice(0, 8);
  }
  return out;
}
