import { describe, expect, test } from 'vitest';
import { buildFindings, vendorFinding } from '../../src/core/findings/build-findings.js';
import type { CommitmentResult, Findings, VendorFinding } from '../../src/core/schema/findings.js';
import { scoreVendor } from '../../src/core/scoring/score-vendor.js';
import { diffFindings } from '../../src/core/tracking/diff-findings.js';
import { trackRecord } from '../../src/core/tracking/track-record.js';
import { sortTrend, trend } from '../../src/core/tracking/trend.js';
import { sparkline } from '../../src/render/sparkline.js';
import { questionnaire, vendor } from '../helpers/build.js';

// A small questionnaire scored for real, so that the findings compared are what the scorer writes.
const q = questionnaire({
  sections: [
    {
      id: 'data',
      title: 'Data',
      weight: 1,
      questions: [
        { id: 'trains', text: 'T?', type: 'boolean', points: 2, evidence: 'none' },
        {
          id: 'records',
          text: 'R?',
          type: 'number',
          unit: 'r',
          evidence: 'required',
          when: { question: 'trains', equals: true },
          bands: [{ gte: 1000, points: 4 }],
        },
        { id: 'eu', text: 'E?', type: 'boolean', points: 2, evidence: 'none', notApplicable: true },
      ],
    },
    {
      id: 'roadmap',
      title: 'Roadmap',
      weight: 1,
      questions: [
        { id: 'commitments', text: 'C', type: 'list', binds: 'roadmap', evidence: 'none', points: { delivery: 4 } },
        { id: 'record', text: 'R', type: 'track-record', points: 2, evidence: 'none' },
      ],
    },
  ],
  redFlags: [{ id: 'untrained', severity: 'critical', title: 'No training', message: 'm', when: { question: 'trains', equals: false } }],
});

type Parts = Record<string, unknown>;
function snapshot(period: string, vendors: Parts[], spend = true): Findings {
  return buildFindings(
    { period, questionnaire: q, tool: 'aiclaim test' },
    vendors.map((parts) => {
      const v = vendor({ ...(spend ? { spend: { amount: 1000, currency: 'EUR' } } : {}), ...parts });
      return vendorFinding(v, scoreVendor(q, v, { period }), { file: `vendors/${v.id}.yaml`, hash: '0123456789abcdef' });
    }),
  );
}

const commitment = (id: string, extra: Parts) => ({ id, title: id, due: '2026-Q3', status: 'planned', ...extra });
const byId = (d: ReturnType<typeof diffFindings>, id: string) => d.vendors.find((v) => v.id === id)!;
const question = (d: ReturnType<typeof diffFindings>, vendorId: string, id: string) => byId(d, vendorId).questions.find((x) => x.id === id)!;

