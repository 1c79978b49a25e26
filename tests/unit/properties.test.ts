import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { buildFindings, vendorFinding } from '../../src/core/findings/build-findings.js';
import { indexQuestionnaire } from '../../src/core/questionnaire-index.js';
import { questionnaireSchema, type Questionnaire } from '../../src/core/schema/questionnaire.js';
import { vendorSchema, type Vendor } from '../../src/core/schema/vendor.js';
import { scoreVendor } from '../../src/core/scoring/score-vendor.js';
import type { VendorScore } from '../../src/core/scoring/types.js';
import { diffFindings } from '../../src/core/tracking/diff-findings.js';
import { checkQuestionnaire } from '../../src/core/validate/check-questionnaire.js';
import { checkVendor } from '../../src/core/validate/check-vendor.js';

// Properties of the scoring and diff cores over generated questionnaires and answers: any valid
// questionnaire, any valid answer file.

const PERIOD = '2026-Q4';
const INTERVIEWED = '2026-10-01';
const RUNS = { numRuns: 300 };

// ---- questionnaires --------------------------------------------------------------------------

type QuestionSpec = {
  type: 'boolean' | 'choice' | 'multi' | 'number' | 'text';
  evidence: 'required' | 'optional' | 'none';
  notApplicable: boolean;
  points: number[];
  when?: { on: number; test: 'answered' | 'true' | 'false' } | undefined;
};

const points = fc.integer({ min: 0, max: 10 });

const questionSpec: fc.Arbitrary<QuestionSpec> = fc.record({
  type: fc.constantFrom('boolean', 'choice', 'multi', 'number', 'text'),
  evidence: fc.constantFrom('required', 'optional', 'none'),
  notApplicable: fc.boolean(),
  points: fc.array(points, { minLength: 3, maxLength: 3 }),
  when: fc.option(fc.record({ on: fc.nat(), test: fc.constantFrom('answered', 'true', 'false') }), { nil: undefined }),
});

type QuestionnaireSpec = {
  sections: { weight: number; questions: QuestionSpec[] }[];
  method: 'weighted-sections' | 'points';
  unverifiedShare: number;
  flags: { on: number; severity: 'critical' | 'high' | 'medium' | 'low' }[];
};

const questionnaireSpec: fc.Arbitrary<QuestionnaireSpec> = fc.record({
  sections: fc.array(fc.record({ weight: fc.integer({ min: 1, max: 5 }), questions: fc.array(questionSpec, { minLength: 1, maxLength: 5 }) }), {
    minLength: 1,
    maxLength: 3,
  }),
  method: fc.constantFrom('weighted-sections', 'points'),
  unverifiedShare: fc.constantFrom(0, 0.25, 0.5, 1),
  flags: fc.array(fc.record({ on: fc.nat(), severity: fc.constantFrom('critical', 'high', 'medium', 'low') }), { maxLength: 2 }),
});

