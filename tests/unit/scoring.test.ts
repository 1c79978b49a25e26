import { describe, expect, test } from 'vitest';
import { scoreVendor } from '../../src/core/scoring/score-vendor.js';
import { oneSection, questionnaire, vendor } from '../helpers/build.js';

const period = '2026-Q4';
const byId = (score: ReturnType<typeof scoreVendor>, id: string) => score.questions.find((q) => q.id === id)!;

describe('question rules', () => {
  const q = oneSection([
    { id: 'yes-no', text: 'Y?', type: 'boolean', points: 4, evidence: 'none' },
    { id: 'inverted', text: 'I?', type: 'boolean', points: { yes: 0, no: 2 }, evidence: 'none' },
    {
      id: 'pick',
      text: 'P?',
      type: 'choice',
      evidence: 'none',
      options: [
        { value: 'a', label: 'A', points: 5 },
        { value: 'b', label: 'B', points: 1 },
      ],
    },
    {
      id: 'many',
      text: 'M?',
      type: 'multi',
      evidence: 'none',
      cap: 3,
      options: [
        { value: 'x', label: 'X', points: 2 },
        { value: 'y', label: 'Y', points: 2 },
        { value: 'z', label: 'Z' },
      ],
    },
    {
      id: 'size',
      text: 'S?',
      type: 'number',
      unit: 'records',
      evidence: 'none',
      bands: [{ gte: 1000000, points: 10 }, { gte: 1000, points: 4 }, { points: 0 }],
    },
    {
      id: 'share',
      text: 'Sh?',
      type: 'number',
      unit: '%',
      evidence: 'none',
      bands: [
        { lte: 10, points: 3 },
        { lte: 50, points: 1 },
      ],
    },
  ]);

  test.each<[string, unknown, number, number]>([
    ['yes-no', true, 4, 4],
    ['yes-no', false, 0, 4],
    ['inverted', false, 2, 2],
    ['inverted', true, 0, 2],
    ['pick', 'b', 1, 5],
    ['many', ['x'], 2, 3],
    ['many', ['x', 'y'], 3, 3],
    ['many', ['z'], 0, 3],
    ['size', 2500000, 10, 10],
    ['size', 1000, 4, 10],
    ['size', 999, 0, 10],
    ['share', 10, 3, 3],
    ['share', 30, 1, 3],
    ['share', 80, 0, 3],
  ])('%s = %j earns %d of %d', (id, value, points, possible) => {
    const result = byId(scoreVendor(q, vendor({ answers: { [id]: { value } } }), { period }), id);
    expect(result.points).toBe(points);
    expect(result.possible).toBe(possible);
    expect(result.state).toBe('answered');
    expect(result.rule).not.toBe('');
  });
});

describe('evidence', () => {
  const q = oneSection([
    { id: 'claim', text: 'C?', type: 'boolean', points: 10, evidence: 'required' },
    { id: 'other', text: 'O?', type: 'boolean', points: 10, evidence: 'optional' },
  ]);

  test('a required-evidence answer with no evidence earns the unverified share and says so', () => {
    const score = scoreVendor(q, vendor({ answers: { claim: { value: true } } }), { period });
    const claim = byId(score, 'claim');
    expect(claim.points).toBe(5);
    expect(claim.state).toBe('unverified');
    expect(claim.notes.join(' ')).toMatch(/claimed, not shown/);
  });

  test('evidence earns the full points and backs them', () => {
    const score = scoreVendor(q, vendor({ answers: { claim: { value: true, evidence: 'https://x.example/proof.pdf' } } }), { period });
    expect(byId(score, 'claim')).toMatchObject({ points: 10, state: 'evidenced', backed: true });
  });

  test('evidence dated after the claim does not substantiate it', () => {
    const answers = { claim: { value: true, date: '2026-05-01', evidence: { ref: 'Report', date: '2026-09-01' } } };
    const claim = byId(scoreVendor(q, vendor({ answers }), { period }), 'claim');
    expect(claim).toMatchObject({ points: 5, state: 'late-evidence', backed: false });
    expect(claim.notes.join(' ')).toMatch(/dated after the claim/);
  });

  test('evidence that expired before the end of the period no longer counts', () => {
    const answers = { claim: { value: true, evidence: { ref: 'Cert', expires: '2026-11-30' } } };
    expect(byId(scoreVendor(q, vendor({ answers }), { period }), 'claim')).toMatchObject({ points: 5, state: 'expired-evidence' });
    expect(byId(scoreVendor(q, vendor({ answers }), { period: '2026-Q3' }), 'claim')).toMatchObject({ points: 10, state: 'evidenced' });
  });

  test('optional evidence: full points either way, but only evidenced points are backed', () => {
    const score = scoreVendor(q, vendor({ answers: { claim: { value: true, evidence: 'doc' }, other: { value: true } } }), { period });
    expect(byId(score, 'other')).toMatchObject({ points: 10, state: 'answered', backed: false });
    expect(score.confidence).toBe(0.5);
  });

  test("the unverified share is the questionnaire's to set", () => {
    const strict = oneSection([{ id: 'claim', text: 'C?', type: 'boolean', points: 10, evidence: 'required' }], { scoring: { unverifiedShare: 0 } });
    expect(byId(scoreVendor(strict, vendor({ answers: { claim: { value: true } } }), { period }), 'claim').points).toBe(0);
  });
});

