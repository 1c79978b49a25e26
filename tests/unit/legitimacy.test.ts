import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { buildFindings, vendorFinding } from '../../src/core/findings/build-findings.js';
import { loadFindings, loadQuestionnaire } from '../../src/core/load/load-files.js';
import { indexQuestionnaire } from '../../src/core/questionnaire-index.js';
import { checkVendor } from '../../src/core/validate/check-vendor.js';
import { openQuestionsOf, questionsToAsk } from '../../src/core/scoring/open-questions.js';
import { scoreVendor } from '../../src/core/scoring/score-vendor.js';
import { findingsYaml } from '../../src/render/findings-yaml.js';
import { questionnaire, vendor } from '../helpers/build.js';

// Legitimacy that rests on facts: what is not known stays out of the score, a verdict needs the
// decisive questions, legitimacy and risk are rated apart, claims are tested against the record,
// and every flag says whether it is a finding or a question still open.

const period = '2026-Q4';
const byId = (score: ReturnType<typeof scoreVendor>, id: string) => score.questions.find((q) => q.id === id)!;

const q = questionnaire({
  scoring: {
    assessment: { decisive: ['runtime', 'data', 'test'], minimum: 2 },
    risk: { assessment: { decisive: ['dpa'], minimum: 1 } },
  },
  sections: [
    {
      id: 'substance',
      title: 'Substance',
      weight: 1,
      rating: 'legitimacy',
      questions: [
        {
          id: 'runtime',
          text: 'What runs?',
          type: 'choice',
          evidence: 'none',
          options: [
            { value: 'model', label: 'A model', points: 4 },
            { value: 'rules', label: 'Rules', points: 0 },
          ],
        },
        { id: 'trains', text: 'Trains?', type: 'boolean', points: 2, evidence: 'none' },
        {
          id: 'data',
          text: 'Records?',
          type: 'number',
          unit: 'records',
          evidence: 'required',
          when: { question: 'trains', equals: true },
          bands: [{ gte: 1000000, points: 10 }, { points: 0 }],
        },
        {
          id: 'test',
          text: 'Tested?',
          type: 'choice',
          evidence: 'none',
          options: [
            { value: 'holdout', label: 'Holdout', points: 8 },
            { value: 'none', label: 'Not tested', points: 0 },
          ],
        },
        { id: 'accuracy', text: 'Accuracy?', type: 'number', unit: '%', evidence: 'required', bands: [{ gte: 0, points: 1 }] },
        { id: 'advantage', text: 'What does it do better?', type: 'text', points: 2 },
      ],
    },
    {
      id: 'exposure',
      title: 'Exposure',
      weight: 1,
      rating: 'risk',
      questions: [
        { id: 'dpa', text: 'DPA?', type: 'boolean', points: 4, evidence: 'none' },
        { id: 'runway', text: 'Runway?', type: 'number', unit: 'months', evidence: 'none', bands: [{ gte: 12, points: 4 }, { points: 0 }] },
      ],
    },
  ],
  redFlags: [
    { id: 'rules', severity: 'critical', title: 'Rules, not AI', message: 'Rules.', when: { question: 'runtime', equals: 'rules' }, cap: 'unsubstantiated' },
    {
      id: 'untested',
      severity: 'high',
      title: 'Untested',
      message: 'Untested.',
      when: {
        any: [
          { question: 'test', equals: 'none' },
          { question: 'test', answered: false },
        ],
      },
    },
    { id: 'no-runway', severity: 'critical', rating: 'risk', title: 'No runway', message: 'No runway.', when: { question: 'runway', lt: 6 } },
  ],
});

