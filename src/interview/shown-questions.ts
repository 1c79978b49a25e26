import { indexQuestionnaire, type IndexedSection } from '../core/questionnaire-index.js';
import type { Question, Questionnaire } from '../core/schema/questionnaire.js';
import type { Vendor } from '../core/schema/vendor.js';
import { scoreVendor } from '../core/scoring/score-vendor.js';
import { terminalText } from '../render/terminal-text.js';

// Which questions the interview asks for the answers given so far, and how it names sections.

/** A question to ask, with where it sits. */
export interface Shown {
  question: Question;
  section: IndexedSection;
}

/** Every question shown for the answers given so far, in asking order (conditions read earlier answers). */
export function shownQuestions(questionnaire: Questionnaire, vendor: Vendor, period: string): Shown[] {
  const index = indexQuestionnaire(questionnaire);
  // One that depends on an answer left for later waits until that answer is given.
  const hidden = new Set(
    scoreVendor(questionnaire, vendor, { period })
      .questions.filter((q) => q.state === 'hidden' || q.pending)
      .map((q) => q.id),
  );
  const sections = new Map(index.sections.map((s) => [s.key, s]));
  return index.questions
    .filter((q) => !hidden.has(q.question.id) && q.question.type !== 'track-record')
    .map((q) => ({ question: q.question, section: sections.get(q.sectionKey)! }));
}

/** "Upstream › Training data": a section named with the sections it sits in. */
export function sectionTitle(section: IndexedSection, all: readonly IndexedSection[]): string {
  return section.path
    .map((_, i) => all.find((s) => s.key === section.path.slice(0, i + 1).join('/'))!.section.title)
    .map(terminalText)
    .join(' › ');
}