function buildQuestionnaire(spec: QuestionnaireSpec): Questionnaire {
  let n = 0;
  const ids: { id: string; type: string }[] = [];
  const sections = spec.sections.map((s, si) => ({
    id: `s${si}`,
    title: `Section ${si}`,
    weight: s.weight,
    questions: s.questions.map((q) => {
      const id = `q${n++}`;
      // A condition may only look at an earlier question.
      const earlier = ids.length && q.when ? ids[q.when.on % ids.length]! : undefined;
      const when = earlier
        ? q.when!.test === 'answered' || earlier.type !== 'boolean'
          ? { question: earlier.id, answered: true }
          : { question: earlier.id, equals: q.when!.test === 'true' }
        : undefined;
      ids.push({ id, type: q.type });
      // A text answer earns only with evidence: evidence none would leave its points unreachable.
      const evidence = q.type === 'text' && q.evidence === 'none' ? 'optional' : q.evidence;
      const base = { id, text: `Question ${id}?`, evidence, notApplicable: q.notApplicable, ...(when ? { when } : {}) };
      const [a = 0, b = 0, c = 0] = q.points;
      switch (q.type) {
        case 'boolean':
          return { ...base, type: 'boolean', points: { yes: a, no: b } };
        case 'choice':
        case 'multi':
          return {
            ...base,
            type: q.type,
            options: [
              { value: 'x', label: 'X', points: a },
              { value: 'y', label: 'Y', points: b },
              { value: 'z', label: 'Z', points: c },
            ],
          };
        case 'number':
          return {
            ...base,
            type: 'number',
            unit: 'records',
            min: 0,
            bands: [
              { gte: 1000, points: a },
              { gte: 10, points: b },
            ],
          };
        default:
          return { ...base, type: 'text', points: a };
      }
    }),
  }));
  const redFlags = spec.flags.map((f, i) => ({
    id: `flag-${i}`,
    severity: f.severity,
    title: `Flag ${i}`,
    message: 'raised',
    when: { question: ids[f.on % ids.length]!.id, answered: false },
  }));
  const questionnaire = questionnaireSchema.parse({
    schema: 'aiclaim/questionnaire@1',
    id: 'generated',
    version: '1.0.0',
    title: 'Generated',
    scoring: { method: spec.method, unverifiedShare: spec.unverifiedShare },
    sections,
    redFlags,
  });
  const issues = checkQuestionnaire(questionnaire).filter((i) => i.severity !== 'warning');
  if (issues.length) throw new Error(`generated questionnaire invalid: ${JSON.stringify(issues)}`);
  return questionnaire;
}

// ---- answers ---------------------------------------------------------------------------------

type Evidence = undefined | string | { ref: string; date?: string; expires?: string };

/** Evidence of each standing: none, a reference, dated before the claim, late, expired. */
const evidence: fc.Arbitrary<Evidence> = fc.constantFrom(
  undefined,
  'https://example.com/proof',
  { ref: 'audit.pdf', date: '2026-09-01' },
  { ref: 'late.pdf', date: '2026-11-15' },
  { ref: 'old.pdf', date: '2025-01-01', expires: '2026-06-30' },
);

type AnswerSpec = { kind: 'not-asked' | 'value' | 'declined' | 'not-applicable'; pick: number; flag: boolean; number: number; evidence: Evidence };

const answerSpec: fc.Arbitrary<AnswerSpec> = fc.record({
  kind: fc.constantFrom('not-asked', 'value', 'value', 'value', 'declined', 'not-applicable'),
  pick: fc.nat({ max: 2 }),
  flag: fc.boolean(),
  number: fc.constantFrom(0, 5, 50, 5000),
  evidence,
});

function valueFor(type: string, a: AnswerSpec): unknown {
  const option = ['x', 'y', 'z'][a.pick]!;
  switch (type) {
    case 'boolean':
      return a.flag;
    case 'choice':
      return option;
    case 'multi':
      return a.flag ? [option] : ['x', 'z'];
    case 'number':
      return a.number;
    default:
      return 'Some text';
  }
}

function buildVendor(questionnaire: Questionnaire, answers: AnswerSpec[]): Vendor {
  const index = indexQuestionnaire(questionnaire);
  const out: Record<string, unknown> = {};
  index.questions.forEach(({ question }, i) => {
    const a = answers[i % answers.length]!;
    if (a.kind === 'not-asked') return;
    if (a.kind === 'declined') {
      out[question.id] = { declined: 'will not say' };
      return;
    }
    if (a.kind === 'not-applicable' && question.notApplicable) {
      out[question.id] = { notApplicable: 'Does not apply to this product at all' };
      return;
    }
    out[question.id] = { value: valueFor(question.type, a), ...(a.evidence === undefined ? {} : { evidence: a.evidence }) };
  });
  const vendor = vendorSchema.parse({
    schema: 'aiclaim/vendor@1',
    id: 'acme',
    name: 'Acme',
    category: 'crm',
    interview: { date: INTERVIEWED, interviewer: 'Ana', respondents: [{ name: 'Bo' }] },
    answers: out,
  });
  const issues = checkVendor(vendor, index).filter((i) => i.severity !== 'warning');
  if (issues.length) throw new Error(`generated vendor invalid: ${JSON.stringify(issues)}`);
  return vendor;
}