describe('three kinds of missing, kept apart', () => {
  test('not asked: no information, out of the score, and completeness says so', () => {
    const s = scoreVendor(q, vendor({ answers: { runtime: { value: 'model' }, test: { value: 'holdout' } } }), { period });
    expect(byId(s, 'trains')).toMatchObject({ state: 'not-asked', points: 0, possible: 0 });
    expect(s.sections[0]).toMatchObject({ earned: 12, possible: 12 });
    expect(s.score).toBe(100);
    expect(s.completeness).toBeLessThan(1);
  });

  test('declined: a recorded refusal, zero points counted in the score, and it may raise a finding', () => {
    const s = scoreVendor(q, vendor({ answers: { runtime: { value: 'model' }, test: { declined: 'will not share the test design' } } }), { period });
    expect(byId(s, 'test')).toMatchObject({ state: 'declined', points: 0, possible: 8, answer: 'declined: will not share the test design' });
    expect(s.sections[0]).toMatchObject({ earned: 4, possible: 12 });
    expect(s.redFlags.find((f) => f.id === 'untested')).toMatchObject({ basis: 'answered', because: [{ question: 'test', answer: 'declined' }] });
  });

  test('not applicable: out of the score, with its reason, and complete', () => {
    const na = questionnaire({
      sections: [
        {
          id: 'm',
          title: 'M',
          questions: [
            { id: 'a', text: 'A?', type: 'boolean', points: 2, evidence: 'none', notApplicable: true },
            { id: 'b', text: 'B?', type: 'boolean', points: 2, evidence: 'none' },
          ],
        },
      ],
    });
    const s = scoreVendor(na, vendor({ answers: { a: { notApplicable: 'We sell nothing of that kind.' }, b: { value: true } } }), { period });
    expect(byId(s, 'a')).toMatchObject({ state: 'not-applicable', possible: 0 });
    expect(s.completeness).toBe(1);
  });

  test('a decline leaves the value unknown: a question that depends on its value waits', () => {
    const s = scoreVendor(q, vendor({ answers: { trains: { declined: 'would not say' } } }), { period });
    expect(byId(s, 'data')).toMatchObject({ state: 'not-asked', pending: true });
  });
});

describe('a verdict only when the claim has been tested', () => {
  test('below the minimum of decisive answers the vendor is not assessed: no score, no verdict, no rank', () => {
    const s = scoreVendor(q, vendor({ answers: { runtime: { value: 'model' }, dpa: { value: true } } }), { period });
    expect(s).toMatchObject({ score: null, verdict: 'not-assessed', verdictLabel: 'Not assessed', cappedBy: [] });
    expect(s.decisive).toEqual({ answered: 1, applicable: 3, required: 2, missing: ['data', 'test'] });
    expect(s.openQuestions[0]).toMatchObject({ kind: 'decisive', questions: ['data', 'test'] });
  });

  test('a decline counts towards the minimum: refusing is an answer', () => {
    const s = scoreVendor(q, vendor({ answers: { runtime: { value: 'model' }, test: { declined: 'no comment' } } }), { period });
    expect(s.verdict).not.toBe('not-assessed');
    expect(s.decisive.answered).toBe(2);
  });

  test('a decisive question ruled out by the answers does not apply, and the minimum shrinks to what applies', () => {
    const strict = questionnaire({ ...q, scoring: { ...q.scoring, assessment: { decisive: ['runtime', 'data'], minimum: 2 } } });
    const s = scoreVendor(strict, vendor({ answers: { runtime: { value: 'model' }, trains: { value: false } } }), { period });
    expect(s.decisive).toMatchObject({ answered: 1, applicable: 1, required: 1 });
    expect(s.verdict).not.toBe('not-assessed');
  });

  test('a critical finding on recorded answers settles it: a claim shown false has been tested', () => {
    const s = scoreVendor(q, vendor({ answers: { runtime: { value: 'rules' } } }), { period });
    expect(s.decisive.answered).toBe(1);
    expect(s).toMatchObject({ verdict: 'unsubstantiated', cappedBy: [] });
  });

  test('with nothing recorded a vendor is not assessed, and nothing is held against it', () => {
    const s = scoreVendor(q, vendor(), { period });
    expect([s.score, s.verdict, s.risk?.band]).toEqual([null, 'not-assessed', 'not-assessed']);
    expect(s.redFlags.map((f) => [f.id, f.basis])).toEqual([['untested', 'missing']]);
    expect(s.cappedBy).toEqual([]);
  });

  test('without declared decisive questions, one scored answer of the rating is enough', () => {
    const plain = questionnaire({
      sections: [
        {
          id: 'm',
          title: 'M',
          questions: [
            { id: 'a', text: 'A?', type: 'boolean', points: 1, evidence: 'none' },
            { id: 'b', text: 'B?', type: 'boolean', points: 1, evidence: 'none' },
          ],
        },
      ],
    });
    expect(scoreVendor(plain, vendor(), { period }).verdict).toBe('not-assessed');
    expect(scoreVendor(plain, vendor({ answers: { a: { value: false } } }), { period })).toMatchObject({ score: 0, verdict: 'unsubstantiated' });
  });
});