describe('diffFindings', () => {
  test('a snapshot compared with itself has nothing to report', () => {
    const s = snapshot('2026-Q3', [{ id: 'a', answers: { trains: { value: true }, records: { value: 5000 } } }]);
    const d = diffFindings(s, s);
    expect(d.summary).toEqual({ improved: 0, regressed: 0, unchanged: 1, assessed: 0, unassessed: 0, notComparable: 0, added: 0, dropped: 0 });
    expect(byId(d, 'a')).toMatchObject({ delta: 0, flagsRaised: [], flagsCleared: [], why: [], sections: [] });
    expect(byId(d, 'a').questions.every((x) => x.group === 'unchanged')).toBe(true);
  });

  test('evidence added moves the score with no answer changed, and says so', () => {
    const before = snapshot('2026-Q3', [{ id: 'a', answers: { trains: { value: true }, records: { value: 5000 } } }]);
    const after = snapshot('2026-Q4', [{ id: 'a', answers: { trains: { value: true }, records: { value: 5000, evidence: 'sheet.pdf' } } }]);
    const d = diffFindings(before, after);
    // Data: trains 2 + records 2 (half of 4, unverified) = 4/6 before, 6/6 after; eu was not asked
    // and is out of the score. Roadmap: nothing recorded, and no history: the section does not count.
    expect(byId(d, 'a')).toMatchObject({ before: { score: 66.7 }, after: { score: 100 }, delta: 33.3, movement: 'improved' });
    expect(question(d, 'a', 'records')).toMatchObject({ group: 'resolved', delta: 2, causes: ['evidence-added'] });
    expect(byId(d, 'a').why).toEqual([{ cause: 'evidence-added', questions: ['records'], points: 2 }]);
  });

  test('flags raised and cleared, questions newly asked, and the tolerance', () => {
    const before = snapshot('2026-Q3', [{ id: 'a', answers: { trains: { value: false } } }]);
    const after = snapshot('2026-Q4', [{ id: 'a', answers: { trains: { value: true }, records: { value: 10 } } }]);
    const d = diffFindings(before, after);
    const a = byId(d, 'a');
    expect(a.flagsCleared.map((f) => f.id)).toEqual(['untrained']);
    expect(a.flagsRaised).toEqual([]);
    expect(question(d, 'a', 'trains')).toMatchObject({ group: 'resolved', causes: ['answer-changed'] });
    expect(question(d, 'a', 'records')).toMatchObject({ group: 'new', causes: ['condition-changed'] });
    // Data: 0 of 2 (records hidden) before; trains 2, records 0 of 4 (under every band) after: 2 of 6.
    expect(a.sections).toEqual([{ id: 'data', before: 0, after: 33.3, delta: 33.3 }]);
    expect(a.delta).toBe(33.3);
    expect(diffFindings(before, after, { tolerance: 33.3 }).summary.unchanged).toBe(1);
    expect(diffFindings(before, after, { tolerance: 33 }).summary.improved).toBe(1);
  });

  test('roadmap: delivered, slipped, newly due, dropped and withdrawn, with the quarters late', () => {
    const before = snapshot('2026-Q3', [
      {
        id: 'a',
        roadmap: [
          commitment('ship', { due: '2026-Q4' }),
          commitment('slip', { due: '2026-Q4' }),
          commitment('due', { due: '2026-Q3' }),
          commitment('now', { due: '2026-Q4' }),
          commitment('gone', { due: '2026-Q4' }),
          commitment('vanish', { due: '2026-Q4' }),
        ],
      },
    ]);
    const after = snapshot('2026-Q4', [
      {
        id: 'a',
        roadmap: [
          commitment('ship', { due: '2026-Q4', status: 'delivered', deliveredIn: '2026-Q4' }),
          commitment('slip', { due: '2026-Q4', status: 'slipped', revisedDue: '2027-Q2' }),
          commitment('due', { due: '2026-Q3' }),
          commitment('now', { due: '2026-Q4' }),
          commitment('gone', { due: '2026-Q4', status: 'dropped' }),
        ],
      },
    ]);
    const changes = byId(diffFindings(before, after), 'a').roadmap.map((c) => [c.id, c.change, c.quartersLate]);
    expect(changes).toEqual([
      ['ship', 'delivered', 0],
      ['slip', 'slipped', 2],
      // Due 2026-Q3 and not delivered: overdue by the next snapshot.
      ['due', 'slipped', 1],
      ['now', 'newly-due', 0],
      ['gone', 'dropped', 0],
      ['vanish', 'withdrawn', 0],
    ]);
  });

  test('a date passing is a cause of its own', () => {
    const parts = { id: 'a', answers: { trains: { value: false } }, roadmap: [commitment('late', { due: '2026-Q3' })] };
    const d = diffFindings(snapshot('2026-Q3', [parts]), snapshot('2026-Q4', [parts]), { computed: new Map([['commitments', 'roadmap']]) });
    // Due 2026-Q3: not yet decided in Q3 (does not count), overdue in Q4 (0 of 4).
    expect(question(d, 'a', 'commitments')).toMatchObject({
      causes: ['roadmap-date-passed'],
      delta: 0,
      before: { possible: 0, state: 'not-applicable' },
      after: { possible: 4, state: 'answered' },
    });
    expect(byId(d, 'a').why).toEqual([{ cause: 'roadmap-date-passed', questions: ['commitments'], points: 0 }]);
  });

  test('vendors added and dropped; spend now below the threshold', () => {
    const before = snapshot('2026-Q3', [{ id: 'a', answers: { trains: { value: true } } }, { id: 'gone' }]);
    const after = snapshot('2026-Q4', [
      { id: 'a', answers: { trains: { value: true } } },
      { id: 'new', answers: { trains: { value: false } } },
    ]);
    const d = diffFindings(before, after, { threshold: 50 });
    expect(d.added.map((v) => v.id)).toEqual(['new']);
    expect(d.dropped.map((v) => v.id)).toEqual(['gone']);
    // a: trains 2 of 2 (records not asked): 100; new: 0, under the threshold.
    expect(d.spend).toEqual({ threshold: 50, byCurrency: [{ currency: 'EUR', total: 2000, below: 1000, vendors: ['new'], notAssessed: 0 }] });
  });

  test('a vendor not assessed has no score to be under: its spend is counted apart', () => {
    const s = snapshot('2026-Q4', [{ id: 'a', answers: { trains: { value: false } } }, { id: 'b' }]);
    expect(diffFindings(s, s, { threshold: 50 }).spend.byCurrency).toEqual([{ currency: 'EUR', total: 2000, below: 1000, vendors: ['a'], notAssessed: 1000 }]);
  });

  test('a first verdict is not an improvement: the vendor is newly assessed', () => {
    const d = diffFindings(snapshot('2026-Q3', [{ id: 'a' }]), snapshot('2026-Q4', [{ id: 'a', answers: { trains: { value: true } } }]));
    expect(byId(d, 'a')).toMatchObject({ before: { score: null, verdict: 'not-assessed' }, after: { score: 100 }, delta: 0, movement: 'assessed' });
    expect(d.summary).toMatchObject({ improved: 0, assessed: 1 });
    expect(question(d, 'a', 'trains')).toMatchObject({ group: 'new', causes: ['answered'], before: { state: 'not-asked', possible: 0 } });
  });

  test('a decline is a cause of its own, and the finding it raises is a flag raised; an open question is not', () => {
    const flagged = questionnaire({
      ...q,
      redFlags: [{ id: 'silent', severity: 'high', title: 'Silent', message: 'm', when: { question: 'trains', answered: false } }],
    });
    const snap = (period: string, answers: Parts) => {
      const v = vendor({ answers });
      return buildFindings({ period, questionnaire: flagged, tool: 't' }, [
        vendorFinding(v, scoreVendor(flagged, v, { period }), { file: 'vendors/acme.yaml', hash: '0123456789abcdef' }),
      ]);
    };
    const none = snap('2026-Q2', {});
    const declined = snap('2026-Q3', { trains: { declined: 'would not say' } });
    const open = diffFindings(snap('2026-Q1', { eu: { value: true } }), none);
    expect(none.vendors[0]!.redFlags).toMatchObject([{ id: 'silent', basis: 'missing', ask: ['trains'] }]);
    expect(byId(open, 'acme').flagsRaised).toEqual([]);
    const d = diffFindings(none, declined);
    expect(question(d, 'acme', 'trains')).toMatchObject({ causes: ['declined'], after: { state: 'declined', points: 0, possible: 2 } });
    expect(byId(d, 'acme').flagsRaised).toMatchObject([{ id: 'silent', basis: 'answered' }]);
  });

  test('a changed questionnaire is named, and a renamed question keeps its history', () => {
    const before = snapshot('2026-Q3', [{ id: 'a', answers: { trains: { value: true }, eu: { value: true } } }]);
    const after = structuredClone(snapshot('2026-Q4', [{ id: 'a', answers: { trains: { value: true }, eu: { value: true } } }]));
    after.questionnaire.hash = 'ffffffffffffffff';
    const v = after.vendors[0] as VendorFinding;
    v.questions['trains-models'] = v.questions.trains!;
    delete v.questions.trains;
    // Worth 2 before, 5 now: scored differently. (A question not asked tells nothing of its worth.)
    v.questions.eu = '5/5 answered 0badc0de';
    v.questions.extra = '1/1 answered 0badc0de';
    // The new edition's definitions: trains renamed with its meaning kept, eu's rule changed, extra new.
    const { trains, ...others } = before.questionnaire.questions!;
    after.questionnaire.questions = { ...others, 'trains-models': trains!, eu: 'eeeeeeee', extra: '12345678' };
    const d = diffFindings(before, after, { renamed: new Map([['trains-models', 'trains']]) });
    expect(d.comparable).toBe(false);
    expect(d.questionnaireChanges).toMatchObject({ added: ['extra'], removed: [], rescored: ['eu'], renamed: [{ from: 'trains', to: 'trains-models' }] });
    expect(d.questionnaireChanges.questions.filter((q) => q.class !== 'same')).toEqual([
      { id: 'eu', class: 'changed', known: true },
      { id: 'trains-models', class: 'renamed', was: 'trains', sameMeaning: true, known: true },
      { id: 'extra', class: 'added', known: true },
    ]);
    expect(question(d, 'a', 'trains-models')).toMatchObject({ was: 'trains', group: 'unchanged' });
    expect(question(d, 'a', 'eu')).toMatchObject({ group: 'not-comparable', causes: ['questionnaire-changed'] });
    expect(question(d, 'a', 'extra')).toMatchObject({ group: 'new', causes: ['questionnaire-changed'] });
    // The vendor's two scores are not compared; the share of its points on common questions is said.
    expect(byId(d, 'a')).toMatchObject({ comparable: false, movement: 'not-comparable', delta: 0, sections: [] });
    expect(byId(d, 'a').common!.share).toBeGreaterThan(0);
    expect(d.summary).toMatchObject({ improved: 0, regressed: 0, unchanged: 0, notComparable: 1 });

    // Without the old edition's definitions nothing shows a question is the same: each in both is changed.
    const unknown = diffFindings({ ...before, questionnaire: { ...before.questionnaire, questions: undefined } }, after, {
      renamed: new Map([['trains-models', 'trains']]),
    });
    expect(unknown.questionnaireChanges.questions.every((q) => !q.known && q.class !== 'same')).toBe(true);
    expect(byId(unknown, 'a').common).toMatchObject({ share: 0, questions: 0 });
  });
});

