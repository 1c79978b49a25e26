import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { loadQuestionnaire, loadVendor } from '../../src/core/load/load-files.js';
import { formatProblem } from '../../src/core/problem.js';
import { indexQuestionnaire } from '../../src/core/questionnaire-index.js';
import type { Question } from '../../src/core/schema/questionnaire.js';
import type { AnswerValue } from '../../src/core/schema/vendor.js';
import { checkDates } from '../../src/core/validate/check-dates.js';
import { checkVendor } from '../../src/core/validate/check-vendor.js';
import { impossibleAnswer } from '../../src/core/validate/impossible-answer.js';
import { oneSection, questionnaire, vendor } from '../helpers/build.js';

// Answers of the right shape that cannot be true: "None" ticked beside a certificate, a quarter
// not yet come given for when the model was trained, a claim or a document dated next year.

const TODAY = '2026-11-22';

const q = oneSection([
  {
    id: 'certs',
    text: 'Which certifications?',
    type: 'multi',
    options: [
      { value: 'iso-42001', label: 'ISO/IEC 42001' },
      { value: 'soc2', label: 'SOC 2' },
      { value: 'none', label: 'None', exclusive: true },
    ],
  },
  {
    id: 'sources',
    text: 'Which sources?',
    type: 'multi',
    options: [
      { value: 'own', label: 'Own' },
      { value: 'licensed', label: 'Licensed' },
    ],
  },
  { id: 'trained', text: 'Last trained?', type: 'quarter', past: true },
  { id: 'launch', text: 'Next launch?', type: 'quarter' },
  { id: 'audited', text: 'Last audited on?', type: 'date', past: true },
  { id: 'renews', text: 'Renews on?', type: 'date' },
  {
    id: 'funding',
    text: 'Funding?',
    type: 'choice',
    options: [
      { value: 'profitable', label: 'Profitable' },
      { value: 'undisclosed', label: 'Will not say', declines: true },
    ],
  },
]);
const index = indexQuestionnaire(q);
const question = (id: string): Question => index.byId.get(id)!.question;

describe('impossibleAnswer', () => {
  test.each([
    ['certs', ['none', 'iso-42001', 'soc2'], '"None" cannot be ticked with other options: untick it, or untick ISO/IEC 42001, SOC 2'],
    ['certs', ['soc2', 'none'], '"None" cannot be ticked with other options: untick it, or untick SOC 2'],
    ['certs', ['none'], undefined],
    ['certs', ['iso-42001', 'soc2'], undefined],
    ['sources', ['own', 'licensed'], undefined],
    ['trained', '2027-Q1', '2027-Q1 is after this quarter (2026-Q4): this question asks about the past, and 2027-Q1 has not come yet'],
    ['trained', '2026-Q4', undefined],
    ['trained', '2025-Q2', undefined],
    ['trained', 'soon', undefined],
    ['launch', '2027-Q1', undefined],
    ['audited', '2026-11-23', '2026-11-23 is after today (2026-11-22): this question asks about the past, and 2026-11-23 has not come yet'],
    ['audited', '2026-11-22', undefined],
    ['renews', '2027-06-30', undefined],
    ['funding', 'undisclosed', undefined],
  ] as [string, AnswerValue, string | undefined][])('%s = %j', (id, value, reason) => {
    expect(impossibleAnswer(question(id), value, TODAY)).toBe(reason);
  });

  test('the quarter of today turns with the calendar', () => {
    expect(impossibleAnswer(question('trained'), '2027-Q1', '2026-12-31')).toMatch(/^2027-Q1 is after this quarter \(2026-Q4\)/);
    expect(impossibleAnswer(question('trained'), '2027-Q1', '2027-01-01')).toBeUndefined();
  });
});

describe('checkVendor: an exclusive option stands alone', () => {
  test('"None" with a certificate is an error located at "None", whatever the date', () => {
    const issues = checkVendor(vendor({ answers: { certs: { value: ['iso-42001', 'none'] } } }), index);
    expect(issues).toEqual([
      {
        path: ['answers', 'certs', 'value', 1],
        message: '"None" cannot be ticked with other options: untick it, or untick ISO/IEC 42001',
        hint: 'write [none] alone, or remove none from the list',
      },
    ]);
    expect(checkVendor(vendor({ answers: { certs: { value: ['none'] }, sources: { value: ['own', 'licensed'] } } }), index)).toEqual([]);
  });

  test('in a file, with its line and column', () => {
    const text = 'schema: aiclaim/vendor@1\nid: acme\nname: Acme\ncategory: emailing\nanswers:\n  certs: { value: [soc2, none] }\n';
    const loaded = loadVendor(text, 'v.yaml', index);
    expect(loaded.ok ? [] : loaded.problems.map(formatProblem)).toEqual([
      'v.yaml:6:26: "None" cannot be ticked with other options: untick it, or untick SOC 2 — write [none] alone, or remove none from the list',
    ]);
  });
});

