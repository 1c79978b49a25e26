import { describe, expect, test } from 'vitest';
import { classifyQuestions } from '../../src/core/findings/question-classes.js';
import { questionDefinitions } from '../../src/core/findings/question-definitions.js';
import { loadQuestionnaire } from '../../src/core/load/load-files.js';
import type { Findings, VendorFinding } from '../../src/core/schema/findings.js';
import type { Questionnaire } from '../../src/core/schema/questionnaire.js';
import { diffFindings } from '../../src/core/tracking/diff-findings.js';
import { bridgeOf, restateScore } from '../../src/core/tracking/restate-score.js';
import { trend } from '../../src/core/tracking/trend.js';

// An older edition's score restated in the newer edition's sections and weights: only when every
// question that counts on either side has a common counterpart; then diff and trend compare it.

const questionnaire = (version: string, weights: [number, number], extra = '', replaces = '') => {
  const text = `schema: aiclaim/questionnaire@1
id: demo
version: ${version}
title: Demo
sections:
  - id: model
    title: Model
    weight: ${weights[0]}
    questions:
      - { id: runtime, text: What runs?, type: boolean, points: 4 }
      - { id: ${replaces || 'team'}, text: Who builds it?, type: boolean, points: 2${replaces ? ', replaces: [team]' : ''} }
  - id: proof
    title: Proof
    weight: ${weights[1]}
    questions:
      - { id: uplift, text: What uplift?, type: boolean, points: 4 }
${extra}`;
  const loaded = loadQuestionnaire(text, `demo-${version}.yaml`);
  if (!loaded.ok) throw new Error(loaded.problems.map((p) => p.message).join('\n'));
  return loaded.value;
};

const vendor = (id: string, score: number | null, questions: Record<string, string>): VendorFinding =>
  ({
    id,
    name: id,
    category: 'other',
    score,
    verdict: score === null ? 'not-assessed' : 'plausible',
    completeness: 1,
    confidence: 1,
    sections: {},
    redFlags: [],
    roadmap: [],
    questions,
    digest: 'x',
    source: { file: `${id}.yaml`, hash: 'y' },
  }) as unknown as VendorFinding;

const snapshot = (period: string, q: Questionnaire, vendors: VendorFinding[]): Findings =>
  ({
    schema: 'aiclaim/findings@1',
    period,
    questionnaire: { id: q.id, version: q.version, hash: q.identity!.hash, questions: questionDefinitions(q) },
    tool: 'test',
    vendors,
  }) as unknown as Findings;

describe('restateScore', () => {
  const v1 = questionnaire('1.0.0', [50, 50]);
  const v2 = questionnaire('2.0.0', [25, 75]);
  const bridge = bridgeOf(
    v2,
    classifyQuestions(
      { ids: ['runtime', 'team', 'uplift'], definitions: questionDefinitions(v1) },
      { ids: ['runtime', 'team', 'uplift'], definitions: questionDefinitions(v2) },
      new Map(),
    ),
  );

  test('the older lines scored with the newer weights: model 4/6, proof 0/4 → 25 × 66.7% = 16.7', () => {
    const before = vendor('a', 33.3, { runtime: '4/4 answered', team: '0/2 answered', uplift: '0/4 answered' });
    const after = vendor('a', 75, { runtime: '4/4 answered', team: '0/2 answered', uplift: '4/4 answered' });
    const restated = restateScore(before, after, bridge)!;
    expect(restated.score).toBe(16.7);
    expect(restated.sections.map((s) => [s.key, s.score])).toEqual([
      ['model', 66.7],
      ['proof', 0],
    ]);
  });

  test('a question that counts on one side without a counterpart: no restatement', () => {
    const v3 = questionnaire('3.0.0', [50, 50], '      - { id: audit, text: Audited?, type: boolean, points: 2 }');
    const classes = classifyQuestions(
      { ids: ['runtime', 'team', 'uplift'], definitions: questionDefinitions(v1) },
      { ids: ['runtime', 'team', 'uplift', 'audit'], definitions: questionDefinitions(v3) },
      new Map(),
    );
    const toV3 = bridgeOf(v3, classes);
    const before = vendor('a', 50, { runtime: '4/4 answered', team: '0/2 answered', uplift: '2/4 answered' });
    expect(
      restateScore(before, vendor('a', 60, { runtime: '4/4 answered', team: '0/2 answered', uplift: '2/4 answered', audit: '2/2 answered' }), toV3),
    ).toBeUndefined();
    // Not asked, it counts for nothing: the two scores still rest on the same questions.
    expect(
      restateScore(before, vendor('a', 60, { runtime: '4/4 answered', team: '0/2 answered', uplift: '2/4 answered', audit: '0/0 not-asked' }), toV3)?.score,
    ).toBe(58.4);
  });

  test('a changed question breaks it unless the crosswalk declares it the same measure', () => {
    // runtime defined otherwise in 2.1.0 (its digest differs): not a common measure by itself.
    const v21 = questionnaire('2.1.0', [25, 75]);
    const defs = { ...questionDefinitions(v21), runtime: 'ffffffff' };
    const older = { ids: ['runtime', 'team', 'uplift'], definitions: questionDefinitions(v1) };
    const newer = { ids: ['runtime', 'team', 'uplift'], definitions: defs };
    const before = vendor('a', 50, { runtime: '4/4 answered', team: '0/2 answered', uplift: '2/4 answered' });
    const after = vendor('a', 50, { runtime: '4/4 answered', team: '0/2 answered', uplift: '2/4 answered' });
    expect(restateScore(before, after, bridgeOf(v21, classifyQuestions(older, newer, new Map())))).toBeUndefined();
    const declared = classifyQuestions(older, newer, new Map(), [{ from: 'runtime', to: 'runtime', meaning: 'same' }]);
    expect(restateScore(before, after, bridgeOf(v21, declared))?.score).toBe(54.2);
  });

  test('a renamed question carries its older line to the newer id', () => {
    const renamed = questionnaire('2.0.0', [25, 75], '', 'builders');
    const classes = classifyQuestions(
      { ids: ['runtime', 'team', 'uplift'], definitions: questionDefinitions(v1) },
      { ids: ['runtime', 'builders', 'uplift'], definitions: questionDefinitions(renamed) },
      new Map([['builders', 'team']]),
    );
    const before = vendor('a', 66.7, { runtime: '4/4 answered', team: '2/2 answered', uplift: '0/4 answered' });
    const after = vendor('a', 25, { runtime: '4/4 answered', builders: '2/2 answered', uplift: '0/4 answered' });
    expect(restateScore(before, after, bridgeOf(renamed, classes))?.score).toBe(25);
  });
});

