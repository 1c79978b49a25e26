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
      ['      - { id: training-records, text: A, type: number, unit: x }', '      - { id: b, text: B, type: boolean, when: { question: training-record, gte: 5 } }'].join('\n') + '\n',
    );
    expect(lines(loadQuestionnaire(text, 'q.yaml'))).toEqual(['q.yaml:10:60: condition refers to question "training-record", which does not exist — did you mean "training-records"?']);
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
    expect(index.questions.length).toBeLessThanOrEqual(60);
    expect(result.value.sections.length).toBeGreaterThanOrEqual(6);
    expect(result.value.sections.length).toBeLessThanOrEqual(8);
    expect(index.questions.every(({ question }) => question.help || question.text.length > 20)).toBe(true);
    const aiWashing = result.value.redFlags?.find((f) => f.id === 'ai-washing');
    expect(aiWashing).toMatchObject({ severity: 'critical' });
  });
});

describe('vendor files', () => {
  const index = indexQuestionnaire(
    oneSection([
      { id: 'trains-models', text: 'T?', type: 'boolean', points: 1 },
      { id: 'origin', text: 'O?', type: 'choice', options: [{ value: 'in-house', label: 'In-house' }, { value: 'api', label: 'API' }] },
      { id: 'records', text: 'R?', type: 'number', unit: 'records', min: 0 },
      { id: 'maybe', text: 'M?', type: 'boolean', notApplicable: true },
      { id: 'renamed', text: 'N?', type: 'boolean', replaces: ['old-name'] },
    ]),
  );
  const vendorText = (answers: string, id = 'acme') => `schema: aiclaim/vendor@1\nid: ${id}\nname: Acme\ncategory: emailing\nanswers:\n${answers}`;

  test('answers are checked against the questions they answer', () => {
    const text = vendorText(
      [
        '  trains-model: { value: true }',
        '  origin: { value: inhouse }',
        '  records: { value: "40 million" }',
        '  trains-models: { value: "yes" }',
      ].join('\n') + '\n',
    );
    expect(lines(loadVendor(text, 'v.yaml', index))).toEqual([
      'v.yaml:6:3: no question "trains-model" in questionnaire test — did you mean "trains-models"?',
      'v.yaml:7:20: "origin" takes one of in-house, api, not the text "inhouse" — did you mean "in-house"?',
      'v.yaml:8:21: "records" takes a number (records), not the text "40 million" — write the number alone, without units or separators: 1200000',
      'v.yaml:9:27: "trains-models" takes true or false, not the text "yes" — write true',
    ]);
  });

  test('not applicable only where the question allows it, and only with a justification', () => {
    const text = vendorText(['  trains-models: { notApplicable: We do not train anything at all. }', '  maybe: { notApplicable: n/a }'].join('\n') + '\n');
    expect(lines(loadVendor(text, 'v.yaml', index))).toEqual(['v.yaml:7:27: answers.maybe.notApplicable: notApplicable needs a justification of at least a few words']);
    const allowed = vendorText('  trains-models: { notApplicable: We do not train anything at all. }\n');
    expect(lines(loadVendor(allowed, 'v.yaml', index))).toEqual([
      'v.yaml:6:35: "trains-models" cannot be answered not applicable — give a value; if the vendor will not say, leave the question out (it counts as unanswered)',
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
    expect(lines(result)).toEqual(['v.yaml:6:3: warning: question "old-name" was replaced by "renamed"; this answer is read as its answer — rename the key to renamed']);
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