describe('legitimacy and risk, two ratings never blended', () => {
  const answers = { runtime: { value: 'model' }, test: { value: 'holdout' }, dpa: { value: true }, runway: { value: 3 } };

  test('each section feeds its own rating; the verdict reads only the legitimacy sections', () => {
    const s = scoreVendor(q, vendor({ answers }), { period });
    expect(s.sections.map((x) => [x.key, x.rating])).toEqual([
      ['substance', 'legitimacy'],
      ['exposure', 'risk'],
    ]);
    expect(s.score).toBe(100);
    expect(s.risk).toMatchObject({ kind: 'risk', score: 50, pointsBand: 'moderate' });
  });

  test('a risk finding caps the risk rating, not the verdict', () => {
    const s = scoreVendor(q, vendor({ answers }), { period });
    expect(s.verdict).toBe('substantiated');
    expect(s.risk).toMatchObject({ band: 'high', bandLabel: 'High risk', cappedBy: ['no-runway'] });
  });

  test('a questionnaire with no risk section rates no risk', () => {
    const plain = questionnaire({ sections: [{ id: 'm', title: 'M', questions: [{ id: 'a', text: 'A?', type: 'boolean', points: 1, evidence: 'none' }] }] });
    expect(scoreVendor(plain, vendor({ answers: { a: { value: true } } }), { period }).risk).toBeUndefined();
  });
});

describe('flags say what they rest on', () => {
  test('a flag that holds only because an answer is absent is an open question, naming what to ask; it never caps', () => {
    const s = scoreVendor(q, vendor({ answers: { runtime: { value: 'model' }, trains: { value: true }, data: { value: 5000000, evidence: 'sheet.pdf' } } }), {
      period,
    });
    const flag = s.redFlags.find((f) => f.id === 'untested')!;
    expect(flag).toMatchObject({ basis: 'missing', ask: ['test'], cap: undefined });
    expect(s.cappedBy).toEqual([]);
    expect(s.openQuestions).toContainEqual({ kind: 'flag', questions: ['test'], why: 'Untested' });
  });

  test('the same flag on an answer is a finding, and caps', () => {
    const capped = questionnaire({ ...q, scoring: { ...q.scoring, caps: { high: 'plausible' } } });
    const s = scoreVendor(capped, vendor({ answers: { runtime: { value: 'model' }, test: { value: 'none' } } }), { period });
    expect(s.redFlags.find((f) => f.id === 'untested')).toMatchObject({ basis: 'answered', cap: 'plausible' });
  });
});

describe('text answers are explained, and earn only with evidence', () => {
  test('a sentence anyone could write earns nothing until evidence backs it', () => {
    const bare = scoreVendor(q, vendor({ answers: { advantage: { value: 'Predicts churn 60 days ahead' } } }), { period });
    expect(byId(bare, 'advantage')).toMatchObject({ state: 'unverified', points: 0, possible: 2, answer: '"Predicts churn 60 days ahead"' });
    expect(byId(bare, 'advantage').notes[0]).toMatch(/only with evidence/);
    const shown = scoreVendor(q, vendor({ answers: { advantage: { value: 'Predicts churn 60 days ahead', evidence: 'holdout-report.pdf' } } }), { period });
    expect(byId(shown, 'advantage')).toMatchObject({ state: 'evidenced', points: 2 });
  });
});