describe('diff and trend across editions with a bridge', () => {
  const v1 = questionnaire('1.0.0', [50, 50]);
  const v2 = questionnaire('2.0.0', [25, 75]);
  const older = snapshot('2026-Q3', v1, [vendor('a', 33.3, { runtime: '4/4 answered', team: '0/2 answered', uplift: '0/4 answered' })]);
  const newer = snapshot('2026-Q4', v2, [vendor('a', 75, { runtime: '4/4 answered', team: '0/2 answered', uplift: '4/4 answered' })]);

  test('diff: the move is counted from the restated score, the recorded one kept', () => {
    const plain = diffFindings(older, newer);
    expect(plain.vendors[0]).toMatchObject({ comparable: false, movement: 'not-comparable', delta: 0 });
    const bridged = diffFindings(older, newer, { newer: v2 });
    expect(bridged.vendors[0]).toMatchObject({ comparable: true, by: 'restated', movement: 'improved', delta: 58.3, before: { score: 16.7, recorded: 33.3 } });
    expect(bridged.summary).toMatchObject({ improved: 1, notComparable: 0 });
    // The questionnaire given must be the one that scored the newer snapshot.
    expect(diffFindings(older, newer, { newer: questionnaire('2.0.0', [30, 70]) }).vendors[0]!.comparable).toBe(false);
  });

  test('trend: the change counts from the restated score, and is marked so', () => {
    const classes = classifyQuestions(
      { ids: ['runtime', 'team', 'uplift'], definitions: questionDefinitions(v1) },
      { ids: ['runtime', 'team', 'uplift'], definitions: questionDefinitions(v2) },
      new Map(),
    );
    expect(trend([older, newer]).vendors[0]).toMatchObject({ change: null });
    const bridged = trend([older, newer], new Map([[older.questionnaire.hash, { bridge: bridgeOf(v2, classes) }]]));
    expect(bridged.vendors[0]).toMatchObject({ change: 58.3, changeFrom: '2026-Q3', restated: { score: 16.7, recorded: 33.3 } });
    expect(bridged.editions[0]).toMatchObject({ restated: {} });
  });
});

describe('restating adds no knowledge', () => {
  test('a vendor with no score then has none restated', () => {
    const v1 = questionnaire('1.0.0', [50, 50]);
    const v2 = questionnaire('2.0.0', [25, 75]);
    const classes = classifyQuestions(
      { ids: ['runtime', 'team', 'uplift'], definitions: questionDefinitions(v1) },
      { ids: ['runtime', 'team', 'uplift'], definitions: questionDefinitions(v2) },
      new Map(),
    );
    const before = vendor('a', null, { runtime: '0/4 declined', team: '0/2 answered', uplift: '0/4 answered' });
    const after = vendor('a', 40, { runtime: '4/4 answered', team: '0/2 answered', uplift: '0/4 answered' });
    expect(restateScore(before, after, bridgeOf(v2, classes))).toMatchObject({ score: null });
  });
});