describe('checkDates', () => {
  const evidence = (date: string) => ({ ref: 'docs/report.pdf', date });

  test('what cannot have happened by today, each at its path', () => {
    const v = vendor({
      interview: { date: '2026-12-01', interviewer: 'Ann', respondents: [{ name: 'Bo' }] },
      claims: [
        { text: 'Our AI is great', date: '2026-11-20' },
        { text: 'Trained on millions', date: '2027-01-05' },
      ],
      evaluations: [{ question: 'trained', measured: '2026-Q1', by: 'Lab', independent: true, date: '2027-02-01' }],
      answers: {
        trained: { value: '2027-Q2' },
        audited: { value: '2026-12-24', evidence: evidence('2026-10-01') },
        launch: { value: '2027-Q3' },
        renews: { value: '2028-01-01', evidence: { ref: 'contract.pdf', date: '2026-01-10', expires: '2028-01-01' } },
        certs: { value: ['soc2'], evidence: evidence('2027-03-01'), date: '2026-11-30' },
      },
      roadmap: [
        { id: 'a', title: 'A', promised: '2026-Q3', due: '2027-Q2', status: 'planned' },
        { id: 'b', title: 'B', promised: '2027-Q1', due: '2027-Q2', status: 'delivered', deliveredIn: '2027-Q1', evidence: evidence('2027-01-15') },
      ],
    });
    expect(checkDates(v, index, TODAY)).toEqual([
      { path: ['interview', 'date'], message: 'the interview is dated 2026-12-01, after today (2026-11-22)', hint: 'write the day the interview took place' },
      {
        path: ['claims', 1, 'date'],
        message: 'the claim is dated 2027-01-05, after today (2026-11-22)',
        hint: 'write the day the claim was made, or first seen',
      },
      { path: ['evaluations', 0, 'date'], message: 'the evaluation is dated 2027-02-01, after today (2026-11-22)', hint: 'write the day the test reported' },
      {
        path: ['answers', 'trained', 'value'],
        message: '2027-Q2 is after this quarter (2026-Q4): this question asks about the past, and 2027-Q2 has not come yet',
        hint: 'write the quarter it happened; one still planned is not an answer yet',
      },
      {
        path: ['answers', 'audited', 'value'],
        message: '2026-12-24 is after today (2026-11-22): this question asks about the past, and 2026-12-24 has not come yet',
        hint: 'write the day it happened; one still planned is not an answer yet',
      },
      { path: ['answers', 'certs', 'date'], message: 'the answer is dated 2026-11-30, after today (2026-11-22)', hint: 'write the day the vendor answered' },
      {
        path: ['answers', 'certs', 'evidence', 'date'],
        message: 'the evidence is dated 2027-03-01, after today (2026-11-22)',
        hint: 'write the date the document bears',
      },
      {
        path: ['roadmap', 1, 'promised'],
        message: 'promised in 2027-Q1, after this quarter (2026-Q4): 2027-Q1 has not come yet',
        hint: 'write the quarter the vendor made the promise',
      },
      {
        path: ['roadmap', 1, 'deliveredIn'],
        message: 'delivered in 2027-Q1, after this quarter (2026-Q4): 2027-Q1 has not come yet',
        hint: 'write the quarter it shipped; if it has not shipped yet, it is not delivered',
      },
      {
        path: ['roadmap', 1, 'evidence', 'date'],
        message: 'the evidence is dated 2027-01-15, after today (2026-11-22)',
        hint: 'write the date the document bears',
      },
    ]);
  });

  test('today itself, and this quarter, have come', () => {
    const v = vendor({
      interview: { date: TODAY, interviewer: 'Ann', respondents: [{ name: 'Bo' }] },
      claims: [{ text: 'Our AI is great', date: TODAY }],
      answers: { trained: { value: '2026-Q4' }, audited: { value: TODAY, evidence: evidence(TODAY) } },
      roadmap: [{ id: 'a', title: 'A', promised: '2026-Q4', due: '2026-Q4', status: 'delivered', deliveredIn: '2026-Q4' }],
    });
    expect(checkDates(v, index, TODAY)).toEqual([]);
  });

  test('an answer under a replaced id is read as its successor', () => {
    const renamed = indexQuestionnaire(oneSection([{ id: 'last-trained', text: 'Last trained?', type: 'quarter', past: true, replaces: ['trained-in'] }]));
    expect(checkDates(vendor({ answers: { 'trained-in': { value: '2027-Q1' } } }), renamed, TODAY).map((i) => i.path)).toEqual([
      ['answers', 'trained-in', 'value'],
    ]);
  });

  test('the bundled sample has nothing dated after the day its tests pin', () => {
    const repo = resolve(import.meta.dirname, '..', '..');
    const loaded = loadQuestionnaire(readFileSync(join(repo, 'questionnaires', 'ai-claims.yaml'), 'utf8'), 'ai-claims.yaml');
    if (!loaded.ok) throw new Error(loaded.problems.map(formatProblem).join('\n'));
    const text = readFileSync(join(repo, 'fixtures', 'sample', 'vendors', 'lumen-personalize.yaml'), 'utf8');
    const result = loadVendor(text, 'lumen-personalize.yaml', indexQuestionnaire(loaded.value), 'lumen-personalize', TODAY);
    expect(result.ok ? result.warnings.map(formatProblem) : result.problems.map(formatProblem)).toEqual([]);
  });
});

