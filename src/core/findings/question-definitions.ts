import { canonicalJson, contentHash } from '../digest.js';
import { indexQuestionnaire } from '../questionnaire-index.js';
import type { Questionnaire, QuestionnaireIdentity } from '../schema/questionnaire.js';

// What defines each question, as a short digest: its text, type, options, unit, bounds,
// condition, evidence rule and points. Its id (so that a renamed question can be the same
// question), help, framework references and the ids it replaces do not define it: a question whose
// help was reworded is the same question. A snapshot carries these digests so that two quarters
// scored with different editions can be compared question by question.
//
// The digests are of the file as written (`questionnaireIdentity`, taken by the loader), not of
// the questionnaire as the schema fills it in: a default a later aiclaim adds changes nothing.

export type QuestionDefinitions = Readonly<Record<string, string>>;

const NOT_DEFINING = ['id', 'help', 'maps', 'replaces'];

export function questionDefinitions(questionnaire: Questionnaire): QuestionDefinitions {
  if (questionnaire.identity) return questionnaire.identity.questions;
  const out: Record<string, string> = {};
  for (const { question } of indexQuestionnaire(questionnaire).questions) out[question.id] = definitionDigest(question);
  return out;
}

/**
 * The digests of a questionnaire file's data as parsed from YAML, before any default (`raw`, which
 * passed its schema), and the legacy hash of the questionnaire as the schema read it (`read`).
 */
export function questionnaireIdentity(raw: unknown, read: Questionnaire): QuestionnaireIdentity {
  const questions: Record<string, string> = {};
  const visit = (sections: unknown) => {
    for (const section of asArray(sections)) {
      const s = section as { questions?: unknown; sections?: unknown };
      for (const question of asArray(s.questions)) {
        const id = (question as { id: string }).id;
        if (!Object.hasOwn(questions, id)) questions[id] = definitionDigest(question as object);
      }
      visit(s.sections);
    }
  };
  visit((raw as { sections?: unknown }).sections);
  return { hash: contentHash(canonicalJson(raw)), questions, legacy: contentHash(canonicalJson(read)) };
}

function definitionDigest(question: object): string {
  const defining = Object.fromEntries(Object.entries(question).filter(([key]) => !NOT_DEFINING.includes(key)));
  return contentHash(canonicalJson(defining)).slice(0, 8);
}

const asArray = (value: unknown): readonly unknown[] => (Array.isArray(value) ? value : []);
