import { describe, expect, test } from 'vitest';
import { loadQuestionnaire, loadVendor } from '../../src/core/load/load-files.js';
import { formatProblem } from '../../src/core/problem.js';
import { indexQuestionnaire } from '../../src/core/questionnaire-index.js';
import { closest } from '../../src/core/validate/did-you-mean.js';
import { oneSection } from '../helpers/build.js';

const header = 'schema: aiclaim/questionnaire@1\nid: t\nversion: 1.0.0\ntitle: T\n';
const lines = (result: ReturnType<typeof loadQuestionnaire> | ReturnType<typeof loadVendor>) =>
  result.ok ? result.warnings.map(formatProblem) : result.problems.map(formatProblem);

function questionnaireText(questions: string): string {
  return `${header}sections:\n  - id: s\n    title: S\n    questions:\n${questions}`;
}

describe('questionnaire files', () => {
  test('a condition may only read an earlier question, which rules out cycles', () => {
    const text = questionnaireText(
      [
        '      - { id: a, text: A, type: boolean, when: { question: b, equals: true } }',
        '      - { id: b, text: B, type: boolean, when: { question: a, equals: true } }',
        '      - { id: c, text: C, type: boolean, when: { question: c, equals: true } }',
      ].join('\n') + '\n',
    );
    expect(lines(loadQuestionnaire(text, 'q.yaml'))).toEqual([
      'q.yaml:9:60: condition refers to "b", a later question — a question can only depend on questions asked before it (this also rules out cycles of conditions)',
      'q.yaml:11:60: condition refers to its own question "c" — a question can only depend on questions asked before it (this also rules out cycles of conditions)',
    ]);
  });

  test('a condition on a question that does not exist suggests the closest id', () => {
    const text = questionnaireText(
      [
        '      - { id: training-records, text: A, type: number, unit: x }',
        '      - { id: b, text: B, type: boolean, when: { question: training-record, gte: 5 } }',
      ].join('\n') + '\n',
    );
    expect(lines(loadQuestionnaire(text, 'q.yaml'))).toEqual([
      'q.yaml:10:60: condition refers to question "training-record", which does not exist — did you mean "training-records"?',
    ]);
  });

  test('conditions must fit the question they test', () => {
    const text = questionnaireText(
      [
        '      - { id: pick, text: P, type: choice, options: [{ value: alpha, label: A }, { value: beta, label: B }] }',
        '      - { id: b, text: B, type: boolean, when: { question: pick, equals: alfa } }',
        '      - { id: c, text: C, type: boolean, when: { question: pick, gte: 3 } }',
      ].join('\n') + '\n',
    );
    expect(lines(loadQuestionnaire(text, 'q.yaml'))).toEqual([
      'q.yaml:10:74: "alfa" is not an option of "pick" — did you mean "alpha"?',
      'q.yaml:11:71: gte compares numbers, but "pick" is a choice question',
    ]);
  });

  test('unknown keys name the key, its place and the closest known key', () => {
    const text = questionnaireText('      - id: a\n        text: A\n        type: boolean\n        evidance: required\n');
    expect(lines(loadQuestionnaire(text, 'q.yaml'))).toEqual(['q.yaml:12:9: sections[0].questions[0].evidance: unknown key — did you mean "evidence"?']);
  });

  test('duplicate question ids and unknown verdicts in caps are refused', () => {
    const text = `${header}scoring:\n  caps: { critical: weakk }\nsections:\n  - id: s\n    title: S\n    questions:\n      - { id: a, text: A, type: boolean }\n      - { id: a, text: A, type: boolean }\n`;
    expect(lines(loadQuestionnaire(text, 'q.yaml'))).toEqual([
      'q.yaml:6:21: caps.critical: unknown verdict "weakk" — did you mean "weak"?',
      'q.yaml:12:15: question id "a" is used twice (first at sections[0].questions[0]) — question ids must be unique across the questionnaire',
    ]);
  });

  test('weights are ignored when scoring by points, and the file says so', () => {
    const text = `${header}scoring: { method: points }\nsections:\n  - { id: s, title: S, weight: 3, questions: [{ id: a, text: A, type: boolean }] }\n`;
    const result = loadQuestionnaire(text, 'q.yaml');
    expect(result.ok).toBe(true);
    expect(lines(result)[0]).toMatch(/warning: section weights are ignored/);
  });

  test('the default questionnaire is valid and within the bounds it promises', async () => {
    const { readFile } = await import('node:fs/promises');
    const result = loadQuestionnaire(await readFile('questionnaires/ai-claims.yaml', 'utf8'), 'questionnaires/ai-claims.yaml');
    expect(lines(result)).toEqual([]);
    if (!result.ok) return;
    const index = indexQuestionnaire(result.value);
    expect(index.questions.length).toBeGreaterThanOrEqual(40);
    expect(index.questions.length).toBeLessThanOrEqual(70);
    expect(result.value.sections.length).toBeGreaterThanOrEqual(6);
    expect(result.value.sections.length).toBeLessThanOrEqual(8);
    expect(index.questions.every(({ question }) => question.help || question.text.length > 20)).toBe(true);
    const aiWashing = result.value.redFlags?.find((f) => f.id === 'ai-washing');
    expect(aiWashing).toMatchObject({ severity: 'critical' });
    // Edition 2: two ratings, the AI-substance sections for the verdict, and what decides each.
    expect(result.value.version).toBe('2.0.0');
    expect(result.value.sections.map((x) => [x.id, x.rating])).toEqual([
      ['ai-substance', 'legitimacy'],
      ['training-data', 'legitimacy'],
      ['differentiation', 'legitimacy'],
      ['roadmap', 'legitimacy'],
      ['compliance', 'risk'],
      ['viability', 'risk'],
      ['value', 'risk'],
    ]);
    expect(result.value.scoring.assessment?.decisive).toEqual([
      'ai-runtime',
      'model-origin',
      'foundation-model-licensed',
      'trains-models',
      'training-records',
      'data-provenance',
      'uplift-test',
      'independent-validation',
    ]);
    // Every flag with a framework or enforcement-case reference, and help for a marketing leader.
    for (const flag of result.value.redFlags ?? []) expect(flag.message.length, flag.id).toBeGreaterThan(30);
  });

  test('ratings, decisive questions, risk bands and claim flags are checked', () => {
    const text = `${header}scoring:
  assessment: { decisive: [a, nope], minimum: 3 }
  risk: { bands: [{ id: not-assessed, label: X, min: 50 }, { id: low, label: Low, min: 10 }], caps: { high: lowest } }
  claims: { contradicted: { severity: critical, cap: wek } }
sections:
  - id: s
    title: S
    rating: risk
    sections:
      - { id: inner, title: I, rating: legitimacy, questions: [{ id: a, text: A, type: text, points: 2, evidence: none }] }
redFlags:
  - { id: claim-contradicted, severity: high, title: T, message: M, when: { question: a, answered: false } }
  - { id: x, severity: high, rating: risk, title: T, message: M, cap: weak, when: { question: a, answered: false } }
`;
    expect(lines(loadQuestionnaire(text, 'q.yaml'))).toEqual([
      'q.yaml:6:31: no question "nope"',
      'q.yaml:6:47: minimum 3 is more than the 2 decisive questions listed',
      'q.yaml:7:18: the last of the risk bands must have min: 0 so that every score has one',
      'q.yaml:7:25: "not-assessed" is what aiclaim says when too little is known for a rating — give this band another id',
      'q.yaml:7:109: caps.high: unknown risk band "lowest" — risk bands are: not-assessed, low',
      'q.yaml:8:54: unknown verdict "wek" — did you mean "weak"?',
      'q.yaml:14:40: only a top-level section says which rating it feeds; its subsections feed the same — move rating to the top-level section',
      'q.yaml:14:115: a text answer earns its points only with evidence, so with evidence: none it can never earn them — set evidence: optional, or remove the points',
      'q.yaml:16:11: "claim-contradicted" is the flag aiclaim raises when it tests claims — give this flag another id; set the severity of claim flags under scoring.claims',
      'q.yaml:17:71: unknown risk band "weak" (this flag rates risk) — risk bands are: not-assessed, low',
    ]);
  });
});

