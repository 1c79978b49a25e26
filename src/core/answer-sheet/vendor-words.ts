import type { QuestionnaireIndex } from '../questionnaire-index.js';
import { isFactTest, operatorOf, type Condition, type Fact, type FactTest, type QuestionTest } from '../schema/condition.js';
import type { Question } from '../schema/questionnaire.js';
import { formatNumber } from '../scoring/format-answer.js';

// A questionnaire as the vendor reads it: how to answer each question, when it applies, and its
// help, in words and option labels. Nothing here tells how an answer is scored: no points, no
// bands, no verdicts, no red flags, no framework references (a vendor would read how to score well).

/**
 * Questions a vendor answers in the sheet. A list bound to the claims or the roadmap is listed on its
 * own sheet, and its row on the Answers sheet says whether there is anything to list ("None" is a
 * fact, an empty cell is not); a track record is computed, never asked.
 */
export function askedInSheet(question: Question): boolean {
  return question.type !== 'track-record' && (question.type !== 'list' || listSheet(question) !== undefined);
}

/** The sheet a list question is listed on: Claims or Roadmap; undefined for any other question. */
export function listSheet(question: Question): 'Claims' | 'Roadmap' | undefined {
  if (question.type !== 'list') return undefined;
  return question.binds === 'claims' ? 'Claims' : question.binds === 'roadmap' ? 'Roadmap' : undefined;
}

/** What a list question's Answer cell may say: its items are on their sheet, or there are none. */
export function listLabels(sheet: 'Claims' | 'Roadmap'): { listed: string; none: string } {
  return { listed: `Listed on the ${sheet} sheet`, none: 'None' };
}

/** "Yes or No", "One of: A / B / C", "A number, in records", … */
export function howToAnswer(question: Question): string {
  switch (question.type) {
    case 'boolean':
      return 'Yes or No';
    case 'choice':
      return `One of: ${question.options.map((o) => o.label).join(' / ')}`;
    case 'multi':
      return `One or more of, separated by ";": ${question.options.map((o) => o.label).join(' / ')}`;
    case 'number': {
      const bounds = [
        question.min !== undefined ? `at least ${formatNumber(question.min)}` : '',
        question.max !== undefined ? `at most ${formatNumber(question.max)}` : '',
      ].filter(Boolean);
      return `A ${question.integer ? 'whole ' : ''}number, in ${question.unit}${bounds.length ? ` (${bounds.join(', ')})` : ''}; 40 million or 40M work too`;
    }
    case 'date':
      return 'A date, written YYYY-MM-DD';
    case 'quarter':
      return 'A quarter, written YYYY-Qn (e.g. 2027-Q1)';
    case 'text':
      return 'Text, in your own words';
    case 'list': {
      const sheet = listSheet(question);
      if (!sheet) return 'A list: describe each item';
      const { listed, none } = listLabels(sheet);
      return `One row each on the ${sheet} sheet, and "${listed}" here; or "${none}" if there are none`;
    }
    case 'track-record':
      return 'Not asked';
  }
}

/** The option labels a cell may hold, for a dropdown; undefined where the answer is free. */
export function allowedLabels(question: Question): string[] | undefined {
  if (question.type === 'boolean') return ['Yes', 'No'];
  if (question.type === 'choice' || question.type === 'multi') return question.options.map((o) => o.label);
  const sheet = listSheet(question);
  if (sheet) return Object.values(listLabels(sheet));
  return undefined;
}

/** What is asked as evidence, or undefined when none is. */
export function evidenceAsked(question: Question): string | undefined {
  if (question.evidence === 'required') return 'Evidence asked: a document or a web address that shows it, and the date the document bears (YYYY-MM-DD).';
  if (question.evidence === 'optional') return 'Evidence welcome: a document or a web address, and the date it bears (YYYY-MM-DD).';
  return undefined;
}

/**
 * Words that tell how answers are scored. A help text written for the interviewer may say "Decisive"
 * or "earns its points only with evidence": those sentences are left out of what the vendor reads.
 */
const SCORING_WORDS = /\b(?:(?<!data )points?|scor(?:e|es|ed|ing)|verdicts?|red[ -]flags?|flags?|decisive|weight(?:s|ed|ing)?|capped|caps?)\b/i;