describe('claims are testable assertions', () => {
  const claim = (asserts: unknown[], extra: Record<string, unknown> = {}) => ({
    text: 'Our AI is 98% accurate.',
    source: 'https://acme.example',
    date: '2026-03-01',
    asserts,
    ...extra,
  });
  const score = (parts: Record<string, unknown>) => scoreVendor(q, vendor(parts), { period });

  test("contradicted by the vendor's own answer: a critical finding naming the claim, where and when, what it asserted and what was found", () => {
    const s = score({ claims: [claim([{ question: 'accuracy', gte: 98 }])], answers: { accuracy: { value: 71 } } });
    const flag = s.redFlags.find((f) => f.id === 'claim-contradicted')!;
    expect(flag).toMatchObject({ severity: 'critical', basis: 'answered', rating: 'legitimacy', subject: s.claims[0]!.id });
    expect(flag.title).toBe('Claim contradicted by the record: "Our AI is 98% accurate."');
    expect(flag.message).toBe('https://acme.example, 2026-03-01: "Our AI is 98% accurate." asserts accuracy ≥ 98 %; found: 71 % (the vendor\'s own answer).');
    expect(s.claims[0]!.checks).toEqual([
      { claim: s.claims[0]!.id, question: 'accuracy', asserts: '≥ 98 %', outcome: 'contradicted', found: "71 % (the vendor's own answer)" },
    ]);
  });

  test('contradicted by an independent test, whatever the vendor answered', () => {
    const evaluations = [{ question: 'accuracy', measured: 53, by: 'Consumer Lab', independent: true, date: '2026-06-01' }];
    const s = score({ claims: [claim([{ question: 'accuracy', gte: 98 }])], evaluations, answers: { accuracy: { value: 98, evidence: 'deck.pdf' } } });
    expect(s.claims[0]!.checks[0]).toMatchObject({ outcome: 'contradicted', found: '53 % (Consumer Lab, 2026-06-01, independent)' });
    expect(s.verdict).not.toBe('substantiated');
  });

  test('a figure just short of the claim is disputed, within the tolerance of measurement: a question, not a finding', () => {
    const evaluations = [{ question: 'accuracy', measured: 94, by: 'Lab', independent: true }];
    const s = score({ claims: [claim([{ question: 'accuracy', gte: 98 }])], evaluations });
    expect(s.claims[0]!.checks[0]!.outcome).toBe('disputed');
    expect(s.redFlags.some((f) => f.id === 'claim-contradicted')).toBe(false);
    expect(s.openQuestions.find((o) => o.kind === 'claim')!.why).toMatch(/^ask how it was measured/);
  });

  test("the vendor's word alone is unverified; evidence or an earlier test supports it; a test dated after the claim cannot", () => {
    expect(score({ claims: [claim([{ question: 'accuracy', gte: 98 }])], answers: { accuracy: { value: 98 } } }).claims[0]!.checks[0]!.outcome).toBe(
      'unverified',
    );
    expect(
      score({ claims: [claim([{ question: 'accuracy', gte: 98 }])], answers: { accuracy: { value: 98, evidence: 'audit.pdf' } } }).claims[0]!.checks[0]!
        .outcome,
    ).toBe('supported');
    const later = [{ question: 'accuracy', measured: 99, by: 'Lab', independent: true, date: '2026-09-01' }];
    const earlier = [{ question: 'accuracy', measured: 99, by: 'Lab', independent: true, date: '2026-01-15' }];
    expect(score({ claims: [claim([{ question: 'accuracy', gte: 98 }])], evaluations: later }).claims[0]!.checks[0]!.outcome).toBe('unverified');
    expect(score({ claims: [claim([{ question: 'accuracy', gte: 98 }])], evaluations: earlier }).claims[0]!.checks[0]!.outcome).toBe('supported');
  });

  test('a claim whose question the vendor declined is withheld from checking: a finding', () => {
    const s = score({ claims: [claim([{ question: 'accuracy', gte: 98 }])], answers: { accuracy: { declined: 'confidential' } } });
    expect(s.claims[0]!.checks[0]!.outcome).toBe('withheld');
    expect(s.redFlags.find((f) => f.id === 'claim-withheld')).toMatchObject({ severity: 'high', basis: 'answered' });
  });

  test('a claim nothing recorded can check is an open question for the vendor', () => {
    const s = score({ claims: [claim([{ question: 'accuracy', gte: 98 }])] });
    expect(s.claims[0]!.checks[0]).toMatchObject({ outcome: 'unchecked', found: undefined });
    expect(s.redFlags.some((f) => f.id.startsWith('claim-'))).toBe(false);
    expect(s.openQuestions).toContainEqual({ kind: 'claim', questions: ['accuracy'], why: 'claim "Our AI is 98% accurate." asserts accuracy ≥ 98 %' });
  });

  test('a claim about a question the answers rule out is contradicted by them', () => {
    const s = score({
      claims: [claim([{ question: 'data', gte: 2000000 }], { text: 'Trained on millions of profiles.' })],
      answers: { trains: { value: false } },
    });
    expect(s.claims[0]!.checks[0]).toMatchObject({
      outcome: 'contradicted',
      found: "data does not apply by the vendor's own answers: it is asked only when trains is yes",
    });
  });

  test("a claim's id is its own, else made from its text: stable across quarters, one flag per claim", () => {
    const two = [
      claim([{ question: 'accuracy', gte: 98 }], { id: 'accuracy-claim' }),
      claim([{ question: 'runtime', equals: 'model' }], { text: 'Real AI, not rules.' }),
    ];
    const s = score({ claims: two, answers: { accuracy: { value: 50 }, runtime: { value: 'rules' } } });
    expect(s.claims.map((c) => c.id)).toEqual(['accuracy-claim', expect.stringMatching(/^claim-[0-9a-f]{8}$/)]);
    expect(s.redFlags.filter((f) => f.id === 'claim-contradicted').map((f) => f.subject)).toEqual(s.claims.map((c) => c.id));
    expect(score({ claims: [two[1]], answers: { runtime: { value: 'rules' } } }).claims[0]!.id).toBe(s.claims[1]!.id);
  });

  test('an assertion must be a test its question can take', () => {
    const index = indexQuestionnaire(q);
    const issues = (asserts: unknown[]) => checkVendor(vendor({ claims: [claim(asserts)] }), index).map((i) => i.message);
    expect(issues([{ question: 'runtime', gte: 3 }])).toEqual(['gte compares numbers, but "runtime" is a choice question']);
    expect(issues([{ question: 'runtime', equals: 'magic' }])).toEqual(['"runtime" takes one of model, rules, not the text "magic"']);
    expect(issues([{ question: 'data', gte: 3, unit: 'tokens' }])).toEqual(['the claim speaks in tokens, but "data" counts records']);
    expect(issues([{ question: 'advantage', equals: 'x' }])).toEqual(['"advantage" is a text question: nothing can be measured against it']);
    expect(issues([{ question: 'nope', equals: 1 }])).toEqual(['no question "nope" in questionnaire test']);
  });
});