describe('vendor files', () => {
  const index = indexQuestionnaire(
    oneSection([
      { id: 'trains-models', text: 'T?', type: 'boolean', points: 1 },
      {
        id: 'origin',
        text: 'O?',
        type: 'choice',
        options: [
          { value: 'in-house', label: 'In-house' },
          { value: 'api', label: 'API' },
        ],
      },
      { id: 'records', text: 'R?', type: 'number', unit: 'records', min: 0 },
      { id: 'maybe', text: 'M?', type: 'boolean', notApplicable: true },
      { id: 'renamed', text: 'N?', type: 'boolean', replaces: ['old-name'] },
    ]),
  );
  const vendorText = (answers: string, id = 'acme') => `schema: aiclaim/vendor@1\nid: ${id}\nname: Acme\ncategory: emailing\nanswers:\n${answers}`;

  test('answers are checked against the questions they answer', () => {
    const text = vendorText(
      ['  trains-model: { value: true }', '  origin: { value: inhouse }', '  records: { value: "40 million" }', '  trains-models: { value: "yes" }'].join(
        '\n',
      ) + '\n',
    );
    expect(lines(loadVendor(text, 'v.yaml', index))).toEqual([
      'v.yaml:6:3: no question "trains-model" in questionnaire test — did you mean "trains-models"?',
      'v.yaml:7:20: "origin" takes one of in-house, api, not the text "inhouse" — did you mean "in-house"?',
      'v.yaml:8:21: "records" takes a number (records), not the text "40 million" — write the number alone, without units or separators: 1200000',
      'v.yaml:9:27: "trains-models" takes true or false, not the text "yes" — write true',
    ]);
  });

  test('who gave an answer is one of those who answered for the vendor', () => {
    const withInterview = (answers: string) =>
      `schema: aiclaim/vendor@1\nid: acme\nname: Acme\ncategory: emailing\ninterview:\n  date: 2026-10-01\n  interviewer: Claire\n  respondents: [{ name: Sam Lee }, { name: Ana Ruiz }]\nanswers:\n${answers}`;
    expect(lines(loadVendor(withInterview('  trains-models: { value: true, by: Ana Ruiz }\n'), 'v.yaml', index))).toEqual([]);
    expect(lines(loadVendor(withInterview('  trains-models: { value: true, by: Ann Ruiz }\n'), 'v.yaml', index))).toEqual([
      'v.yaml:10:37: "Ann Ruiz" is not among those who answered for the vendor (Sam Lee, Ana Ruiz) — write one of the names under interview.respondents, or add Ann Ruiz there',
    ]);
    expect(lines(loadVendor(vendorText('  trains-models: { value: true, by: Sam }\n'), 'v.yaml', index))).toEqual([
      'v.yaml:6:37: "Sam" is not among those who answered for the vendor — list who answered under interview.respondents',
    ]);
  });

  test('not applicable only where the question allows it, and only with a justification', () => {
    const text = vendorText(['  trains-models: { notApplicable: We do not train anything at all. }', '  maybe: { notApplicable: n/a }'].join('\n') + '\n');
    expect(lines(loadVendor(text, 'v.yaml', index))).toEqual([
      'v.yaml:7:27: answers.maybe.notApplicable: notApplicable needs a justification of at least a few words',
    ]);
    const allowed = vendorText('  trains-models: { notApplicable: We do not train anything at all. }\n');
    expect(lines(loadVendor(allowed, 'v.yaml', index))).toEqual([
      'v.yaml:6:35: "trains-models" cannot be answered not applicable — give a value; if the vendor will not say, write declined: "what it said"; if nobody has asked yet, leave the question out',
    ]);
  });

  test('an answer is one of a value, a decline with what the vendor said, or not applicable', () => {
    const text = vendorText(
      ['  trains-models: { value: true, declined: would not say }', '  origin: { declined: "" }', '  records: { declined: true }'].join('\n') + '\n',
    );
    expect(lines(loadVendor(text, 'v.yaml', index))).toEqual([
      'v.yaml:6:18: answers.trains-models: an answer has exactly one of value, declined (the reason the vendor gave) or notApplicable (the justification)',
      'v.yaml:7:23: answers.origin.declined: declined needs the reason the vendor gave, or what it said, in a few words',
      'v.yaml:8:24: answers.records.declined: declined takes what the vendor said, e.g. declined: "will not disclose data volumes" — YAML read true as a boolean; put the text in quotes',
    ]);
    expect(lines(loadVendor(vendorText('  records: { declined: will not disclose data volumes }\n'), 'v.yaml', index))).toEqual([]);
  });

  test('a decline carries no evidence: there is no value for it to back', () => {
    const text = vendorText('  records: { declined: will not disclose data volumes, evidence: datasheet.pdf }\n');
    const found = lines(loadVendor(text, 'v.yaml', index));
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(/^v\.yaml:6:\d+: a declined answer has no value for evidence to back — record the value the evidence shows/);
  });

  test('an evaluation records what a test measured, as the question would take it', () => {
    const text = `${vendorText('  {}\n')}evaluations:\n  - { question: records, measured: lots, by: Lab, independent: true }\n  - { question: origin, measured: in-house, by: Lab, independent: true }\n  - { question: recrods, measured: 3, by: Lab, independent: true }\n`;
    expect(lines(loadVendor(text, 'v.yaml', index))).toEqual([
      'v.yaml:8:36: "records" takes a number (records), not the text "lots"',
      'v.yaml:10:17: no question "recrods" in questionnaire test — did you mean "records"?',
    ]);
  });

  test('an id that could escape the workspace is refused', () => {
    expect(lines(loadVendor(vendorText('  {}\n', '../../etc/passwd'), 'v.yaml', index))[0]).toMatch(/^v\.yaml:2:5: id: must be a slug/);
    expect(lines(loadVendor(vendorText('  {}\n', '/tmp/x'), 'v.yaml', index))[0]).toMatch(/^v\.yaml:2:5: id: must be a slug/);
  });

  test('the id must match the file name', () => {
    expect(lines(loadVendor(vendorText('  {}\n'), 'vendors/other.yaml', index, 'other'))).toEqual([
      'vendors/other.yaml:2:5: id "acme" does not match the file name (other.yaml) — rename the file to acme.yaml or change the id',
    ]);
  });

  test('an answer under a replaced id is accepted with a warning', () => {
    const result = loadVendor(vendorText('  old-name: { value: true }\n'), 'v.yaml', index);
    expect(result.ok).toBe(true);
    expect(lines(result)).toEqual([
      'v.yaml:6:3: warning: question "old-name" was replaced by "renamed"; this answer is read as its answer — rename the key to renamed',
    ]);
  });

  test('a file of another kind is named as such', () => {
    expect(lines(loadVendor(`${header}sections: []\n`, 'v.yaml', index))).toEqual(['v.yaml:1:1: this is a questionnaire file, not a vendor file']);
  });
});

describe('did you mean', () => {
  test.each([
    ['evidance', ['evidence', 'value', 'note'], 'evidence'],
    ['Value', ['value', 'note'], 'value'],
    ['zzzzzz', ['value', 'note'], undefined],
    ['value', ['value'], undefined],
  ])('%s among %j suggests %s', (word, candidates, expected) => {
    expect(closest(word, candidates)).toBe(expected);
  });
});