describe('visibility, applicability and completeness', () => {
  const q = oneSection([
    { id: 'gate', text: 'G?', type: 'boolean', points: 2, evidence: 'none' },
    { id: 'follow', text: 'F?', type: 'boolean', points: 8, evidence: 'none', when: { question: 'gate', equals: true } },
    { id: 'maybe', text: 'M?', type: 'boolean', points: 5, evidence: 'none', notApplicable: true },
  ]);

  test('a hidden question does not count, even when answered', () => {
    const score = scoreVendor(q, vendor({ answers: { gate: { value: false }, follow: { value: true }, maybe: { value: true } } }), { period });
    expect(byId(score, 'follow')).toMatchObject({ state: 'hidden', points: 0, possible: 0 });
    expect(byId(score, 'follow').notes[0]).toMatch(/asked only when gate is yes/);
    expect(score.sections[0]).toMatchObject({ earned: 5, possible: 7 });
  });

  test('a shown question not asked yet is out of the score, and lowers completeness', () => {
    const score = scoreVendor(q, vendor({ answers: { gate: { value: true } } }), { period });
    expect(byId(score, 'follow')).toMatchObject({ state: 'not-asked', points: 0, possible: 0 });
    expect(byId(score, 'follow').notes[0]).toMatch(/not asked yet: out of the score \(worth up to 8\)/);
    expect(score.sections[0]).toMatchObject({ earned: 2, possible: 2 });
    expect(score.score).toBe(100);
    expect(score.completeness).toBeCloseTo(1 / 3, 3);
  });

  test('a question whose condition reads one not asked yet waits: it is neither shown nor hidden', () => {
    const score = scoreVendor(q, vendor({ answers: { maybe: { value: true } } }), { period });
    expect(byId(score, 'follow')).toMatchObject({ state: 'not-asked', pending: true, possible: 0 });
    expect(byId(score, 'follow').notes[0]).toMatch(/applies only when gate is yes, which is not known yet/);
    // Recorded while it cannot be told whether it applies, an answer counts.
    const recorded = scoreVendor(q, vendor({ answers: { follow: { value: true } } }), { period });
    expect(byId(recorded, 'follow')).toMatchObject({ state: 'answered', points: 8, possible: 8 });
  });

  test('not applicable leaves the denominator of both score and completeness', () => {
    const score = scoreVendor(q, vendor({ answers: { gate: { value: false }, maybe: { notApplicable: 'We sell nothing of that kind at all.' } } }), { period });
    expect(byId(score, 'maybe')).toMatchObject({ state: 'not-applicable', possible: 0 });
    expect(score.sections[0]).toMatchObject({ earned: 0, possible: 2 });
    expect(score.score).toBe(0);
    expect(score.completeness).toBe(1);
  });

  test('confidence is null when nothing was earned, rather than a made-up number', () => {
    expect(scoreVendor(q, vendor(), { period }).confidence).toBeNull();
  });
});