describe('the default questionnaire names the deception patterns of the enforcement cases', () => {
  const loaded = loadQuestionnaire(readFileSync(join(import.meta.dirname, '..', '..', 'questionnaires', 'ai-claims.yaml'), 'utf8'), 'ai-claims.yaml');
  if (!loaded.ok) throw new Error('invalid questionnaire');
  const aiClaims = loaded.value;
  const claims = [{ text: 'Our AI does it all.', source: 'https://x.example', date: '2026-01-10' }];
  const findings = (answers: Record<string, unknown>) =>
    scoreVendor(aiClaims, vendor({ claims, answers }), { period })
      .redFlags.filter((f) => f.basis === 'answered')
      .map((f) => `${f.severity} ${f.id}`);

  test.each<[string, Record<string, unknown>, string]>([
    [
      'an independent test that refuted the claims',
      { 'independent-validation': { value: 'independent' }, 'validation-outcome': { value: 'refuted' } },
      'critical claims-refuted',
    ],
    [
      'a regulator that found them false',
      { 'independent-validation': { value: 'regulator' }, 'validation-outcome': { value: 'refuted' } },
      'critical claims-refuted',
    ],
    ['paid endorsements shown as independent', { endorsements: { value: 'incentivised-undisclosed' } }, 'critical paid-endorsements'],
    ['a headline metric with no definition', { 'metric-defined': { value: false } }, 'high undefined-metric'],
    ['a claim corrected in one place, still live elsewhere', { 'claims-corrected': { value: false } }, 'high correction-not-everywhere'],
    [
      '"our own AI" over a third-party API',
      { 'ai-runtime': { value: 'model' }, 'model-origin': { value: 'third-party-api' }, 'claims-own-ai': { value: true } },
      'critical proprietary-over-third-party',
    ],
    ['business results promised on best cases only', { 'outcome-claims': { value: 'best-case' } }, 'critical outcome-promises-unbacked'],
    ['the AI marketed does not exist', { 'ai-runtime': { value: 'none' } }, 'critical not-ai'],
    ['a listed company with a going-concern warning', { funding: { value: 'public' }, 'going-concern': { value: true } }, 'critical going-concern'],
    ['a refusal to state training-data rights', { 'lawful-basis': { declined: 'not our concern' } }, 'high training-rights-withheld'],
  ])('%s', (_, answers, flag) => {
    expect(findings(answers)).toContain(flag);
  });

  test('silence about training-data rights is a question, not a finding', () => {
    const s = scoreVendor(aiClaims, vendor({ claims, answers: { 'ai-runtime': { value: 'model' } } }), { period });
    expect(s.redFlags.find((f) => f.id === 'training-rights-withheld')).toMatchObject({ basis: 'missing', ask: ['lawful-basis', 'copyright-policy'] });
  });

  test('a going-concern warning is a risk finding: it rates risk, not the legitimacy of the AI', () => {
    const s = scoreVendor(aiClaims, vendor({ answers: { funding: { value: 'public' }, 'going-concern': { value: true } } }), { period });
    expect(s.redFlags.find((f) => f.id === 'going-concern')).toMatchObject({ rating: 'risk', cap: 'high' });
  });
});