describe('track record', () => {
  const result = (id: string, extra: Partial<CommitmentResult>): CommitmentResult => ({
    id,
    title: id,
    due: '2026-Q2',
    status: 'planned',
    state: 'pending',
    quartersLate: 0,
    ...extra,
  });

  test('promises are judged against the quarter first recorded, and silence counts as broken', () => {
    const record = trackRecord([
      { period: '2026-Q2', roadmap: [result('kept', {}), result('moved', {}), result('silent', { due: '2026-Q3' }), result('slips', { due: '2026-Q3' })] },
      {
        period: '2026-Q3',
        roadmap: [
          result('kept', { status: 'delivered', deliveredIn: '2026-Q2', state: 'on-time' }),
          result('moved', { due: '2026-Q3' }),
          result('silent', { due: '2026-Q3' }),
          result('slips', { due: '2026-Q3', status: 'slipped', revisedDue: '2026-Q4', state: 'slipped', quartersLate: 1 }),
        ],
      },
      {
        period: '2026-Q4',
        roadmap: [
          result('kept', { status: 'delivered', deliveredIn: '2026-Q2', state: 'on-time' }),
          result('moved', { due: '2026-Q3', status: 'delivered', deliveredIn: '2026-Q3', state: 'on-time' }),
          result('slips', { due: '2026-Q3', status: 'slipped', revisedDue: '2027-Q2', state: 'slipped', quartersLate: 3 }),
        ],
      },
    ]);
    expect(record.promises.map((p) => [p.id, p.outcome, p.quartersLate, p.slips])).toEqual([
      ['kept', 'kept', 0, 0],
      // The file now says due 2026-Q3 and delivered then; the first record said 2026-Q2.
      ['moved', 'late', 1, 1],
      ['silent', 'withdrawn', 1, 0],
      ['slips', 'slipped', 3, 2],
    ]);
    expect(record).toMatchObject({ observations: 3, kept: 1, broken: 3, pending: 0 });
  });

  test('feeds the score when history exists, and says "no history yet" when it does not', () => {
    const v = vendor({ answers: { trains: { value: true } }, roadmap: [commitment('ok', { due: '2026-Q3', status: 'delivered', deliveredIn: '2026-Q3' })] });
    const without = scoreVendor(q, v, { period: '2026-Q4' });
    expect(without.questions.find((x) => x.id === 'record')).toMatchObject({ state: 'not-applicable', possible: 0, answer: 'no history yet' });
    expect(without.trackRecord).toBe('no history yet');
    const earlier = [
      { period: '2026-Q3', roadmap: [result('ok', { due: '2026-Q3' }), result('broken', { due: '2026-Q3', status: 'dropped', state: 'dropped' })] },
    ];
    const withHistory = scoreVendor(q, v, { period: '2026-Q4', history: { earlier } });
    // 'ok' kept on time; 'broken' dropped in Q3 (and gone from the file, but it was settled): 1 of 2.
    expect(withHistory.questions.find((x) => x.id === 'record')).toMatchObject({ state: 'answered', points: 1, possible: 2 });
    expect(withHistory.trackRecord).toBe('1 earlier snapshot: 1 of 2 promises kept on time (50%); 1 dropped');
    expect(withHistory.facts['history.promisesBroken']).toBe(1);
  });
});