/** A help text without the sentences that speak of scoring. */
export function vendorHelp(help: string | undefined): string | undefined {
  if (!help) return undefined;
  const sentences = help.trim().split(/(?<=[.!?])\s+(?=[A-Z"“(])/);
  const kept = sentences
    .filter((s) => !SCORING_WORDS.test(s))
    .join(' ')
    .trim();
  return kept === '' ? undefined : kept;
}

const LIST_TEXT: Record<'Claims' | 'Roadmap', string> = {
  Claims: 'Which public AI claims do you make?',
  Roadmap: 'Which AI roadmap commitments have you made to customers?',
};

const LIST_HELP: Record<'Claims' | 'Roadmap', string> = {
  Claims:
    'Your public AI claims (website, deck, case study, sales email): each word for word, with where it was made (a web address or a document) and the date it was made.',
  Roadmap:
    'Your dated AI roadmap commitments to customers: what was promised, the quarter it was promised and the quarter it is due, and where it stands: planned, delivered in YYYY-Qn, slipped to YYYY-Qn, or dropped.',
};

/** A question's text as the vendor reads it: a claims or roadmap question is written for the team that records them. */
export function vendorQuestionText(question: Question): string {
  const sheet = listSheet(question);
  return sheet ? LIST_TEXT[sheet] : question.text;
}

/**
 * A question's help as the vendor reads it. A claims or roadmap question's help is written for the
 * team that records them; the vendor reads what to list instead.
 */
export function vendorQuestionHelp(question: Question): string | undefined {
  const sheet = listSheet(question);
  return sheet ? LIST_HELP[sheet] : vendorHelp(question.help);
}

/** A question's text, short enough to quote in a condition. */
function quoted(text: string, max = 70): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return `'${flat.length > max ? `${flat.slice(0, max - 1).trimEnd()}…` : flat}'`;
}

const FACT_WORDS: Record<Fact, string> = {
  'claims.count': 'the number of AI claims recorded',
  'roadmap.count': 'the number of roadmap commitments recorded',
  'roadmap.due': 'the number of roadmap commitments due',
  'roadmap.delivered': 'the number of roadmap commitments delivered',
  'roadmap.onTime': 'the number of roadmap commitments delivered on time',
  'roadmap.late': 'the number of roadmap commitments delivered late',
  'roadmap.slipped': 'the number of roadmap commitments slipped',
  'roadmap.overdue': 'the number of roadmap commitments overdue',
  'roadmap.dropped': 'the number of roadmap commitments dropped',
  'roadmap.maxQuartersLate': 'the most quarters a roadmap commitment is late',
  'history.snapshots': 'the number of earlier reviews',
  'history.promisesKept': 'the number of roadmap promises kept in earlier reviews',
  'history.promisesBroken': 'the number of roadmap promises broken in earlier reviews',
  'spend.amount': 'the annual spend',
};

const COMPARISON: Record<string, string> = { gt: 'more than', gte: 'at least', lt: 'less than', lte: 'at most', equals: 'exactly', notEquals: 'other than' };

/** "Answer only if you answered Yes to 'Does the vendor train…'", or undefined for a question always asked. */
export function onlyIf(question: Question, index: QuestionnaireIndex): string | undefined {
  return question.when ? `Answer only if ${conditionWords(question.when, index)}` : undefined;
}

/** A condition in the vendor's words, with option labels and question texts instead of ids and values. */
function conditionWords(condition: Condition, index: QuestionnaireIndex): string {
  if ('all' in condition) return condition.all.map((c) => conditionWords(c, index)).join(', and ');
  if ('any' in condition)
    return condition.any.length === 1 ? conditionWords(condition.any[0]!, index) : `either ${condition.any.map((c) => conditionWords(c, index)).join(', or ')}`;
  if ('not' in condition) return `it is not so that ${conditionWords(condition.not, index)}`;
  return isFactTest(condition) ? factWords(condition) : questionTestWords(condition, index);
}

function factWords(test: FactTest): string {
  const op = operatorOf(test);
  const value = test[op as keyof FactTest] as number;
  return `${FACT_WORDS[test.fact]} is ${COMPARISON[op] ?? op} ${formatNumber(value)}`;
}

/** An option value, a yes/no or a figure as the vendor reads it. */
function valueWords(question: Question | undefined, value: unknown): string {
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  if (question && (question.type === 'choice' || question.type === 'multi')) {
    const option = question.options.find((o) => o.value === value);
    if (option) return `'${option.label}'`;
  }
  if (typeof value === 'number') return question?.type === 'number' ? `${formatNumber(value)} ${question.unit}` : formatNumber(value);
  return `'${String(value)}'`;
}

function questionTestWords(test: QuestionTest, index: QuestionnaireIndex): string {
  const question = index.byId.get(test.question)?.question;
  const subject = question ? quoted(question.text) : `'${test.question}'`;
  const op = operatorOf(test);
  const value = test[op as keyof QuestionTest];
  const one = (v: unknown) => valueWords(question, v);
  const several = (vs: unknown[]) => (vs.length === 1 ? one(vs[0]) : `one of ${vs.map(one).join(', ')}`);
  switch (op) {
    case 'equals':
      return question?.type === 'number' ? `your answer to ${subject} is exactly ${one(value)}` : `you answered ${one(value)} to ${subject}`;
    case 'notEquals':
      return `you answered ${subject} with something other than ${one(value)}`;
    case 'in':
      return `you answered ${several(value as unknown[])} to ${subject}`;
    case 'notIn':
      return `you answered ${subject} with none of ${(value as unknown[]).map(one).join(', ')}`;
    case 'gt':
    case 'gte':
    case 'lt':
    case 'lte':
      return `your answer to ${subject} is ${COMPARISON[op]} ${one(value)}`;
    case 'includes':
      return `you chose ${one(value)} in ${subject}`;
    case 'answered':
      return value ? `you answered ${subject}` : `you did not answer ${subject}`;
    case 'declined':
      return value ? `you would not say in ${subject}` : `you did not decline ${subject}`;
    case 'evidenced':
      return value ? `you gave evidence for ${subject}` : `you gave no evidence for ${subject}`;
    case 'notApplicable':
      return value ? `you answered ${subject} as not applicable` : `${subject} applies to you`;
  }
}

/** What a claim asserts, in words: "'How many training records…' is at least 25,000,000 records". */
export function assertionWords(assertion: { question: string } & Record<string, unknown>, index: QuestionnaireIndex): string {
  const question = index.byId.get(assertion.question)?.question;
  const subject = question ? quoted(question.text) : `'${assertion.question}'`;
  const op = (['equals', 'in', 'gt', 'gte', 'lt', 'lte', 'includes'] as const).find((o) => assertion[o] !== undefined);
  if (!op) return subject;
  const value = assertion[op];
  if (op === 'in') return `${subject} is one of ${(value as unknown[]).map((v) => valueWords(question, v)).join(', ')}`;
  if (op === 'includes') return `${subject} includes ${valueWords(question, value)}`;
  if (op === 'equals') return `${subject} is ${valueWords(question, value)}`;
  return `${subject} is ${COMPARISON[op]} ${valueWords(question, value)}`;
}