describe('sections, weights and the overall score', () => {
  const weighted = questionnaire({
    sections: [
      { id: 'big', title: 'Big', weight: 3, questions: [{ id: 'a', text: 'A?', type: 'boolean', points: 1, evidence: 'none' }] },
      { id: 'small', title: 'Small', weight: 1, questions: [{ id: 'b', text: 'B?', type: 'boolean', points: 9, evidence: 'none' }] },
    ],
  });

  test('the overall score is the weighted mean of section scores', () => {
    const score = scoreVendor(weighted, vendor({ answers: { a: { value: true }, b: { value: false } } }), { period });
    expect(score.score).toBe(75);
    expect(score.sections.map((s) => s.score)).toEqual([100, 0]);
    expect(score).toMatchObject({ earned: 1, possible: 10 });
  });

  test('a section with nothing applicable is left out of the mean', () => {
    const q = questionnaire({
      sections: [
        { id: 'one', title: 'One', weight: 1, questions: [{ id: 'a', text: 'A?', type: 'boolean', points: 4, evidence: 'none' }] },
        { id: 'two', title: 'Two', weight: 1, questions: [{ id: 'b', text: 'B?', type: 'boolean', points: 4, evidence: 'none', notApplicable: true }] },
      ],
    });
    const score = scoreVendor(q, vendor({ answers: { a: { value: true }, b: { notApplicable: 'Nothing to say on this one.' } } }), { period });
    expect(score.sections[1]!.score).toBeNull();
    expect(score.score).toBe(100);
  });

  test('scored by points, nested sections add up raw points', () => {
    const q = questionnaire({
      scoring: { method: 'points' },
      sections: [
        {
          id: 'up',
          title: 'Up',
          sections: [
            {
              id: 'x',
              title: 'X',
              questions: [
                { id: 'a', text: 'A?', type: 'boolean', points: 1 },
                { id: 'b', text: 'B?', type: 'boolean', points: 1 },
              ],
            },
            { id: 'y', title: 'Y', questions: [{ id: 'c', text: 'C?', type: 'boolean', points: 1 }] },
          ],
        },
        { id: 'down', title: 'Down', questions: [{ id: 'd', text: 'D?', type: 'boolean', points: 1 }] },
      ],
    });
    const score = scoreVendor(q, vendor({ answers: { a: { value: true }, b: { value: false }, c: { value: true }, d: { value: false } } }), { period });
    expect(score.sections.map((s) => [s.key, s.earned, s.possible])).toEqual([
      ['up', 2, 3],
      ['up/x', 1, 2],
      ['up/y', 1, 1],
      ['down', 0, 1],
    ]);
    expect(score.score).toBe(50);
  });
});

describe('verdicts and red flags', () => {
  const q = oneSection(
    [
      {
        id: 'runtime',
        text: 'R?',
        type: 'choice',
        evidence: 'none',
        options: [
          { value: 'model', label: 'Model', points: 10 },
          { value: 'rules', label: 'Rules', points: 9 },
        ],
      },
      { id: 'tested', text: 'T?', type: 'boolean', points: 1, evidence: 'none' },
    ],
    {
      redFlags: [
        {
          id: 'not-ai',
          severity: 'critical',
          title: 'Not AI',
          message: 'Rules, not a model.',
          when: { question: 'runtime', equals: 'rules' },
          cap: 'unsubstantiated',
        },
        { id: 'untested', severity: 'high', title: 'Untested', message: 'No test.', when: { question: 'tested', equals: false } },
        { id: 'minor', severity: 'low', title: 'Minor', message: 'Minor.', when: { question: 'tested', equals: false } },
      ],
      scoring: { caps: { high: 'plausible' } },
    },
  );

  test('verdict bands follow the score', () => {
    const score = scoreVendor(q, vendor({ answers: { runtime: { value: 'model' }, tested: { value: true } } }), { period });
    expect(score).toMatchObject({ score: 100, verdict: 'substantiated', cappedBy: [], redFlags: [] });
  });

  test('a critical flag caps the verdict whatever the points say, and names the answers behind it', () => {
    const score = scoreVendor(q, vendor({ answers: { runtime: { value: 'rules' }, tested: { value: true } } }), { period });
    expect(score.score).toBeCloseTo(90.9, 1);
    expect(score.pointsVerdict).toBe('substantiated');
    expect(score.verdict).toBe('unsubstantiated');
    expect(score.cappedBy).toEqual(['not-ai']);
    expect(score.redFlags[0]).toMatchObject({ id: 'not-ai', severity: 'critical', because: [{ question: 'runtime', answer: 'Rules' }] });
  });

  test('the lowest cap wins; flags without a cap do not cap', () => {
    const score = scoreVendor(q, vendor({ answers: { runtime: { value: 'model' }, tested: { value: false } } }), { period });
    expect(score.redFlags.map((f) => f.id)).toEqual(['untested', 'minor']);
    expect(score.verdict).toBe('plausible');
    expect(score.cappedBy).toEqual(['untested']);
  });
});

