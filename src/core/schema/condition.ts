import * as z from 'zod';
import { slug, text, whenSound } from './common.js';
import { MAX_TEXT_LENGTH } from './limits.js';

// Conditions are data, never code: a small tree of all / any / not over tests of earlier answers
// and of facts the tool derives (roadmap delivery, claims, spend). `answered` is true for a value
// or not applicable; `declined` for a question the vendor would not answer.

const VALUE_OPERATORS = ['equals', 'notEquals', 'in', 'notIn', 'gt', 'gte', 'lt', 'lte', 'includes'] as const;
const STATE_OPERATORS = ['answered', 'declined', 'evidenced', 'notApplicable'] as const;
export const NUMERIC_OPERATORS = ['gt', 'gte', 'lt', 'lte'] as const;
const OPERATORS = [...VALUE_OPERATORS, ...STATE_OPERATORS] as const;
export type Operator = (typeof OPERATORS)[number];

export const FACTS = [
  'claims.count',
  'roadmap.count',
  'roadmap.due',
  'roadmap.delivered',
  'roadmap.onTime',
  'roadmap.late',
  'roadmap.slipped',
  'roadmap.overdue',
  'roadmap.dropped',
  'roadmap.maxQuartersLate',
  'history.snapshots',
  'history.promisesKept',
  'history.promisesBroken',
  'spend.amount',
] as const;
export type Fact = (typeof FACTS)[number];

type Scalar = string | number | boolean;

export interface QuestionTest {
  question: string;
  equals?: Scalar;
  notEquals?: Scalar;
  in?: Scalar[];
  notIn?: Scalar[];
  gt?: number;
  gte?: number;
  lt?: number;
  lte?: number;
  includes?: string;
  answered?: boolean;
  declined?: boolean;
  evidenced?: boolean;
  notApplicable?: boolean;
}

export interface FactTest {
  fact: Fact;
  equals?: number;
  notEquals?: number;
  gt?: number;
  gte?: number;
  lt?: number;
  lte?: number;
}

export type Condition = { all: Condition[] } | { any: Condition[] } | { not: Condition } | QuestionTest | FactTest;

const scalar = z.union([text(MAX_TEXT_LENGTH), z.number(), z.boolean()]);

function exactlyOneOperator(test: Record<string, unknown>): boolean {
  return OPERATORS.filter((op) => test[op] !== undefined).length === 1;
}
const ONE_OPERATOR = {
  error: `needs exactly one test: one of ${OPERATORS.join(', ')}`,
  when: whenSound,
};

const questionTest = z
  .strictObject({
    question: slug,
    equals: scalar.optional(),
    notEquals: scalar.optional(),
    in: z.array(scalar).min(1).optional(),
    notIn: z.array(scalar).min(1).optional(),
    gt: z.number().optional(),
    gte: z.number().optional(),
    lt: z.number().optional(),
    lte: z.number().optional(),
    includes: text(MAX_TEXT_LENGTH).optional(),
    answered: z.boolean().optional(),
    declined: z.boolean().optional(),
    evidenced: z.boolean().optional(),
    notApplicable: z.boolean().optional(),
  })
  .refine(exactlyOneOperator, ONE_OPERATOR);

const factTest = z
  .strictObject({
    fact: z.enum(FACTS, { error: `must be one of the facts: ${FACTS.join(', ')}` }),
    equals: z.number().optional(),
    notEquals: z.number().optional(),
    gt: z.number().optional(),
    gte: z.number().optional(),
    lt: z.number().optional(),
    lte: z.number().optional(),
  })
  .refine(exactlyOneOperator, ONE_OPERATOR);

export const conditionSchema: z.ZodType<Condition> = z.lazy(() =>
  z.union([
    z.strictObject({ all: z.array(conditionSchema).min(1) }),
    z.strictObject({ any: z.array(conditionSchema).min(1) }),
    z.strictObject({ not: conditionSchema }),
    questionTest,
    factTest,
  ]),
);

export function isQuestionTest(c: Condition): c is QuestionTest {
  return 'question' in c;
}

export function isFactTest(c: Condition): c is FactTest {
  return 'fact' in c;
}

export function operatorOf(test: QuestionTest | FactTest): Operator {
  const op = OPERATORS.find((o) => (test as unknown as Record<string, unknown>)[o] !== undefined);
  if (!op) throw new Error('condition without an operator');
  return op;
}

/** Every question a condition reads, in the order written. */
export function questionsIn(condition: Condition): string[] {
  if ('all' in condition) return condition.all.flatMap(questionsIn);
  if ('any' in condition) return condition.any.flatMap(questionsIn);
  if ('not' in condition) return questionsIn(condition.not);
  return isQuestionTest(condition) ? [condition.question] : [];
}
