import { isFactTest, operatorOf, type Condition, type FactTest, type QuestionTest } from '../schema/condition.js';

// A condition in words, for outlines and explanations: "model-origin is one of fine-tuned, open-weight".

const WORDS: Record<string, string> = {
  equals: 'is',
  notEquals: 'is not',
  in: 'is one of',
  notIn: 'is none of',
  gt: '>',
  gte: '≥',
  lt: '<',
  lte: '≤',
  includes: 'includes',
};

export function describeCondition(condition: Condition): string {
  if ('all' in condition)
    return condition.all.length === 1 ? describeCondition(condition.all[0]!) : `all of (${condition.all.map(describeCondition).join('; ')})`;
  if ('any' in condition)
    return condition.any.length === 1 ? describeCondition(condition.any[0]!) : `any of (${condition.any.map(describeCondition).join('; ')})`;
  if ('not' in condition) return `not (${describeCondition(condition.not)})`;
  return describeTest(condition);
}

function describeTest(test: QuestionTest | FactTest): string {
  const subject = isFactTest(test) ? test.fact : test.question;
  const op = operatorOf(test);
  const value = (test as unknown as Record<string, unknown>)[op];
  if (op === 'answered') return `${subject} is ${value ? 'answered' : 'unanswered'}`;
  if (op === 'declined') return `${subject} is ${value ? '' : 'not '}declined`;
  if (op === 'evidenced') return `${subject} is ${value ? '' : 'not '}backed by evidence`;
  if (op === 'notApplicable') return `${subject} is ${value ? '' : 'not '}answered not applicable`;
  const shown = Array.isArray(value) ? value.map(String).join(', ') : typeof value === 'boolean' ? (value ? 'yes' : 'no') : String(value);
  return `${subject} ${WORDS[op] ?? op} ${shown}`;
}
