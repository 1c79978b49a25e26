import { describe, expect, test } from 'vitest';
import { describeCondition } from '../../src/core/conditions/describe-condition.js';
import { evaluateCondition, truthOf, type AnswerState, type Truth } from '../../src/core/conditions/evaluate-condition.js';
import { FACTS, type Condition, type Fact } from '../../src/core/schema/condition.js';

const facts = { ...Object.fromEntries(FACTS.map((f) => [f, 0])), 'roadmap.slipped': 2 } as Record<Fact, number>;
const answers = new Map<string, AnswerState>([
  ['flag', { status: 'value', value: true, evidenced: true }],
  ['choice', { status: 'value', value: 'b', evidenced: false }],
  ['multi', { status: 'value', value: ['x', 'y'], evidenced: false }],
  ['count', { status: 'value', value: 1500, evidenced: true }],
  ['na', { status: 'not-applicable', evidenced: false }],
  ['refused', { status: 'declined', evidenced: false }],
  ['ruled-out', { status: 'hidden', evidenced: false }],
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
    [
      'all',
      {
        all: [
          { question: 'flag', equals: true },
          { question: 'count', gte: 1000 },
        ],
      },
      true,
    ],
    [
      'all with one false',
      {
        all: [
          { question: 'flag', equals: true },
          { question: 'count', gte: 5000 },
        ],
      },
      false,
    ],
    [
      'any',
      {
        any: [
          { question: 'flag', equals: false },
          { question: 'count', gte: 1000 },
        ],
      },
      true,
    ],
    ['not', { not: { question: 'flag', equals: true } }, false],
  ])('%s', (_, condition, expected) => {
    expect(holds(condition)).toBe(expected);
  });
});

describe('truthOf: what is known, in three values', () => {
  const truth = (condition: Condition) => truthOf(condition, { answers, facts });
  test.each<[string, Condition, Truth]>([
    ['a value test on an answer', { question: 'count', gte: 1000 }, 'yes'],
    ['a value test on a question not asked cannot be told', { question: 'missing', equals: true }, 'unknown'],
    ['nor can whether it was answered: it may yet be', { question: 'missing', answered: false }, 'unknown'],
    ['a decline is known not to be answered', { question: 'refused', answered: false }, 'yes'],
    ['and known to be declined', { question: 'refused', declined: true }, 'yes'],
    ['but its value is unknown: neither yes nor no', { question: 'refused', equals: false }, 'unknown'],
    ['a question ruled out by the answers is known to have no value', { question: 'ruled-out', equals: true }, 'no'],
    ['and to be unanswered', { question: 'ruled-out', answered: false }, 'yes'],
    [
      'all is false as soon as one part is false',
      {
        all: [
          { question: 'missing', equals: true },
          { question: 'flag', equals: false },
        ],
      },
      'no',
    ],
    [
      'all with an unknown part and no false one is unknown',
      {
        all: [
          { question: 'missing', equals: true },
          { question: 'flag', equals: true },
        ],
      },
      'unknown',
    ],
    [
      'any is true as soon as one part is true',
      {
        any: [
          { question: 'missing', equals: true },
          { question: 'flag', equals: true },
        ],
      },
      'yes',
    ],
    [
      'any with an unknown part and no true one is unknown',
      {
        any: [
          { question: 'missing', equals: true },
          { question: 'flag', equals: false },
        ],
      },
      'unknown',
    ],
    ['not of unknown is unknown', { not: { question: 'missing', equals: true } }, 'unknown'],
    ['facts are always known', { fact: 'roadmap.slipped', gte: 2 }, 'yes'],
  ])('%s', (_, condition, expected) => {
    expect(truth(condition)).toBe(expected);
  });

  test('what holds on what is known holds whatever the gaps turn out to be', () => {
    // The closed reading (a question not asked taken as unanswered) is one way the gaps can turn
    // out: whatever is "yes" on what is known must also be true there.
    const conditions: Condition[] = [
      {
        any: [
          { question: 'missing', answered: false },
          { question: 'refused', answered: false },
        ],
      },
      { all: [{ question: 'refused', declined: true }, { not: { question: 'ruled-out', answered: true } }] },
      {
        not: {
          all: [
            { question: 'missing', equals: true },
            { question: 'flag', equals: false },
          ],
        },
      },
    ];
    for (const c of conditions) {
      expect(truth(c)).toBe('yes');
      expect(holds(c)).toBe(true);
    }
  });
});

describe('describeCondition', () => {
  test('reads as words', () => {
    expect(describeCondition({ question: 'model-origin', in: ['fine-tuned', 'open-weight'] })).toBe('model-origin is one of fine-tuned, open-weight');
    expect(describeCondition({ all: [{ question: 'a', equals: true }, { not: { fact: 'claims.count', gte: 1 } }] })).toBe(
      'all of (a is yes; not (claims.count ≥ 1))',
    );
    expect(describeCondition({ question: 'x', answered: false })).toBe('x is unanswered');
    expect(describeCondition({ question: 'x', declined: true })).toBe('x is declined');
  });
});
