import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { buildFindings, parseQuestionLine, questionLinePoints, questionnaireHash, vendorFinding } from '../../src/core/findings/build-findings.js';
import { loadFindings, loadQuestionnaire } from '../../src/core/load/load-files.js';
import { addQuarters, periodEndDate, periodOfDate, quartersBetween } from '../../src/core/period.js';
import { findingsSchema } from '../../src/core/schema/findings.js';
import { scoreVendor } from '../../src/core/scoring/score-vendor.js';
import { findingsYaml } from '../../src/render/findings-yaml.js';
import { oneSection, vendor } from '../helpers/build.js';

const q = oneSection([
  { id: 'a', text: 'A?', type: 'boolean', points: 2, evidence: 'required' },
  { id: 'b', text: 'B?', type: 'number', unit: 'x', bands: [{ gte: 10, points: 3 }], when: { question: 'a', equals: true } },
]);

function findingsFor(vendors: ReturnType<typeof vendor>[]) {
  return buildFindings(
    { period: '2026-Q4', questionnaire: q, tool: 'aiclaim 0.0.0' },
    vendors.map((v) => vendorFinding(v, scoreVendor(q, v, { period: '2026-Q4' }), { file: `vendors/${v.id}.yaml`, hash: '0123456789abcdef' })),
  );
}

describe('findings', () => {
  const zeta = vendor({ id: 'zeta', name: 'Zeta', answers: { a: { value: true }, b: { value: 12 } } });
  const alpha = vendor({ id: 'alpha', name: 'Alpha', answers: { a: { value: false } } });

  test('are sorted by vendor id and valid against their schema', () => {
    const findings = findingsFor([zeta, alpha]);
    expect(findings.vendors.map((v) => v.id)).toEqual(['alpha', 'zeta']);
    expect(findingsSchema.safeParse(findings).success).toBe(true);
  });

  test("a question line's points and possible are read as parseQuestionLine reads them, for any line", () => {
    const digits = fc.stringMatching(/^[0-9]{1,18}$/);
    const decimal = fc.oneof(
      digits,
      fc.tuple(digits, digits).map(([a, b]) => `${a}.${b}`),
      fc.constantFrom('', '.5', '5.', '-1', '1e3', ' 2'),
    );
    const line = fc
      .tuple(decimal, fc.constantFrom('/', '//', ' ', ''), decimal, fc.constantFrom(' answered 0123abcd', ' hidden', '', '/3 x', '  evidenced'))
      .map((parts) => parts.join(''));
    fc.assert(
      fc.property(fc.oneof(line, fc.string()), (text) => {
        const { points, possible } = parseQuestionLine(text);
        expect(questionLinePoints(text)).toStrictEqual({ points, possible });
      }),
      { numRuns: 20_000 },
    );
    expect(questionLinePoints('12.25/20.5 answered 4db211e5')).toStrictEqual({ points: 12.25, possible: 20.5 });
  });

  test('keep one line per question: points, possible, state and answer digest', () => {
    const [, z] = findingsFor([zeta, alpha]).vendors;
    expect(parseQuestionLine(z!.questions.a!)).toMatchObject({ points: 1, possible: 2, state: 'unverified' });
    expect(parseQuestionLine(z!.questions.b!)).toMatchObject({ points: 3, possible: 3, state: 'answered' });
    expect(z!.questions.a).toMatch(/^1\/2 unverified [0-9a-f]{8}$/);
    const [a] = findingsFor([alpha]).vendors;
    expect(a!.questions.b).toBe('0/0 hidden');
  });

  test('the same inputs give the same bytes', () => {
    expect(findingsYaml(findingsFor([zeta, alpha]), '../schemas/findings.schema.json')).toBe(
      findingsYaml(findingsFor([alpha, zeta]), '../schemas/findings.schema.json'),
    );
  });

  test('written findings read back as the same data', () => {
    const findings = findingsFor([zeta, alpha]);
    const loaded = loadFindings(findingsYaml(findings, 'x.json'), 'f.yaml');
    expect(loaded.ok && loaded.value).toEqual(findings);
  });

  test('the answers digest changes with an answer, not with key order', () => {
    const reordered = vendor({ id: 'zeta', name: 'Zeta', answers: { b: { value: 12 }, a: { value: true } } });
    const changed = vendor({ id: 'zeta', name: 'Zeta', answers: { a: { value: true }, b: { value: 13 } } });
    const digest = (v: ReturnType<typeof vendor>) => findingsFor([v]).vendors[0]!.digest;
    expect(digest(reordered)).toBe(digest(zeta));
    expect(digest(changed)).not.toBe(digest(zeta));
  });
});

describe('questionnaire hash', () => {
  const text =
    'schema: aiclaim/questionnaire@1\nid: t\nversion: 1.0.0\ntitle: T\nsections:\n  - { id: s, title: S, weight: 2, questions: [{ id: a, text: A, type: boolean, points: 1 }] }\n';
  const hash = (source: string) => {
    const loaded = loadQuestionnaire(source, 'q.yaml');
    if (!loaded.ok) throw new Error('invalid');
    return questionnaireHash(loaded.value);
  };

  test('ignores comments and layout', () => {
    expect(hash(`# a comment\n${text}`)).toBe(hash(text));
  });

  test('changes when a weight or a rule changes', () => {
    expect(hash(text.replace('weight: 2', 'weight: 3'))).not.toBe(hash(text));
    expect(hash(text.replace('points: 1', 'points: 2'))).not.toBe(hash(text));
  });
});

describe('periods', () => {
  test.each([
    ['2026-Q4', '2027-Q2', 2],
    ['2026-Q3', '2026-Q3', 0],
    ['2027-Q1', '2026-Q4', -1],
  ])('%s to %s is %d quarters', (from, to, n) => {
    expect(quartersBetween(from, to)).toBe(n);
  });

  test('quarter arithmetic and calendar', () => {
    expect(addQuarters('2026-Q4', 1)).toBe('2027-Q1');
    expect(periodEndDate('2026-Q1')).toBe('2026-03-31');
    expect(periodEndDate('2026-Q4')).toBe('2026-12-31');
    expect(periodOfDate(new Date('2026-11-22T12:00:00Z'))).toBe('2026-Q4');
  });
});