describe('what to ask the vendor is one derivation, from a score or from the snapshot', () => {
  const source = { file: 'vendors/acme.yaml', hash: '0'.repeat(16) };
  const readBack = (parts: Record<string, unknown>) => {
    const v = vendor(parts);
    const s = scoreVendor(q, v, { period });
    const snapshot = buildFindings({ period, questionnaire: q, tool: 'aiclaim test' }, [vendorFinding(v, s, source)]);
    const loaded = loadFindings(findingsYaml(snapshot, 'x.json'), 'snapshot');
    if (!loaded.ok) throw new Error(JSON.stringify(loaded.problems));
    return { s, finding: loaded.value.vendors[0]! };
  };

  test.each([
    ['not assessed: decisive questions for both ratings, a flag waiting on an answer', { answers: { trains: { value: true } } }],
    [
      'assessed, with a flag waiting on an answer and a claim nothing checks',
      {
        answers: { runtime: { value: 'model' }, data: { value: 5000000, evidence: 'x.pdf' }, trains: { value: true }, dpa: { value: true } },
        claims: [{ text: 'Our AI is 98% accurate.', source: 'https://acme.example', date: '2026-03-01', asserts: [{ question: 'accuracy', gte: 98 }] }],
      },
    ],
    [
      'a disputed figure',
      {
        answers: { runtime: { value: 'model' }, test: { value: 'holdout' }, dpa: { value: true } },
        claims: [{ text: 'Our AI is 98% accurate.', source: 'https://acme.example', asserts: [{ question: 'accuracy', gte: 98 }] }],
        evaluations: [{ question: 'accuracy', measured: 94, by: 'Lab', independent: true }],
      },
    ],
  ])('%s', (_name, parts) => {
    const { s, finding } = readBack(parts);
    expect(s.openQuestions.length).toBeGreaterThan(0);
    expect(openQuestionsOf(finding)).toEqual(s.openQuestions);
  });

  test('the snapshot keeps the decisive questions still to ask only while the rating cannot be given', () => {
    expect(readBack({ answers: { trains: { value: true } } }).finding.decisive).toEqual({
      answered: 0,
      applicable: 3,
      required: 2,
      missing: ['runtime', 'data', 'test'],
    });
    expect(readBack({ answers: { runtime: { value: 'model' }, test: { value: 'holdout' } } }).finding.decisive).toEqual({
      answered: 2,
      applicable: 3,
      required: 2,
    });
  });

  test('each question is counted once, whatever asks for it', () => {
    const { s } = readBack({ answers: { trains: { value: true } } });
    // test is both decisive and asked by the untested flag; dpa is decisive for risk.
    expect(s.openQuestions.flatMap((o) => o.questions)).toEqual(['runtime', 'data', 'test', 'dpa', 'test']);
    expect(questionsToAsk(s.openQuestions)).toBe(4);
  });
});