const scenario = fc
  .record({ questionnaire: questionnaireSpec.map(buildQuestionnaire), answers: fc.array(answerSpec, { minLength: 1, maxLength: 12 }) })
  .map(({ questionnaire, answers }) => ({
    questionnaire,
    answers,
    vendor: buildVendor(questionnaire, answers),
  }));

const score = (q: Questionnaire, v: Vendor, explain = true): VendorScore => scoreVendor(q, v, { period: PERIOD, explain });

function withAnswer(vendor: Vendor, id: string, answer: Vendor['answers'][string] | undefined): Vendor {
  const answers = { ...vendor.answers };
  if (answer === undefined) delete answers[id];
  else answers[id] = answer;
  return { ...vendor, answers };
}

// ---- properties ------------------------------------------------------------------------------

describe('scoring properties', () => {
  test('score and section scores stay within 0–100; completeness and confidence within 0–1', () => {
    fc.assert(
      fc.property(scenario, ({ questionnaire, vendor }) => {
        const s = score(questionnaire, vendor);
        // Null is "not assessed": too little known, never a zero.
        if (s.score !== null) {
          expect(s.score).toBeGreaterThanOrEqual(0);
          expect(s.score).toBeLessThanOrEqual(100);
        }
        expect(s.score === null).toBe(s.verdict === 'not-assessed');
        for (const section of s.sections) {
          if (section.score === null) continue;
          expect(section.score).toBeGreaterThanOrEqual(0);
          expect(section.score).toBeLessThanOrEqual(100);
        }
        expect(s.completeness).toBeGreaterThanOrEqual(0);
        expect(s.completeness).toBeLessThanOrEqual(1);
        if (s.confidence !== null) {
          expect(s.confidence).toBeGreaterThanOrEqual(0);
          expect(s.confidence).toBeLessThanOrEqual(1);
        }
        for (const q of s.questions) expect(q.points).toBeLessThanOrEqual(q.possible + 1e-9);
      }),
      RUNS,
    );
  });

  test('adding evidence to an answer never lowers the score', () => {
    fc.assert(
      fc.property(
        scenario,
        evidence.filter((e) => e !== undefined),
        fc.nat(),
        ({ questionnaire, vendor }, added, pick) => {
          const bare = Object.entries(vendor.answers).filter(([, a]) => a.value !== undefined && a.evidence === undefined);
          fc.pre(bare.length > 0);
          const [id, answer] = bare[pick % bare.length]!;
          const before = score(questionnaire, vendor);
          const after = score(questionnaire, withAnswer(vendor, id, { ...answer, evidence: added }));
          // Evidence changes what an answer earns, not whether the vendor can be assessed.
          expect(after.score === null).toBe(before.score === null);
          if (before.score !== null) expect(after.score!).toBeGreaterThanOrEqual(before.score);
        },
      ),
      RUNS,
    );
  });

  test('a question not asked is out of the score: it earns nothing and counts for nothing', () => {
    fc.assert(
      fc.property(scenario, ({ questionnaire, vendor }) => {
        for (const q of score(questionnaire, vendor).questions) {
          if (q.state === 'not-asked') expect([q.points, q.possible]).toEqual([0, 0]);
        }
      }),
      RUNS,
    );
  });

  test('unknown is not "no": declining a question not asked never raises the score, and an answer earns at least what a decline does', () => {
    fc.assert(
      fc.property(scenario, answerSpec, fc.nat(), ({ questionnaire, vendor }, other, pick) => {
        const s = score(questionnaire, vendor);
        // A question no condition or flag reads: an `answered` gate rightly hides what depends on it.
        const referenced = JSON.stringify([questionnaire.sections.map((x) => x.questions?.map((q) => q.when)), questionnaire.redFlags]);
        const open = s.questions.filter((q) => q.state === 'not-asked' && !q.pending && !referenced.includes(`"${q.id}"`));
        fc.pre(open.length > 0);
        const id = open[pick % open.length]!.id;
        const type = indexQuestionnaire(questionnaire).byId.get(id)!.question.type;
        const declined = score(questionnaire, withAnswer(vendor, id, { declined: 'will not say' }));
        const answered = score(questionnaire, withAnswer(vendor, id, { value: valueFor(type, other) as never }));
        expect(declined.questions.find((q) => q.id === id)!.points).toBe(0);
        // The decline is a recorded fact: it counts as asked, so it may bring a verdict within reach.
        expect(declined.completeness).toBeGreaterThanOrEqual(s.completeness);
        if (s.score !== null && declined.score !== null) expect(declined.score).toBeLessThanOrEqual(s.score + 1e-9);
        if (answered.score !== null && declined.score !== null) expect(answered.score).toBeGreaterThanOrEqual(declined.score - 1e-9);
      }),
      RUNS,
    );
  });

  test('a flag on missing answers is an open question: it never caps the verdict', () => {
    fc.assert(
      fc.property(scenario, ({ questionnaire, vendor }) => {
        const s = score(questionnaire, vendor);
        const missing = new Set(s.redFlags.filter((f) => f.basis === 'missing').map((f) => f.id));
        for (const id of s.cappedBy) expect(missing.has(id)).toBe(false);
        // Each generated flag fires on its question being unanswered: on a decline it is a finding,
        // when nobody has asked an open question.
        for (const flag of s.redFlags) {
          const rule = questionnaire.redFlags!.find((r) => r.id === flag.id)!;
          const question = s.questions.find((q) => q.id === (rule.when as { question: string }).question)!;
          expect(flag.basis).toBe(question.state === 'not-asked' ? 'missing' : 'answered');
        }
      }),
      RUNS,
    );
  });

  test('with nothing recorded, any vendor is not assessed, whatever the questionnaire', () => {
    fc.assert(
      fc.property(scenario, ({ questionnaire, vendor }) => {
        const s = score(questionnaire, { ...vendor, answers: {} });
        expect([s.score, s.verdict]).toEqual([null, 'not-assessed']);
        expect(s.redFlags.every((f) => f.basis === 'missing')).toBe(true);
      }),
      RUNS,
    );
  });

  test('hiding a question whose points rest on evidence never raises confidence', () => {
    fc.assert(
      fc.property(scenario, fc.nat(), ({ questionnaire, vendor }, pick) => {
        const before = score(questionnaire, vendor);
        // A question no condition or flag looks at, so hiding it hides nothing else.
        const referenced = JSON.stringify([questionnaire.sections.map((s) => s.questions?.map((q) => q.when)), questionnaire.redFlags]);
        const candidates = before.questions.filter((q) => q.state !== 'hidden' && q.backed && !referenced.includes(`"${q.id}"`));
        fc.pre(candidates.length > 0 && before.confidence !== null);
        const target = candidates[pick % candidates.length]!.id;
        const hiddenQuestionnaire = hide(questionnaire, target);
        const after = score(hiddenQuestionnaire, vendor);
        expect(after.questions.find((q) => q.id === target)!.state).toBe('hidden');
        if (after.confidence !== null) expect(after.confidence).toBeLessThanOrEqual(before.confidence! + 1e-9);
      }),
      RUNS,
    );
  });

  test('hiding a question whose points are only claimed raises confidence, as it should', () => {
    // Confidence is the share of the score that rests on evidence: take away unproven points and
    // what remains is better backed. So "hiding never raises confidence" holds only for backed points.
    const questionnaire = buildQuestionnaire({
      sections: [
        {
          weight: 1,
          questions: [
            { type: 'boolean', evidence: 'none', notApplicable: false, points: [5, 0, 0] },
            { type: 'boolean', evidence: 'required', notApplicable: false, points: [5, 0, 0] },
          ],
        },
      ],
      method: 'points',
      unverifiedShare: 0.5,
      flags: [],
    });
    const vendor = vendorSchema.parse({
      schema: 'aiclaim/vendor@1',
      id: 'acme',
      name: 'Acme',
      category: 'crm',
      answers: { q0: { value: true }, q1: { value: true } },
    });
    expect(score(questionnaire, vendor).confidence).toBe(0.667);
    expect(score(hide(questionnaire, 'q1'), vendor).confidence).toBe(1);
  });

  test('answers to a hidden question change nothing', () => {
    fc.assert(
      fc.property(scenario, answerSpec, ({ questionnaire, vendor }, other) => {
        const s = score(questionnaire, vendor);
        const hidden = s.questions.filter((q) => q.state === 'hidden');
        fc.pre(hidden.length > 0);
        const id = hidden[0]!.id;
        const type = indexQuestionnaire(questionnaire).byId.get(id)!.question.type;
        for (const answer of [undefined, { value: valueFor(type, other) as never, evidence: other.evidence as never }]) {
          const t = score(questionnaire, withAnswer(vendor, id, answer));
          expect([t.score, t.confidence, t.completeness, t.sections, t.redFlags.map((f) => f.id)]).toEqual([
            s.score,
            s.confidence,
            s.completeness,
            s.sections,
            s.redFlags.map((f) => f.id),
          ]);
        }
      }),
      RUNS,
    );
  });

  test('scoring without explanations gives the same points, states and digests', () => {
    fc.assert(
      fc.property(scenario, ({ questionnaire, vendor }) => {
        const full = score(questionnaire, vendor, true);
        const fast = score(questionnaire, vendor, false);
        const core = (s: VendorScore) => ({
          score: s.score,
          verdict: s.verdict,
          confidence: s.confidence,
          completeness: s.completeness,
          sections: s.sections,
          questions: s.questions.map((q) => [q.id, q.points, q.possible, q.state, q.digest, q.backed]),
          flags: s.redFlags.map((f) => f.id),
        });
        expect(core(fast)).toEqual(core(full));
      }),
      RUNS,
    );
  });
});