describe('trend', () => {
  const s2 = snapshot('2026-Q2', [
    { id: 'a', answers: { trains: { value: false } } },
    { id: 'b', answers: { trains: { value: true }, records: { value: 5000, evidence: 'x' } } },
  ]);
  const s3 = snapshot('2026-Q3', [{ id: 'a', answers: { trains: { value: true } } }]);
  const s4 = snapshot('2026-Q4', [
    { id: 'a', answers: { trains: { value: true }, records: { value: 5000 } } },
    { id: 'c', answers: {} },
  ]);

  test('a vendor missing from a quarter keeps its last known value, marked; one not assessed has no score, never a zero', () => {
    const t = trend([s2, s3, s4]);
    const b = t.vendors.find((v) => v.id === 'b')!;
    // b: data 6 of 6 in Q2, then missing from Q3 and Q4.
    expect(b.points.map((p) => [p.period, p.score, p.carried])).toEqual([
      ['2026-Q2', 100, false],
      ['2026-Q3', 100, true],
      ['2026-Q4', 100, true],
    ]);
    expect(b.latest).toEqual({ period: '2026-Q4', score: 100, verdict: 'substantiated', carried: true });
    const c = t.vendors.find((v) => v.id === 'c')!;
    expect(c.points.map((p) => [p.score, p.verdict])).toEqual([
      [null, null],
      [null, null],
      [null, 'not-assessed'],
    ]);
    expect([c.first, c.change]).toEqual([undefined, null]);
    const a = t.vendors.find((v) => v.id === 'a')!;
    // a: 0 in Q2 (does not train), 100 in Q3 (trains; records not asked), 4 of 6 in Q4 (records unverified).
    expect(a.change).toBe(66.7);
    expect(sparkline(a.points)).toBe('▁█▆');
    expect(sparkline(b.points)).toBe('█┄┄');
    expect(sparkline(c.points)).toBe('  ·');
  });

  test('sorts by score, change, name or delivery', () => {
    const t = trend([s2, s3, s4]);
    expect(sortTrend(t.vendors, 'score').map((v) => v.id)).toEqual(['b', 'a', 'c']);
    expect(sortTrend(t.vendors, 'change').map((v) => v.id)).toEqual(['a', 'b', 'c']);
  });
});