describe('roadmap delivery', () => {
  const q = oneSection([{ id: 'roadmap', text: 'R', type: 'list', binds: 'roadmap', evidence: 'none', points: { delivery: 8 } }], {
    redFlags: [{ id: 'slips', severity: 'high', title: 'Slips', message: 'Slips.', when: { fact: 'roadmap.maxQuartersLate', gte: 2 } }],
  });
  const commitment = (id: string, extra: Record<string, unknown>) => ({ id, title: id, due: '2026-Q2', status: 'planned', ...extra });

  test('promises that came due are scored: on time whole, late half, slipped, overdue and dropped nothing', () => {
    const roadmap = [
      commitment('kept', { status: 'delivered', deliveredIn: '2026-Q2' }),
      commitment('late', { status: 'delivered', deliveredIn: '2026-Q3' }),
      commitment('slip', { status: 'slipped', revisedDue: '2027-Q1' }),
      commitment('gone', { status: 'dropped' }),
      commitment('future', { due: '2027-Q2' }),
    ];
    const score = scoreVendor(q, vendor({ roadmap }), { period });
    expect(score.roadmap.map((r) => [r.id, r.state, r.quartersLate])).toEqual([
      ['kept', 'on-time', 0],
      ['late', 'late', 1],
      ['slip', 'slipped', 3],
      ['gone', 'dropped', 0],
      ['future', 'pending', 0],
    ]);
    expect(byId(score, 'roadmap').points).toBe(3); // (1 + 0.5) / 4 of 8
    expect(score.redFlags.map((f) => f.id)).toEqual(['slips']);
  });

  test('a planned commitment past its quarter is overdue', () => {
    const score = scoreVendor(q, vendor({ roadmap: [commitment('old', { due: '2026-Q3' })] }), { period });
    expect(score.roadmap[0]).toMatchObject({ state: 'overdue', quartersLate: 1 });
  });

  test('nothing due yet: the question does not count and says why', () => {
    const score = scoreVendor(q, vendor({ roadmap: [commitment('future', { due: '2027-Q2' })] }), { period });
    expect(byId(score, 'roadmap')).toMatchObject({ state: 'not-applicable', possible: 0, rule: 'no commitment due yet' });
  });

  test('no roadmap recorded at all is not asked yet: out of the score', () => {
    expect(byId(scoreVendor(q, vendor(), { period }), 'roadmap')).toMatchObject({ state: 'not-asked', possible: 0 });
  });
});

describe('replaced questions', () => {
  test('an answer kept under the id a question replaced still counts', () => {
    const q = oneSection([{ id: 'new-id', text: 'N?', type: 'boolean', points: 3, evidence: 'none', replaces: ['old-id'] }]);
    expect(byId(scoreVendor(q, vendor({ answers: { 'old-id': { value: true } } }), { period }), 'new-id').points).toBe(3);
  });
});

test('scoring is deterministic', () => {
  const q = oneSection([{ id: 'a', text: 'A?', type: 'number', unit: 'x', bands: [{ gte: 1, points: 1 }], evidence: 'required' }]);
  const v = vendor({ answers: { a: { value: 3 } } });
  expect(scoreVendor(q, v, { period })).toEqual(scoreVendor(q, v, { period }));
});