describe('diff properties', () => {
  test('a snapshot diffed with itself is empty', () => {
    fc.assert(
      fc.property(scenario, fc.array(fc.array(answerSpec, { minLength: 1, maxLength: 6 }), { maxLength: 3 }), ({ questionnaire, vendor, answers }, others) => {
        const vendors = [vendor, ...others.map((a, i) => ({ ...buildVendor(questionnaire, [...a, ...answers]), id: `other-${i}`, name: `Other ${i}` }))];
        const findings = buildFindings(
          { period: PERIOD, questionnaire, tool: 'aiclaim test' },
          vendors.map((v) => vendorFinding(v, score(questionnaire, v, false), { file: `vendors/${v.id}.yaml`, hash: '0' })),
        );
        const diff = diffFindings(findings, structuredClone(findings));
        expect(diff.comparable).toBe(true);
        expect(diff.added).toEqual([]);
        expect(diff.dropped).toEqual([]);
        expect(diff.summary).toEqual({
          improved: 0,
          regressed: 0,
          unchanged: vendors.length,
          assessed: 0,
          unassessed: 0,
          notComparable: 0,
          added: 0,
          dropped: 0,
        });
        for (const v of diff.vendors) {
          expect(v.delta).toBe(0);
          expect(v.flagsRaised).toEqual([]);
          expect(v.flagsCleared).toEqual([]);
          expect(v.why).toEqual([]);
          expect(v.sections.every((s) => s.delta === 0)).toBe(true);
          expect(v.questions.every((q) => q.group === 'unchanged' && q.causes.length === 0)).toBe(true);
          expect(v.roadmap.every((c) => c.change === 'unchanged')).toBe(true);
        }
      }),
      { numRuns: 100 },
    );
  });
});

/** The questionnaire with one question shown only when an impossible condition holds. */
function hide(questionnaire: Questionnaire, id: string): Questionnaire {
  const copy = structuredClone(questionnaire);
  for (const section of copy.sections) {
    const question = section.questions?.find((q) => q.id === id);
    if (question) question.when = { fact: 'claims.count', lt: 0 };
  }
  return copy;
}
