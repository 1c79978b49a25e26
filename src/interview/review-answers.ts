import type { Draft } from '../core/interview/draft.js';
import type { IndexedSection } from '../core/questionnaire-index.js';
import { own } from '../core/schema/limits.js';
import type { Question, Questionnaire } from '../core/schema/questionnaire.js';
import type { Vendor } from '../core/schema/vendor.js';
import { formatAnswer } from '../core/scoring/format-answer.js';
import { shorten } from '../core/shorten.js';
import { terminalText } from '../render/terminal-text.js';
import { moved, QUIT_CHOICE, type Move } from './moves.js';
import { GoBack, type Prompter } from './prompter.js';
import { sectionTitle, shownQuestions } from './shown-questions.js';

// Before the vendor file is written: every answer by section, any of which can be asked again.

const WRITE = Symbol('write');
const SECTIONS = Symbol('sections');

export interface Review {
  period: string;
  sections: readonly IndexedSection[];
  /** Asks a question again, its answer on record the default. */
  ask: (question: Question, section: IndexedSection) => Promise<void>;
}

export async function reviewAnswers(questionnaire: Questionnaire, draft: Draft, prompter: Prompter, review: Review): Promise<void> {
  for (;;) {
    const bySection = questionsBySection(questionnaire, draft.vendor, review);
    const picked = moved(
      await prompter.select<typeof WRITE | string | Move>(
        'Every question is gone through. Before the vendor file is written, review the answers: choose a section to see and change them.',
        [
          { name: `Write vendors/${terminalText(draft.vendor.id)}.yaml`, value: WRITE },
          ...bySection.map(({ section, questions }) => ({
            name: `${sectionTitle(section, review.sections)}: ${tally(questions, draft.vendor)}`,
            value: section.key,
          })),
          QUIT_CHOICE,
        ],
        { default: WRITE },
      ),
    );
    if (picked === WRITE) return;
    const chosen = bySection.find((s) => s.section.key === picked);
    if (chosen) await reviewSection(chosen.section, draft, prompter, review, questionnaire);
  }
}

async function reviewSection(section: IndexedSection, draft: Draft, prompter: Prompter, review: Review, questionnaire: Questionnaire): Promise<void> {
  for (;;) {
    // Worked out again after each change: an answer may show or hide others.
    const questions = questionsBySection(questionnaire, draft.vendor, review).find((s) => s.section.key === section.key)?.questions ?? [];
    const picked = await prompter.select<typeof SECTIONS | string>(
      `${sectionTitle(section, review.sections)}: choose an answer to change`,
      [
        { name: '← Back to the sections', value: SECTIONS },
        ...questions.map((q) => ({ name: `${shorten(terminalText(q.text), 70)} — ${shorten(terminalText(shownAnswer(q, draft.vendor)), 60)}`, value: q.id })),
      ],
      { default: SECTIONS },
    );
    const question = questions.find((q) => q.id === picked);
    if (!question) return;
    try {
      await review.ask(question, section);
    } catch (error) {
      // "Back" from a question asked again: to the list, nothing of it changed.
      if (!(error instanceof GoBack)) throw error;
    }
  }
}

/** An answer as the review and the "nothing changed?" summary show it, one line. */
export function shownAnswer(question: Question, vendor: Vendor): string {
  if (question.type === 'list' && question.binds) return `${(vendor[question.binds] ?? []).length} recorded`;
  const answer = own(vendor.answers, question.id);
  if (answer === undefined) return 'not asked yet';
  const said =
    answer.notApplicable !== undefined
      ? 'not applicable'
      : answer.declined !== undefined
        ? `declined: ${answer.declined}`
        : formatAnswer(question, answer.value!);
  return `${said}${answer.note !== undefined ? ' (note)' : ''}`;
}

function tally(questions: readonly Question[], vendor: Vendor): string {
  const counts = { answered: 0, declined: 0, 'not applicable': 0, 'not asked yet': 0 };
  for (const q of questions) {
    const answer = own(vendor.answers, q.id);
    if (q.type === 'list' && q.binds) counts.answered++;
    else if (answer === undefined) counts['not asked yet']++;
    else if (answer.declined !== undefined) counts.declined++;
    else if (answer.notApplicable !== undefined) counts['not applicable']++;
    else counts.answered++;
  }
  return Object.entries(counts)
    .filter(([, n]) => n > 0)
    .map(([what, n]) => `${n} ${what}`)
    .join(', ');
}

/** The sections with questions shown, each with them, in asking order. */
function questionsBySection(questionnaire: Questionnaire, vendor: Vendor, review: Review): { section: IndexedSection; questions: Question[] }[] {
  const shown = shownQuestions(questionnaire, vendor, review.period);
  return review.sections
    .map((section) => ({ section, questions: shown.filter((s) => s.section === section).map((s) => s.question) }))
    .filter((s) => s.questions.length > 0);
}
