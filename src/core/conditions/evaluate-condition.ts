import { isFactTest, type Condition, type Fact, type FactTest, type QuestionTest } from '../schema/condition.js';
import { own } from '../schema/limits.js';
import type { AnswerValue } from '../schema/vendor.js';

// Evaluates a condition against what is known of the answers and the derived facts.
//
// Silence is not a finding, so a condition has three outcomes: it holds, it does not, or it cannot
// be told yet because it reads a question nobody has asked (Kleene's three-valued logic: `all` is
// false as soon as one part is false, `any` true as soon as one part is true, `not` swaps). A
// declined question is known not to be answered, but its value is as unknown as one never asked.
// The closed reading, used to explain a flag and to ask what would hold if the gaps stayed gaps,
// takes a question not asked as absent: no value, not answered.

/** What is known of one question, in asking order. */
type AnswerStatus =
  /** A value was recorded. */
  | 'value'
  | 'not-applicable'
  /** The vendor would not say: a recorded fact, with no value. */
  | 'declined'
  /** Nobody has asked yet, or it cannot be told yet whether the question applies. */
  | 'not-asked'
  /** The answers so far rule the question out. */
  | 'hidden';

export interface AnswerState {
  status: AnswerStatus;
  value?: AnswerValue | undefined;
  evidenced: boolean;
}

export type Truth = 'yes' | 'no' | 'unknown';

export interface ConditionContext {
  /** What is known of each question, keyed by id; a question missing here has not been asked. */
  answers: ReadonlyMap<string, AnswerState>;
  facts: Readonly<Record<Fact, number>>;
}

const NOT_ASKED: AnswerState = { status: 'not-asked', evidenced: false };

/** Whether the condition holds on what is known: a question not asked makes a test on it unknown. */
export function truthOf(condition: Condition, context: ConditionContext): Truth {
  return evaluate(condition, context, true);
}

/** Whether the condition holds when every question not asked is taken as unanswered. */
export function evaluateCondition(condition: Condition, context: ConditionContext): boolean {
  return evaluate(condition, context, false) === 'yes';
}

function evaluate(condition: Condition, context: ConditionContext, open: boolean): Truth {
  // `all` is settled by its first part that does not hold, `any` by its first part that does.
  if ('all' in condition) return combine(condition.all, 'no', context, open);
  if ('any' in condition) return combine(condition.any, 'yes', context, open);
  if ('not' in condition) {
    const t = evaluate(condition.not, context, open);
    return t === 'yes' ? 'no' : t === 'no' ? 'yes' : 'unknown';
  }
  if (isFactTest(condition)) return truth(compareNumber(own(context.facts, condition.fact) ?? 0, condition));
  const answer = context.answers.get(condition.question) ?? NOT_ASKED;
  if (open && answer.status === 'not-asked') return 'unknown';
  if (open && answer.status === 'declined' && isValueTest(condition)) return 'unknown';
  return truth(questionTest(condition, answer));
}

function combine(parts: readonly Condition[], settles: 'yes' | 'no', context: ConditionContext, open: boolean): Truth {
  let result: Truth = settles === 'no' ? 'yes' : 'no';
  for (const part of parts) {
    const t = evaluate(part, context, open);
    if (t === settles) return settles;
    if (t === 'unknown') result = 'unknown';
  }
  return result;
}

const truth = (holds: boolean): Truth => (holds ? 'yes' : 'no');

/** A test of the answer's value, as opposed to its state (answered, declined, evidenced, not applicable). */
function isValueTest(test: QuestionTest): boolean {
  return test.answered === undefined && test.declined === undefined && test.notApplicable === undefined && test.evidenced === undefined;
}

/** A test on a question whose state is known (in the closed reading, not asked counts as absent). */
function questionTest(test: QuestionTest, answer: AnswerState): boolean {
  const answered = answer.status === 'value' || answer.status === 'not-applicable';
  if (test.answered !== undefined) return answered === test.answered;
  if (test.declined !== undefined) return (answer.status === 'declined') === test.declined;
  if (test.notApplicable !== undefined) return (answer.status === 'not-applicable') === test.notApplicable;
  if (test.evidenced !== undefined) return (answered && answer.evidenced) === test.evidenced;
  const value = answer.status === 'value' ? answer.value : undefined;
  if (value === undefined) return false;
  if (test.equals !== undefined) return value === test.equals;
  if (test.notEquals !== undefined) return value !== test.notEquals;
  if (test.in !== undefined) return test.in.includes(value as string);
  if (test.notIn !== undefined) return !test.notIn.includes(value as string);
  if (test.includes !== undefined) return Array.isArray(value) && value.includes(test.includes);
  return typeof value === 'number' && compareNumber(value, test);
}

function compareNumber(value: number, test: Pick<FactTest, 'gt' | 'gte' | 'lt' | 'lte'> & { equals?: unknown; notEquals?: unknown }): boolean {
  if (test.equals !== undefined) return value === test.equals;
  if (test.notEquals !== undefined) return value !== test.notEquals;
  if (test.gt !== undefined) return value > test.gt;
  if (test.gte !== undefined) return value >= test.gte;
  if (test.lt !== undefined) return value < test.lt;
  if (test.lte !== undefined) return value <= test.lte;
  return false;
}

/**
 * The tests that made a condition hold (in the closed reading), for explaining it: under `any`,
 * only the branches that held; under `not`, whatever it negates. Empty when it does not hold.
 */
export function satisfiedTests(condition: Condition, context: ConditionContext): (QuestionTest | FactTest)[] {
  if (!evaluateCondition(condition, context)) return [];
  if ('all' in condition) return condition.all.flatMap((c) => satisfiedTests(c, context));
  if ('any' in condition) return condition.any.flatMap((c) => satisfiedTests(c, context));
  if ('not' in condition) return leaves(condition.not);
  return [condition];
}

function leaves(condition: Condition): (QuestionTest | FactTest)[] {
  if ('all' in condition) return condition.all.flatMap(leaves);
  if ('any' in condition) return condition.any.flatMap(leaves);
  if ('not' in condition) return leaves(condition.not);
  return [condition];
}
