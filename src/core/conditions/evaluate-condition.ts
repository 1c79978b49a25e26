import { isFactTest, type Condition, type Fact, type FactTest, type QuestionTest } from '../schema/condition.js';
import type { AnswerValue } from '../schema/vendor.js';

// Evaluates a condition against the answers of visible questions and the derived facts.
// A test on an answer that is missing (or hidden) is false; `answered: false` tests absence.

export interface AnswerState {
  value?: AnswerValue | undefined;
  notApplicable: boolean;
  evidenced: boolean;
}

export interface ConditionContext {
  /** Answers of questions that are visible, keyed by question id. */
  answers: ReadonlyMap<string, AnswerState>;
  facts: Readonly<Record<Fact, number>>;
}

export function evaluateCondition(condition: Condition, context: ConditionContext): boolean {
  if ('all' in condition) return condition.all.every((c) => evaluateCondition(c, context));
  if ('any' in condition) return condition.any.some((c) => evaluateCondition(c, context));
  if ('not' in condition) return !evaluateCondition(condition.not, context);
  if (isFactTest(condition)) return compareNumber(context.facts[condition.fact], condition);
  return evaluateQuestionTest(condition, context.answers.get(condition.question));
}

function evaluateQuestionTest(test: QuestionTest, answer: AnswerState | undefined): boolean {
  const answered = answer !== undefined && (answer.value !== undefined || answer.notApplicable);
  if (test.answered !== undefined) return answered === test.answered;
  if (test.notApplicable !== undefined) return (answer?.notApplicable ?? false) === test.notApplicable;
  if (test.evidenced !== undefined) return (answered && answer.evidenced) === test.evidenced;
  const value = answer?.value;
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
 * The tests that made a condition hold, for explaining it: under `any`, only the branches that
 * held; under `not`, whatever it negates. Empty when the condition does not hold.
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