describe('questionnaire attributes sit where they mean something', () => {
  const header = 'schema: aiclaim/questionnaire@1\nid: t\nversion: 1.0.0\ntitle: T\n';
  const lines = (text: string) => {
    const result = loadQuestionnaire(text, 'q.yaml');
    return result.ok ? result.warnings.map(formatProblem) : result.problems.map(formatProblem);
  };

  test('exclusive, declines and past are refused on questions that cannot have them', () => {
    const text = `${header}sections:
  - id: s
    title: S
    questions:
      - id: pick
        text: Pick one
        type: choice
        options:
          - { value: a, label: A, exclusive: true }
          - { value: b, label: B, declines: true }
          - { value: c, label: C, declines: true }
      - id: tick
        text: Tick some
        type: multi
        options:
          - { value: a, label: A, declines: true }
          - { value: none, label: None, exclusive: true }
      - { id: count, text: How many?, type: number, unit: people, past: true }
      - { id: when, text: When?, type: quarter, past: true }
      - id: items
        text: Items
        type: list
        fields:
          - { id: kind, text: Kind, type: choice, options: [{ value: x, label: X, exclusive: true }, { value: y, label: Y, declines: true }] }
`;
    expect(lines(text)).toEqual([
      'q.yaml:13:46: exclusive says an option cannot be ticked with others, but this is an option of a choice question, where only one is picked — remove exclusive; it is for options of multi questions, such as "None"',
      'q.yaml:15:45: option "b" already declines: a question has one way for the vendor not to say — keep declines on one option',
      'q.yaml:20:45: declines marks the option by which the vendor will not say, which only a choice question can have, not a multi question — remove declines: the interview offers its own "the vendor will not say"',
      'q.yaml:22:73: past says a date or quarter has already come, but "count" is a number question — remove past, or make it a date or quarter question',
      'q.yaml:28:94: exclusive says an option cannot be ticked with others, but this is an option of a list field, where only one is picked — remove exclusive; it is for options of multi questions, such as "None"',
      'q.yaml:28:134: declines marks the option by which the vendor will not say, which only a choice question can have, not a list field — remove declines',
    ]);
  });

  test('askedOf says who answers; the team cannot be the vendor declining, and a subsection inherits it', () => {
    const text = `${header}sections:
  - id: ours
    title: Ours
    askedOf: team
    sections:
      - id: inner
        title: Inner
        questions:
          - { id: cost, text: Cost?, type: choice, options: [{ value: low, label: Low }, { value: secret, label: Will not say, declines: true }] }
  - id: theirs
    title: Theirs
    questions:
      - { id: model, text: Model?, type: boolean }
`;
    expect(lines(text)).toEqual([
      'q.yaml:13:138: declines marks the vendor declining to say, but "cost" is in a section your own team answers (askedOf: team) — remove declines, or move the question to a section the vendor answers',
    ]);
    expect(lines(text.replace('askedOf: team', 'askedOf: buyer'))[0]).toMatch(
      /^q\.yaml:8:14: .*askedOf must be vendor \(the vendor answers\) or team \(your own side answers\)/,
    );
    const index = indexQuestionnaire(
      questionnaire({
        sections: [
          { id: 'ours', title: 'Ours', askedOf: 'team', sections: [{ id: 'inner', title: 'Inner', questions: [{ id: 'cost', text: 'C', type: 'boolean' }] }] },
          { id: 'theirs', title: 'Theirs', questions: [{ id: 'model', text: 'M', type: 'boolean' }] },
        ],
      }),
    );
    expect(index.questions.map((e) => [e.question.id, e.askedOf])).toEqual([
      ['cost', 'team'],
      ['model', 'vendor'],
    ]);
  });

  test('the default questionnaire marks what it means', () => {
    const repo = resolve(import.meta.dirname, '..', '..');
    const loaded = loadQuestionnaire(readFileSync(join(repo, 'questionnaires', 'ai-claims.yaml'), 'utf8'), 'ai-claims.yaml');
    if (!loaded.ok) throw new Error(loaded.problems.map(formatProblem).join('\n'));
    const ai = indexQuestionnaire(loaded.value);
    const options = (id: string) => {
      const found = ai.byId.get(id)!.question;
      return 'options' in found ? found.options : [];
    };
    expect(
      options('certifications')
        .filter((o) => o.exclusive)
        .map((o) => o.value),
    ).toEqual(['none']);
    expect(options('data-provenance').some((o) => o.exclusive)).toBe(false);
    expect(
      options('funding')
        .filter((o) => o.declines)
        .map((o) => o.value),
    ).toEqual(['undisclosed']);
    expect(ai.questions.filter((e) => e.question.past).map((e) => e.question.id)).toEqual(['last-trained']);
    expect([...new Set(ai.questions.filter((e) => e.askedOf === 'team').map((e) => e.sectionKey))]).toEqual(['value']);
  });
});
