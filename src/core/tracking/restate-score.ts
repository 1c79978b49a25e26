import { parseQuestionLine } from '../findings/build-findings.js';
import { isCommon, type QuestionComparison } from '../findings/question-classes.js';
import { indexQuestionnaire } from '../questionnaire-index.js';
import type { VendorFinding } from '../schema/findings.js';
import type { Questionnaire } from '../schema/questionnaire.js';
import { ratingScore, scoreSections } from '../scoring/score-sections.js';
import type { SectionScore } from '../scoring/types.js';

// A score of an earlier edition restated in the newer edition's terms, so that a crosswalk can make
// two scores comparable: the older question lines are moved to the newer ids through the common
// pairs (the same definition, or declared the same meaning), then scored with the newer edition's
// sections and weights. Only when every question that counts in either score is such a pair: a
// question that counts on one side alone would make the two numbers different measures. Pure.

/** The newer edition as it scored the newer quarter, and how its questions meet the older ones. */
export interface Bridge {
  questionnaire: Questionnaire;
  /** Newer id → the older id it measures the same as. */
  olderIdOf: ReadonlyMap<string, string>;
  /** The older ids that have such a counterpart. */
  common: ReadonlySet<string>;
  /** Newer id → the key of the section that holds it. */
  sectionOf: ReadonlyMap<string, string>;
}

export function bridgeOf(newer: Questionnaire, classes: readonly QuestionComparison[]): Bridge {
  const olderIdOf = new Map(classes.filter(isCommon).map((c) => [c.id, c.was ?? c.id]));
  const sectionOf = new Map(indexQuestionnaire(newer).questions.map((q) => [q.question.id, q.sectionKey]));
  return { questionnaire: newer, olderIdOf, common: new Set(olderIdOf.values()), sectionOf };
}

export interface Restated {
  score: number | null;
  sections: SectionScore[];
}

/**
 * `before`'s score in the newer edition's terms (null when it had none); undefined when a question
 * counts (has points possible) in `before` or `after` without a common counterpart, and so the two
 * cannot be compared.
 */
export function restateScore(
  before: VendorFinding,
  after: VendorFinding,
  bridge: Bridge,
  parse: (line: string) => { points: number; possible: number } = parseQuestionLine,
): Restated | undefined {
  const counts = (line: string) => parse(line).possible > 0;
  for (const [id, line] of Object.entries(after.questions)) if (!bridge.olderIdOf.has(id) && counts(line)) return undefined;
  for (const [id, line] of Object.entries(before.questions)) if (!bridge.common.has(id) && counts(line)) return undefined;
  const questions = [];
  for (const [id, older] of bridge.olderIdOf) {
    const line = Object.hasOwn(before.questions, older) ? before.questions[older] : undefined;
    const section = bridge.sectionOf.get(id);
    if (line === undefined || section === undefined) continue;
    const { points, possible } = parse(line);
    questions.push({ section, points, possible });
  }
  const sections = scoreSections(bridge.questionnaire, questions);
  // Too little known for a score then is too little known still: restating weighs, it adds nothing.
  return { score: before.score === null ? null : ratingScore(bridge.questionnaire, sections, 'legitimacy').score, sections };
}
