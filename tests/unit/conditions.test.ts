import { describe, expect, test } from 'vitest';
import { describeCondition } from '../../src/core/conditions/describe-condition.js';
import { evaluateCondition, type AnswerState } from '../../src/core/conditions/evaluate-condition.js';
import { FACTS, type Condition, type Fact } from '../../src/core/schema/condition.js';

const facts = { ...Object.fromEntries(FACTS.map((f) => [f, 0])), 'roadmap.slipped': 2 } as Record<Fact, number>;
const answers = new Map<string, AnswerState>([
  ['flag', { value: true, notApplicable: false, evidenced: true }],
  ['choice', { value: 'b', notApplicable: false, evidenced: false }],
  ['multi', { value: ['x', 'y'], notApplicable: false, evidenced: false }],
  ['count', { value: 1500, notApplicable: false, evidenced: true }],
  ['na', { notApplicable: true, evidenced: false }],
]);
const holds = (condition: Condition) => evaluateCondition(condition, { answers, facts });

describe('evaluateCondition', () => {
  test.each<[string, Condition, boolean]>([
    ['equals a boolean', { question: 'flag', equals: true }, true],
    ['equals the other boolean', { question: 'flag', equals: false }, false],
    ['notEquals', { question: 'choice', notEquals: 'a' }, true],
    ['in', { question: 'choice', in: ['a', 'b'] }, true],
    ['notIn', { question: 'choice', in: ['a', 'c'] }, false],
    ['includes an option of a multi answer', { question: 'multi', includes: 'y' }, true],
    ['includes a missing option', { question: 'multi', includes: 'z' }, false],
    ['gte', { question: 'count', gte: 1500 }, true],
    ['gt', { question: 'count', gt: 1500 }, false],
    ['lt', { question: 'count', lt: 2000 }, true],
    ['lte', { question: 'count', lte: 1499 }, false],
    ['answered', { question: 'count', answered: true }, true],
    ['not applicable counts as answered', { question: 'na', answered: true }, true],
    ['a missing answer is unanswered', { question: 'missing', answered: false }, true],
    ['a test on a missing answer is false', { question: 'missing', equals: true }, false],
    ['notEquals on a missing answer is false too', { question: 'missing', notEquals: 'x' }, false],
    ['a numeric test on a missing answer is false', { question: 'missing', lt: 10 }, false],
    ['evidenced', { question: 'flag', evidenced: true }, true],
    ['not evidenced', { question: 'choice', evidenced: false }, true],
    ['an unanswered question is not evidenced', { question: 'missing', evidenced: false }, true],
    ['notApplicable', { question: 'na', notApplicable: true }, true],
    ['a fact', { fact: 'roadmap.slipped', gte: 2 }, true],
    ['a fact below', { fact: 'roadmap.slipped', gt: 2 }, false],
    ['all', { all: [{ question: 'flag', equals: true }, { question: 'count', gte: 1000 }] }, true],
    ['all with one false', { all: [{ question: 'flag', equals: true }, { question: 'count', gte: 5000 }] }, false],
    ['any', { any: [{ question: 'flag', equals: false }, { question: 'count', gte: 1000 }] }, true],
    ['not', { not: { question: 'flag', equals: true } }, false],
  ])('%s', (_, condition, expected) => {
    expect(holds(condition)).toBe(expected);
  });
});

describe('describeCondition', () => {
  test('reads as words', () => {
    expect(describeCondition({ question: 'model-origin', in: ['fine-tuned', 'open-weight'] })).toBe('model-origin is one of fine-tuned, open-weight');
    expect(describeCondition({ all: [{ question: 'a', equals: true }, { not: { fact: 'claims.count', gte: 1 } }] })).toBe('all of (a is yes; not (claims.count ≥ 1))');
    expect(describeCondition({ question: 'x', answered: false })).toBe('x is unanswered');
  });
});
